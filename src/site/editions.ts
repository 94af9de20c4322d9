// Each newsletter's editions on the web, each a page at <its path>/<yyyy>/<mm>/<dd>/, its archive at
// its path and an Atom feed of editions; with several newsletters, /newsletter/ lists them all. The
// email itself is made by `npm run edition`.
import { h } from "preact";
import { dayIn } from "../dates.ts";
import type { Shell, Teaser } from "../content/types.ts";
import type { EditorNotes } from "../content/load-notes.ts";
import { renderPage } from "./document.ts";
import { page, type PageSpec } from "./page.ts";
import { digestOf, withDigest } from "../build/digest.ts";
import { pageHead } from "./seo/head.ts";
import type { FeedLink } from "./head.ts";
import { absoluteUrl, type Site } from "./site.ts";
import { element, escapeXml, renderXml, textElement } from "./xml.ts";
import { editionOf, editionPath, editionStories, formatEditionDay, type Edition, type EditionSource } from "../edition/model.ts";
import { editionDays, editionLead, storiesInEdition } from "../edition/schedule.ts";
import { editionFeedPath, hasNewsletterIndex, NEWSLETTERS_PATH, signupsAt, type Newsletter } from "./newsletters.ts";
import { localeOf } from "../i18n/index.ts";
import { EditionArchive, EditionPage, NewsletterIndex } from "../../layouts/EditionPage.tsx";

/** Entries in a feed of editions: the newest only. */
export const MAX_FEED_EDITIONS = 30;

/** What each edition of a newsletter is made of, newest first, with the editors' notes; none dated after `today`. */
export function editionSources(newsletter: Newsletter, teasers: readonly Teaser[], notes: EditorNotes = new Map(), today?: string): EditionSource[] {
  const own = notes.get(newsletter.id);
  return editionDays(newsletter, teasers, today).map((day) => ({ newsletter, day, stories: storiesInEdition(newsletter, teasers, day), note: own?.get(day) }));
}

/** Every edition of a newsletter, newest first, with the editors' notes; none dated after `today`. */
export function buildEditions(site: Site, newsletter: Newsletter, teasers: readonly Teaser[], notes?: EditorNotes, today?: string): Edition[] {
  return editionSources(newsletter, teasers, notes, today).map((source) => madeEdition(site, source));
}

/** A newsletter's Atom feed of editions: one entry per edition, its headlines as the content. */
export function renderEditionFeed(newsletter: Newsletter, editions: readonly Readonly<Edition>[], site: Site): string {
  const host = new URL(site.origin).hostname;
  const feedPath = editionFeedPath(newsletter);
  const entries = editions.slice(0, MAX_FEED_EDITIONS).map((edition) =>
    element(
      "entry",
      {},
      // "tag:ledger.example.org,2026-11-20:/newsletter/2026-11-20": what the single newsletter's entries always were.
      textElement("id", `tag:${host},${edition.day}:${site.pathPrefix}${newsletter.path.slice(1)}${edition.day}`),
      textElement("title", `${edition.dateLabel}: ${edition.lead.headline}`, { type: "text" }),
      element("link", { rel: "alternate", type: "text/html", href: edition.webUrl }),
      textElement("published", edition.updated),
      textElement("updated", edition.updated),
      textElement("summary", edition.preheader, { type: "text" }),
      textElement(
        "content",
        `<ul>${editionStories(edition)
          .map((story) => `<li><a href="${escapeXml(story.url)}">${escapeXml(story.headline)}</a>: ${escapeXml(story.summary)}</li>`)
          .join("")}</ul>`,
        { type: "html" },
      ),
    ),
  );
  return renderXml(
    element(
      "feed",
      { xmlns: "http://www.w3.org/2005/Atom", "xml:lang": site.language },
      textElement("id", absoluteUrl(site, feedPath)),
      textElement("title", localeOf(site.language).t("edition.feedTitle", { site: site.name, newsletter: newsletter.name }), { type: "text" }),
      element("link", { rel: "self", type: "application/atom+xml", href: absoluteUrl(site, feedPath) }),
      element("link", { rel: "alternate", type: "text/html", href: absoluteUrl(site, newsletter.path) }),
      element("author", {}, textElement("name", site.name)),
      textElement("updated", editions[0]?.updated ?? "1970-01-01T00:00:00Z"),
      textElement("generator", "Dateline"),
      ...entries,
    ),
  );
}

function feedLink(site: Site, newsletter: Newsletter): FeedLink[] {
  const title = localeOf(site.language).t("edition.feedTitle", { site: site.name, newsletter: newsletter.name });
  return [{ title: `${title} (Atom)`, path: editionFeedPath(newsletter), type: "application/atom+xml" }];
}

