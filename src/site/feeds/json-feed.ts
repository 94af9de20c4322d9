// JSON Feed 1.1 (https://jsonfeed.org/version/1.1) from the feed model, written by JSON.stringify.
import type { Feed, FeedEntry } from "./feed.ts";

const ITEM_INDENT = "    ";

// An item is written once for all the feeds that carry it (see `feedEntry`), indented as the
// document's items are; JSON text holds no raw line break, so indenting its lines is safe.
const written = new WeakMap<FeedEntry, string>();

function itemJson(entry: FeedEntry): string {
  let json = written.get(entry);
  if (json === undefined) {
    const item = {
      id: entry.id,
      url: entry.url,
      title: entry.title,
      ...(entry.summary !== "" && { summary: entry.summary }),
      content_html: entry.contentHtml,
      ...(entry.image && { image: entry.image.url }),
      date_published: entry.published,
      date_modified: entry.updated,
      authors: entry.authors.map((author) => ({ name: author.name, url: author.url, ...(author.avatar && { avatar: author.avatar }) })),
      tags: entry.categories,
    };
    json = ITEM_INDENT + JSON.stringify(item, null, 2).replaceAll("\n", `\n${ITEM_INDENT}`);
    written.set(entry, json);
  }
  return json;
}

export function renderJsonFeed(feed: Feed): string {
  const document = {
    version: "https://jsonfeed.org/version/1.1",
    title: feed.title,
    ...(feed.description !== undefined && { description: feed.description }),
    home_page_url: feed.homeUrl,
    ...(feed.jsonUrl !== undefined && { feed_url: feed.jsonUrl }),
    language: feed.language,
    items: [],
  };
  // `items` comes last: its empty list is where the items go.
  const text = JSON.stringify(document, null, 2);
  if (feed.entries.length === 0) return `${text}\n`;
  const items = `[\n${feed.entries.map(itemJson).join(",\n")}\n  ]`;
  return `${text.slice(0, -"[]\n}".length)}${items}\n}\n`;
}
