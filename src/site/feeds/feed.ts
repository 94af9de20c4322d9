// One format-neutral model of a feed, built from the newsroom for a scope; the Atom and JSON Feed
// writers only print it, so both formats always carry the same entries, ids, dates and URLs.
import type { Article, RenderedBody } from "../../content/types.ts";
import { lastChange, newestChange, tagSlug } from "../collections.ts";
import { absoluteUrl, siteUrl, type Site } from "../site.ts";
import { absoluteHref, absolutizeHtml } from "./absolute-urls.ts";
import { feedPath, feedTitle, scopePagePath, type FeedScope } from "./links.ts";
import { escapeXml } from "../xml.ts";
import { localeOf } from "../../i18n/index.ts";

/** Entries per feed: the newest articles only. */
export const MAX_FEED_ENTRIES = 50;
/** Entries per topic feed: a site has many topics, and each feed carries its stories in full. */
export const MAX_TOPIC_FEED_ENTRIES = 20;

/** Written when a feed and the whole site have no article: a fixed instant, never the build's clock. */
const NO_ARTICLES_UPDATED = "1970-01-01T00:00:00Z";

export interface FeedPerson {
  name: string;
  /** Absolute URL of the author page. */
  url: string;
  /** Absolute URL of the headshot. */
  avatar?: string;
}

export interface FeedImage {
  url: string;
  width: number;
  height: number;
  alt: string;
}

export interface FeedEntry {
  /** Never changes once published: see `articleFeedId`. */
  id: string;
  url: string;
  title: string;
  summary: string;
  /** The lead photo and the body, every URL absolute. */
  contentHtml: string;
  image?: FeedImage;
  /** ISO 8601 with offset. */
  published: string;
  /** `updated` from front matter, else the publication time. */
  updated: string;
  authors: FeedPerson[];
  /** The section's title, then the tags. */
  categories: string[];
}

export interface Feed {
  title: string;
  description?: string;
  /** BCP 47 tag of the site. */
  language: string;
  /** Absolute URL of the page the feed follows. */
  homeUrl: string;
  atomUrl: string;
  /** Absent for a feed published in Atom only (the corrections log). */
  jsonUrl?: string;
  /** The newest entry's `updated`. */
  updated: string;
  entries: FeedEntry[];
}

/**
 * A `tag:` URI (RFC 4151) from the site's host, the publication day and the article's path:
 * "tag:ledger.example.org,2026-11-19:/2026/11/19/storm-floods-harbour-front/". A headline, summary
 * or body edit leaves it as it is, so readers update the entry instead of showing it twice.
 */
export function articleFeedId(site: Pick<Site, "origin" | "pathPrefix">, article: Pick<Article, "path" | "published">): string {
  return `tag:${new URL(site.origin).hostname},${article.published.day}:${siteUrl(site, article.path)}`;
}

/**
 * The articles each scope follows, at most `MAX_FEED_ENTRIES` (`MAX_TOPIC_FEED_ENTRIES` for a topic);
 * `articles` is the newsroom's, newest first. One pass over the archive for every scope: a site has
 * hundreds of topic feeds, and a rare topic's feed looked through every story. A story's scopes are
 * found without building lists of them (at 100,000 stories the pass took ~0.46 s of an edit's plan).
 */
export function articlesByScope(scopes: readonly FeedScope[], articles: readonly Article[]): Article[][] {
  const lists = scopes.map((): Article[] => []);
  const everything: number[] = [];
  const byKey = new Map<string, number[]>();
  scopes.forEach((scope, index) => {
    const key = scope.kind === "section" ? `s:${scope.section.slug}` : scope.kind === "author" ? `a:${scope.author.id}` : scope.kind === "tag" ? `t:${scope.tag.slug}` : undefined;
    if (key === undefined) everything.push(index);
    else if (byKey.has(key)) byKey.get(key)?.push(index);
    else byKey.set(key, [index]);
  });
  const most = scopes.map((scope) => (scope.kind === "tag" ? MAX_TOPIC_FEED_ENTRIES : MAX_FEED_ENTRIES));
  // A story follows a scope once, however many of its tags (or bylines) lead there: the story each
  // scope was last offered.
  const offered = new Int32Array(scopes.length).fill(-1);
  const offer = (indexes: readonly number[] | undefined, article: Article, n: number) => {
    for (const index of indexes ?? []) {
      if (offered[index] === n) continue;
      offered[index] = n;
      const list = lists[index] as Article[];
      if (list.length < (most[index] as number)) list.push(article);
    }
  };
  articles.forEach((article, n) => {
    offer(everything, article, n);
    offer(byKey.get(`s:${article.section.slug}`), article, n);
    for (const author of article.authors) offer(byKey.get(`a:${author.id}`), article, n);
    for (const tag of article.tags) offer(byKey.get(`t:${tagSlug(tag)}`), article, n);
  });
  return lists;
}

