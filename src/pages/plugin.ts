// Eleventy plugin: every page of the site is a virtual template paginated over the newsroom data,
// rendered by a TSX layout. No template language ever runs over what editors write.
import { h, type VNode } from "preact";
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { Article, Author, Newsroom } from "../content/types.ts";
import type { Section } from "../site.ts";
import { renderDocument } from "../render.ts";
import { addPages } from "./virtual.ts";
import { articleHead, authorHead, frontHead, sectionHead } from "../seo/head.ts";
import { feedLinks } from "../feeds/links.ts";
import { stylesheetPath } from "../assets.ts";
import { articlesByAuthor, articlesInSection, latestYear } from "../collections.ts";
import { Page, type PageProps } from "../../layouts/Page.tsx";
import { ArticlePage } from "../../layouts/ArticlePage.tsx";
import { AuthorPage } from "../../layouts/AuthorPage.tsx";
import { ListPage } from "../../layouts/ListPage.tsx";

type PageMeta = Omit<PageProps, "site" | "year" | "stylesheet" | "children">;

function document<P>(newsroom: Newsroom, meta: PageMeta, body: VNode<P>): string {
  const props: PageProps = { ...meta, site: newsroom.site, year: latestYear(newsroom.articles), stylesheet: stylesheetPath(), children: body };
  return renderDocument(h(Page, props));
}

export default function pagesPlugin(eleventyConfig: UserConfig): void {
  addPages<Article>(
    eleventyConfig,
    "article",
    (newsroom) => newsroom.articles,
    (article) => article.path,
    (article, newsroom) =>
      document(newsroom, { path: article.path, title: article.headline, description: article.summary, section: article.section.slug, head: articleHead(article, newsroom) }, h(ArticlePage, { article, site: newsroom.site })),
  );

  addPages<Author>(
    eleventyConfig,
    "author",
    (newsroom) => newsroom.authors,
    (author) => author.path,
    (author, newsroom) =>
      document(
        newsroom,
        {
          path: author.path,
          title: author.name,
          description: `${author.name}${author.role ? `, ${author.role}` : ""}: articles and biography.`,
          head: { ...authorHead(author, newsroom), feeds: feedLinks({ kind: "author", author }, newsroom.site) },
        },
        h(AuthorPage, { author, articles: articlesByAuthor(newsroom.articles, author.id), site: newsroom.site }),
      ),
  );

  addPages<Section>(
    eleventyConfig,
    "section",
    (newsroom) => newsroom.site.sections,
    (section) => section.path,
    (section, newsroom) =>
      document(
        newsroom,
        {
          path: section.path,
          title: section.title,
          description: `${section.title} news from ${newsroom.site.name}.`,
          section: section.slug,
          head: { ...sectionHead(section, newsroom), feeds: feedLinks({ kind: "section", section }, newsroom.site) },
        },
        h(ListPage, { title: section.title, articles: articlesInSection(newsroom.articles, section.slug), site: newsroom.site }),
      ),
  );

  addPages<string>(
    eleventyConfig,
    "front",
    () => ["/"],
    (path) => path,
    (_path, newsroom) =>
      document(
        newsroom,
        {
          path: "/",
          title: newsroom.site.name,
          description: newsroom.site.tagline ?? `The latest news from ${newsroom.site.name}.`,
          head: { ...frontHead(newsroom), feeds: feedLinks({ kind: "site" }, newsroom.site) },
        },
        h(ListPage, { title: `Latest news from ${newsroom.site.name}`, articles: newsroom.articles, site: newsroom.site, visuallyHiddenTitle: true }),
      ),
  );
}
