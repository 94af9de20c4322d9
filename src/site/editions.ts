// The daily editions on the web, each a page at /newsletter/<yyyy>/<mm>/<dd>/, their archive at
// /newsletter/ and an Atom feed of editions. The email itself is made by `npm run edition`.
import { h } from "preact";
import type { Shell, Teaser } from "../content/types.ts";
import { renderPage } from "./document.ts";
import { page, type PageSpec } from "./page.ts";
import { withDigest } from "../build/digest.ts";
import { pageHead } from "./seo/head.ts";
import type { FeedLink } from "./head.ts";
import { absoluteUrl, type Site } from "./site.ts";
import { element, escapeXml, renderXml, textElement } from "./xml.ts";
import { buildEdition, editionDays, editionStories, type Edition } from "../edition/model.ts";
import type { EditorNote } from "../edition/note.ts";
import { EditionArchive, EditionPage } from "../../layouts/EditionPage.tsx";

export const ARCHIVE_PATH = "/newsletter/";
export const FEED_PATH = "/newsletter/feed.xml";
/** Entries in the feed of editions: the newest only. */
export const MAX_FEED_EDITIONS = 30;

/** Every edition of the newsroom, newest first, with the editors' notes. */
export function buildEditions(site: Site, teasers: readonly Teaser[], notes: ReadonlyMap<string, EditorNote> = new Map()): Edition[] {
  return editionDays(teasers).flatMap((day) => buildEdition(site, teasers, day, notes.get(day)) ?? []);
}

/** The Atom feed of editions: one entry per edition, its headlines as the content. */
export function renderEditionFeed(editions: readonly Readonly<Edition>[], site: Site): string {
  const host = new URL(site.origin).hostname;
  const entries = editions.slice(0, MAX_FEED_EDITIONS).map((edition) =>
    element(
      "entry",
      {},
      textElement("id", `tag:${host},${edition.day}:${site.pathPrefix}newsletter/${edition.day}`),
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
      textElement("id", absoluteUrl(site, FEED_PATH)),
      textElement("title", `${site.name}: daily headlines`, { type: "text" }),
      element("link", { rel: "self", type: "application/atom+xml", href: absoluteUrl(site, FEED_PATH) }),
      element("link", { rel: "alternate", type: "text/html", href: absoluteUrl(site, ARCHIVE_PATH) }),
      element("author", {}, textElement("name", site.name)),
      textElement("updated", editions[0]?.updated ?? "1970-01-01T00:00:00Z"),
      textElement("generator", "Dateline"),
      ...entries,
    ),
  );
}

function feedLink(site: Site): FeedLink[] {
  return [{ title: `${site.name}: daily headlines (Atom)`, path: FEED_PATH, type: "application/atom+xml" }];
}

/** The edition pages, their archive and their feed. */
export function editionPages(shell: Shell, teasers: readonly Teaser[], notes: ReadonlyMap<string, EditorNote>): PageSpec[] {
  // Each edition is digested once: the archive and the feed list them all.
  const editions = buildEditions(shell.site, teasers, notes).map((edition) => withDigest(edition));
  return [
    ...editions.map((edition) =>
      page("edition", edition.path, { shell, edition }, ({ shell, edition }) =>
        renderPage(
          shell,
          { path: edition.path, title: `Daily headlines, ${edition.dateLabel}`, description: edition.preheader, head: { ...pageHead(shell), feeds: feedLink(shell.site) } },
          h(EditionPage, { edition, site: shell.site }),
        ),
      ),
    ),
    page("edition-archive", ARCHIVE_PATH, { shell, editions }, ({ shell, editions }) =>
      renderPage(
        shell,
        { path: ARCHIVE_PATH, title: "Daily headlines", description: `Every edition of ${shell.site.name}'s newsletter.`, head: { ...pageHead(shell), feeds: feedLink(shell.site) } },
        h(EditionArchive, { editions, site: shell.site }),
      ),
    ),
    page("edition-feed", FEED_PATH, { site: shell.site, editions: editions.slice(0, MAX_FEED_EDITIONS) }, ({ site, editions }) => renderEditionFeed(editions, site)),
  ];
}
