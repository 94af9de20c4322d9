// `npm run build` as a function: load → render (photos) → plan → write, into a staging folder next to
// the output that replaces it only when the whole build succeeded. The build cache (images, stored
// outputs, search shards, the last build's record) makes a build render only what changed.
import fs from "node:fs/promises";
import path from "node:path";
import { loadContent, type LoadedContent } from "../content/load.ts";
import { ArticleSourceCache } from "../content/source-cache.ts";
import type { Newsroom } from "../content/types.ts";
import { ImagePipeline } from "../images/index.ts";
import { BodyRenderer } from "../render/bodies.ts";
import { TemplateSpill } from "../render/template-spill.ts";
import { prepareNewsroom } from "../render/newsroom.ts";
import { planSite, searchShardsOf } from "../site/index.ts";
import { siteUrl } from "../site/site.ts";
import { codeDigest } from "./code.ts";
import { planBuild, planSearch, type BuildPlan } from "./plan.ts";
import { BuildStore, Linker } from "./store.ts";
import { outputFile } from "../site/page.ts";
import { SearchIndexer } from "./search-index.ts";
import { ShardWriter, writeBuild, writeDocumentsAhead, type WriteReport } from "./write.ts";
import { count, summarizeBuild } from "./summary.ts";
import { checkOutputFolder, markOutputFolder, stagingOf, swapIn } from "./output-folder.ts";
import { applyInPlace, buildId, holdsBuild } from "./apply.ts";
import { imageFailureFor } from "../content/image-failures.ts";
import { reportLeftovers } from "./leftovers.ts";
import { articleImageFiles, contentDigest, articleWork, planSlice, sliceSearch, writeSliceManifest, type SliceSpec, type SliceWork } from "./slices.ts";
import { findBrokenLinks } from "./link-check.ts";
import { takeCheckedParts } from "./check-part.ts";
import { AMEND_POLICY, type AmendPolicy } from "./search-amendments.ts";
import { ContentError } from "../content/errors.ts";
import { publicPaths } from "../site/assets.ts";
import type { SitePlan } from "../site/index.ts";

export interface BuildOptions {
  /** The content folder. */
  input: string;
  /** The output folder: replaced whole by a successful build, left as it was by a failed one. */
  output: string;
  /** The cache folder: encoded images and the build store. Restore it in CI. */
  cacheDir: string;
  /** The image cache, when not `<cacheDir>/images` (tests share one across sites). */
  imageCacheDir?: string | undefined;
  /** The build's "now" (scheduled stories, the News sitemap). Default: the clock. */
  now?: Date;
  /** Progress and summary lines. Default: the console. */
  log?: (line: string) => void;
  /**
   * Build one slice of the article pages and their search shards into `output` (`--shard K/N`),
   * for a merge: src/build/slices.ts.
   */
  slice?: SliceSpec | undefined;
  /** A folder of checked parts (`--checked`, src/build/check-part.ts): their articles are reused, not checked again. */
  checked?: string | undefined;
  /** Most search documents written ahead of their pages (src/build/write.ts `DOCUMENTS_AHEAD`; 0: each as its page renders). */
  documentsAhead?: number;
  /** When a changed search shard is amended instead of indexed again (src/build/search-amendments.ts); `false`: never. A slice never amends. */
  searchAmendments?: AmendPolicy | false;
}

export interface BuildResult {
  newsroom: Newsroom;
  plan: BuildPlan;
  written: WriteReport;
  summary: string;
  /** Milliseconds spent in each stage, in order: where a build's time goes. */
  timings: Record<string, number>;
}

/** Times the stages of a build, one after the other. */
function stageTimer() {
  const timings: Record<string, number> = {};
  let last = performance.now();
  return {
    timings,
    lap(stage: string) {
      const now = performance.now();
      timings[stage] = Math.round(now - last);
      last = now;
    },
  };
}

/** The image cache inside a build's cache folder. */
export function imageCacheOf(cacheDir: string): string {
  return path.join(cacheDir, "images");
}

/**
 * Load and render, as every command does them: the content checked (a ContentError lists every
 * problem), then its photos through the image service and its teasers and articles made.
 */
export async function loadNewsroom(options: NewsroomOptions & { input: string; articleCache?: ArticleSourceCache }) {
  const imageCacheDir = options.imageCacheDir ?? imageCacheOf(options.cacheDir);
  const content = await loadContent(options.input, { articleCache: options.articleCache, imageCacheDir, codeVersion: await codeDigest() });
  return { content, ...(await prepare(content, options)) };
}

interface NewsroomOptions {
  cacheDir: string;
  imageCacheDir?: string | undefined;
  now: Date;
  preview: boolean;
  /** Articles' photos are named, not encoded, until a slice asks for its own (`ImagePipeline.publish`). */
  deferPhotos?: boolean;
  /** Where the load kept the body templates (a build's spill); default: in memory. */
  templates?: TemplateSpill | undefined;
}

