// Teasers for tests of what the site makes of them (listings, related stories): a story's id, date
// and the fields a test sets.
import { parseMoment } from "../../src/dates.ts";
import type { Teaser } from "../../src/content/types.ts";

export const sections = { news: { slug: "news", title: "News", path: "/news/" }, sport: { slug: "sport", title: "Sport", path: "/sport/" } };

export function teaser(id: string, date: string, fields: Partial<Teaser> = {}): Teaser {
  const published = parseMoment(date, "America/Chicago");
  return { id, path: `/${published.day.replace(/-/g, "/")}/${id}/`, headline: id, summary: "", section: sections.news, tags: [], published, authors: [], featured: false, priority: 0, draft: false, scheduled: false, type: "news", ...fields };
}

/** Newest first, as the newsroom keeps them. */
export const newestFirst = (teasers: Teaser[]) => [...teasers].sort((a, b) => b.published.epoch - a.published.epoch);
