// Eleventy plugin: every HTML page of the site, each a virtual template over the loaded newsroom,
// rendered by a TSX layout. No template language ever runs over what editors write.
import { h } from "preact";
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { Article, Newsroom } from "../content/types.ts";
import { changedArticles, type PreviewChanges } from "../content/preview-changes.ts";
import { renderPage } from "./document.ts";
import { addPages } from "./virtual.ts";
import {
  archiveMonths,
  articlesByAuthor,
  articlesInSection,
  authorsWithArticles,
  collectTags,
  createRelatedIndex,
  leadStory,
  paginate,
  sectionBlocks,
  tagSlug,
  type Listing,
} from "../collections.ts";
import { articleHead, authorHead, frontHead, pageHead, sectionHead } from "../seo/head.ts";
import { feedLinks } from "../feeds/links.ts";
import type { HeadMeta } from "../head.ts";
import { ArticlePage } from "../../layouts/ArticlePage.tsx";
import { AuthorPage } from "../../layouts/AuthorPage.tsx";
import { ListPage } from "../../layouts/ListPage.tsx";
import { FrontPage } from "../../layouts/FrontPage.tsx";
import { ArchiveIndex, AuthorIndex, NotFoundPage, TagIndex } from "../../layouts/IndexPages.tsx";

/** A page of the site, rendered when Eleventy writes it. */
export interface PageSpec {
  path: string;
  render: () => string;
  /** Whether a live-preview edit to these articles changes this page; without it, no article edit does (see virtual.ts). */
  affected?: (changes: PreviewChanges) => boolean;
}

/** A listing page shows its articles' headlines, summaries and photos. */
function listsAnyOf(articles: readonly Article[]): PageSpec["affected"] {
  return (changes) => articles.some((article) => changes.listed.has(article.id));
}

/** Pagination links for the head of a listing page. */
function pageLinks<T>(listing: Listing<T>): Pick<HeadMeta, "prev" | "next"> {
  const links: Pick<HeadMeta, "prev" | "next"> = {};
  if (listing.pageNumber > 1) links.prev = listing.pathOf(listing.pageNumber - 1);
  if (listing.pageNumber < listing.totalPages) links.next = listing.pathOf(listing.pageNumber + 1);
  return links;
}

function pageTitle(title: string, listing: Listing<unknown>): string {
  return listing.pageNumber > 1 ? `${title} — page ${listing.pageNumber}` : title;
}

function frontPages(newsroom: Newsroom): PageSpec[] {
  const { site, articles } = newsroom;
  const lead = leadStory(articles);
  const listings = paginate(articles, site.pageSize, "/");
  return listings.map((listing) => ({
    path: listing.path,
    // The first page also shows the lead and the section blocks: any listing edit rewrites it.
    affected: listing.pageNumber === 1 ? (changes) => changes.listed.size > 0 : listsAnyOf(listing.items),
    render: () => {
      const head = { ...(listing.pageNumber === 1 ? frontHead(newsroom) : pageHead(newsroom)), ...pageLinks(listing), feeds: feedLinks({ kind: "site" }, site) };
      if (listing.pageNumber > 1) {
        const title = pageTitle("Latest news", listing);
        return renderPage(newsroom, { path: listing.path, title, description: `${title} from ${site.name}.`, head }, h(ListPage, { title: "Latest news", listing, site, label: "Pages of latest news" }));
      }
      const latest = listing.items.filter((article) => article !== lead);
      // Section blocks repeat stories from the latest list on purpose: they are the way in by section.
      const blocks = sectionBlocks(articles, site.sections, new Set(lead ? [lead] : []));
      return renderPage(
        newsroom,
        { path: "/", title: site.name, description: site.tagline ?? `The latest news from ${site.name}.`, head },
        h(FrontPage, { site, lead, latest, blocks, olderPath: listing.totalPages > 1 ? listing.pathOf(2) : undefined }),
      );
    },
  }));
}

