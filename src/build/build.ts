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
import { prepareNewsroom } from "../render/newsroom.ts";
import { planSite } from "../site/index.ts";
import { siteUrl } from "../site/site.ts";
import { codeDigest } from "./code.ts";
import { planBuild, type BuildPlan } from "./plan.ts";
import { BuildStore } from "./store.ts";
import { writeBuild, type WriteReport } from "./write.ts";
import { summarizeBuild } from "./summary.ts";
import { checkOutputFolder, markOutputFolder } from "./output-folder.ts";
import { applyInPlace, buildId, holdsBuild } from "./apply.ts";
import { reportLeftovers } from "./leftovers.ts";
import { findBrokenLinks } from "./link-check.ts";
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
}

/** The render stage's photos and the newsroom, from loaded content. */
async function prepare(content: LoadedContent, options: NewsroomOptions) {
  const images = new ImagePipeline({ cacheDir: options.imageCacheDir ?? imageCacheOf(options.cacheDir), urlPath: siteUrl(content.site, "/img/") });
  const bodies = new BodyRenderer(content.site, images);
  const newsroom = await prepareNewsroom(content, { images, bodies, preview: options.preview, now: options.now });
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

  const store = new BuildStore(options.cacheDir);
  // Articles checked by the last build, reused while unchanged: a publish parses only what changed.
  const articleCache = await ArticleSourceCache.open(store.sourcesFile);
  timer.lap("start");
  const content = await loadContent(options.input, { articleCache, imageCacheDir: options.imageCacheDir ?? imageCacheOf(options.cacheDir), codeVersion: await codeDigest() });
  timer.lap("load");
  const { images, bodies, newsroom } = await prepare(content, { cacheDir: options.cacheDir, imageCacheDir: options.imageCacheDir, now, preview: false });
  timer.lap("render");
  const site = planSite(newsroom, { now, notes: content.notes });
  checkLinks(newsroom, site);
  const [previous, stored, code] = await Promise.all([store.readRecord(), store.storedFingerprints(), codeDigest()]);
  // An article page is reusable only with its search document: a shard indexed again reads it.
  const plan = planBuild(site, { code, previous, stored: (fingerprint, kind) => stored.has(fingerprint) && (kind !== "article" || stored.has(`${fingerprint}.search`)) });
  timer.lap("plan");

  // An output that holds exactly the previous build is updated in place: only what changed moves.
  // Anything else (no output yet, a restored cache in CI, an output of another build) is written
  // whole, linked from the store, and swapped in.
  const inPlace = previous !== undefined && (await holdsBuild(output, previous));
  const staging = `${output}.building-${process.pid}`;
  await fs.rm(staging, { recursive: true, force: true });
  let written: WriteReport;
  try {
    written = await writeBuild({ plan, output: staging, store, bodies, images, log, timer, previousOutput: inPlace ? output : undefined });
    if (!inPlace) await markOutputFolder(staging, buildId(plan.record));
  } catch (error) {
    await fs.rm(staging, { recursive: true, force: true });
    throw error;
  }
  if (previous && inPlace) await applyInPlace({ staging, output, plan, previous, images });
  else await swapIn(staging, output);
  timer.lap("swap");
  await store.writeRecord(plan.record);
  await store.prune(plan.record);
  await articleCache.save();
  timer.lap("cache");

  const summary = summarizeBuild(newsroom, { plan, written, images: images.getStats(), elapsedMs: performance.now() - started });
  log(summary);
  return { newsroom, plan, written, summary, timings: timer.timings };
}

/** Links in bodies to pages of this site that the plan does not write: content errors, before anything is written. */
export function checkLinks(newsroom: Newsroom, site: SitePlan): void {
  const broken = findBrokenLinks(newsroom.links, [...site.pages.map((spec) => spec.path), ...publicPaths()]);
  if (broken.length > 0) throw new ContentError(broken);
}

/** Replaces `target` with `staging`; the old folder is removed only once the new one is in place. */
async function swapIn(staging: string, target: string): Promise<void> {
  const previous = `${target}.previous-${process.pid}`;
  const hadOutput = await fs.stat(target).then(
    () => true,
    () => false,
  );
  if (hadOutput) await fs.rename(target, previous);
  await fs.rename(staging, target);
  if (hadOutput) await fs.rm(previous, { recursive: true, force: true });
}
