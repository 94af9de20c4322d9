// Eleventy plugin: the daily editions on the web, each a page at /newsletter/<yyyy>/<mm>/<dd>/, their
// archive at /newsletter/ and an Atom feed of editions. The email itself is made by `npm run edition`.
import fs from "node:fs/promises";
import path from "node:path";
import { h } from "preact";
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { Newsroom } from "../content/types.ts";
import { addFile, addPages } from "../pages/virtual.ts";
import { changedArticles } from "../content/preview-changes.ts";
import { renderPage } from "../pages/document.ts";
import { pageHead } from "../seo/head.ts";
import type { FeedLink } from "../head.ts";
import { absoluteUrl } from "../site.ts";
import { element, escapeXml, renderXml, textElement } from "../xml.ts";
import { buildEdition, editionDays, editionStories, type Edition } from "./model.ts";
import { NOTES_FOLDER, readNote, type EditorNote } from "./note.ts";
import { EditionArchive, EditionPage } from "../../layouts/EditionPage.tsx";

export const ARCHIVE_PATH = "/newsletter/";
export const FEED_PATH = "/newsletter/feed.xml";
/** Entries in the feed of editions: the newest only. */
export const MAX_FEED_EDITIONS = 30;

/** Every edition of the newsroom, newest first, with the editors' notes. */
export function buildEditions(newsroom: Pick<Newsroom, "site" | "articles">, notes: ReadonlyMap<string, EditorNote> = new Map()): Edition[] {
  return editionDays(newsroom.articles).flatMap((day) => buildEdition(newsroom, day, notes.get(day)) ?? []);
}

/** Reads every `newsletter/<yyyy-mm-dd>.md` note in the content folder; an invalid one stops the build. */
export async function readEditorNotes(contentDir: string): Promise<Map<string, EditorNote>> {
  const dir = path.join(contentDir, NOTES_FOLDER);
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const notes = new Map<string, EditorNote>();
  for (const name of names.filter((file) => /^\d{4}-\d{2}-\d{2}\.md$/.test(file)).sort()) {
    const file = path.join(dir, name);
    notes.set(name.slice(0, 10), await readNote(contentDir, file));
  }
  return notes;
}

/** The Atom feed of editions: one entry per edition, its headlines as the content. */
export function renderEditionFeed(editions: readonly Edition[], newsroom: Pick<Newsroom, "site">): string {
  const { site } = newsroom;
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

export default function editionPlugin(eleventyConfig: UserConfig): void {
  let notes = new Map<string, EditorNote>();
  eleventyConfig.on("eleventy.before", async ({ directories }: { directories: { input: string } }) => {
    notes = await readEditorNotes(directories.input);
  });
  // One list of editions per loaded newsroom, shared by the pages, the archive and the feed.
  const cache = new WeakMap<Newsroom, Edition[]>();
  const editions = (newsroom: Newsroom) => {
    let list = cache.get(newsroom);
    if (!list) cache.set(newsroom, (list = buildEditions(newsroom, notes)));
    return list;
  };
  const feed = (newsroom: Newsroom): FeedLink[] => [{ title: `${newsroom.site.name}: daily headlines (Atom)`, path: FEED_PATH, type: "application/atom+xml" }];

  addPages<Edition>(eleventyConfig, "edition", editions, (edition) => edition.path, (edition, newsroom) =>
    renderPage(
      newsroom,
      { path: edition.path, title: `Daily headlines, ${edition.dateLabel}`, description: edition.preheader, head: { ...pageHead(newsroom), feeds: feed(newsroom) } },
      h(EditionPage, { edition, site: newsroom.site }),
    ),
    // A live-preview edit to a headline or summary rewrites that day's edition only.
    { affected: (edition, changes, newsroom) => changedArticles(newsroom, changes.listed).some((article) => article.published.day === edition.day), listingsOnly: true },
  );
  addFile(eleventyConfig, "edition-archive", ARCHIVE_PATH, (newsroom) =>
    renderPage(
      newsroom,
      { path: ARCHIVE_PATH, title: "Daily headlines", description: `Every edition of ${newsroom.site.name}'s newsletter.`, head: { ...pageHead(newsroom), feeds: feed(newsroom) } },
      h(EditionArchive, { editions: editions(newsroom), site: newsroom.site }),
    ),
    (changes) => changes.listed.size > 0,
  );
  addFile(eleventyConfig, "edition-feed", FEED_PATH, (newsroom) => renderEditionFeed(editions(newsroom), newsroom), (changes) => changes.listed.size > 0);
}
