// An incremental build's outputs, moved into an output folder that holds exactly the previous build
// (its marker names that build): only what changed is moved in or removed, instead of relinking and
// deleting every file of a large archive. The folder is touched only after the whole build succeeded;
// a process killed while moving leaves it half updated, and the next build (still planned against the
// previous record, which is written last) moves the same files again.
import fs from "node:fs/promises";
import path from "node:path";
import { byText, digestOf } from "./digest.ts";
import type { BuildPlan, BuildRecord } from "./plan.ts";
import { markedBuild, markOutputFolder } from "./output-folder.ts";
import { outputFile } from "../site/page.ts";
import { SEARCH_INDEX_DIR } from "../site/search.ts";
import { copyPublicFiles } from "../site/assets.ts";
import type { ImagePipeline } from "../images/index.ts";
import { mapLimit } from "../images/limit.ts";

const FILE_CONCURRENCY = 64;

/** Names a build by everything it wrote: the same record (in any order: a merge's is its slices'), the same name. */
export function buildId(record: BuildRecord): string {
  const sorted = (map: ReadonlyMap<string, string>) => [...map].sort(([a], [b]) => byText(a, b));
  return digestOf({ pages: sorted(record.pages), shards: sorted(record.shards) });
}

/** Whether `output` holds exactly the build `record` describes, so it can be updated in place. */
export async function holdsBuild(output: string, record: BuildRecord | undefined): Promise<boolean> {
  if (record === undefined) return false;
  // No marker (a CI runner's fresh folder): nothing to compare, and no record to digest.
  const marked = await markedBuild(output);
  return marked !== undefined && marked === (record.id ?? buildId(record));
}

export interface ApplyOptions {
  /** Holds the new outputs only (pages rendered, shards indexed by this build). */
  staging: string;
  output: string;
  plan: BuildPlan;
  /** `buildId(plan.record)`, as the build named it. */
  id: string;
  previous: BuildRecord;
  images: ImagePipeline;
}

export async function applyInPlace({ staging, output, plan, id, previous, images }: ApplyOptions): Promise<void> {
  const rendered = plan.pages.filter((planned) => planned.render);
  await mapLimit(rendered, (planned) => moveInto(path.join(staging, outputFile(planned.spec.path)), path.join(output, outputFile(planned.spec.path))), FILE_CONCURRENCY);
  await mapLimit(plan.removed, (sitePath) => removeOutput(output, outputFile(sitePath)), FILE_CONCURRENCY);
  // The search index folders the build wrote (the shards it indexed and the index of the whole site) go in whole.
  const written = await fs.readdir(path.join(staging, SEARCH_INDEX_DIR)).catch(() => [] as string[]);
  for (const id of written) await replaceFolder(path.join(staging, SEARCH_INDEX_DIR, id), path.join(output, SEARCH_INDEX_DIR, id));
  for (const id of previous.shards.keys()) if (!plan.record.shards.has(id)) await fs.rm(path.join(output, SEARCH_INDEX_DIR, id), { recursive: true, force: true });
  await copyPublicFiles(output);
  await images.copyUsed(output, { removeUnused: true });
  await markOutputFolder(output, id);
  await fs.rm(staging, { recursive: true, force: true });
}

/** Renames `from` over `to` (a new name for the file: readers of the old one keep it). */
async function moveInto(from: string, to: string): Promise<void> {
  await fs.mkdir(path.dirname(to), { recursive: true });
  await fs.rename(from, to);
}

/** Removes an output file, and its folder when that leaves it empty (an article's page folder). */
async function removeOutput(output: string, file: string): Promise<void> {
  await fs.rm(path.join(output, file), { force: true });
  for (let dir = path.dirname(path.join(output, file)); dir.startsWith(output + path.sep); dir = path.dirname(dir)) {
    const left = await fs.readdir(dir).catch(() => ["?"]);
    if (left.length > 0) break;
    await fs.rmdir(dir).catch(() => undefined);
  }
}

/** Puts folder `from` in place of `to`; the old folder goes only once the new one is there. */
async function replaceFolder(from: string, to: string): Promise<void> {
  const old = `${to}.${process.pid}.old`;
  await fs.mkdir(path.dirname(to), { recursive: true });
  const hadOld = await fs.rename(to, old).then(
    () => true,
    () => false,
  );
  await fs.rename(from, to);
  if (hadOld) await fs.rm(old, { recursive: true, force: true });
}
