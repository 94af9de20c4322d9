// Which feeds exist and where: the site's, each section's, each topic's and each author's, in Atom
// and JSON Feed (and the corrections log's Atom feed, src/site/corrections.ts).
// Pages advertise them in their <head> through `feedLinks`; the feeds plugin writes them.
import type { AuthorRef } from "../../content/types.ts";
import type { FeedLink } from "../head.ts";
import type { Section, Site } from "../site.ts";

/** A topic as a feed follows it. */
export interface TopicRef {
  slug: string;
  name: string;
  /** "/tags/city-council/" */
  path: string;
}

export type FeedScope = { kind: "site" } | { kind: "section"; section: Section } | { kind: "tag"; tag: TopicRef } | { kind: "author"; author: AuthorRef };

export type FeedFormat = "atom" | "json";

const FILE: Record<FeedFormat, string> = { atom: "feed.xml", json: "feed.json" };
const TYPE: Record<FeedFormat, FeedLink["type"]> = { atom: "application/atom+xml", json: "application/feed+json" };
const FORMAT_NAME: Record<FeedFormat, string> = { atom: "Atom", json: "JSON Feed" };

/** Every feed scope of the site: the whole site, then sections in the settings' order, then topics, then authors. */
export function feedScopes(site: Site, authors: readonly AuthorRef[], topics: readonly TopicRef[] = []): FeedScope[] {
  return [
    { kind: "site" },
    ...site.sections.map((section): FeedScope => ({ kind: "section", section })),
    ...topics.map((tag): FeedScope => ({ kind: "tag", tag })),
    ...authors.map((author): FeedScope => ({ kind: "author", author })),
  ];
}

/** Site path of the page a feed follows: "/", "/business/", "/tags/ferry/", "/authors/ana-ruiz/". */
export function scopePagePath(scope: FeedScope): string {
  if (scope.kind === "section") return scope.section.path;
  if (scope.kind === "tag") return scope.tag.path;
  if (scope.kind === "author") return scope.author.path;
  return "/";
}

/** Site path of a feed: "/feed.xml", "/business/feed.json", "/authors/ana-ruiz/feed.xml". */
export function feedPath(scope: FeedScope, format: FeedFormat): string {
  return `${scopePagePath(scope)}${FILE[format]}`;
}

/** "The Ledger", "Business — The Ledger", "Ferry — The Ledger", "Ana Ruiz — The Ledger". */
export function feedTitle(scope: FeedScope, site: Pick<Site, "name">): string {
  if (scope.kind === "section") return `${scope.section.title} — ${site.name}`;
  if (scope.kind === "tag") return `${scope.tag.name} — ${site.name}`;
  if (scope.kind === "author") return `${scope.author.name} — ${site.name}`;
  return site.name;
}

export function scopeLinks(scope: FeedScope, site: Site): FeedLink[] {
  return (["atom", "json"] as const).map((format) => ({
    title: `${feedTitle(scope, site)} (${FORMAT_NAME[format]})`,
    path: feedPath(scope, format),
    type: TYPE[format],
  }));
}

/**
 * Autodiscovery links for a page: a section's, topic's or author's own feeds first (a reader that takes the
 * first link subscribes to what the page shows), then the whole site's, each in Atom and JSON Feed.
 */
export function feedLinks(scope: FeedScope, site: Site): FeedLink[] {
  const siteFeeds = scopeLinks({ kind: "site" }, site);
  return scope.kind === "site" ? siteFeeds : [...scopeLinks(scope, site), ...siteFeeds];
}
