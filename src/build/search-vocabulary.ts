// The vocabulary index (src/site/search.ts `VOCABULARY_DIR`): one page per search shard, listing the
// words its index holds. Pagefind matches a word a shard lacks by the longest shorter word the shard
// holds ("okonkwo" finds the "ok" of every story of a year that never names him), so shards searched
// side by side found what one index of the site never would. The search page (public/js/search.js)
// asks the vocabulary first: it is one index of all the shards' words, so the shards it finds for a
// query are exactly those in which one index of the whole site would match, and only they are
// searched. Built from the shards' written files (src/build/pagefind-words.js), after them, by every
// build that writes the whole site (a build, the merge of slices, the preview); named by the shards.
import path from "node:path";
import { digestOf } from "./digest.ts";
import type { SearchIndexer, VocabularyShard } from "./search-index.ts";

/** The vocabulary's fingerprint: the shards' ids and fingerprints (in any order: a merge has its slices'), and the ids it hides. */
export function vocabularyFingerprint(shards: Iterable<readonly [string, string]>, hidden: readonly string[]): string {
  return digestOf({ vocabulary: [...shards].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)), hidden: [...hidden].sort() });
}

/**
 * Writes the vocabulary of the shards (by id, each in its written folder) into `dir`, in the same
 * order whoever writes it, so a merge writes the same bytes as a single build.
 */
export async function writeVocabulary(indexer: SearchIndexer, shards: Iterable<readonly [string, string]>, hidden: readonly string[], dir: string): Promise<void> {
  const ordered: VocabularyShard[] = [...shards].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([id, folder]) => ({ id, dir: path.resolve(folder), hidden }));
  await indexer.vocabulary(ordered, dir);
}
