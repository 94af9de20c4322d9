// A large archive built as parallel CI jobs: `--shard K/N` builds one of N slices of the site into a
// folder of its own, `--merge` checks the slices and puts them together (docs/deploy.md, "Past one
// machine"). Every slice plans the whole site, so all of them agree on every fingerprint; each then
// renders its part: whole search shards with their article pages, the photos and share cards of the
// articles whose path hashes to it (wherever their pages are), and the other pages dealt out in the
// order of a hash of their paths to even the slices' work (so a page, or a story's images, nearly
// always stays in its slice, and in its cache, from one publish to the next).
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { ArticleSource } from "../content/load-articles.ts";
import type { Article } from "../content/types.ts";
import { outputFile } from "../site/page.ts";
import { SEARCH_INDEX_DIR } from "../site/search.ts";
import { mapLimit } from "../images/limit.ts";
import { digestOf } from "./digest.ts";
import { recordOfPages, withWholeIndex, type BuildPlan, type BuildRecord, type PlannedShard, type SearchPlan } from "./plan.ts";
import { buildId } from "./apply.ts";
import { linkOrCopy } from "./store.ts";
import { publishShard } from "./search-whole.ts";
import { isShardId, isSitePath } from "./stored-names.ts";

/** Written into every slice's folder: what it holds and which build it is a slice of. */
export const SLICE_MANIFEST = ".dateline-slice.json";

/** Files linked at once. */
const LINK_CONCURRENCY = 64;
/** Search shards linked at once, each one file after another (a copy, across file systems, holds two files open). */
const SHARDS_AT_ONCE = 16;

export interface SliceSpec {
  /** 1-based, as written on the command line: `--shard 2/4`. */
  index: number;
  count: number;
}

/** Refused slices or merges: one line, for exit code 2. */
export class SliceError extends Error {
  override name = "SliceError";
}

/** Reads `K/N` (1 ≤ K ≤ N) given to `flag`; anything else is a SliceError. */
export function parseSlice(text: string, flag = "--shard"): SliceSpec {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) throw new SliceError(`${flag} ${JSON.stringify(text)} is not K/N with 1 ≤ K ≤ N (e.g. ${flag} 2/4)`);
  return { index, count };
}

/** What a slice's folder holds and what it was built from, checked by the merge. */
export interface SliceManifest {
  index: number;
  count: number;
  /** The whole build's id (src/build/apply.ts `buildId`): the same content, code, settings and clock. */
  build: string;
  /** The code version (src/build/code.ts). */
  code: string;
  /** The content folder's files (`contentDigest`). */
  content: string;
  /** The pages in the folder, with their fingerprints. */
  pages: [string, string][];
  /** The search shards in the folder (under pagefind/), with their fingerprints. */
  shards: [string, string][];
}

/** The photo files an article shows (lead, figures, galleries, video posters): what a slice encodes. */
export function articlePhotoFiles(source: Pick<ArticleSource, "photo" | "figures" | "galleries" | "embeds">): string[] {
  return [
    ...(source.photo ? [source.photo.file] : []),
    ...source.figures.map((figure) => figure.file),
    ...source.galleries.flatMap((gallery) => gallery.photos.map((photo) => photo.file)),
    ...source.embeds.flatMap((embed) => ("posterFile" in embed && embed.posterFile ? [embed.posterFile] : [])),
  ];
}

/** What a slice publishes for an article: its photos and, named by the article's own file, its share card. */
export function articleImageFiles(source: Pick<ArticleSource, "file" | "photo" | "figures" | "galleries" | "embeds">): string[] {
  return [...articlePhotoFiles(source), source.file];
}

/**
 * Work, in units of ~1 ms of a slice's time at 100,000 stories (docs/performance.md, "2026-12-07,
 * night"): a page, rendered, ~2 (an article page is also indexed for search; a listing, feed or
 * edition page, with its many teasers, takes as long); a share card, drawn for a story without a
 * photo when the image cache is cold, ~18; a photo, encoded, more (not measured there: the bench's
 * stories have none). The newest 90 days' photo-less stories all have a card, and they fall in one
 * or two shards: a story's images are dealt out apart from its page (`imageSlice`).
 */
const WORK = { page: 2, article: 2, photo: 140, card: 18 } as const;

/** What a slice is given to do, in `WORK` units, by article path: its page (rendered and indexed), and the images it publishes. */
export interface SliceWork {
  article: (sitePath: string) => number;
  images: (sitePath: string) => number;
}