/** The render stage's photos and the newsroom, from loaded content. */
async function prepare(content: LoadedContent, options: NewsroomOptions) {
  const images = new ImagePipeline({ cacheDir: options.imageCacheDir ?? imageCacheOf(options.cacheDir), urlPath: siteUrl(content.site, "/img/") });
  if (options.deferPhotos) images.deferEncoding(content.articles.flatMap(articleImageFiles));
  const bodies = new BodyRenderer(content.site, images, options.templates);
  const newsroom = await prepareNewsroom(content, { images, bodies, preview: options.preview, now: options.now }).catch(async (error: unknown) => {
    await images.stop();
    throw error;
  });
  return { images, bodies, newsroom };
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const timer = stageTimer();
  const log = options.log ?? ((line: string) => console.log(line));
  const now = options.now ?? new Date();
  const output = path.resolve(options.output);
  // Refused before anything is read or written: an output that holds anything but an earlier output.
  await checkOutputFolder({ output: options.output, input: options.input });
  await reportLeftovers({ output, cacheDir: options.imageCacheDir ?? imageCacheOf(options.cacheDir) }, log);
  // A slice's manifest names the content folder by a digest of every file: hashed while the build runs.
  const slice = options.slice && { spec: options.slice, contentFiles: contentDigest(options.input) };
  slice?.contentFiles.catch(() => undefined);

  const store = new BuildStore(options.cacheDir);
  // Every article's body template waits on disk for its page, not in memory (src/render/template-spill.ts).
  const templates = new TemplateSpill(store.dir);
  // The search indexers, the first one started now: it loads while the content does (src/build/search-index.ts `warm`).
  const indexer = new SearchIndexer();
  indexer.warm();
  try {
    // Articles checked by the last build, reused while unchanged: a publish parses only what changed.
    const articleCache = await ArticleSourceCache.open(store.sourcesFile);
    const parts = options.checked === undefined ? undefined : await takeCheckedParts(articleCache, options.checked);
    timer.lap("start");
    const content = await loadContent(options.input, { articleCache, imageCacheDir: options.imageCacheDir ?? imageCacheOf(options.cacheDir), codeVersion: await codeDigest(), templates });
    if (parts) log(`[dateline] checked parts: ${count(parts.parts, "part")} of ${count(parts.articles, "article")}; ${articleCache.checked} checked here`);
    indexer.expect(content.site.language);
    timer.lap("load");
    const previous = await store.readRecord();
    const inPlace = !options.slice && (await holdsBuild(output, previous));
    const staging = stagingOf(output);
    await fs.rm(staging, { recursive: true, force: true });
    // A new output folder gets the previous build's outputs linked while this one renders its photos
    // and plans (in a large archive, linking them outlasted rendering an hour's pages: docs/
    // performance.md); the plan then settles which stay (src/build/store.ts `Linker`).
    const linking = new Linker(staging, previous && !inPlace && !options.slice ? [...previous.pages].map(([sitePath, fingerprint]) => [store.pageFile(fingerprint), path.join(staging, outputFile(sitePath))] as const) : []);
    const planWrite = async () => {
      const { images, bodies, newsroom } = await prepare(content, { cacheDir: options.cacheDir, imageCacheDir: options.imageCacheDir, now, preview: false, deferPhotos: options.slice !== undefined, templates });
      timer.lap("render");
      const listed = store.list();
      const code = await codeDigest();
      const stored = listed.names;
      const policy = options.slice ? false : (options.searchAmendments ?? AMEND_POLICY);
      const planOptions = {
        code,
        previous,
        stored: (fingerprint: string) => stored.has(fingerprint),
        storedDocument: (key: string) => BuildStore.holdsDocument(stored, key),
        ...(policy && { amend: { policy, contents: (fingerprint: string) => store.readShardContents(fingerprint) } }),
      };
      // The search plan needs only the shell and the articles: a build starts indexing the shards that
      // changed now, while it plans the pages (a slice, those of its own shards).
      const shards = searchShardsOf(newsroom);
      const articles = new Map(newsroom.articles.map((article) => [article.path, article]));
      const planned = planSearch(shards, (articlePath) => {
        const article = articles.get(articlePath);
        return article && [newsroom.shell, article];
      }, planOptions);
      const search = options.slice ? planned : await writeDocumentsAhead(planned, { store, bodies, shell: newsroom.shell, articles, most: options.documentsAhead });
      // A slice's work is weighed by its articles' pages and images; a whole build needs no such lookup.
      const sliced = slice && { ...slice, work: articleWork(content.articles, newsroom.articles) };
      // A slice has its runner to itself: its last shards are written side by side (docs/deploy.md).
      const indexing = ShardWriter.start(sliced ? sliceSearch(search, sliced.spec, sliced.work) : search, store, { sideBySideAfterPages: options.slice !== undefined, whole: options.slice === undefined, indexer });
      try {
        // The related stories the last build of this code ranked: reused when it ranked the same stories.
        const kept = previous?.related?.code === code ? previous.related.ranking : undefined;
        const site = planSite(newsroom, { now, notes: content.notes, shards: search.shards.map((planned) => planned.shard), related: kept });
        checkLinks(newsroom, site);
        const pagesPlan = planBuild(site, { ...planOptions, search });
        // A whole build's record keeps its related stories for the next build (a slice's is its part only).
        const plan = options.slice ? pagesPlan : { ...pagesPlan, record: { ...pagesPlan.record, related: { code, ranking: site.related } } };
        const id = buildId(plan.record);
        timer.lap("plan");
        const write = (part: BuildPlan, into: string, previousOutput?: string) => writeBuild({ plan: part, output: into, store, bodies, images, log, timer, previousOutput, publicFiles: !options.slice, search: indexing, linking });
        const job = sliced ? sliceJob(sliced.spec, { plan, id, content, images, work: sliced.work, contentFiles: sliced.contentFiles, write }) : wholeJob({ plan, inPlace, output, write });
        return { plan, id, job, newsroom, images, listed, topics: site.topics };
      } catch (error) {
        // A plan that fails (a broken link) stops the indexing it started.
        await indexing.abort(error);
        throw error;
      }
    };
    const { plan, id, job, newsroom, images, listed, topics } = await planWrite().catch(async (error: unknown) => {
      await linking.stop();
      await fs.rm(staging, { recursive: true, force: true });
      throw error;
    });
    const { part } = job;

    // Saved while the pages are written (its entries hold for any build of this code): not after them.
    const saving = articleCache.save();
    saving.catch(() => undefined);
    // What the store held as the build began to plan that this build does not name; removed once its record is saved.
    const unnamed = store.unnamed(part.record, [...plan.documents.values()].map((document) => document.key), listed);
    let written: WriteReport;
    try {
      written = await job.write(staging);
      if (!inPlace) await markOutputFolder(staging, id);
    } catch (error) {
      // Nothing of a failed build goes on after it returns: its photos and its article cache settle first.
      await Promise.all([images.stop(), saving.catch(() => undefined)]);
      await fs.rm(staging, { recursive: true, force: true });
      throw error;
    }
    if (previous && inPlace) await applyInPlace({ staging, output, plan, id, previous, images });
    else await swapIn(staging, output);
    timer.lap("swap");
    // A slice's record is its part of the build; the id names the whole build.
    await store.writeRecord(part.record, part === plan ? id : undefined);
    await store.remove(unnamed);
    await saving;
    timer.lap("cache");

    const summary = summarizeBuild(newsroom, { plan: part, written, images: images.getStats(), topics, elapsedMs: performance.now() - started, slices: job.line });
    log(summary);
    return { newsroom, plan, written, summary, timings: timer.timings };
  } finally {
    templates.close();
    // A build that failed before its shards were dealt out still has its warmed indexer: stopped here.
    await indexer.stop();
  }
}

