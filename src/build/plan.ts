// The build plan: every output of the site with the digest of what it is made from, and for each
// whether it must be rendered or can be reused from the previous build. Computed in one place from
// the site's page specs and what the previous build recorded; a full build, an incremental build and
// a live-preview rebuild are the same plan against a different (or no) previous build.
import { digestOf, digestText, givenDigest } from "./digest.ts";
import type { PageKind, PageSpec } from "../site/page.ts";
import type { SitePlan } from "../site/index.ts";
import type { RelatedRanking } from "../site/related.ts";
import { AMENDMENTS_SHARD, WHOLE_INDEX_DIR, type SearchShard } from "../site/search.ts";
import { wholeIndexFingerprint } from "./search-whole.ts";
import { chooseAmendments, type AmendPolicy, type ShardContents } from "./search-amendments.ts";

/** Why a page is rendered, or that it is not. */
export type PlanReason = "new" | "changed" | "not stored" | "unchanged" | "amended";

export interface PlannedPage {
  spec: PageSpec;
  /** Digest of the code and the page's inputs: equal fingerprints, equal files. */
  fingerprint: string;
  /** Each of the page's inputs by name with a short digest ("shell=Ab12Cd34 article=…"): kept in the record, so the next build can say what changed. */
  inputs: string;
  render: boolean;
  reason: PlanReason;
  /** A changed page whose last inputs the record kept: the names of those that changed ("article", "related", "listing"), or "code" when none did. */
  changed?: readonly string[];
}

export interface PlannedShard {
  shard: SearchShard;
  /** Digest of the code, the shell and the shard's articles. */
  fingerprint: string;
  index: boolean;
  reason: PlanReason;
  /** An amended shard (its base reused): how many of its stories are in the amendments shard. */
  amendedStories?: number;
}

/** An article's search document (what the index reads of its page): named by what it is made from. */
export interface PlannedDocument {
  /** Digest of the code, the shell and the article: equal keys, equal documents. */
  key: string;
  /** Whether the store holds it: if not, the article's page is rendered and writes it. */
  stored: boolean;
}

/**
 * The search part of the plan: which shards to index again and every article's search document.
 * It needs only the shell and the articles, so a build plans it before the pages and indexing starts
 * while the pages are being planned.
 */
export interface SearchPlan {
  /** Newest first; the amendments shard, when there is one, last. */
  shards: PlannedShard[];
  /** By article path. */
  documents: ReadonlyMap<string, PlannedDocument>;
  /** Page ids of amended shards' outdated entries, which the index of the whole site leaves out. */
  hidden: string[];
  /** The previous build's index of the whole site (its fingerprint in the store): the join reuses its files that did not change. */
  previousWhole?: string | undefined;
}

/** What the previous build wrote: each output's fingerprint, by site path, and each shard's. */
export interface BuildRecord {
  pages: ReadonlyMap<string, string>;
  shards: ReadonlyMap<string, string>;
  /** `buildId` of this record, when it was saved with it: digesting a large archive's record takes ~0.3 s. */
  id?: string;
  /** Each page's `inputs`, by site path: what the next build names as changed (without them, a changed page is only "changed"). */
  inputs?: ReadonlyMap<string, string>;
  /** The related stories a whole build ranked (`SitePlan.related`), and the code that ranked them: the next build of the same code reuses them. */
  related?: { code: string; ranking: RelatedRanking };
}

export interface BuildPlan extends SearchPlan {
  pages: PlannedPage[];
  /** Site paths the previous build wrote that this one does not. */
  removed: string[];
  /** What this build will have written, for the next one. */
  record: BuildRecord;
}

export interface PlanOptions {
  /** Digest of the code, layouts, stylesheet, scripts, dependencies and runtime (src/build/code.ts). */
  code: string;
  /** The previous build, if any: without one, every page is rendered. */
  previous?: BuildRecord | undefined;
  /** Whether the stored output of a fingerprint (a page or a shard) is still there to reuse (the cache may have been pruned). */
  stored?: (fingerprint: string) => boolean;
  /** Whether the store holds the search document of a key. */
  storedDocument?: (key: string) => boolean;
  /**
   * Amend large shards that changed a little instead of indexing them again (src/build/
   * search-amendments.ts), from what each stored shard holds. Without it every changed shard is
   * indexed again: a clean build and a slice never amend.
   */
  amend?: { policy: AmendPolicy; contents: (fingerprint: string) => ShardContents | undefined };
}

/** Two page specs for one path would overwrite each other: a Dateline defect, not a content error. */
export class DuplicateOutputError extends Error {
  override name = "DuplicateOutputError";
}

/**
 * The search plan from the shards and what each article's entry in the index is made of (the shell
 * and the article: `[shell, article]`), as the build has them before it plans any page.
 */
