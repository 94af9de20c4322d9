// Amending a large search shard instead of indexing it again (docs/architecture.md, "Amended
// shards"). Indexing a quarter of a large archive costs Pagefind ~12 CPU-s, however few of its
// stories changed: an hour's publish that edits five old stories used to index five quarters again.
// Instead, a shard whose stories changed a little keeps its index as it is (its base), and the
// changed stories' new versions go into one small shard of amendments; the search page hides the
// base's outdated entries by their Pagefind page ids. A shard is indexed again (and its amendments
// dropped) once they grow past a tenth of it. Pure: the plan decides, from what each stored shard
// holds (its documents' keys and page ids, kept by the indexer).
import type { SearchShard } from "../site/search.ts";
import type { Teaser } from "../content/types.ts";

/** What a stored shard holds, in its order: each story's path, its search document's key, and Pagefind's page id for it. */
export interface ShardContents {
  documents: [path: string, key: string, id: string][];
}

export interface AmendPolicy {
  /** Shards with fewer stories are indexed again: it is cheap, and hiding entries is not worth it. */
  minBase: number;
  /** Most changed stories of a shard, as a fraction of its base, before it is indexed again. */
  fraction: number;
  /** Most stories in the amendments shard: beyond it, the shards with the most changes are indexed again. */
  most: number;
}

/** A quarter of 2,500 stories takes up to 250 changes; the amendments shard indexes in ~5 s at most. */
export const AMEND_POLICY: AmendPolicy = { minBase: 400, fraction: 0.1, most: 1000 };

/** A changed shard whose base could be amended: its stored base and the current stories. */
export interface AmendCandidate {
  shard: SearchShard;
  /** The fingerprint of its stored base. */
  base: string;
  contents: ShardContents;
  /** The current search document key of each of its stories, by path. */
  keys: ReadonlyMap<string, string>;
}

export interface Amendment {
  shard: SearchShard;
  base: string;
  /** Its stories that are new or changed since its base, newest first. */
  teasers: Teaser[];
  /** Page ids of the base's entries that are outdated (changed or gone), in the base's order. */
  hidden: string[];
}

/**
 * Which candidates are amended. A candidate is not when its changes pass the policy's share of its
 * base, when one of the ids it hides is also the id of another stored entry (Pagefind's ids are
 * short hashes: hiding one must never hide another story), or, largest first, when the amendments
 * would pass the policy's most. `allIds`: every page id of every stored shard the previous build
 * published (amendments included), with how often it occurs.
 */
export function chooseAmendments(candidates: readonly AmendCandidate[], allIds: ReadonlyMap<string, number>, policy: AmendPolicy): Amendment[] {
  const amendable = candidates.flatMap((candidate): Amendment[] => {
    const { shard, contents, keys } = candidate;
    if (contents.documents.length < policy.minBase) return [];
    const base = new Map(contents.documents.map(([path, key]) => [path, key]));
    const teasers = shard.teasers.filter((teaser) => base.get(teaser.path) !== keys.get(teaser.path));
    const hidden = contents.documents.filter(([path, key]) => keys.get(path) !== key).map(([, , id]) => id);
    if (teasers.length + hidden.length > policy.fraction * contents.documents.length) return [];
    if (hidden.some((id) => (allIds.get(id) ?? 0) !== 1)) return [];
    return [{ shard, base: candidate.base, teasers, hidden }];
  });
  // The largest go first (ties: the shard named first), so what stays amended is the most shards.
  const bySize = [...amendable].sort((a, b) => b.teasers.length - a.teasers.length || (a.shard.id < b.shard.id ? -1 : 1));
  let total = amendable.reduce((sum, amendment) => sum + amendment.teasers.length, 0);
  const dropped = new Set<Amendment>();
  for (const amendment of bySize) {
    if (total <= policy.most) break;
    dropped.add(amendment);
    total -= amendment.teasers.length;
  }
  return amendable.filter((amendment) => !dropped.has(amendment));
}