/** Each article's work: its page, indexed, and apart from it the photos it shows and its share card. */
export function articleWork(sources: readonly Pick<ArticleSource, "path" | "photo" | "figures" | "galleries" | "embeds">[], articles: readonly Pick<Article, "path" | "card">[]): SliceWork {
  const photos = new Map(sources.map((source) => [source.path, articlePhotoFiles(source).length]));
  const images = new Map(articles.map((article) => [article.path, WORK.photo * (photos.get(article.path) ?? 0) + (article.card ? WORK.card : 0)]));
  return { article: () => WORK.article, images: (sitePath) => images.get(sitePath) ?? 0 };
}

/**
 * The slice (0-based) that publishes an article's photos and share card: a hash of its path alone,
 * so the images of a shard of photo-less new stories are drawn by every slice, and stay where they
 * were drawn (and cached) from one publish to the next.
 */
export function imageSlice(sitePath: string, count: number): number {
  return pathRank(sitePath) % count;
}

/** A page's place in the order the other pages are dealt out in: a hash of its path alone. */
function pathRank(sitePath: string): number {
  return createHash("sha256").update(sitePath).digest().readUInt32BE(0);
}

/**
 * Which slice (0-based) each search shard goes to: heaviest first into the lightest slice, ties by
 * position, so every runner computes the same slices from the same content. `loads` (the work each
 * slice holds) is updated.
 */
export function assignSlices(shards: readonly PlannedShard[], loads: number[], work: (planned: PlannedShard) => number): Map<string, number> {
  const order = shards.map((planned, position) => ({ planned, position, work: work(planned) })).sort((a, b) => b.work - a.work || a.position - b.position);
  const assigned = new Map<string, number>();
  for (const { planned, work: size } of order) {
    let lightest = 0;
    for (let slice = 1; slice < loads.length; slice++) if ((loads[slice] ?? 0) < (loads[lightest] ?? 0)) lightest = slice;
    loads[lightest] = (loads[lightest] ?? 0) + size;
    assigned.set(planned.shard.id, lightest);
  }
  return assigned;
}

/**
 * Deals the other pages out so that every slice ends with about the same work: in the order of a
 * hash of their paths, each slice takes a run of them as long as it is short of the mean. A publish
 * moves the runs' ends by a few pages, so nearly every page stays in its slice (and its cache).
 */
function dealPages(paths: readonly string[], loads: number[]): Map<string, number> {
  const total = loads.reduce((sum, load) => sum + load, 0) + paths.length * WORK.page;
  const mean = total / loads.length;
  const ranked = paths
    .map((sitePath) => ({ sitePath, rank: pathRank(sitePath) }))
    .sort((a, b) => a.rank - b.rank || (a.sitePath < b.sitePath ? -1 : 1))
    .map(({ sitePath }) => sitePath);
  const dealt = new Map<string, number>();
  let slice = 0;
  for (const sitePath of ranked) {
    while (slice < loads.length - 1 && (loads[slice] ?? 0) + WORK.page > mean) slice++;
    loads[slice] = (loads[slice] ?? 0) + WORK.page;
    dealt.set(sitePath, slice);
  }
  return dealt;
}

/** A search shard's work: its article pages' (`articleWork`; their images are dealt apart). */
function shardWork(work: SliceWork): (planned: PlannedShard) => number {
  return (planned) => planned.shard.teasers.reduce((sum, teaser) => sum + work.article(teaser.path), 0);
}

/**
 * The search shards slice `spec` indexes (those `planSlice` gives it), known from the search plan
 * alone: a slice starts indexing them before it plans its pages, as a whole build does.
 */
export function sliceSearch(search: SearchPlan, spec: SliceSpec, work: SliceWork): SearchPlan {
  const assigned = assignSlices(search.shards, Array.from({ length: spec.count }, () => 0), shardWork(work));
  return { shards: search.shards.filter((planned) => assigned.get(planned.shard.id) === spec.index - 1), documents: search.documents, hidden: [] };
}

export interface PlannedSlice {
  /** The slice's part of the build: its pages and search shards, nothing removed. */
  plan: BuildPlan;
  /** The articles (by site path) whose photos and share card the slice publishes (`imageSlice`). */
  images: ReadonlySet<string>;
  manifest: Pick<SliceManifest, "index" | "count" | "pages" | "shards">;
}

/**
 * Slice `spec` of a build: its search shards with their article pages (balanced by their work,
 * `articleWork`), the images of the articles that hash to it (`imageSlice`), then its share of the
 * other pages, dealt out to even the slices' work.
 */
