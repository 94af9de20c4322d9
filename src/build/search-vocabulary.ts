// The vocabulary index (src/site/search.ts `VOCABULARY_DIR`): one page per search shard, listing the
// words its index holds. Pagefind matches a word a shard lacks by the longest shorter word the shard
// holds ("okonkwo" finds the "ok" of every story of a year that never names him), so shards searched
// side by side found what one index of the site never would. The search page (public/js/search.js)
// asks the vocabulary first: it is one index of all the shards' words, so the shards it finds for a
// query are exactly those in which one index of the whole site would match, and only they are
// searched. Written by every build that writes the whole site (a build, the merge of slices, the
// preview), once its shards are; named by the shards (docs/architecture.md, "Search").
import { byText, digestOf } from "./digest.ts";
import type { SearchIndexer, VocabularyShard } from "./search-index.ts";

/** The vocabulary's fingerprint: the shards' ids and fingerprints (in any order: a merge has its slices'), and the ids it hides. */
export function vocabularyFingerprint(shards: Iterable<readonly [string, string]>, hidden: readonly string[]): string {
  return digestOf({ vocabulary: [...shards].sort(([a], [b]) => byText(a, b)), hidden: [...hidden].sort() });
}

/**
 * Writes the vocabulary of `shards` into `dir`, in the same order whoever writes it, so a merge
 * writes the same bytes as a single build.
 */
export async function writeVocabulary(indexer: SearchIndexer, shards: readonly VocabularyShard[], dir: string): Promise<void> {
  await indexer.vocabulary([...shards].sort((a, b) => byText(a.id, b.id)), dir);
}
