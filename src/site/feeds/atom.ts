// Atom 1.0 (RFC 4287) from the feed model. Text is escaped by the XML writer; the entry's HTML
// travels as escaped text in <content type="html">, which readers unescape and sanitise.
import type { Feed, FeedEntry } from "./feed.ts";
import { element, RenderedElement, renderXml, textElement } from "../xml.ts";

// An entry is written once for all the feeds that carry it (see `feedEntry`): its place is always
// the feed element's child.
const written = new WeakMap<FeedEntry, RenderedElement>();

function atomEntry(entry: FeedEntry): RenderedElement {
  let xml = written.get(entry);
  if (!xml) written.set(entry, (xml = RenderedElement.of(entryElement(entry), 1)));
  return xml;
}

function entryElement(entry: FeedEntry) {
  return element(
    "entry",
    {},
    textElement("id", entry.id),
    textElement("title", entry.title, { type: "text" }),
    element("link", { rel: "alternate", type: "text/html", href: entry.url }),
    textElement("published", entry.published),
    textElement("updated", entry.updated),
    ...entry.authors.map((author) => element("author", {}, textElement("name", author.name), textElement("uri", author.url))),
    ...entry.categories.map((category) => element("category", { term: category })),
    entry.summary !== "" && textElement("summary", entry.summary, { type: "text" }),
    textElement("content", entry.contentHtml, { type: "html" }),
  );
}

export function renderAtom(feed: Feed): string {
  return renderXml(
    element(
      "feed",
      { xmlns: "http://www.w3.org/2005/Atom", "xml:lang": feed.language },
      textElement("id", feed.atomUrl),
      textElement("title", feed.title, { type: "text" }),
      feed.description !== undefined && textElement("subtitle", feed.description, { type: "text" }),
      element("link", { rel: "self", type: "application/atom+xml", href: feed.atomUrl }),
      element("link", { rel: "alternate", type: "text/html", href: feed.homeUrl }),
      feed.jsonUrl !== undefined && element("link", { rel: "alternate", type: "application/feed+json", href: feed.jsonUrl }),
      textElement("updated", feed.updated),
      textElement("generator", "Dateline"),
      ...feed.entries.map(atomEntry),
    ),
  );
}
