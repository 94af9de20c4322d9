// The write stage of a build: every output of the plan ends up in the output folder, rendered by
// Eleventy in runs of at most RUN_WEIGHT (Eleventy keeps a run's pages in memory until it ends) or
// hard-linked from the build store when its fingerprint did not change, while the pages render.
// The search shards that changed are indexed from the stored search documents (ShardWriter), from
// before the pages are planned; unchanged shards are linked.
import fsSync from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import type dateline from "../../.eleventy.ts";
import type { BuildPlan, PlannedPage, PlannedShard, SearchPlan } from "./plan.ts";
import { Linker, linkTree, type BuildStore } from "./store.ts";
import { SearchIndexer } from "./search-index.ts";
import type { BodyRenderer } from "../render/bodies.ts";
import type { ImagePipeline } from "../images/index.ts";
import { outputFile, type PageSpec } from "../site/page.ts";
import { articleSearchDocument } from "../site/pages.ts";
import type { Article, Shell } from "../content/types.ts";
import { AMENDMENTS_SHARD, SEARCH_INDEX_DIR, WHOLE_INDEX_DIR } from "../site/search.ts";
import { publishShard, wholeIndexFingerprint, wholeIndexShards, writeWholeIndex } from "./search-whole.ts";
import { copyPublicFiles } from "../site/assets.ts";

/**
 * Most work one Eleventy run renders, in pages of one story each (`pageWeight`): the run's memory,
 * not the archive's, bounds the build's. Starting a run costs Eleventy little, so small runs are
 * nearly free; runs of 4,000 pages were most of the Node heap (measured: docs/performance.md).
 */
export const RUN_WEIGHT = 1000;
/** A progress line after each this many pages. */
const PROGRESS_EVERY = 4000;

export interface WriteOptions {
  plan: BuildPlan;
  /** A new, empty folder (the build's staging folder). */
  output: string;
  store: BuildStore;
  bodies: BodyRenderer;
  images: ImagePipeline;
  /** Progress lines. */
  log: (line: string) => void;
  /** Marks the end of each step, for the build's timings. */
  timer?: { lap(stage: string): void };
  /**
   * The folder that already holds the previous build's outputs, when this build updates it in place
   * (src/build/apply.ts): then only new outputs are written into `output`.
   */
  previousOutput?: string | undefined;
  /** Whether to copy `public/` (a slice of a build holds its pages and images only). Default: true. */
  publicFiles?: boolean;
  /** The indexing of the plan's shards, if the build started it already. Default: started here. */
  search?: ShardWriter | undefined;
  /** The linking of reused outputs into `output`, if the build started it ahead. Default: started here. */
  linking?: Linker | undefined;
}

export interface WriteReport {
  rendered: number;
  reused: number;
  /** Eleventy runs. */
  runs: number;
  shardsIndexed: number;
  shardsReused: number;
  /** Pages in the search index, over every shard. */
  indexedPages: number;
}

export async function writeBuild({ plan, output, store, bodies, images, log, timer, previousOutput, publicFiles = true, search = ShardWriter.start(plan, store), linking = new Linker(output) }: WriteOptions): Promise<WriteReport> {
  const reuse = plan.pages.filter((planned) => !planned.render);
  const render = orderForSearch(plan.pages.filter((planned) => planned.render), plan.shards);
  const batches = runsOf(render, RUN_WEIGHT);
  try {
    // Reused pages and shards are linked by threads of their own while the pages render. No page is
    // rendered before the links made ahead that it replaces are gone.
    await linking.settle(previousOutput ? [] : reuse.map((planned) => [store.pageFile(planned.fingerprint), path.join(output, outputFile(planned.spec.path))] as const));
    await fs.mkdir(output, { recursive: true });
    search.linkInto(output, { unchanged: !previousOutput });
    let done = 0;
    const released = bodiesDoneAfter(batches);
    const emptyInput = await store.eleventyInput();
    for (const [index, batch] of batches.entries()) {
      await bodies.prepare(batch.flatMap((planned) => planned.spec.bodies ?? []));
      const fingerprints = new Map(batch.map((planned) => [planned.spec.path, planned.fingerprint]));
      await runEleventy(output, emptyInput, {
        begin: () => Promise.resolve(batch.map((planned) => planned.spec)),
        end: (written) => {
          store.keepPages(written.map((page) => [page.outputPath, fingerprints.get(page.path) ?? ""] as const));
          return Promise.resolve();
        },
        // Kept as it is rendered, for the indexers to read while the run goes on.
        searchDocument: (sitePath, html) => search.document(sitePath, html),
      });
      bodies.release(released[index] ?? []);
      const before = done;
      done += batch.length;
      if (render.length > PROGRESS_EVERY && Math.floor(done / PROGRESS_EVERY) > Math.floor(before / PROGRESS_EVERY)) log(`[dateline] rendered ${done} of ${render.length} pages`);
    }
    search.pagesWritten();
    timer?.lap("render pages");
    await linking.done;
    timer?.lap("link reused");
  } catch (error) {
    await Promise.all([search.abort(error), linking.stop()]);
    throw error;
  }
  const indexed = await search.finish();
  timer?.lap("search");
  if (!previousOutput) {
    if (publicFiles) await copyPublicFiles(output);
    await images.copyUsed(output);
  }
  timer?.lap("assets");
  return { rendered: render.length, reused: reuse.length, runs: batches.length, ...indexed };
}

