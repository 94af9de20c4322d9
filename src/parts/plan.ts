// A build in parts (docs/build-in-parts.md): a newsroom too large for one Eleventy run is built by
// several runs into one output folder. Article pages are split into parts of consecutive months,
// each run writing one part's pages and search index; then one run per other template writes the rest.
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { Article, Newsroom } from "../content/types.ts";

/** What one Eleventy run of a build in parts writes. */
export interface BuildPart {
  /** "2019-01--2019-12" for a part of article pages; the template's name ("tag", "feed-atom"…) for the others. */
  id: string;
  /** The newsroom this run renders: every article listed, bodies rendered only where this run shows them. */
  newsroom: Newsroom;
  /** Whether this run writes any output of the template `name` (see src/pages/virtual.ts). */
  writesTemplate(name: string): boolean;
  /** Whether this run writes the output at `sitePath` of a template it writes. */
  writesPath(sitePath: string): boolean;
  /** This run's search index folder in the output ("pagefind/2019-01--2019-12"), when it writes article pages. */
  searchIndexDir?: string;
  /** Every part's search index folder, newest first: what the search page loads. */
  searchIndexDirs: readonly string[];
  /** Called by the content plugin when the run has written its outputs: HTML pages, and files of any kind. */
  report(written: { pages: number; files: number }): void;
}

/** The articles of one part, oldest month first. */
export interface ArticlePartPlan {
  id: string;
  articles: Article[];
}

/**
 * Splits articles (any order) into parts of whole months, oldest first, each at most `maxArticles`
 * unless one month alone holds more. Months stay whole so that a part's id says what it holds.
 */
export function planArticleParts(articles: readonly Article[], maxArticles: number): ArticlePartPlan[] {
  const byMonth = new Map<string, Article[]>();
  for (const article of articles) {
    const month = article.published.day.slice(0, 7);
    let list = byMonth.get(month);
    if (!list) byMonth.set(month, (list = []));
    list.push(article);
  }
  const parts: { months: string[]; articles: Article[] }[] = [];
  for (const month of [...byMonth.keys()].sort()) {
    const list = byMonth.get(month) ?? [];
    const last = parts.at(-1);
    if (last && last.articles.length + list.length <= maxArticles) {
      last.months.push(month);
      last.articles.push(...list);
    } else parts.push({ months: [month], articles: [...list] });
  }
  return parts.map(({ months, articles }) => ({ id: months.length === 1 ? (months[0] ?? "") : `${months[0]}--${months.at(-1)}`, articles }));
}

// The part of the run in progress, by Eleventy config, as for preview changes: the build sets it
// through Eleventy's `config` callback, and every plugin receives that same config object. The map
// lives on globalThis because Eleventy imports the config (and so these plugins) by its own loader:
// under a test runner that is a second copy of this module, which must see the same parts.
const REGISTRY = Symbol.for("dateline.build-parts");
const byConfig: WeakMap<object, BuildPart> = ((globalThis as Record<symbol, unknown>)[REGISTRY] as WeakMap<object, BuildPart> | undefined) ?? new WeakMap();
(globalThis as Record<symbol, unknown>)[REGISTRY] = byConfig;

export function setBuildPart(eleventyConfig: UserConfig, part: BuildPart): void {
  byConfig.set(eleventyConfig, part);
}

/** The part this run builds; undefined for an ordinary build of the whole site. */
export function buildPart(eleventyConfig: UserConfig): BuildPart | undefined {
  return byConfig.get(eleventyConfig);
}
