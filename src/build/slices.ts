// A large archive built as parallel CI jobs: `--shard K/N` builds one of N slices of the article pages
// and their search shards into a folder of its own; `--merge` checks the slices and writes the rest of
// the site around them (docs/deploy.md, "Past one machine"). A slice is a set of whole search shards
// (whole periods), balanced by the work they hold: articles, and the photos they show.
import fs from "node:fs/promises";
import path from "node:path";
import type { ArticleSource } from "../content/load-articles.ts";
import { outputFile } from "../site/page.ts";
import { SEARCH_INDEX_DIR } from "../site/search.ts";
import { mapLimit } from "../images/limit.ts";
import type { BuildPlan, BuildRecord, PlannedShard } from "./plan.ts";
import { linkOrCopy, linkTree } from "./store.ts";

/** Written into every slice's folder: what it holds and which build it is a slice of. */
export const SLICE_MANIFEST = ".dateline-slice.json";

export interface SliceSpec {
  /** 1-based, as written on the command line: `--shard 2/4`. */
  index: number;
  count: number;
}

/** Refused slices or merges: one line, for exit code 2. */
export class SliceError extends Error {
  override name = "SliceError";
}

/** Reads `K/N` (1 ≤ K ≤ N); anything else is a SliceError. */
export function parseSlice(text: string): SliceSpec {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) throw new SliceError(`--shard ${JSON.stringify(text)} is not K/N with 1 ≤ K ≤ N (e.g. --shard 2/4)`);
  return { index, count };
}

/**
 * Which slice (0-based) each search shard goes to: heaviest first into the lightest slice, ties by
 * position, so every runner computes the same slices from the same content.
 */
export function assignSlices(shards: readonly PlannedShard[], count: number, work: (planned: PlannedShard) => number): Map<string, number> {
  const loads = Array.from({ length: count }, () => 0);
  const order = shards.map((planned, position) => ({ planned, position, work: work(planned) })).sort((a, b) => b.work - a.work || a.position - b.position);
  const assigned = new Map<string, number>();
  for (const { planned, work: size } of order) {
    let lightest = 0;
    for (let slice = 1; slice < count; slice++) if ((loads[slice] ?? 0) < (loads[lightest] ?? 0)) lightest = slice;
    loads[lightest] = (loads[lightest] ?? 0) + size;
    assigned.set(planned.shard.id, lightest);
  }
  return assigned;
}

/** What a slice's folder holds, checked by the merge. */
export interface SliceManifest {
  index: number;
  count: number;
  /** The whole build's id (src/build/apply.ts `buildId`): the same content, code and clock. */
  build: string;
  /** The article pages in the folder, with their fingerprints. */
  pages: [string, string][];
  /** The search shards in the folder (under pagefind/), with their fingerprints. */
  shards: [string, string][];
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
  if (typeof manifest.index !== "number" || typeof manifest.count !== "number" || typeof manifest.build !== "string" || !Array.isArray(manifest.pages) || !Array.isArray(manifest.shards)) {
    throw new SliceError(`--merge: ${dir}/${SLICE_MANIFEST} is not a slice manifest Dateline wrote`);
  }
  return manifest as SliceManifest;
}

/**
 * Checks that `slices` (folder → manifest) are every slice of exactly the build `plan` describes:
 * the same count, each index once, the same build id, and between them every article page and
 * search shard of the plan with the plan's fingerprint. Throws a SliceError naming what is wrong.
 */
