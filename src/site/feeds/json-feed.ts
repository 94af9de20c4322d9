// JSON Feed 1.1 (https://jsonfeed.org/version/1.1) from the feed model, written by JSON.stringify.
import type { Feed } from "./feed.ts";

export function renderJsonFeed(feed: Feed): string {
  const document = {
    version: "https://jsonfeed.org/version/1.1",
    title: feed.title,
    ...(feed.description !== undefined && { description: feed.description }),
    home_page_url: feed.homeUrl,
    ...(feed.jsonUrl !== undefined && { feed_url: feed.jsonUrl }),
    language: feed.language,
    items: feed.entries.map((entry) => ({
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
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
