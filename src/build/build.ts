// `npm run build` as a function: load → render (photos) → plan → write, into a staging folder next to
// the output that replaces it only when the whole build succeeded. The build cache (images, stored
// outputs, search shards, the last build's record) makes a build render only what changed.
import fs from "node:fs/promises";
import path from "node:path";
import { loadContent } from "../content/load.ts";
import type { ArticleSourceCache } from "../content/load-articles.ts";
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
import { reportLeftovers } from "./leftovers.ts";

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
}

/** The image cache inside a build's cache folder. */
export function imageCacheOf(cacheDir: string): string {
  return path.join(cacheDir, "images");
}

/**
 * Load and render, as every command does them: the content checked (a ContentError lists every
 * problem), then its photos through the image service and its teasers and articles made.
 */
export async function loadNewsroom(options: { input: string; cacheDir: string; imageCacheDir?: string | undefined; now: Date; preview: boolean; articleCache?: ArticleSourceCache }) {
  const imageCacheDir = options.imageCacheDir ?? imageCacheOf(options.cacheDir);
  const content = await loadContent(options.input, { articleCache: options.articleCache, imageCacheDir });
  const images = new ImagePipeline({ cacheDir: imageCacheDir, urlPath: siteUrl(content.site, "/img/") });
  const bodies = new BodyRenderer(content.site, images);
  const newsroom = await prepareNewsroom(content, { images, bodies, preview: options.preview, now: options.now });
  return { content, images, bodies, newsroom };
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const log = options.log ?? ((line: string) => console.log(line));
  const now = options.now ?? new Date();
  const output = path.resolve(options.output);
  // Refused before anything is read or written: an output that holds anything but an earlier output.
  await checkOutputFolder({ output: options.output, input: options.input });
  await reportLeftovers({ output, cacheDir: options.imageCacheDir ?? imageCacheOf(options.cacheDir) }, log);

  const { content, images, bodies, newsroom } = await loadNewsroom({ input: options.input, cacheDir: options.cacheDir, imageCacheDir: options.imageCacheDir, now, preview: false });
  const site = planSite(newsroom, { now, notes: content.notes });

  const store = new BuildStore(options.cacheDir);
  const [previous, stored, code] = await Promise.all([store.readRecord(), store.storedFingerprints(), codeDigest()]);
  const plan = planBuild(site, { code, previous, stored: (fingerprint) => stored.has(fingerprint) });

  const staging = `${output}.building-${process.pid}`;
  await fs.rm(staging, { recursive: true, force: true });
  let written: WriteReport;
  try {
    written = await writeBuild({ plan, output: staging, store, bodies, images, log });
    await markOutputFolder(staging);
  } catch (error) {
    await fs.rm(staging, { recursive: true, force: true });
    throw error;
  }
  await swapIn(staging, output);
  await store.writeRecord(plan.record);
  await store.prune(plan.record);

  const summary = summarizeBuild(newsroom, { plan, written, images: images.getStats(), elapsedMs: performance.now() - started });
  log(summary);
  return { newsroom, plan, written, summary };
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
