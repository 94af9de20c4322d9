// The corrections log: every correction of every published story, newest first, at /corrections/
// (paginated like any list) with its own Atom feed, so readers and machines can follow what the
// newsroom got wrong and fixed. Each entry links to the correction's anchor on its article.
import { localeOf, type Locale } from "../i18n/index.ts";
import { h } from "preact";
import type { Article, Newsroom, Shell } from "../content/types.ts";
import type { Moment } from "../dates.ts";
import { renderPage } from "./document.ts";
import { page, type PageSpec } from "./page.ts";
import { paginate, type Listing } from "./collections.ts";
import { pageLinks, pageTitle } from "./pages.ts";
import { pageHead } from "./seo/head.ts";
import { absoluteUrl, type Site } from "./site.ts";
import { articleFeedId, MAX_FEED_ENTRIES, type Feed } from "./feeds/feed.ts";
import { renderAtom } from "./feeds/atom.ts";
import { escapeXml } from "./xml.ts";
import type { FeedLink } from "./head.ts";
import { CorrectionsPage } from "../../layouts/CorrectionsPage.tsx";

export const CORRECTIONS_PATH = "/corrections/";
export const CORRECTIONS_FEED_PATH = "/corrections/feed.xml";

/** One correction as the log lists it. */
export interface CorrectionEntry {
  /** Its anchor on the article page. */
  anchor: string;
  date: Moment;
  text: string;
  article: { path: string; headline: string; section: string };
}

/** Every correction of the published articles, newest first. */
export function collectCorrections(articles: readonly Article[]): CorrectionEntry[] {
  return articles
    .flatMap((article) =>
      article.corrections.map((correction) => ({
        anchor: correction.id,
        date: correction.date,
        text: correction.text,
        article: { path: article.path, headline: article.headline, section: article.section.title },
      })),
    )
    .sort((a, b) => b.date.epoch - a.date.epoch || a.article.path.localeCompare(b.article.path) || a.anchor.localeCompare(b.anchor));
}

function feedLinks(site: Site, locale: Locale): FeedLink[] {
  return [{ title: `${locale.t("corrections.feedTitle", { site: site.name })} (Atom)`, path: CORRECTIONS_FEED_PATH, type: "application/atom+xml" }];
}

/**
 * The log's Atom feed: one entry per correction, credited to the publication (a correction is the
 * newsroom's, whoever wrote the story). Its id names the article and the correction's anchor, so it
 * stays put while the article's headline or other corrections change.
 */
export function correctionsFeed(site: Site, entries: readonly CorrectionEntry[], siteUpdated: string | undefined): Feed {
  const home = absoluteUrl(site, "/");
  const locale = localeOf(site.language);
  return {
    title: locale.t("corrections.feedTitle", { site: site.name }),
    // The feed's subtitle is the log page's meta description.
    description: locale.t("corrections.description", { site: site.name }),
    language: site.language,
    homeUrl: absoluteUrl(site, CORRECTIONS_PATH),
    atomUrl: absoluteUrl(site, CORRECTIONS_FEED_PATH),
    updated: entries[0]?.date.iso ?? siteUpdated ?? "1970-01-01T00:00:00Z",
    entries: entries.slice(0, MAX_FEED_ENTRIES).map((entry) => {
      const url = `${absoluteUrl(site, entry.article.path)}#${entry.anchor}`;
      return {
        id: `${articleFeedId(site, { path: entry.article.path, published: entry.date })}#${entry.anchor}`,
        url,
        title: locale.t("corrections.entryTitle", { headline: entry.article.headline }),
        summary: entry.text,
        contentHtml: `<p>${escapeXml(entry.text)}</p><p><a href="${escapeXml(url)}">${escapeXml(entry.article.headline)}</a></p>`,
        published: entry.date.iso,
        updated: entry.date.iso,
        authors: [{ name: site.name, url: home }],
        categories: [entry.article.section],
      };
    }),
  };
}

/** The log's pages (/corrections/, /corrections/page/2/, …) and its feed, from every correction (`collectCorrections`). */
export function correctionsPages(newsroom: Newsroom, entries: readonly CorrectionEntry[]): PageSpec[] {
  const { shell } = newsroom;
  const siteUpdated = newsroom.articles[0] && (newsroom.articles[0].updated ?? newsroom.articles[0].published).iso;
  const listings = paginate(entries, shell.site.pageSize, CORRECTIONS_PATH);
  return [
    ...listings.map((listing) => page("corrections", listing.path, { shell, listing }, ({ shell, listing }) => renderCorrections(shell, listing))),
    page("feed", CORRECTIONS_FEED_PATH, { site: shell.site, entries: entries.slice(0, MAX_FEED_ENTRIES), siteUpdated }, ({ site, entries, siteUpdated }) => renderAtom(correctionsFeed(site, entries, siteUpdated))),
  ];
}

function renderCorrections(shell: Shell, listing: Listing<CorrectionEntry>): string {
  const locale = localeOf(shell.site.language);
  const heading = locale.t("corrections.title");
  const title = pageTitle(locale, heading, listing);
  const head = { ...pageHead(shell), ...pageLinks(listing), feeds: feedLinks(shell.site, locale) };
  return renderPage(
    shell,
    { path: listing.path, title, description: locale.t("corrections.description", { site: shell.site.name }), head },
    h(CorrectionsPage, { title: heading, listing, site: shell.site, policy: shell.policies.correctionsPolicy, feed: CORRECTIONS_FEED_PATH }),
  );
}
