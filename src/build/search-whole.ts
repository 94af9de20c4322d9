// The index of the whole site (src/site/search.ts `WHOLE_INDEX_DIR`): the shards' indexes joined into
// the files Pagefind writes for one index of all their pages (src/build/pagefind-merge.js), without
// the outdated entries of amended shards. The search page loads it alone, so a query matches and
// ranks as in one index of the site: shards searched side by side matched a word a shard lacks by
// the longest shorter word it holds, and weighed each word by its own shard's statistics. Written by
// every build that writes the whole site (a build, the merge of slices, the preview), once its
// shards are; named by them (docs/architecture.md, "Search").
import { byText, digestOf } from "./digest.ts";
import type { SearchIndexer, WholeIndexOptions, WholeIndexShard } from "./search-index.ts";
import { AMENDMENTS_SHARD } from "../site/search.ts";
import fs from "node:fs/promises";
import path from "node:path";
import { linkTree } from "./store.ts";

/** A shard's folder of its pages' fragments, the one part of it readers fetch. */
const FRAGMENTS = "fragment";

/**
 * Publishes a shard beside the whole index: its pages' fragments only. Readers load the whole index,
 * which names each page's fragment in its shard's folder; a shard's own word chunks, filters and
 * metadata are read only by the join, from the store (kept unzipped there: src/build/pagefind-cbor.js
 * `storePagefindFile`). A shard without pages publishes an empty folder.
 */
export async function publishShard(from: string, to: string): Promise<void> {
  // Read first: a shard that is not there is an error (a slice's missing folder), not an empty shard.
  const held = await fs.readdir(from);
  if (held.includes(FRAGMENTS)) await linkTree(path.join(from, FRAGMENTS), path.join(to, FRAGMENTS));
  else await fs.mkdir(to, { recursive: true });
}

/** The whole index's fingerprint: the shards' ids and fingerprints (in any order: a merge has its slices'), and the ids it leaves out. */
export function wholeIndexFingerprint(shards: Iterable<readonly [string, string]>, hidden: readonly string[]): string {
  return digestOf({ whole: [...shards].sort(([a], [b]) => byText(a, b)), hidden: [...hidden].sort() });
}

/**
 * The shards of a whole index, by id and folder (and the files of what each holds and where its lists
 * end, for a stored shard): published
 * beside it (`pagefind/<id>/`, where their pages' fragments stay), every one without the `hidden`
 * entries (outdated entries of amended shards; an id names one entry of all the stored shards,
 * src/build/search-amendments.ts), but the amendments shard, which holds their new versions.
 */
export function wholeIndexShards(shards: Iterable<readonly [string, string, string?, string?]>, hidden: readonly string[]): WholeIndexShard[] {
  return [...shards].map(([id, dir, contents, postings]) => ({ id, dir, path: `../${id}/`, hidden: id === AMENDMENTS_SHARD ? [] : hidden, contents, postings }));
}

/** The order of shards in the whole index: newest first, by id (a site's only empty shard, "none", before the years). */
const newestFirst = (a: string, b: string) => byText(b, a);

/**
 * Writes the index of `shards` into `dir`, their pages newest shard first, so a merge of slices writes
 * the same bytes as a build. With `stories` (each shard's site paths, in the order it holds them), an
 * amended build's pages are put where a clean build's are: the amendments shard's stories into their
 * own shards' places, so its words and filters are the clean build's, byte for byte, and its pages
 * the same in the same order (only an amended story's fragment is named in `amended/`). `previous`: an earlier index
 * of the whole site (the store's), whose files that come out the same are linked, not compressed again.
 * `after` and `keep`: see `WholeIndexOptions`.
 */
export async function writeWholeIndex(indexer: SearchIndexer, shards: readonly WholeIndexShard[], dir: string, { stories, ...options }: { stories?: ReadonlyMap<string, readonly string[]> | undefined } & Omit<WholeIndexOptions, "order"> = {}): Promise<void> {
  const order = stories && [...stories.keys()].filter((id) => id !== AMENDMENTS_SHARD).sort(newestFirst).flatMap((id) => stories.get(id) ?? []);
  await indexer.whole([...shards].sort((a, b) => newestFirst(a.id, b.id)), dir, { order, ...options });
}