function leadImage(article: Article, articleUrl: string): FeedImage | undefined {
  if (!article.photo) return undefined;
  const { fallback } = article.photo.image;
  return { url: absoluteHref(fallback.url, articleUrl), width: fallback.width, height: fallback.height, alt: article.photo.alt };
}

/** The entry's HTML: the lead photo with its caption, then the body, with absolute URLs only. */
export function entryContentHtml(article: Article, articleUrl: string, language: string): string {
  const image = leadImage(article, articleUrl);
  const photo = article.photo;
  const figure =
    image && photo
      ? `<figure><img src="${escapeXml(image.url)}" alt="${escapeXml(image.alt)}" width="${image.width}" height="${image.height}">` +
        `<figcaption>${escapeXml(photo.caption)}${photo.credit ? ` <small>${escapeXml(localeOf(language).t("figure.credit"))} ${escapeXml(photo.credit)}</small>` : ""}</figcaption></figure>\n`
      : "";
  return absolutizeHtml(figure + article.body.rendered.html, articleUrl);
}

/**
 * Each story's entry, kept with its rendered body: a story is an entry of the site's feed, its
 * section's, its topics' and its authors', each in Atom and JSON Feed, and its body (the largest
 * part) was resolved and escaped for each. A body is rendered for the pages being written and dropped
 * after them; its entry goes with it.
 */
const entries = new WeakMap<RenderedBody, { article: Article; site: Site; entry: FeedEntry }>();

export function feedEntry(article: Article, site: Site): FeedEntry {
  const body = article.body.rendered;
  const known = entries.get(body);
  if (known && known.article === article && known.site === site) return known.entry;
  const entry = makeFeedEntry(article, site);
  entries.set(body, { article, site, entry });
  return entry;
}

function makeFeedEntry(article: Article, site: Site): FeedEntry {
  const url = absoluteUrl(site, article.path);
  const image = leadImage(article, url);
  return {
    id: articleFeedId(site, article),
    url,
    title: article.headline,
    summary: article.summary,
    contentHtml: entryContentHtml(article, url, site.language),
    ...(image && { image }),
    published: article.published.iso,
    updated: lastChange(article).iso,
    authors: article.authors.map((author) => ({
      name: author.name,
      url: absoluteUrl(site, author.path),
      ...(author.photo && { avatar: absoluteHref(author.photo.fallback.url, url) }),
    })),
    categories: [...new Set([article.section.title, ...article.tags])],
  };
}

/**
 * The feed for a scope, from its newest articles; an empty feed's `updated` is `siteUpdated`, the
 * whole site's newest change (absent for a site without articles).
 */
export function buildFeed(scope: FeedScope, site: Site, articles: readonly Article[], siteUpdated: string | undefined): Feed {
  const updated = newestChange(articles)?.iso ?? siteUpdated;
  return {
    title: feedTitle(scope, site),
    ...(scope.kind === "site" && site.tagline && { description: site.tagline }),
    language: site.language,
    homeUrl: absoluteUrl(site, scopePagePath(scope)),
    atomUrl: absoluteUrl(site, feedPath(scope, "atom")),
    jsonUrl: absoluteUrl(site, feedPath(scope, "json")),
    updated: updated ?? NO_ARTICLES_UPDATED,
    entries: articles.map((article) => feedEntry(article, site)),
  };
}
