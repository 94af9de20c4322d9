// Every HTML page of the site as a page spec: its path, its inputs (plain data: teasers, articles,
// the shell) and a render function over them with a TSX layout. Pure: nothing here reads a file.
import { h } from "preact";
import type { Newsroom, Shell, Teaser } from "../content/types.ts";
import { renderPage } from "./document.ts";
import { page, type PageSpec } from "./page.ts";
import { archiveMonths, authorsWithCounts, collectTags, leadStory, listingPath, paginate, relatedStories, sectionBlocks, teasersByAuthor, teasersInSection, videoStories, type Listing } from "./collections.ts";
import { articleHead, authorHead, frontHead, pageHead, sectionHead, unlistedHead } from "./seo/head.ts";
import { feedLinks } from "./feeds/links.ts";
import type { HeadMeta } from "./head.ts";
import { ArticlePage, ArticleStory } from "../../layouts/ArticlePage.tsx";
import { renderFragment } from "../render/components.ts";
import { escapeXml } from "./xml.ts";
import { AuthorPage } from "../../layouts/AuthorPage.tsx";
import { ListPage } from "../../layouts/ListPage.tsx";
import { FrontPage } from "../../layouts/FrontPage.tsx";
import { ArchiveIndex, AuthorIndex, NotFoundPage, TagIndex } from "../../layouts/IndexPages.tsx";

const STORY_MARKER = "\u0000story\u0000";

/** What the search index reads of an article page: its language, title and story. */
function searchDocument(shell: Shell, headline: string, story: string): string {
  return `<!DOCTYPE html><html lang="${escapeXml(shell.site.language)}"><head><title>${escapeXml(`${headline} | ${shell.site.name}`)}</title></head><body><article data-pagefind-body="">${story}</article></body></html>`;
}

/** Pagination links for the head of a listing page. */
export function pageLinks(listing: Listing<unknown>): Pick<HeadMeta, "prev" | "next"> {
  const links: Pick<HeadMeta, "prev" | "next"> = {};
  if (listing.pageNumber > 1) links.prev = listingPath(listing.base, listing.pageNumber - 1);
  if (listing.pageNumber < listing.totalPages) links.next = listingPath(listing.base, listing.pageNumber + 1);
  return links;
}

/** A listing's title: "Topics", then "Topics — page 2". */
export function pageTitle(title: string, listing: Listing<unknown>): string {
  return listing.pageNumber > 1 ? `${title} — page ${listing.pageNumber}` : title;
}

function articlePages(newsroom: Newsroom): PageSpec[] {
  const { shell } = newsroom;
  const related = relatedStories(newsroom.articles.map((article) => article.teaser));
  return newsroom.articles.map((article) =>
    page(
      "article",
      article.path,
      { shell, article, related: related.get(article.teaser) ?? [] },
      ({ shell, article, related }) => {
        // The story is rendered once and placed into the page by a marker (Preact writes its NUL
        // as it is; no text of the page can hold one): the search index gets the very same markup.
        const story = renderFragment(h(ArticleStory, { article, shell }));
        const meta = {
          path: article.path,
          title: article.headline,
          description: article.summary,
          section: article.section.slug,
          head: { ...articleHead(article, shell), feeds: feedLinks({ kind: "section", section: article.section }, shell.site) },
        };
        const html = renderPage(shell, meta, h(ArticlePage, { article, related, shell, story: STORY_MARKER })).replace(STORY_MARKER, () => story);
        return { html, search: searchDocument(shell, article.headline, story) };
      },
      [article],
    ),
  );
}

function frontPages(newsroom: Newsroom, teasers: readonly Teaser[]): PageSpec[] {
  const { shell } = newsroom;
  const { site } = shell;
  const listings = paginate(teasers, site.pageSize, "/");
  return listings.map((listing) => {
    if (listing.pageNumber > 1) {
      return page("front", listing.path, { shell, listing }, ({ shell, listing }) => {
        const title = pageTitle("Latest news", listing);
        const head = { ...pageHead(shell), ...pageLinks(listing), feeds: feedLinks({ kind: "site" }, shell.site) };
        return renderPage(shell, { path: listing.path, title, description: `${title} from ${shell.site.name}.`, head }, h(ListPage, { title: "Latest news", listing, site: shell.site, label: "Pages of latest news" }));
      });
    }
    const lead = leadStory(teasers);
    const latest = listing.items.filter((teaser) => teaser !== lead);
    // Section blocks repeat stories from the latest list on purpose: they are the way in by section.
    const blocks = sectionBlocks(teasers, site.sections, new Set(lead ? [lead] : []));
    const olderPath = listing.totalPages > 1 ? listingPath(listing.base, 2) : undefined;
    const videos = videoStories(teasers);
    return page("front", "/", { shell, lead, latest, blocks, olderPath, videos }, ({ shell, lead, latest, blocks, olderPath, videos }) => {
      const head = { ...frontHead(shell), ...(olderPath && { next: olderPath }), feeds: feedLinks({ kind: "site" }, shell.site) };
      return renderPage(
        shell,
        { path: "/", title: shell.site.name, description: shell.site.tagline ?? `The latest news from ${shell.site.name}.`, head },
        h(FrontPage, { site: shell.site, lead, latest, blocks, olderPath, videos, promos: shell.promos }),
      );
    });
  });
}