export function planSlice(plan: BuildPlan, spec: SliceSpec, work: SliceWork): PlannedSlice {
  const mine = spec.index - 1;
  const loads = Array.from({ length: spec.count }, () => 0);
  const assigned = assignSlices(plan.shards, loads, shardWork(work));
  const shards = plan.shards.filter((planned) => assigned.get(planned.shard.id) === mine);
  const articles = new Set(shards.flatMap((planned) => planned.shard.teasers.map((teaser) => teaser.path)));
  const images = new Set<string>();
  for (const planned of plan.pages) {
    const weight = planned.spec.kind === "article" ? work.images(planned.spec.path) : 0;
    if (weight === 0) continue;
    const slice = imageSlice(planned.spec.path, spec.count);
    loads[slice] = (loads[slice] ?? 0) + weight;
    if (slice === mine) images.add(planned.spec.path);
  }
  const dealt = dealPages(plan.pages.filter((planned) => planned.spec.kind !== "article").map((planned) => planned.spec.path), loads);
  const pages = plan.pages.filter((planned) => (planned.spec.kind === "article" ? articles.has(planned.spec.path) : dealt.get(planned.spec.path) === mine));
  const record: BuildRecord = { ...recordOfPages(pages), shards: new Map(shards.map((planned) => [planned.shard.id, planned.fingerprint])) };
  return { plan: { pages, shards, documents: plan.documents, hidden: [], removed: [], record }, images, manifest: { index: spec.index, count: spec.count, pages: [...record.pages], shards: [...record.shards] } };
}

/**
 * A digest of every file under the content folder, by path and bytes: what the merge compares with
 * the slices, so that it never puts together slices of other content than its own checkout's. The
 * files are read and hashed in a thread of their own (src/build/content-files-worker.js).
 */
export async function contentDigest(dir: string): Promise<string> {
  const worker = new Worker(new URL("./content-files-worker.js", import.meta.url), { workerData: { dir }, execArgv: [] });
  const hashed = await new Promise<[string, string][]>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`[slices] hashing the content folder ${dir} stopped (exit code ${code}) before it was done`)));
  });
  return digestOf(hashed);
}

/** Every slice's shards, by id and folder, for the index of the whole site the merge writes (src/build/search-whole.ts). */
export function sliceShardFolders(slices: ReadonlyMap<string, SliceManifest>): [string, string][] {
  return [...slices].flatMap(([dir, manifest]) => manifest.shards.map(([id]): [string, string] => [id, path.join(dir, SEARCH_INDEX_DIR, id)]));
}

export async function writeSliceManifest(dir: string, manifest: SliceManifest): Promise<void> {
  await fs.writeFile(path.join(dir, SLICE_MANIFEST), `${JSON.stringify(manifest)}\n`);
}

export async function readSliceManifest(dir: string): Promise<SliceManifest> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await fs.readFile(path.join(dir, SLICE_MANIFEST), "utf8"));
  } catch {
    throw new SliceError(`--merge: ${dir} is not a slice of a build (it has no readable ${SLICE_MANIFEST}; build it with npm run build -- --shard K/N)`);
  }
  const manifest = parsed as Partial<SliceManifest>;
  const strings = [manifest.build, manifest.code, manifest.content].every((value) => typeof value === "string");
  if (typeof manifest.index !== "number" || typeof manifest.count !== "number" || !strings || !Array.isArray(manifest.pages) || !Array.isArray(manifest.shards)) {
    throw new SliceError(`--merge: ${dir}/${SLICE_MANIFEST} is not a slice manifest this version of Dateline wrote (build every slice and the merge from the same commit)`);
  }
  // The merge reads and links the files these name inside the slice's folder: none may lead out of it.
  const outside = (field: string, list: unknown[], inside: (name: string) => boolean) => {
    const at = list.findIndex((entry) => !Array.isArray(entry) || typeof entry[0] !== "string" || !inside(entry[0]));
    if (at >= 0) throw new SliceError(`--merge: ${dir}/${SLICE_MANIFEST}: ${field}[${at}] ${JSON.stringify(list[at])} is not a ${field === "pages" ? "site path" : "search shard id"} inside the slice's folder (build every slice and the merge from the same commit)`);
  };
  outside("pages", manifest.pages, isSitePath);
  outside("shards", manifest.shards, isShardId);
  return manifest as SliceManifest;
}