function sectionPages(newsroom: Newsroom): PageSpec[] {
  const { site, articles } = newsroom;
  return site.sections.flatMap((section) =>
    paginate(articlesInSection(articles, section.slug), site.pageSize, section.path).map((listing) => ({
      path: listing.path,
      affected: listsAnyOf(listing.items),
      render: () =>
        renderPage(
          newsroom,
          {
            path: listing.path,
            title: pageTitle(section.title, listing),
            description: `${section.title} news from ${site.name}.`,
            section: section.slug,
            // Structured data describes the section itself: only its first page carries it.
            head: { ...(listing.pageNumber === 1 ? sectionHead(section, newsroom) : pageHead(newsroom)), ...pageLinks(listing), feeds: feedLinks({ kind: "section", section }, site) },
          },
          h(ListPage, { title: section.title, listing, site, label: `Pages of ${section.title}` }),
        ),
    })),
  );
}

function tagPages(newsroom: Newsroom): PageSpec[] {
  const { site } = newsroom;
  const tags = collectTags(newsroom.articles);
  const index: PageSpec = {
    path: "/tags/",
    render: () => renderPage(newsroom, { path: "/tags/", title: "Topics", description: `Every topic covered by ${site.name}.`, head: pageHead(newsroom) }, h(TagIndex, { tags, site })),
  };
  return [
    index,
    ...tags.flatMap((tag) =>
      paginate(tag.articles, site.pageSize, tag.path).map((listing) => ({
        path: listing.path,
        affected: listsAnyOf(listing.items),
        render: () =>
          renderPage(
            newsroom,
            { path: listing.path, title: pageTitle(tag.name, listing), description: `Articles about ${tag.name} from ${site.name}.`, head: { ...pageHead(newsroom), ...pageLinks(listing) } },
            h(ListPage, { title: tag.name, listing, site, label: `Pages about ${tag.name}` }),
          ),
      })),
    ),
  ];
}

function authorPages(newsroom: Newsroom): PageSpec[] {
  const { site, articles, authors } = newsroom;
  const index: PageSpec = {
    path: "/authors/",
    render: () =>
      renderPage(
        newsroom,
        { path: "/authors/", title: "Our journalists", description: `The reporters, editors and photographers of ${site.name}.`, head: pageHead(newsroom) },
        h(AuthorIndex, { authors: authorsWithArticles(authors, articles), site }),
      ),
  };
  return [
    index,
    ...authors.flatMap((author) =>
      paginate(articlesByAuthor(articles, author.id), site.pageSize, author.path).map((listing) => ({
        path: listing.path,
        affected: listsAnyOf(listing.items),
        render: () =>
          renderPage(
            newsroom,
            {
              path: listing.path,
              title: pageTitle(author.name, listing),
              description: `${author.name}${author.role ? `, ${author.role}` : ""}: articles and biography.`,
              head: { ...(listing.pageNumber === 1 ? authorHead(author, newsroom) : pageHead(newsroom)), ...pageLinks(listing), feeds: feedLinks({ kind: "author", author }, site) },
            },
            h(AuthorPage, { author, listing, site }),
          ),
      })),
    ),
  ];
}

function archivePages(newsroom: Newsroom): PageSpec[] {
  const { site } = newsroom;
  const months = archiveMonths(newsroom.articles);
  const monthTitle = (year: string, month: string) =>
    new Intl.DateTimeFormat(site.language, { month: "long", year: "numeric", timeZone: "UTC" }).format(Date.UTC(Number(year), Number(month) - 1, 15));
  const index: PageSpec = {
    path: "/archive/",
    render: () => renderPage(newsroom, { path: "/archive/", title: "Archive", description: `Every month of ${site.name}.`, head: pageHead(newsroom) }, h(ArchiveIndex, { months, site })),
  };
  return [
    index,
    ...months.flatMap((month) =>
      paginate(month.articles, site.pageSize, month.path).map((listing) => ({
        path: listing.path,
        affected: listsAnyOf(listing.items),
        render: () => {
          const title = monthTitle(month.year, month.month);
          return renderPage(
            newsroom,
            { path: listing.path, title: pageTitle(title, listing), description: `Articles from ${title} in ${site.name}.`, head: { ...pageHead(newsroom), ...pageLinks(listing) } },
            h(ListPage, { title, listing, site, label: `Pages of ${title}` }),
          );
        },
      })),
    ),
  ];
}

