// The search index is built in shards of whole periods (a year, or a quarter or month of a busy
// year), so a build re-indexes only the shards whose articles changed and the indexer's memory is
// bounded by the largest shard. The shards are then joined into one index of the whole site
// (src/build/pagefind-merge.js), the one the search page loads.
import { h } from "preact";
import type { Shell, Teaser } from "../content/types.ts";
import { renderPage } from "./document.ts";
import { page, type PageSpec } from "./page.ts";
import { unlistedHead } from "./seo/head.ts";
import { siteUrl } from "./site.ts";
import { SearchPage } from "../../layouts/SearchPage.tsx";
import { localeOf } from "../i18n/index.ts";

/** Site path of the search page. */
export const SEARCH_PATH = "/search/";
/** Folder of the search index in the output; each shard is a folder in it. */
export const SEARCH_INDEX_DIR = "pagefind";
/** The shard of amendments: new versions of stories whose own (large) shard keeps its outdated entries, hidden (src/build/search-amendments.ts). */
export const AMENDMENTS_SHARD = "amended";
/**
 * The index of the whole site, beside the shards: their pages joined into the files Pagefind writes
 * for one index of them all, so a search matches and ranks as one index does (src/build/pagefind-merge.js).
 */
export const WHOLE_INDEX_DIR = "all";
/** Most articles in one shard: Pagefind's indexer holds ~0.5 MB per page while it builds one. */
export const MAX_SHARD_ARTICLES = 2500;

export interface SearchShard {
  /** "2019", "2019-q3", "2019-07" or "2019-07-2": also its folder under SEARCH_INDEX_DIR. */
  id: string;
  /** Its articles, newest first. */
  teasers: Teaser[];
}

/**
 * Shards, newest first: a year is one shard unless it holds more than `max` articles; then its
 * quarters are, then their months, then runs of `max` articles. A new story or an edit changes one
 * shard; a year that grows past `max` is split once.
 */
export function planSearchShards(teasers: readonly Teaser[], max = MAX_SHARD_ARTICLES): SearchShard[] {
  const groups = (items: readonly Teaser[], key: (teaser: Teaser) => string) => {
    const map = new Map<string, Teaser[]>();
    for (const teaser of items) {
      const id = key(teaser);
      let list = map.get(id);
      if (!list) map.set(id, (list = []));
      list.push(teaser);
    }
    return [...map.entries()].sort((a, b) => b[0].localeCompare(a[0]));
  };
  const quarter = (teaser: Teaser) => `${teaser.published.day.slice(0, 4)}-q${Math.ceil(Number(teaser.published.day.slice(5, 7)) / 3)}`;
  const month = (teaser: Teaser) => teaser.published.day.slice(0, 7);
  const split = (id: string, items: Teaser[], finer: ((teaser: Teaser) => string)[]): SearchShard[] => {
    if (items.length <= max) return [{ id, teasers: items }];
    const [next, ...rest] = finer;
    if (next) return groups(items, next).flatMap(([subId, subItems]) => split(subId, subItems, rest));
    // One month with more than `max` stories: runs of `max`, counted from the month's oldest story so
    // that new stories only ever change the last run.
    const oldestFirst = [...items].reverse();
    const runs: SearchShard[] = [];
    for (let start = 0; start < oldestFirst.length; start += max) runs.push({ id: `${id}-${runs.length + 1}`, teasers: oldestFirst.slice(start, start + max).reverse() });
    return runs.reverse();
  };
  const shards = groups(teasers, (teaser) => teaser.published.day.slice(0, 4)).flatMap(([year, items]) => split(year, items, [quarter, month]));
  // A site without articles still has a search page that works: one empty shard.
  return shards.length > 0 ? shards : [{ id: "none", teasers: [] }];
}

/** The search page: its form, and the index of the whole site it loads; the year facet offers the shards' years. */
export function searchPage(shell: Shell, shards: readonly SearchShard[]): PageSpec {
  return page("search", SEARCH_PATH, { shell, shards: shards.map((shard) => shard.id) }, ({ shell, shards }) => {
    const { site } = shell;
    // Shards are named by their year first: the year facet offers every year with stories.
    const years = [...new Set(shards.filter((id) => /^\d{4}/.test(id)).map((id) => id.slice(0, 4)))];
    const bundle = siteUrl(site, `/${SEARCH_INDEX_DIR}/${WHOLE_INDEX_DIR}/`);
    const body = h(SearchPage, { site, action: siteUrl(site, SEARCH_PATH), bundle, script: siteUrl(site, "/js/search.js"), years });
    const locale = localeOf(site.language);
    return renderPage(shell, { path: SEARCH_PATH, title: locale.t("search.title"), description: locale.t("search.description", { site: site.name }), head: unlistedHead(shell) }, body);
  });
}
