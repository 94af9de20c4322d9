// What a live-preview rebuild (`npm start`) changed, so the page plugins write only the pages an
// edit affects and keep the rest of the previous build in the output folder. A production build
// never has any: every plugin then writes everything, exactly as before.
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { Article, Newsroom } from "./types.ts";

/** Articles changed by the edits since the last successful preview build, by id. */
export interface PreviewChanges {
  /** Every article whose own page must be rewritten. */
  changed: ReadonlySet<string>;
  /** Of those, the ones whose listing fields (headline, summary, photo…) changed: listings, feeds and related lists show them. */
  listed: ReadonlySet<string>;
}

/**
 * How an edit changed one article:
 * - "body": only what its own page shows (text, word count, corrections…);
 * - "listing": also what other pages show of it (headline, summary, photo, and any field not named here);
 * - "structure": where it appears (URL, date, section, tags, bylines, flags): every page is rebuilt.
 */
type ArticleChange = "same" | "body" | "listing" | "structure";

/** Fields that decide which pages list an article, and in what order. */
const STRUCTURE_FIELDS = ["id", "slug", "path", "published", "updated", "section", "tags", "authors", "draft", "scheduled", "featured"] as const;
/** Fields that only the article's own page (and the feeds' full text) shows. */
const BODY_FIELDS = ["bodyHtml", "wordCount", "readingMinutes", "interactive", "corrections", "dateline", "fieldsFromFiles"] as const;

function compareArticles(before: Article, after: Article): ArticleChange {
  if (structureKey(before) !== structureKey(after)) return "structure";
  // Any field not named above counts as shown in listings: a new field is safe by default.
  if (listingKey(before) !== listingKey(after)) return "listing";
  return JSON.stringify(pick(before, BODY_FIELDS)) === JSON.stringify(pick(after, BODY_FIELDS)) ? "same" : "body";
}

function structureKey(article: Article): string {
  return JSON.stringify({ ...pick(article, STRUCTURE_FIELDS), authors: article.authors.map((author) => author.id) });
}

/** Every field but the named ones. */
const NAMED_FIELDS: ReadonlySet<string> = new Set([...STRUCTURE_FIELDS, ...BODY_FIELDS]);

function listingKey(article: Article): string {
  return JSON.stringify(Object.entries(article).filter(([key]) => !NAMED_FIELDS.has(key)));
}

function pick(article: Article, keys: readonly string[]): Record<string, unknown> {
  const record = article as unknown as Record<string, unknown>;
  return Object.fromEntries(keys.map((key) => [key, record[key]]));
}

/**
 * The changes between two loads of the same newsroom, or undefined when every page must be rebuilt
 * (an article added, deleted, moved or re-tagged).
 */
export function diffNewsrooms(before: Newsroom, after: Newsroom): PreviewChanges | undefined {
  if (before.articles.length !== after.articles.length) return undefined;
  const previous = new Map(before.articles.map((article) => [article.id, article]));
  const changed = new Set<string>();
  const listed = new Set<string>();
  for (const article of after.articles) {
    const old = previous.get(article.id);
    if (!old) return undefined;
    if (old === article) continue;
    const change = compareArticles(old, article);
    if (change === "structure") return undefined;
    if (change !== "same") changed.add(article.id);
    if (change === "listing") listed.add(article.id);
  }
  return { changed, listed };
}

// The changes of the build in progress, by Eleventy config: every plugin gets the same config
// object, while the templates see only a copy of the `newsroom` global data.
const byConfig = new WeakMap<object, PreviewChanges | undefined>();

/** Called by the content plugin once per build, before any page is listed. */
export function setPreviewChanges(eleventyConfig: UserConfig, changes: PreviewChanges | undefined): void {
  byConfig.set(eleventyConfig, changes);
}

/** The changes of the build in progress when only some pages need writing; undefined: write every page. */
export function previewChanges(eleventyConfig: UserConfig): PreviewChanges | undefined {
  return byConfig.get(eleventyConfig);
}

/** The articles behind `ids`, for pages that ask where the changed ones appear; found once per build, not once per page. */
export function changedArticles(newsroom: Newsroom, ids: ReadonlySet<string>): readonly Article[] {
  const found = foundArticles.get(ids);
  if (found?.newsroom === newsroom) return found.articles;
  const articles = ids.size === 0 ? [] : newsroom.articles.filter((article) => ids.has(article.id));
  foundArticles.set(ids, { newsroom, articles });
  return articles;
}

const foundArticles = new WeakMap<ReadonlySet<string>, { newsroom: Newsroom; articles: readonly Article[] }>();
