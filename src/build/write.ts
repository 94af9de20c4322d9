// The write stage of a build: every output of the plan ends up in the output folder, rendered by
// Eleventy in runs of at most PAGES_PER_RUN pages (Eleventy keeps a run's pages in memory until it
// ends) or hard-linked from the build store when its fingerprint did not change. Article pages feed
// the search shards that must be indexed while the next pages render; unchanged shards are linked.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import dateline from "../../.eleventy.ts";
import type { BuildPlan, PlannedPage, PlannedShard } from "./plan.ts";
import { linkOrCopy, linkTree, type BuildStore } from "./store.ts";
import { SearchIndexer } from "./search-index.ts";
import type { BodyRenderer } from "../render/bodies.ts";
import type { ImagePipeline } from "../images/index.ts";
import { outputFile } from "../site/page.ts";
import { SEARCH_INDEX_DIR } from "../site/search.ts";
import { copyPublicFiles } from "../site/assets.ts";
import { mapLimit } from "../images/limit.ts";

/** Most pages one Eleventy run renders: its memory, not the archive's, bounds the build's. */
export const PAGES_PER_RUN = 4000;
/** Files linked or read at once. */
const FILE_CONCURRENCY = 64;

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
   * (src/build/apply.ts): then only new outputs are written into `output`, and reused pages are read
   * from here when a shard must be indexed again.
   */
  previousOutput?: string | undefined;
  /** Whether to copy `public/` (a slice of a build holds its pages and images only). Default: true. */
  publicFiles?: boolean;
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

export async function writeBuild({ plan, output, store, bodies, images, log, timer, previousOutput, publicFiles = true }: WriteOptions): Promise<WriteReport> {
  await fs.mkdir(output, { recursive: true });
  const reuse = plan.pages.filter((planned) => !planned.render);
  if (!previousOutput) await mapLimit(reuse, (planned) => placeFile(store.pageFile(planned.fingerprint), path.join(output, outputFile(planned.spec.path))), FILE_CONCURRENCY);
  timer?.lap("link reused");

  const render = orderForSearch(plan.pages.filter((planned) => planned.render), plan.shards);
  const search = new ShardWriter(plan.shards, output, store, new Set(render.map((planned) => planned.spec.path)), new Map(plan.pages.map((planned) => [planned.spec.path, planned.fingerprint])));
  let runs = 0;
  try {
    await search.start(!previousOutput);
    for (let start = 0; start < render.length; start += PAGES_PER_RUN) {
      const batch = render.slice(start, start + PAGES_PER_RUN);
      await bodies.prepare(batch.flatMap((planned) => planned.spec.bodies ?? []));
      const fingerprints = new Map(batch.map((planned) => [planned.spec.path, planned.fingerprint]));
      await runEleventy(output, {
        begin: () => Promise.resolve(batch.map((planned) => planned.spec)),
        end: async (written) => {
          await mapLimit(written, (page) => store.keepPage(page.outputPath, fingerprints.get(page.path) ?? ""), FILE_CONCURRENCY);
        },
        // Kept as it is rendered, for the indexers to read while the run goes on.
        searchDocument: (sitePath, html) => search.document(sitePath, html),
      });
      bodies.release();
      runs++;
      if (render.length > PAGES_PER_RUN) log(`[dateline] rendered ${Math.min(start + PAGES_PER_RUN, render.length)} of ${render.length} pages`);
    }
  } catch (error) {
    await search.abort(error);
    throw error;
  }
  timer?.lap("render pages");
  const indexed = await search.finish();
  timer?.lap("search");
  if (!previousOutput) {
    if (publicFiles) await copyPublicFiles(output);
    await images.copyUsed(output);
  }
  timer?.lap("assets");
  return { rendered: render.length, reused: reuse.length, runs, ...indexed };
}

