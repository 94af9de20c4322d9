// Every HTML page of the site as a page spec: its path, its inputs (plain data: teasers, articles,
// the shell) and a render function over them with a TSX layout. Pure: nothing here reads a file.
import { h } from "preact";
import type { Article, Newsroom, Shell, Teaser } from "../content/types.ts";
import { renderPage } from "./document.ts";
import { page, type PageSpec } from "./page.ts";
import { archiveMonths, authorsWithCounts, paginateStable, teasersByAuthor, teasersInSection, videoStories, type Listing, type Tag } from "./collections.ts";
import { relatedOf, type RelatedPlaces } from "./related.ts";
import { planFront } from "./front-page.ts";
import { dayIn, formatMoment, machineMoment, monthTitle } from "../dates.ts";
import { formatEditionDay } from "../edition/model.ts";
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
import { localeOf, type Locale } from "../i18n/index.ts";
import { signupsAt } from "./newsletters.ts";

const STORY_MARKER = "\u0000story\u0000";

/**
 * What the search index reads of an article page: its language and direction, title and story, and
 * what a result shows besides (Pagefind metadata: section, date, byline, thumbnail; filters: section
 * and year), in an element the index does not search or quote.
 */
function searchDocument(shell: Shell, article: Article, story: string): string {
  const { site } = shell;
  const { teaser } = article;
  const attribute = (value: string | number) => escapeXml(String(value));
  const meta = (key: string, value: string) => `<span data-pagefind-meta="${key}">${escapeXml(value)}</span>`;
  const filter = (key: string, value: string) => `<span data-pagefind-filter="${key}">${escapeXml(value)}</span>`;
  // The smallest WebP (else JPEG) of the lead photo: a result's thumbnail is a few rem wide.
  const sources = teaser.photo?.image.sources ?? [];
  const thumbnail = (sources.find((source) => source.format === "webp") ?? sources.find((source) => source.format === "jpeg"))?.variants[0];
  const details = [
    meta("title", article.headline),
    meta("section", teaser.section.title),
    filter("section", teaser.section.title),
    filter("year", teaser.published.day.slice(0, 4)),
    meta("date", formatMoment(teaser.published, site.language, site.timeZone)),
    `<span data-pagefind-meta="datetime:${attribute(machineMoment(teaser.published))}"></span>`,
    teaser.authors.length > 0 ? meta("byline", localeOf(site.language).list(teaser.authors.map((author) => author.name))) : "",
    thumbnail && teaser.photo
      ? `<img src="${attribute(thumbnail.url)}" alt="${attribute(teaser.photo.alt)}" width="${thumbnail.width}" height="${thumbnail.height}" data-pagefind-meta="image[src], image_alt[alt], image_width[width], image_height[height]">`
      : "",
  ].join("");
  return `<!DOCTYPE html><html lang="${escapeXml(site.language)}" dir="${localeOf(site.language).direction}"><head><title>${escapeXml(`${article.headline} | ${site.name}`)}</title></head><body><article data-pagefind-body="">${story}<div class="search-meta" data-pagefind-ignore="">${details}</div></article></body></html>`;
}

/**
 * An article's search document on its own, the very text its page's render gives (the build writes
 * a few ahead of their pages: src/build/write.ts `writeDocumentsAhead`). Its body must be prepared.
 */
export function articleSearchDocument(shell: Shell, article: Article): string {
  return searchDocument(shell, article, renderFragment(h(ArticleStory, { article, shell })));
}

/** Pagination links for the head of a listing page. */
export function pageLinks(listing: Listing<unknown>): Pick<HeadMeta, "prev" | "next"> {
  return { ...(listing.newer !== undefined && { prev: listing.newer }), ...(listing.older !== undefined && { next: listing.older }) };
}

/** A listing's title: "Topics", then "Topics — page 2" (in the site's language). */
export function pageTitle(locale: Locale, title: string, listing: Listing<unknown>): string {
  return listing.pageNumber !== undefined ? locale.t("list.page", { title, number: locale.integer(listing.pageNumber) }) : title;
}

function articlePages(newsroom: Newsroom, ranking: RelatedPlaces): PageSpec[] {
  const { shell } = newsroom;
  const related = relatedOf(newsroom.articles.map((article) => article.teaser), ranking);
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
        const html = renderPage(shell, meta, h(ArticlePage, { article, related, shell, story: STORY_MARKER, signups: signupsAt(shell, { place: "articles", section: article.section.slug }) })).replace(STORY_MARKER, () => story);
        return { html, search: searchDocument(shell, article, story) };
      },
      [article],
    ),
  );
}

/** Where every story is listed, newest first: the front page is edited, not a list. */
export const LATEST_PATH = "/latest/";