export function checkSlices(slices: ReadonlyMap<string, SliceManifest>, plan: Pick<BuildPlan, "record">, build: string): void {
  const manifests = [...slices.entries()];
  const count = manifests[0]?.[1].count ?? 0;
  if (manifests.length === 0) throw new SliceError("--merge needs the folders of every slice");
  for (const [dir, manifest] of manifests) {
    if (manifest.count !== count) throw new SliceError(`--merge: ${dir} is slice ${manifest.index} of ${manifest.count}, the others are of ${count}`);
  }
  const indexes = manifests.map(([, manifest]) => manifest.index).sort((a, b) => a - b);
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((index) => !indexes.includes(index));
  if (missing.length > 0) throw new SliceError(`--merge: ${missing.length === 1 ? "slice" : "slices"} ${missing.join(", ")} of ${count} ${missing.length === 1 ? "is" : "are"} missing`);
  if (indexes.length !== count) throw new SliceError(`--merge: a slice of ${count} is given twice`);
  for (const [dir, manifest] of manifests) {
    if (manifest.build !== build) {
      throw new SliceError(`--merge: ${dir} (slice ${manifest.index}/${manifest.count}) was built from other content, code or time than this merge (build ${manifest.build}, here ${build}); build every slice and the merge from the same commit with the same DATELINE_NOW`);
    }
  }
  const pages = new Map(manifests.flatMap(([, manifest]) => manifest.pages));
  const shards = new Map(manifests.flatMap(([, manifest]) => manifest.shards));
  for (const [id, fingerprint] of plan.record.shards) {
    if (shards.get(id) !== fingerprint) throw new SliceError(`--merge: no slice holds the search shard ${id} of this build`);
  }
  for (const [sitePath, fingerprint] of pages) {
    if (plan.record.pages.get(sitePath) !== fingerprint) throw new SliceError(`--merge: a slice holds ${sitePath}, which this build does not have as it is`);
  }
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

export interface PlannedSlice {
  /** The slice's part of the build: its article pages and search shards, nothing removed. */
  plan: BuildPlan;
  manifest: Omit<SliceManifest, "build">;
}

/**
 * Slice `spec` of a build: whole search shards, balanced by their articles and the photos those show
 * (encoding dwarfs rendering on a cold build), the same on every runner for the same content.
 */
export function planSlice(plan: BuildPlan, spec: SliceSpec, photosOf: (sitePath: string) => readonly string[]): PlannedSlice {
  const work = (planned: PlannedShard) => planned.shard.teasers.reduce((sum, teaser) => sum + 1 + photosOf(teaser.path).length, 0);
  const assigned = assignSlices(plan.shards, spec.count, work);
  const shards = plan.shards.filter((planned) => assigned.get(planned.shard.id) === spec.index - 1);
  const paths = new Set(shards.flatMap((planned) => planned.shard.teasers.map((teaser) => teaser.path)));
  const pages = plan.pages.filter((planned) => planned.spec.kind === "article" && paths.has(planned.spec.path));
  const record: BuildRecord = {
    pages: new Map(pages.map((planned) => [planned.spec.path, planned.fingerprint])),
    shards: new Map(shards.map((planned) => [planned.shard.id, planned.fingerprint])),
  };
  return {
    plan: { pages, shards, removed: [], record },
    manifest: { index: spec.index, count: spec.count, pages: [...record.pages], shards: [...record.shards] },
  };
}

/** The plan without what the slices hold: the pages and shards the merge links instead of making. */
export function withoutSlices(plan: BuildPlan, slices: ReadonlyMap<string, SliceManifest>): BuildPlan {
  const pages = new Set([...slices.values()].flatMap((manifest) => manifest.pages.map(([sitePath]) => sitePath)));
  const shards = new Set([...slices.values()].flatMap((manifest) => manifest.shards.map(([id]) => id)));
  return { ...plan, pages: plan.pages.filter((planned) => !pages.has(planned.spec.path)), shards: plan.shards.filter((planned) => !shards.has(planned.shard.id)) };
}

/** Reads every slice folder's manifest; a folder without one is a SliceError. */
export async function readSlices(dirs: readonly string[]): Promise<Map<string, SliceManifest>> {
  return new Map(await Promise.all(dirs.map(async (dir) => [dir, await readSliceManifest(dir)] as const)));
}

/**
 * Links what the slices made into the merge's staging folder: their article pages, search shards and
 * images (one copy of an image two slices both published). A file the manifest names but the folder
 * lacks (an artifact uploaded in part) is a SliceError.
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
    for (const [id] of manifest.shards) {
      const folder = path.join(SEARCH_INDEX_DIR, id);
      await linkTree(path.join(dir, folder), path.join(staging, folder)).catch(missing(dir, folder));
    }
    const files = (await fs.readdir(path.join(dir, "img")).catch(() => [])).filter((name) => !published.has(name));
    for (const name of files) published.add(name);
    await mapLimit(files, (name) => linkOrCopy(path.join(dir, "img", name), path.join(images, name)), LINK_CONCURRENCY);
  }
}

const LINK_CONCURRENCY = 64;