/** One newsletter's edition pages, archive and feed. */
function newsletterPages(shell: Shell, newsletter: Newsletter, teasers: readonly Teaser[], notes: EditorNotes, today: string): { pages: PageSpec[]; latest?: Edition } {
  const { site } = shell;
  // A newsroom has thousands of editions and the plan names every page each build, so an edition is
  // planned by what it is made of (its day, note and stories, each story digested already) and made
  // only when a page that shows it is rendered: the archive needs its lead's headline and its count.
  const newsletterKey = digestOf(newsletter);
  const sources = editionSources(newsletter, teasers, notes, today).map((source) =>
    withDigest(source, digestOf({ newsletter: newsletterKey, day: source.day, note: source.note, stories: source.stories })),
  );
  const archived = sources.map((source) => ({ day: source.day, path: editionPath(newsletter, source.day), headline: plannedLead(site, source).headline, storyCount: source.stories.length }));
  const pages = [
    ...sources.map((source) =>
      page("edition", editionPath(newsletter, source.day), { shell, edition: source }, ({ shell, edition: source }) => {
        const edition = madeEdition(shell.site, source);
        const locale = localeOf(shell.site.language);
        const title = locale.t("edition.title", { newsletter: edition.newsletter.name, date: edition.dateLabel });
        return renderPage(
          shell,
          { path: edition.path, title, description: edition.preheader, head: { ...pageHead(shell), feeds: feedLink(shell.site, edition.newsletter) } },
          h(EditionPage, { edition, site: shell.site }),
        );
      }),
    ),
    page("edition-archive", newsletter.path, { shell, newsletter, editions: archived }, ({ shell, newsletter, editions }) => {
      const { site } = shell;
      const locale = localeOf(site.language);
      const description = locale.t("edition.archiveDescription", { newsletter: newsletter.name, site: site.name });
      const listed = editions.map(({ day, ...edition }) => ({ ...edition, dateLabel: formatEditionDay(day, site.language) }));
      return renderPage(shell, { path: newsletter.path, title: newsletter.name, description, head: { ...pageHead(shell), feeds: feedLink(site, newsletter) } }, h(EditionArchive, { newsletter, editions: listed, site, signups: signupsAt(shell, [newsletter]) }));
    }),
    page("edition-feed", editionFeedPath(newsletter), { site, newsletter, editions: sources.slice(0, MAX_FEED_EDITIONS) }, ({ site, newsletter, editions }) =>
      renderEditionFeed(
        newsletter,
        editions.map((source) => madeEdition(site, source)),
        site,
      ),
    ),
  ];
  const [first] = sources;
  return first ? { pages, latest: madeEdition(site, first) } : { pages };
}

/** The edition of a planned day, which has stories (`editionDays` lists only such days). */
function madeEdition(site: Site, source: EditionSource): Edition {
  return editionOf(site, source) ?? noStories(source);
}

/** The lead story of a planned day's edition. */
function plannedLead(site: Site, source: EditionSource): Teaser {
  return editionLead(source.stories, site.sections) ?? noStories(source);
}

function noStories(source: EditionSource): never {
  throw new Error(`[editions] ${source.newsletter.id}'s edition of ${source.day} has no stories (a Dateline defect: the schedule lists only days with stories)`);
}

/** Every newsletter's pages, and the page listing them when the settings have several. `now` sets which weekly editions have come. */
export function editionPages(shell: Shell, teasers: readonly Teaser[], notes: EditorNotes, now: Date): PageSpec[] {
  const { site } = shell;
  const today = dayIn(now, site.timeZone);
  const perNewsletter = site.newsletters.map((newsletter) => ({ newsletter, ...newsletterPages(shell, newsletter, teasers, notes, today) }));
  const pages = perNewsletter.flatMap((item) => item.pages);
  if (!hasNewsletterIndex(site.newsletters)) return pages;
  const list = perNewsletter.map(({ newsletter, latest }) => ({ newsletter, ...(latest && { latest: { path: latest.path, dateLabel: latest.dateLabel } }) }));
  const index = page("newsletter-index", NEWSLETTERS_PATH, { shell, list }, ({ shell, list }) => {
    const locale = localeOf(shell.site.language);
    const meta = { path: NEWSLETTERS_PATH, title: locale.t("newsletters.title"), description: locale.t("newsletters.description", { site: shell.site.name }), head: pageHead(shell) };
    return renderPage(shell, meta, h(NewsletterIndex, { list, site: shell.site, signups: signupsAt(shell, list.map((item) => item.newsletter)) }));
  });
  return [...pages, index];
}