function frontPages(newsroom: Newsroom, teasers: readonly Teaser[], now: Date): PageSpec[] {
  const { shell } = newsroom;
  const { site } = shell;
  // The list goes on from /latest/ to /page/<n>/, numbered from the oldest (paginateStable).
  const { lead, top, latest, rails } = planFront(teasers, site.sections);
  // The list is linked (and written) when the front page leaves stories out.
  const shown = new Set([lead, ...top, ...latest, ...rails.flatMap((rail) => rail.teasers)]);
  const listPath = teasers.some((teaser) => !shown.has(teaser)) ? LATEST_PATH : undefined;
  const listings = listPath ? paginateStable(teasers, site.pageSize, "/", LATEST_PATH) : [];
  const lists = listings.map((listing) =>
    page("front", listing.path, { shell, listing }, ({ shell, listing }) => {
      const locale = localeOf(shell.site.language);
      const latest = locale.t("latest.title");
      const title = pageTitle(locale, latest, listing);
      const head = { ...pageHead(shell), ...pageLinks(listing), feeds: feedLinks({ kind: "site" }, shell.site) };
      return renderPage(
        shell,
        { path: listing.path, title, description: locale.t("latest.description", { title, site: shell.site.name }), head },
        h(ListPage, { title: latest, listing, site: shell.site, label: locale.t("pagination.latest") }),
      );
    }),
  );
  const videos = videoStories(teasers);
  // The masthead's date is the build's day in the site's zone: an input, so the page changes
  // with the day and stays a pure function of its inputs.
  const today = dayIn(now, site.timeZone);
  const front = page("front", "/", { shell, lead, top, latest, rails, listPath, videos, today }, ({ shell, lead, top, latest, rails, listPath, videos, today }) => {
    const head = { ...frontHead(shell), ...(listPath && { next: listPath }), feeds: feedLinks({ kind: "site" }, shell.site) };
    const description = shell.site.tagline ?? localeOf(shell.site.language).t("front.description", { site: shell.site.name });
    const signups = signupsAt(shell, { place: "front" });
    const dateline = { day: today, label: formatEditionDay(today, shell.site.language) };
    const body = h(FrontPage, { site: shell.site, lead, top, latest, rails, listPath, signups, videos, promos: shell.promos, breaking: shell.breaking?.path });
    return renderPage(shell, { path: "/", title: shell.site.name, description, head, today: dateline }, body);
  });
  return [front, ...lists];
}

function sectionPages(newsroom: Newsroom, teasers: readonly Teaser[]): PageSpec[] {
  const { shell } = newsroom;
  return shell.site.sections.flatMap((section) =>
    paginateStable(teasersInSection(teasers, section.slug), shell.site.pageSize, section.path).map((listing) =>
      page("section", listing.path, { shell, section, listing }, ({ shell, section, listing }) => {
        const locale = localeOf(shell.site.language);
        return renderPage(
          shell,
          {
            path: listing.path,
            title: pageTitle(locale, section.title, listing),
            description: locale.t("section.description", { section: section.title, site: shell.site.name }),
            section: section.slug,
            // Structured data describes the section itself: only its first page carries it.
            head: { ...(listing.first ? sectionHead(section, shell) : pageHead(shell)), ...pageLinks(listing), feeds: feedLinks({ kind: "section", section }, shell.site) },
          },
          h(ListPage, {
            title: section.title,
            listing,
            site: shell.site,
            label: locale.t("pagination.section", { section: section.title }),
            signups: signupsAt(shell, { place: "sections", section: section.slug }),
          }),
        );
      }),
    ),
  );
}

function tagPages(newsroom: Newsroom, tags: readonly Tag[]): PageSpec[] {
  const { shell } = newsroom;
  const index = page("tag-index", "/tags/", { shell, tags: tags.map(({ name, path, teasers }) => ({ name, path, count: teasers.length })) }, ({ shell, tags }) => {
    const locale = localeOf(shell.site.language);
    const meta = { path: "/tags/", title: locale.t("topics.title"), description: locale.t("topics.description", { site: shell.site.name }), head: pageHead(shell) };
    return renderPage(shell, meta, h(TagIndex, { tags, site: shell.site }));
  });
  return [
    index,
    ...tags.flatMap((tag) =>
      paginateStable(tag.teasers, shell.site.pageSize, tag.path).map((listing) =>
        page("tag", listing.path, { shell, topic: { slug: tag.slug, name: tag.name, path: tag.path }, listing }, ({ shell, topic, listing }) => {
          const locale = localeOf(shell.site.language);
          return renderPage(
            shell,
            {
              path: listing.path,
              title: pageTitle(locale, topic.name, listing),
              description: locale.t("tag.description", { tag: topic.name, site: shell.site.name }),
              head: { ...pageHead(shell), ...pageLinks(listing), feeds: feedLinks({ kind: "tag", tag: topic }, shell.site) },
            },
            h(ListPage, { title: topic.name, listing, site: shell.site, label: locale.t("pagination.tag", { tag: topic.name }) }),
          );
        }),
      ),
    ),
  ];
}