export function planSearch(shards: readonly SearchShard[], inputsOf: (articlePath: string) => readonly object[] | undefined, options: PlanOptions): SearchPlan {
  const { code, previous } = options;
  const storedDocument = options.storedDocument ?? (() => true);
  const documents = new Map<string, PlannedDocument>();
  const planned = shards.map((shard): PlannedShard => {
    // What the index holds of a page: its head and its article element. The shell and each article
    // decide those; a change to the related stories or the footer does not re-index the shard.
    const keys = shard.teasers.map((teaser) => {
      const inputs = inputsOf(teaser.path);
      if (!inputs) throw new Error(`[plan] search shard ${shard.id} holds ${teaser.path}, which has no article page (a Dateline defect)`);
      const key = digestOf({ code, search: inputs });
      documents.set(teaser.path, { key, stored: storedDocument(key) });
      return key;
    });
    return plannedShard(shard, keys, options);
  });
  const previousWhole = previous?.shards.get(WHOLE_INDEX_DIR);
  if (!options.amend || !previous) return { shards: planned, documents, hidden: [], previousWhole };
  return { ...amendShards(planned, documents, previous, options.amend, options), documents, previousWhole };
}

function plannedShard(shard: SearchShard, keys: readonly string[], { code, previous, stored = () => true }: PlanOptions): PlannedShard {
  const fingerprint = digestOf({ code, shard: shard.id, documents: keys });
  const before = previous?.shards.get(shard.id);
  const reason: PlanReason = before === undefined ? "new" : before !== fingerprint ? "changed" : stored(fingerprint) ? "unchanged" : "not stored";
  return { shard, fingerprint, index: reason !== "unchanged", reason };
}

/** The changed shards that are amended instead of indexed again, and the amendments shard that holds their changes. */
function amendShards(planned: PlannedShard[], documents: ReadonlyMap<string, PlannedDocument>, previous: BuildRecord, amend: NonNullable<PlanOptions["amend"]>, options: PlanOptions): Omit<SearchPlan, "documents"> {
  const { stored = () => true } = options;
  const contentsOf = new Map<string, ShardContents | undefined>();
  const contents = (fingerprint: string) => {
    if (!contentsOf.has(fingerprint)) contentsOf.set(fingerprint, amend.contents(fingerprint));
    return contentsOf.get(fingerprint);
  };
  const candidates = planned.flatMap((shard) => {
    const base = shard.reason === "changed" ? previous.shards.get(shard.shard.id) : undefined;
    const held = base !== undefined && shard.shard.id !== AMENDMENTS_SHARD && stored(base) ? contents(base) : undefined;
    if (!held || base === undefined) return [];
    const keys = new Map(shard.shard.teasers.map((teaser) => [teaser.path, documents.get(teaser.path)?.key ?? ""]));
    return [{ shard: shard.shard, base, contents: held, keys }];
  });
  if (candidates.length === 0) return { shards: planned, hidden: [] };
  const allIds = new Map<string, number>();
  for (const fingerprint of previous.shards.values()) for (const [, , id] of contents(fingerprint)?.documents ?? []) allIds.set(id, (allIds.get(id) ?? 0) + 1);
  const chosen = new Map(chooseAmendments(candidates, allIds, amend.policy).map((amendment) => [amendment.shard.id, amendment]));
  if (chosen.size === 0) return { shards: planned, hidden: [] };
  const shards = planned.map((shard): PlannedShard => {
    const amendment = chosen.get(shard.shard.id);
    return amendment ? { shard: shard.shard, fingerprint: amendment.base, index: false, reason: "amended", amendedStories: amendment.teasers.length } : shard;
  });
  const amended = [...chosen.values()];
  const teasers = amended.flatMap((amendment) => amendment.teasers);
  const hidden = amended.flatMap((amendment) => amendment.hidden);
  // Only outdated entries (stories deleted or moved away): nothing to index, only to hide.
  if (teasers.length === 0) return { shards, hidden };
  const keys = teasers.map((teaser) => documents.get(teaser.path)?.key ?? "");
  return { shards: [...shards, plannedShard({ id: AMENDMENTS_SHARD, teasers }, keys, options)], hidden };
}