/** One Eleventy run over an empty input folder (`emptyInput`): nothing is discovered, only the session's pages written. */
export async function runEleventy(output: string, emptyInput: string, session: Parameters<typeof dateline>[1]): Promise<void> {
  // Imported when first needed (a quarter of a second): a build starts its search indexing first.
  const [{ default: Eleventy }, { default: dateline }] = await Promise.all([import("@11ty/eleventy"), import("../../.eleventy.ts")]);
  const eleventy = new Eleventy(emptyInput, output, {
    quietMode: true,
    // `false` (typed as a path) skips Eleventy's search for eleventy.config.js and friends: the one
    // configuration is ours, passed in with this run's session.
    configPath: false as unknown as string,
    config: (eleventyConfig: Parameters<typeof dateline>[0]) => dateline(eleventyConfig, session),
  });
  // Its "Wrote N files" line would count one run of a build in several: the build prints its own
  // summary, and any error reaches us as an exception.
  eleventy.disableLogger();
  await eleventy.write();
}

/**
 * What a page weighs in a run: the stories it shows in full. A feed prints its twenty newest stories
 * whole, so 500 feeds held as much as 10,000 article pages when runs were counted in pages.
 */
export function pageWeight(spec: Pick<PageSpec, "bodies">): number {
  return Math.max(1, spec.bodies?.length ?? 0);
}