/** One Eleventy run over an empty input folder: nothing is discovered, only the session's pages written. */
export async function runEleventy(output: string, session: Parameters<typeof dateline>[1]): Promise<void> {
  const input = await fs.mkdtemp(path.join(os.tmpdir(), "dateline-input-"));
  try {
    const eleventy = new Eleventy(input, output, {
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
  } finally {
    await fs.rm(input, { recursive: true, force: true });
  }
}

/** Links a stored file into the output (creating its folder). */
async function placeFile(stored: string, target: string): Promise<void> {
  await fs.mkdir(path.dirname(target), { recursive: true });
  await linkOrCopy(stored, target);
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

/**
 * Builds the shards that changed from their article pages' search documents, which the store keeps
 * as each page is written, while the build renders on: the indexers read the documents themselves
 * (src/build/search-index.ts), so rendering never waits for Pagefind, nor Pagefind for a pause in
 * rendering. A reused page's document is in the store already; a rendered one arrives as it is
 * rendered. Links the other shards.
 */
class ShardWriter {
  /** Rendered pages of the shards being indexed whose documents are not in the store yet. */
  private readonly pending = new Set<string>();
  /** Pages whose search documents this build kept (a document is never rewritten while an indexer may read it). */
  private readonly kept = new Set<string>();
  private readonly feeds: Promise<number>[] = [];
  private readonly indexer = new SearchIndexer();

  constructor(
    private readonly shards: readonly PlannedShard[],
    private readonly output: string,
    private readonly store: BuildStore,
    /** Site paths rendered by this build (the others are reused: their search documents are in the store). */
    private readonly rendered: ReadonlySet<string>,
    /** Every page's fingerprint, by site path. */
    private readonly fingerprints: ReadonlyMap<string, string>,
  ) {}

  /** Links the unchanged shards (unless the output already has them) and deals out the others. */
  async start(linkUnchanged: boolean): Promise<void> {
    for (const planned of this.shards) {
      if (!planned.index) {
        if (linkUnchanged) await linkTree(this.store.shardDir(planned.fingerprint), path.join(this.output, SEARCH_INDEX_DIR, planned.shard.id));
        continue;
      }
      const pages = planned.shard.teasers.map((teaser) => {
        const wait = this.rendered.has(teaser.path);
        if (wait) this.pending.add(teaser.path);
        return { url: teaser.path, file: this.store.searchFile(this.fingerprints.get(teaser.path) ?? ""), wait };
      });
      const scratch = `${this.store.shardDir(planned.fingerprint)}.${process.pid}.partial`;
      const feed = this.indexer.index({ pages, dir: scratch }).then(async (count) => {
        await this.store.keepShard(scratch, planned.fingerprint);
        await linkTree(this.store.shardDir(planned.fingerprint), path.join(this.output, SEARCH_INDEX_DIR, planned.shard.id));
        return count;
      });
      // Awaited in finish(), or dropped with the build's own error in abort().
      feed.catch(() => undefined);
      this.feeds.push(feed);
    }
  }

  /** A page's search document, as the page is rendered: kept in the store once, then read by its shard's indexer. */
  document(sitePath: string, html: string): void {
    if (this.kept.has(sitePath)) return;
    this.store.keepSearchDocumentNow(this.fingerprints.get(sitePath) ?? "", html);
    this.kept.add(sitePath);
    if (this.pending.delete(sitePath)) this.indexer.arrived(sitePath);
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
      indexedPages = (await Promise.all(this.feeds)).reduce((sum, n) => sum + n, 0);
    } catch (error) {
      await this.abort(error);
      throw error;
    }
    await this.indexer.close();
    const indexed = this.shards.filter((planned) => planned.index).length;
    return { shardsIndexed: indexed, shardsReused: this.shards.length - indexed, indexedPages };
  }

  /** The build failed: stops the indexers at once. */
  async abort(error: unknown): Promise<void> {
    await this.indexer.abort(error instanceof Error ? error : new Error(String(error)));
  }
}