/** What one build job writes: all of the plan, or a slice of it (`--shard`). */
interface Job {
  part: BuildPlan;
  /** Whether the output holds the previous build and is updated in place. */
  inPlace: boolean;
  write: (staging: string) => Promise<WriteReport>;
  /** A summary line about the slices. */
  line?: string;
}

type WritePart = (part: BuildPlan, staging: string, previousOutput?: string) => Promise<WriteReport>;

/**
 * The whole site. An output that holds exactly the previous build is updated in place: only what
 * changed moves. Anything else (no output yet, a restored cache in CI, an output of another build)
 * is written whole, linked from the store, and swapped in.
 */
function wholeJob({ plan, inPlace, output, write }: { plan: BuildPlan; inPlace: boolean; output: string; write: WritePart }): Job {
  return { part: plan, inPlace, write: (staging) => write(plan, staging, inPlace ? output : undefined) };
}

/** One slice: its pages, search shards and photos, and a manifest naming the build it is part of. */
function sliceJob(
  spec: SliceSpec,
  { plan, id, content, images, work, contentFiles, write }: { plan: BuildPlan; id: string; content: LoadedContent; images: ImagePipeline; work: SliceWork; contentFiles: Promise<string>; write: WritePart },
): Job {
  const slice = planSlice(plan, spec, work);
  const articles = slice.plan.pages.filter((planned) => planned.spec.kind === "article").length;
  return {
    part: slice.plan,
    inPlace: false,
    line: `slice ${spec.index} of ${spec.count}: ${count(articles, "article page")}, ${count(slice.plan.pages.length - articles, "other page")}, ${count(slice.plan.shards.length, "search shard")}`,
    async write(staging) {
      const mine = content.articles.filter((source) => slice.images.has(source.path));
      await Promise.all(mine.map((source) => images.publish(articleImageFiles(source)).catch(imageFailureFor(source.file))));
      const written = await write(slice.plan, staging);
      const [code, files] = await Promise.all([codeDigest(), contentFiles]);
      await writeSliceManifest(staging, { ...slice.manifest, build: id, code, content: files });
      return written;
    },
  };
}

/** Links in bodies to pages of this site that the plan does not write: content errors, before anything is written. */
export function checkLinks(newsroom: Newsroom, site: SitePlan): void {
  const broken = findBrokenLinks(newsroom.links, [...site.pages.map((spec) => spec.path), ...publicPaths()]);
  if (broken.length > 0) throw new ContentError(broken);
}