function notFoundPage(newsroom: Newsroom): PageSpec {
  return {
    path: "/404.html",
    render: () => renderPage(newsroom, { path: "/404.html", title: "Page not found", description: "This page does not exist.", head: pageHead(newsroom) }, h(NotFoundPage, { site: newsroom.site })),
  };
}

function articlePages(newsroom: Newsroom): PageSpec[] {
  // One index per build: related articles for every article.
  // Built on first use: a preview rebuild for a body edit never needs it.
  let index: ((article: Article) => Article[]) | undefined;
  const related = (article: Article) => (index ??= createRelatedIndex(newsroom.articles))(article);
  const showsRelated = relatedLister(newsroom, related);
  return newsroom.articles.map((article) => ({
    path: article.path,
    affected: (changes) => changes.changed.has(article.id) || showsRelated(article, changes),
    render: () =>
      renderPage(
        newsroom,
        { path: article.path, title: article.headline, description: article.summary, section: article.section.slug, head: { ...articleHead(article, newsroom), feeds: feedLinks({ kind: "section", section: article.section }, newsroom.site) } },
        h(ArticlePage, { article, related: related(article), site: newsroom.site }),
      ),
  }));
}

/**
 * Whether `article`'s "related" list shows an article whose listing fields a preview edit changed.
 * Only an article sharing a tag or the section can be related, so the rest are ruled out without
 * a lookup.
 */
function relatedLister(newsroom: Newsroom, related: (article: Article) => Article[]): (article: Article, changes: PreviewChanges) => boolean {
  const near = new WeakMap<PreviewChanges, { sections: Set<string>; tags: Set<string> }>();
  // A few hundred tags over tens of thousands of articles: slugify each once.
  const slugs = new Map<string, string>();
  const slugOf = (tag: string) => slugs.get(tag) ?? slugs.set(tag, tagSlug(tag)).get(tag) ?? "";
  return (article, changes) => {
    if (changes.listed.size === 0) return false;
    let listed = near.get(changes);
    if (!listed) {
      const changed = changedArticles(newsroom, changes.listed);
      listed = { sections: new Set(changed.map((other) => other.section.slug)), tags: new Set(changed.flatMap((other) => other.tags.map(tagSlug))) };
      near.set(changes, listed);
    }
    const { sections, tags } = listed;
    if (!sections.has(article.section.slug) && !article.tags.some((tag) => tags.has(slugOf(tag)))) return false;
    return related(article).some((other) => changes.listed.has(other.id));
  };
}

/** Every kind of HTML page, each a function from the newsroom to its pages. */
export const PAGE_KINDS: readonly [string, (newsroom: Newsroom) => PageSpec[]][] = [
  ["article", articlePages],
  ["front", frontPages],
  ["section", sectionPages],
  ["tag", tagPages],
  ["author", authorPages],
  ["archive", archivePages],
  ["not-found", (newsroom) => [notFoundPage(newsroom)]],
];

export default function pagesPlugin(eleventyConfig: UserConfig): void {
  for (const [name, pages] of PAGE_KINDS) {
    addPages<PageSpec>(eleventyConfig, name, pages, (page) => page.path, (page) => page.render(), {
      affected: (page, changes) => page.affected?.(changes) ?? false,
      // Only an article's own page shows its body.
      listingsOnly: name !== "article",
    });
  }
}
