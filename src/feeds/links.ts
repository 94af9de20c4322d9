// Feed autodiscovery: which feeds a page advertises in its <head> (filled in by the feeds work).
import type { Author } from "../content/types.ts";
import type { FeedLink } from "../head.ts";
import type { Section, Site } from "../site.ts";

export type FeedScope = { kind: "site" } | { kind: "section"; section: Section } | { kind: "author"; author: Author };

export function feedLinks(_scope: FeedScope, _site: Site): FeedLink[] {
  return [];
}
