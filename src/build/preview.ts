// The live preview (`npm start`): the same pipeline as a build, with drafts and scheduled stories,
// into its own folder (`.preview/`, never the published `_site/`), every page marked noindex. Each
// rebuild plans against the previous one, so an edit renders only the pages whose inputs changed;
// articles stay parsed between rebuilds while their files are unchanged.
import fs from "node:fs/promises";
import path from "node:path";
import { ArticleSourceCache } from "../content/source-cache.ts";
import { ContentError } from "../content/errors.ts";
import { planSite } from "../site/index.ts";
import { outputFile, type PageSpec } from "../site/page.ts";
import { SEARCH_INDEX_DIR, WHOLE_INDEX_DIR } from "../site/search.ts";
import { wholeIndexShards, writeWholeIndex } from "./search-whole.ts";
import { checkLinks, loadNewsroom } from "./build.ts";
import { codeDigest } from "./code.ts";
import { planBuild, describeRendered, type BuildPlan, type BuildRecord, type PlannedShard } from "./plan.ts";
import type { WriteSession, WrittenPage } from "./eleventy-pages.ts";
import { SearchIndexer } from "./search-index.ts";
import { copyPublicFiles } from "../site/assets.ts";
import type { ImagePipeline } from "../images/index.ts";

export interface PreviewOptions {
  input: string;
  /** The preview's own folder: `.preview/`. */
  output: string;
  cacheDir: string;
  /** The preview's clock; default: the real one at each rebuild. */
  now?: () => Date;
  log?: (line: string) => void;
}

export class PreviewSession implements WriteSession {
  /** Articles stay checked between rebuilds while nothing they were checked against changed. */
  private readonly articles = ArticleSourceCache.inMemory();
  private previous: BuildRecord | undefined;
  private pending: { plan: BuildPlan; images: ImagePipeline; started: number } | undefined;
  private indexing: Promise<void> = Promise.resolve();
  /** What the search index reads of each article page, kept from the rebuild that rendered it. */
  private readonly searchDocuments = new Map<string, string>();
  private readonly log: (line: string) => void;

  constructor(private readonly options: PreviewOptions) {
    this.log = options.log ?? ((line) => console.log(line));
  }

  async begin(): Promise<readonly PageSpec[]> {
    const started = performance.now();
    const now = this.options.now?.() ?? new Date();
    let loaded;
    try {
      loaded = await loadNewsroom({ input: this.options.input, cacheDir: this.options.cacheDir, now, preview: true, articleCache: this.articles });
    } catch (error) {
      // Eleventy's watcher prints nothing for an error marked as logged (ContentError is, for the
      // CLI's sake): print the problems here, or the preview would just stop updating.
      if (error instanceof ContentError) this.log(`[dateline] ${error.message}`);
      throw error;
    }
    const { content, images, bodies, newsroom } = loaded;
    await this.articles.save();
    const site = planSite(newsroom, { now, notes: content.notes });
    try {
      checkLinks(newsroom, site);
    } catch (error) {
      if (error instanceof ContentError) this.log(`[dateline] ${error.message}`);
      throw error;
    }
    const plan = planBuild(site, { code: await codeDigest(), previous: this.previous });
    const output = path.resolve(this.options.output);
    // Pages of deleted (or moved) articles, tags and months: the preview stops serving them.
    await Promise.all(plan.removed.map((sitePath) => fs.rm(path.join(output, outputFile(sitePath)), { force: true })));
    const render = plan.pages.filter((planned) => planned.render);
    await bodies.prepare(render.flatMap((planned) => planned.spec.bodies ?? []));
    this.pending = { plan, images, started };
    return render.map((planned) => planned.spec);
  }

  async end(written: readonly WrittenPage[]): Promise<void> {
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    const output = path.resolve(this.options.output);
    await Promise.all([copyPublicFiles(output), pending.images.copyUsed(output)]);
    for (const page of written) if (page.search !== undefined) this.searchDocuments.set(page.path, page.search);
    for (const sitePath of pending.plan.removed) this.searchDocuments.delete(sitePath);
    const first = this.previous === undefined;
    this.previous = pending.plan.record;
    const kinds = describeRendered(pending.plan);
    this.log(`[dateline] preview: rendered ${written.length}${kinds.length > 0 ? ` (${kinds.join(", ")})` : ""} in ${((performance.now() - pending.started) / 1000).toFixed(1)} s`);
    // The first build waits for its search index; later ones index the shards that changed in the
    // background, one run at a time, so an edit is served at once.
    const shards = pending.plan.shards.filter((planned) => planned.index);
    const all = pending.plan.shards.map((planned) => planned.shard.id);
    const documents = new Map(this.searchDocuments);
    const index = this.indexing.then(() => indexShards(shards, all, output, documents)).then(
      (pages) => pages > 0 && this.log(`[search] indexed ${pages} page${pages === 1 ? "" : "s"}`),
      (error: unknown) => this.log(error instanceof Error ? error.message : String(error)),
    );
    this.indexing = index.then(() => undefined);
    if (first) await this.indexing;
  }

  /** Waits for the search indexing under way: for a clean stop. */
  async settle(): Promise<void> {
    await this.indexing;
  }
}

/**
 * Indexes each shard from its pages' search documents, swapping each into place when complete; then
 * the index of the whole site, joined from `all` the shards (src/build/search-whole.ts), when any changed.
 */
async function indexShards(shards: readonly PlannedShard[], all: readonly string[], output: string, documents: ReadonlyMap<string, string>): Promise<number> {
  let pages = 0;
  // One indexer: the preview indexes in the background while the editor works.
  const indexer = new SearchIndexer(1);
  try {
    for (const planned of shards) {
      const target = path.join(output, SEARCH_INDEX_DIR, planned.shard.id);
      const scratch = `${target}.partial`;
      const shardPages = planned.shard.teasers.map((teaser) => {
        const html = documents.get(teaser.path);
        if (html === undefined) throw new Error(`[search] no search document for ${teaser.path} (a Dateline defect)`);
        return { url: teaser.path, html };
      });
      pages += (await indexer.index({ pages: shardPages, dir: scratch })).pages;
      await fs.rm(target, { recursive: true, force: true });
      await fs.rename(scratch, target);
    }
    if (shards.length > 0) {
      const index = path.join(output, SEARCH_INDEX_DIR);
      const target = path.join(index, WHOLE_INDEX_DIR);
      await writeWholeIndex(indexer, wholeIndexShards(all.map((id) => [id, path.join(index, id)] as const), []), `${target}.partial`);
      await fs.rm(target, { recursive: true, force: true });
      await fs.rename(`${target}.partial`, target);
    }
  } finally {
    await indexer.close();
  }
  return pages;
}