/** `pages` cut, in order, into runs of at most `most` weight (a heavier page runs alone). */
export function runsOf<P extends { spec: Pick<PageSpec, "bodies"> }>(pages: readonly P[], most: number): P[][] {
  const runs: P[][] = [];
  let run: P[] = [];
  let weight = 0;
  for (const planned of pages) {
    const own = pageWeight(planned.spec);
    if (run.length > 0 && weight + own > most) {
      runs.push(run);
      run = [];
      weight = 0;
    }
    run.push(planned);
    weight += own;
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/**
 * The bodies to forget after each run: those the next run does not print. A story printed by a
 * stretch of runs (the feeds of its section, topics and authors) is rendered once for all of them;
 * one printed again only much later (its page early in a cold build, its feeds at the end) is
 * rendered again then: holding such bodies through a whole build made a cold build slower and its
 * heap larger (docs/performance.md).
 */
export function bodiesDoneAfter(runs: readonly (readonly { spec: Pick<PageSpec, "bodies"> }[])[]): { id: string }[][] {
  const shown = runs.map((run) => new Set(run.flatMap((planned) => (planned.spec.bodies ?? []).map((body) => body.id))));
  return shown.map((ids, index) => [...ids].filter((id) => !shown[index + 1]?.has(id)).map((id) => ({ id })));
}

/** Article pages of shards to index first, shard by shard, so each shard's index can be written early. */
function orderForSearch(pages: PlannedPage[], shards: readonly PlannedShard[]): PlannedPage[] {
  const order = new Map<string, number>();
  shards.forEach((planned, index) => {
    if (planned.index) for (const teaser of planned.shard.teasers) order.set(teaser.path, index);
  });
  const rank = (planned: PlannedPage) => (planned.spec.kind === "article" ? (order.get(planned.spec.path) ?? shards.length) : shards.length + 1);
  return pages
    .map((planned, position) => ({ planned, position, rank: rank(planned) }))
    .sort((a, b) => a.rank - b.rank || a.position - b.position)
    .map(({ planned }) => planned);
}

/** Most search documents written ahead of their pages: an edit's or an hour's publish, not a cold build's. */
export const DOCUMENTS_AHEAD = 1000;

/**
 * Writes the search documents that the shards to index lack, before the pages are planned, when
 * they are few (an edit, a publish): then no shard waits for the pages to be planned and rendered
 * (a publish of a large archive plans for seconds). A cold build writes them as its pages render,
 * each story rendered once. Returns the plan with those documents stored.
 */
export async function writeDocumentsAhead(
  search: SearchPlan,
  { store, bodies, shell, articles, most = DOCUMENTS_AHEAD }: { store: BuildStore; bodies: BodyRenderer; shell: Shell; articles: ReadonlyMap<string, Article>; most?: number },
): Promise<SearchPlan> {
  const missing = search.shards
    .filter((planned) => planned.index)
    .flatMap((planned) => planned.shard.teasers)
    .flatMap((teaser) => {
      const document = search.documents.get(teaser.path);
      const article = articles.get(teaser.path);
      return document && !document.stored && article ? [{ article, document }] : [];
    });
  if (missing.length === 0 || missing.length > most) return search;
  const documents = new Map(search.documents);
  await bodies.prepare(missing.map(({ article }) => article));
  for (const { article, document } of missing) {
    store.keepSearchDocumentNow(document.key, articleSearchDocument(shell, article));
    documents.set(article.path, { ...document, stored: true });
  }
  bodies.release(missing.map(({ article }) => article));
  return { ...search, documents };
}

/**
 * Indexes the shards that changed from their article pages' search documents, which the store keeps
 * under their keys. Started as soon as the search plan is made, before the pages are planned: the
 * indexers read the stored documents themselves (src/build/search-index.ts) and wait only for those
 * of the pages the build renders, which arrive as they are rendered. So indexing never waits for a
 * stage of the build that does not feed it, and rendering never waits for Pagefind.
 */
export class ShardWriter {
  /** Rendered pages of the shards being indexed whose documents are not in the store yet. */
  private readonly pending = new Set<string>();
  /** Pages whose search documents this build kept (a document is never rewritten while an indexer may read it). */
  private readonly kept = new Set<string>();
  /** Each indexed shard's page count once it is written and kept in the store, by shard id. */
  private readonly feeds = new Map<string, Promise<number>>();
  private links: Promise<unknown> = Promise.resolve();
  /** The stored folder of the index of the whole site, once joined (`joinWhole`). */
  private joined: Promise<string> | undefined;
  /** The folder the shards are linked into (`linkInto`). */
  private output: string | undefined;

  private constructor(
    private readonly search: SearchPlan,
    private readonly store: BuildStore,
    private readonly sideBySideAfterPages: boolean,
    private readonly indexer: SearchIndexer,
  ) {}

  /**
   * Starts indexing every shard of `search` that must be indexed again. `sideBySideAfterPages`: once
   * the pages are written, the shards still to write are written side by side, not in turns (a
   * slice's runner: see `SearchIndexer.writeSideBySide`). `whole`: as soon as every shard is written,
   * the index of the whole site is joined from them (src/build/search-whole.ts; a slice's is the merge's).
   * `indexer`: the build's, started early (`SearchIndexer.warm`); the writer closes it.
   */
  static start(search: SearchPlan, store: BuildStore, { sideBySideAfterPages = false, whole = true, indexer = new SearchIndexer() }: { sideBySideAfterPages?: boolean; whole?: boolean; indexer?: SearchIndexer } = {}): ShardWriter {
    const writer = new ShardWriter(search, store, sideBySideAfterPages, indexer);
    for (const planned of search.shards) if (planned.index) writer.deal(planned);
    // Joined as soon as the last shard is written, while the pages may still be rendering.
    if (whole) {
      writer.joined = writer.joinWhole();
      writer.joined.catch(() => undefined);
    }
    return writer;
  }

  private deal(planned: PlannedShard): void {
    const pages = planned.shard.teasers.map((teaser) => {
      const document = this.search.documents.get(teaser.path);
      if (!document) throw new Error(`[search] no search document planned for ${teaser.path} (a Dateline defect)`);
      if (!document.stored) this.pending.add(teaser.path);
      return { url: teaser.path, file: this.store.searchFile(document.key), wait: !document.stored };
    });
    const scratch = `${this.store.shardDir(planned.fingerprint)}.${process.pid}.partial`;
    // Kept in the store by its indexer (what it holds first: a later build amends this shard from it,
    // src/build/search-amendments.ts), so the join that waits for it needs no turn of this thread.
    const keys = planned.shard.teasers.map((teaser): [string, string] => [teaser.path, this.search.documents.get(teaser.path)?.key ?? ""]);
    const keep = { dir: this.store.shardDir(planned.fingerprint), contents: { file: this.store.shardContentsFile(planned.fingerprint), keys } };
    const feed = this.indexer.index({ pages, dir: scratch, keep }).then(({ pages: count }) => count);
    // Awaited in finish(), or dropped with the build's own error in abort().
    feed.catch(() => undefined);
    this.feeds.set(planned.shard.id, feed);
  }

  /**
   * Links the shards into the output: the unchanged ones at once (unless the output has them
   * already), each indexed one as soon as it is written. finish() waits for them.
   */
  linkInto(output: string, { unchanged }: { unchanged: boolean }): void {
    this.output = output;
    const links = this.search.shards.map(async (planned) => {
      const feed = this.feeds.get(planned.shard.id);
      if (feed) await feed;
      else if (!unchanged) return;
      const from = this.store.shardDir(planned.fingerprint);
      const to = path.join(output, SEARCH_INDEX_DIR, planned.shard.id);
      // Only a build that joins the whole index publishes the shards' fragments alone: a slice's
      // output keeps each shard whole, for the merge to join.
      await (this.joined ? publishShard(from, to) : linkTree(from, to));
    });
    this.links = Promise.all(links);
    this.links.catch(() => undefined);
  }

  /** A page's search document, as the page is rendered: kept in the store once (by its shard's indexer, when one waits for it), and indexed. */
  document(sitePath: string, html: string): void {
    const document = this.search.documents.get(sitePath);
    // A stored document is the same text (its key digests all it is made from): never rewritten.
    if (!document || document.stored || this.kept.has(sitePath)) return;
    this.kept.add(sitePath);
    const pending = this.pending.delete(sitePath);
    // Kept by the indexer that waits for it, on its thread; else here.
    if (pending && this.indexer.document(sitePath, this.store.searchFile(document.key), html)) return;
    this.store.keepSearchDocumentNow(document.key, html);
    if (pending) this.indexer.arrived(sitePath);
  }

  /** The build has written its last page: no page is rendered beside the indexers any more. */
  pagesWritten(): void {
    if (this.sideBySideAfterPages) this.indexer.writeSideBySide();
  }

  /** Waits for every shard's index; a shard still missing a page is a Dateline defect. */
  async finish(): Promise<{ shardsIndexed: number; shardsReused: number; indexedPages: number }> {
    if (this.pending.size > 0) {
      const missing = [...this.pending];
      const error = new Error(`[search] search documents never written: ${missing.slice(0, 5).join(", ")}${missing.length > 5 ? ` and ${missing.length - 5} more` : ""}`);
      await this.abort(error);
      throw error;
    }
    let indexedPages: number;
    try {
      indexedPages = (await Promise.all(this.feeds.values())).reduce((sum, n) => sum + n, 0);
      await this.links;
      // Linked into the output always: an output updated in place takes it when its fingerprint changed (src/build/apply.ts).
      if (this.joined && this.output !== undefined) {
        const target = path.join(this.output, SEARCH_INDEX_DIR, WHOLE_INDEX_DIR);
        await fs.rm(target, { recursive: true, force: true });
        await linkTree(await this.joined, target);
      }
    } catch (error) {
      await this.abort(error);
      throw error;
    }
    await this.indexer.close();
    return { shardsIndexed: this.feeds.size, shardsReused: this.search.shards.length - this.feeds.size, indexedPages };
  }

  /**
   * The index of the whole site, in the store, unless the store holds it: asked of an indexer now,
   * after the shards it joins were dealt out, and joined there once every one is written and kept
   * (`WholeIndexOptions.after`). Its stored folder.
   */
  private async joinWhole(): Promise<string> {
    const { shards, hidden } = this.search;
    const fingerprint = wholeIndexFingerprint(shards.map((planned) => [planned.shard.id, planned.fingerprint] as const), hidden);
    const stored = this.store.shardDir(fingerprint);
    // Synchronous: asked before this thread plans and renders for seconds, not after.
    if (fsSync.existsSync(stored)) return stored;
    const scratch = `${stored}.${process.pid}.partial`;
    // An amended build's pages go where a clean build's are (only then: it looks up every page's URL).
    const stories = shards.some((planned) => planned.shard.id === AMENDMENTS_SHARD) ? new Map(shards.map((planned) => [planned.shard.id, planned.shard.teasers.map((teaser) => teaser.path)])) : undefined;
    const previous = this.search.previousWhole === undefined ? undefined : this.store.shardDir(this.search.previousWhole);
    const whole = wholeIndexShards(shards.map((planned) => [planned.shard.id, this.store.shardDir(planned.fingerprint), this.store.shardContentsFile(planned.fingerprint), this.store.shardPostingsFile(planned.fingerprint)] as const), hidden);
    await writeWholeIndex(this.indexer, whole, scratch, { stories, previous, after: this.feeds.size, keep: stored });
    return stored;
  }

  /** The build failed: stops the indexers at once, and lets no link land in the output after this. */
  async abort(error: unknown): Promise<void> {
    await this.indexer.abort(error instanceof Error ? error : new Error(String(error)));
    await this.links.catch(() => undefined);
  }
}