/** Reads every slice folder's manifest; a folder without one is a SliceError. */
export async function readSlices(dirs: readonly string[]): Promise<Map<string, SliceManifest>> {
  return new Map(await Promise.all(dirs.map(async (dir) => [dir, await readSliceManifest(dir)] as const)));
}

/**
 * Checks that `slices` (folder → manifest) are every slice of one build, of this code and content
 * (the content is not compared when `here.content` is not given yet):
 * the same count, each index once, the same build, code and content, and between them exactly the
 * build's pages and shards (their union names the build the slices claim). Throws a SliceError
 * naming what is wrong; returns the build's record.
 */
export function checkSlices(slices: ReadonlyMap<string, SliceManifest>, here: { code: string; content?: string }): BuildRecord {
  const manifests = [...slices.entries()];
  const first = manifests[0]?.[1];
  if (!first) throw new SliceError("--merge needs the folders of every slice");
  const { count } = first;
  for (const [dir, manifest] of manifests) {
    if (manifest.count !== count) throw new SliceError(`--merge: ${dir} is slice ${manifest.index} of ${manifest.count}, the others are of ${count}`);
  }
  const indexes = manifests.map(([, manifest]) => manifest.index);
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((index) => !indexes.includes(index));
  if (missing.length > 0) throw new SliceError(`--merge: ${missing.length === 1 ? "slice" : "slices"} ${missing.join(", ")} of ${count} ${missing.length === 1 ? "is" : "are"} missing`);
  if (indexes.length !== count) throw new SliceError(`--merge: a slice of ${count} is given twice`);
  const same = "build every slice and the merge from the same commit, with the same settings and DATELINE_NOW";
  for (const [dir, manifest] of manifests) {
    const name = `${dir} (slice ${manifest.index}/${count})`;
    if (manifest.code !== here.code) throw new SliceError(`--merge: ${name} was built by another version of Dateline than this merge; ${same}`);
    if (here.content !== undefined && manifest.content !== here.content) throw new SliceError(`--merge: ${name} was built from other content than this merge's content folder; ${same}`);
    if (manifest.build !== first.build) throw new SliceError(`--merge: ${name} is a slice of another build than slice ${first.index}/${count} (other settings or DATELINE_NOW); ${same}`);
  }
  const record: BuildRecord = {
    pages: new Map(manifests.flatMap(([, manifest]) => manifest.pages)),
    // The index of the whole site is no slice's: the merge writes it.
    shards: withWholeIndex(new Map(manifests.flatMap(([, manifest]) => manifest.shards)), []),
  };
  if (buildId(record) !== first.build) throw new SliceError(`--merge: the slices do not hold the whole build between them (a folder of another run?); ${same}`);
  return record;
}

/**
 * Links what the slices made into the merge's staging folder: their pages, search shards and images
 * (one copy of an image two slices both published). A file the manifest names but the folder lacks
 * (an artifact uploaded in part) is a SliceError.
 */
export async function linkSlices(staging: string, slices: ReadonlyMap<string, SliceManifest>): Promise<void> {
  const missing = (dir: string, file: string) => (error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new SliceError(`--merge: ${dir} lacks ${file}, which its manifest lists (was the slice's folder copied whole?)`);
    throw error;
  };
  const images = path.join(staging, "img");
  await fs.mkdir(images, { recursive: true });
  const published = new Set(await fs.readdir(images));
  for (const [dir, manifest] of slices) {
    await mapLimit(
      manifest.pages,
      async ([sitePath]) => {
        const file = outputFile(sitePath);
        await fs.mkdir(path.dirname(path.join(staging, file)), { recursive: true });
        await linkOrCopy(path.join(dir, file), path.join(staging, file)).catch(missing(dir, file));
      },
      LINK_CONCURRENCY,
    );
    // Shards side by side: each is thousands of small files, linked one after another (their
    // fragments: the merge joins the whole index from the slices' own folders).
    await mapLimit(
      manifest.shards,
      async ([id]) => {
        const folder = path.join(SEARCH_INDEX_DIR, id);
        await publishShard(path.join(dir, folder), path.join(staging, folder)).catch(missing(dir, folder));
      },
      SHARDS_AT_ONCE,
    );
    const files = (await fs.readdir(path.join(dir, "img")).catch(() => [])).filter((name) => !published.has(name));
    for (const name of files) published.add(name);
    await mapLimit(files, (name) => linkOrCopy(path.join(dir, "img", name), path.join(images, name)), LINK_CONCURRENCY);
  }
}