function authorPages(newsroom: Newsroom, teasers: readonly Teaser[]): PageSpec[] {
  const { shell, authors } = newsroom;
  const index = page("author-index", "/authors/", { shell, authors: authorsWithCounts(authors, teasers) }, ({ shell, authors }) => {
    const locale = localeOf(shell.site.language);
    const meta = { path: "/authors/", title: locale.t("authors.title"), description: locale.t("authors.description", { site: shell.site.name }), head: pageHead(shell) };
    return renderPage(shell, meta, h(AuthorIndex, { authors, site: shell.site }));
  });
  const byAuthor = teasersByAuthor(teasers);
  return [
    index,
    ...authors.flatMap((author) =>
      paginateStable(byAuthor.get(author.id) ?? [], shell.site.pageSize, author.path).map((listing) =>
        page("author", listing.path, { shell, author, listing }, ({ shell, author, listing }) => {
          const locale = localeOf(shell.site.language);
          const name = author.role ? locale.t("author.withRole", { name: author.name, role: author.role }) : author.name;
          return renderPage(
            shell,
            {
              path: listing.path,
              title: pageTitle(locale, author.name, listing),
              description: locale.t("author.description", { name }),
              head: { ...(listing.first ? authorHead(author, shell) : pageHead(shell)), ...pageLinks(listing), feeds: feedLinks({ kind: "author", author }, shell.site) },
            },
            h(AuthorPage, { author, listing, site: shell.site }),
          );
        }),
      ),
    ),
  ];
}

function archivePages(newsroom: Newsroom, teasers: readonly Teaser[]): PageSpec[] {
  const { shell } = newsroom;
  const months = archiveMonths(teasers);
  const index = page("archive-index", "/archive/", { shell, months: months.map(({ year, month, path, teasers }) => ({ year, month, path, count: teasers.length })) }, ({ shell, months }) => {
    const { site } = shell;
    const locale = localeOf(site.language);
    const meta = { path: "/archive/", title: locale.t("archive.title"), description: locale.t("archive.description", { site: site.name }), head: pageHead(shell) };
    const titled = months.map(({ year, month, path, count }) => ({ year, path, count, title: monthTitle(site.language, year, month) }));
    return renderPage(shell, meta, h(ArchiveIndex, { months: titled, site }));
  });
  return [
    index,
    ...months.flatMap((month) =>
      paginateStable(month.teasers, shell.site.pageSize, month.path).map((listing) =>
        page("archive", listing.path, { shell, year: month.year, month: month.month, listing }, ({ shell, year, month, listing }) => {
          const locale = localeOf(shell.site.language);
          const title = monthTitle(shell.site.language, year, month);
          return renderPage(
            shell,
            { path: listing.path, title: pageTitle(locale, title, listing), description: locale.t("month.description", { month: title, site: shell.site.name }), head: { ...pageHead(shell), ...pageLinks(listing) } },
            h(ListPage, { title, listing, site: shell.site, label: locale.t("pagination.month", { month: title }) }),
          );
        }),
      ),
    ),
  ];
}

function notFoundPage(shell: Shell): PageSpec {
  return page("not-found", "/404.html", { shell }, ({ shell }) => {
    const locale = localeOf(shell.site.language);
    return renderPage(shell, { path: "/404.html", title: locale.t("notFound.title"), description: locale.t("notFound.description"), head: unlistedHead(shell) }, h(NotFoundPage, { site: shell.site }));
  });
}

/**
 * Every HTML page but the search page and the editions: articles first, then the listings. `now` dates
 * the front page's masthead; `related` is the stories' related stories (`rankRelatedStories`); `tags` their topics (`collectTags`).
 */
export function htmlPages(newsroom: Newsroom, { now, related, tags }: { now: Date; related: RelatedPlaces; tags: readonly Tag[] }): PageSpec[] {
  const teasers = newsroom.articles.map((article) => article.teaser);
  return [
    ...articlePages(newsroom, related),
    ...frontPages(newsroom, teasers, now),
    ...sectionPages(newsroom, teasers),
    ...tagPages(newsroom, tags),
    ...authorPages(newsroom, teasers),
    ...archivePages(newsroom, teasers),
    notFoundPage(newsroom.shell),
  ];
}