function sectionPages(newsroom: Newsroom, teasers: readonly Teaser[]): PageSpec[] {
  const { shell } = newsroom;
  return shell.site.sections.flatMap((section) =>
    paginate(teasersInSection(teasers, section.slug), shell.site.pageSize, section.path).map((listing) =>
      page("section", listing.path, { shell, section, listing }, ({ shell, section, listing }) =>
        renderPage(
          shell,
          {
            path: listing.path,
            title: pageTitle(section.title, listing),
            description: `${section.title} news from ${shell.site.name}.`,
            section: section.slug,
            // Structured data describes the section itself: only its first page carries it.
            head: { ...(listing.pageNumber === 1 ? sectionHead(section, shell) : pageHead(shell)), ...pageLinks(listing), feeds: feedLinks({ kind: "section", section }, shell.site) },
          },
          h(ListPage, { title: section.title, listing, site: shell.site, label: `Pages of ${section.title}` }),
        ),
      ),
    ),
  );
}

function tagPages(newsroom: Newsroom, teasers: readonly Teaser[]): PageSpec[] {
  const { shell } = newsroom;
  const tags = collectTags(teasers);
  const index = page("tag-index", "/tags/", { shell, tags: tags.map(({ name, path, teasers }) => ({ name, path, count: teasers.length })) }, ({ shell, tags }) =>
    renderPage(shell, { path: "/tags/", title: "Topics", description: `Every topic covered by ${shell.site.name}.`, head: pageHead(shell) }, h(TagIndex, { tags, site: shell.site })),
  );
  return [
    index,
    ...tags.flatMap((tag) =>
      paginate(tag.teasers, shell.site.pageSize, tag.path).map((listing) =>
        page("tag", listing.path, { shell, topic: { slug: tag.slug, name: tag.name, path: tag.path }, listing }, ({ shell, topic, listing }) =>
          renderPage(
            shell,
            {
              path: listing.path,
              title: pageTitle(topic.name, listing),
              description: `Articles about ${topic.name} from ${shell.site.name}.`,
              head: { ...pageHead(shell), ...pageLinks(listing), feeds: feedLinks({ kind: "tag", tag: topic }, shell.site) },
            },
            h(ListPage, { title: topic.name, listing, site: shell.site, label: `Pages about ${topic.name}` }),
          ),
        ),
      ),
    ),
  ];
}

function authorPages(newsroom: Newsroom, teasers: readonly Teaser[]): PageSpec[] {
  const { shell, authors } = newsroom;
  const index = page("author-index", "/authors/", { shell, authors: authorsWithCounts(authors, teasers) }, ({ shell, authors }) =>
    renderPage(
      shell,
      { path: "/authors/", title: "Our journalists", description: `The reporters, editors and photographers of ${shell.site.name}.`, head: pageHead(shell) },
      h(AuthorIndex, { authors, site: shell.site }),
    ),
  );
  return [
    index,
    ...authors.flatMap((author) =>
      paginate(teasersByAuthor(teasers, author.id), shell.site.pageSize, author.path).map((listing) =>
        page("author", listing.path, { shell, author, listing }, ({ shell, author, listing }) =>
          renderPage(
            shell,
            {
              path: listing.path,
              title: pageTitle(author.name, listing),
              description: `${author.name}${author.role ? `, ${author.role}` : ""}: articles and biography.`,
              head: { ...(listing.pageNumber === 1 ? authorHead(author, shell) : pageHead(shell)), ...pageLinks(listing), feeds: feedLinks({ kind: "author", author }, shell.site) },
            },
            h(AuthorPage, { author, listing, site: shell.site }),
          ),
        ),
      ),
    ),
  ];
}

/** "November 2026" in the site's language. */
function monthTitle(language: string, year: string, month: string): string {
  return new Intl.DateTimeFormat(language, { month: "long", year: "numeric", timeZone: "UTC" }).format(Date.UTC(Number(year), Number(month) - 1, 15));
}

function archivePages(newsroom: Newsroom, teasers: readonly Teaser[]): PageSpec[] {
  const { shell } = newsroom;
  const months = archiveMonths(teasers);
  const index = page("archive-index", "/archive/", { shell, months: months.map(({ year, month, path, teasers }) => ({ year, month, path, count: teasers.length })) }, ({ shell, months }) =>
    renderPage(shell, { path: "/archive/", title: "Archive", description: `Every month of ${shell.site.name}.`, head: pageHead(shell) }, h(ArchiveIndex, { months, site: shell.site })),
  );
  return [
    index,
    ...months.flatMap((month) =>
      paginate(month.teasers, shell.site.pageSize, month.path).map((listing) =>
        page("archive", listing.path, { shell, year: month.year, month: month.month, listing }, ({ shell, year, month, listing }) => {
          const title = monthTitle(shell.site.language, year, month);
          return renderPage(
            shell,
            { path: listing.path, title: pageTitle(title, listing), description: `Articles from ${title} in ${shell.site.name}.`, head: { ...pageHead(shell), ...pageLinks(listing) } },
            h(ListPage, { title, listing, site: shell.site, label: `Pages of ${title}` }),
          );
        }),
      ),
    ),
  ];
}

function notFoundPage(shell: Shell): PageSpec {
  return page("not-found", "/404.html", { shell }, ({ shell }) =>
    renderPage(shell, { path: "/404.html", title: "Page not found", description: "This page does not exist.", head: unlistedHead(shell) }, h(NotFoundPage, { site: shell.site })),
  );
}

/** Every HTML page but the search page and the editions: articles first, then the listings. */
export function htmlPages(newsroom: Newsroom): PageSpec[] {
  const teasers = newsroom.articles.map((article) => article.teaser);
  return [
    ...articlePages(newsroom),
    ...frontPages(newsroom, teasers),
    ...sectionPages(newsroom, teasers),
    ...tagPages(newsroom, teasers),
    ...authorPages(newsroom, teasers),
    ...archivePages(newsroom, teasers),
    notFoundPage(newsroom.shell),
  ];
}