/** The build plan; `search` when the build planned the search part already (else it is planned here from the article pages). */
export function planBuild(site: Pick<SitePlan, "pages" | "shards">, options: PlanOptions & { search?: SearchPlan }): BuildPlan {
  const { code, previous } = options;
  const stored = options.stored ?? (() => true);
  const search = options.search ?? planSearch(site.shards, articleInputs(site.pages), options);
  const seen = new Map<string, PageKind>();
  const pages = site.pages.map((spec): PlannedPage => {
    const other = seen.get(spec.path);
    if (other) throw new DuplicateOutputError(`[plan] two pages would be written at ${spec.path} (a ${other} page and a ${spec.kind} page)`);
    seen.set(spec.path, spec.kind);
    // Each input is digested on its own, and the page by those digests: the same walk of its data,
    // and the record can say which input changed.
    // (Names are identifiers and digests base64url: the text joined below is unambiguous.)
    let named = "";
    let inputs = "";
    const values = spec.inputs as Record<string, unknown>;
    for (const name in values) {
      const digest = inputDigest(values[name]);
      const gap = inputs === "" ? "" : " ";
      named += `${gap}${name}=${digest}`;
      inputs += `${gap}${name}=${digest.slice(0, INPUT_DIGEST_LENGTH)}`;
    }
    const fingerprint = digestText(`${code}\n${spec.kind}\n${spec.path}\n${named}`);
    const before = previous?.pages.get(spec.path);
    // An article page is reusable only with its search document: a shard indexed again reads it.
    const storedHere = stored(fingerprint) && (spec.kind !== "article" || search.documents.get(spec.path)?.stored !== false);
    const reason: PlanReason = before === undefined ? "new" : before !== fingerprint ? "changed" : storedHere ? "unchanged" : "not stored";
    const inputsBefore = reason === "changed" ? previous?.inputs?.get(spec.path) : undefined;
    return { spec, fingerprint, inputs, render: reason !== "unchanged", reason, ...(inputsBefore !== undefined && { changed: changedInputs(inputsBefore, inputs) }) };
  });
  const removed = previous ? [...previous.pages.keys()].filter((path) => !seen.has(path)) : [];
  return {
    pages,
    ...search,
    removed,
    record: {
      ...recordOfPages(pages),
      shards: withWholeIndex(new Map(search.shards.map((planned) => [planned.shard.id, planned.fingerprint])), search.hidden),
    },
  };
}

/** What a build record keeps of its pages (a whole build's or a slice's): each one's fingerprint and inputs, by site path. */
export function recordOfPages(pages: readonly PlannedPage[]): Pick<BuildRecord, "pages" | "inputs"> {
  return { pages: new Map(pages.map((planned) => [planned.spec.path, planned.fingerprint])), inputs: new Map(pages.map((planned) => [planned.spec.path, planned.inputs])) };
}

/** An input's digest: the one a large shared value carries (the shell, an article), else its own. */
function inputDigest(value: unknown): string {
  return (typeof value === "object" && value !== null ? givenDigest(value) : undefined) ?? digestOf(value);
}

/** Characters of each input's digest the record keeps: enough to tell a change, and 135,000 pages' worth stays a few MB. */
const INPUT_DIGEST_LENGTH = 8;

/** The names of the inputs that differ between two `PlannedPage.inputs`; "code" when none does (the page changed with the code). */
function changedInputs(before: string, now: string): string[] {
  const old = new Set(before.split(" "));
  const names = now
    .split(" ")
    .filter((input) => !old.has(input))
    .map((input) => input.slice(0, input.indexOf("=")));
  return names.length > 0 ? names : ["code"];
}

/** A build's shards and, named by them, the index of the whole site joined from them (src/build/search-whole.ts). */
export function withWholeIndex(shards: Map<string, string>, hidden: readonly string[]): Map<string, string> {
  return shards.set(WHOLE_INDEX_DIR, wholeIndexFingerprint(shards, hidden));
}

/** What each article page's entry in the search index is made of, from its spec. */
function articleInputs(specs: readonly PageSpec[]): (articlePath: string) => readonly object[] | undefined {
  const articles = new Map<string, PageSpec>();
  for (const spec of specs) if (spec.kind === "article") articles.set(spec.path, spec);
  return (articlePath) => {
    const spec = articles.get(articlePath) as PageSpec<{ shell: object; article: object }> | undefined;
    return spec && [spec.inputs.shell, spec.inputs.article];
  };
}

export function pagesOfKind(pages: readonly PlannedPage[], kind: PageKind): PlannedPage[] {
  return pages.filter((planned) => planned.spec.kind === kind);
}

/** Inputs named otherwise in the summary than in the code: as an editor would say what changed. */
const INPUT_NAMES: Record<string, string> = { shell: "site", articles: "stories", entries: "corrections", urls: "entries", shards: "search shards", hidden: "hidden search entries", listPath: "list link" };

/**
 * "4 articles (1 article changed, 3 related changed), 3 sections (listing changed), 2 tags (new)":
 * what a plan renders, by kind, and why: new, which inputs changed (the site's shell is "site"), or
 * not stored.
 */
export function describeRendered(plan: BuildPlan): string[] {
  const byKind = new Map<PageKind, Map<string, number>>();
  for (const planned of plan.pages) {
    if (!planned.render) continue;
    let reasons = byKind.get(planned.spec.kind);
    if (!reasons) byKind.set(planned.spec.kind, (reasons = new Map<string, number>()));
    const why = planned.changed ? `${planned.changed.map((name) => INPUT_NAMES[name] ?? name).join(" and ")} changed` : planned.reason;
    reasons.set(why, (reasons.get(why) ?? 0) + 1);
  }
  return [...byKind.entries()].map(([kind, reasons]) => {
    const total = [...reasons.values()].reduce((sum, n) => sum + n, 0);
    const why = [...reasons.entries()].map(([reason, n]) => (reasons.size === 1 ? reason : `${n} ${reason}`)).join(", ");
    // A kind named in the plural already ("corrections") takes no second s.
    return `${total} ${kind}${total === 1 || kind.endsWith("s") ? "" : "s"} (${why})`;
  });
}
