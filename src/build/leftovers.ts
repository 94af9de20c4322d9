// A build or an edition killed midway leaves its scratch files behind: `_site.building-<pid>/` and
// `_site.previous-<pid>/` beside the output, `<file>.<pid>.partial` files, the image cache's
// `.staging-<pid>-…` folders. Every run removes those of earlier runs, by our exact names only, and
// never those of a run still going (its pid alive, or this very process's own).
import fs from "node:fs/promises";
import path from "node:path";
import { displayPath } from "../content/errors.ts";
// The partial files' name and how they are written (plain JavaScript: the search indexers write so too).
export { partialPath, writeFileAtomically } from "./partial-files.js";

/** When this process started, to tell its own files from those of an earlier process that had its pid. */
const STARTED_MS = Date.now() - process.uptime() * 1000;

/** Staging folders of the image cache from before they carried a pid: any older than this is stale. */
const UNNAMED_STAGING_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/** True when a process with this pid exists (EPERM: it does, under another user). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * True when a leftover named with `pid` and last changed at `mtimeMs` belongs to no run in progress.
 * Our own pid counts as stale only for files older than this process: containers reuse pids, so a
 * run killed earlier may have had this one.
 */
export function isStale(pid: number, mtimeMs: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return mtimeMs < STARTED_MS;
  return !isRunning(pid);
}

const PARTIAL = /^.+\.(\d+)\.partial$/;
const STAGING = /^\.staging-(\d+)-[\w-]+$/;
const UNNAMED_STAGING = /^\.staging-[A-Za-z0-9]{6}$/;

export interface LeftoverPlaces {
  /** The output folder: `<output>.building-<pid>` and `<output>.previous-<pid>` beside it. */
  output: string;
  /** The image cache: partial files and staging folders. */
  cacheDir?: string;
  /** Folders inside the output that runs write into in place (an edition): their partial files. */
  inOutput?: readonly string[];
}

/** Removes the stale leftovers of earlier runs; returns their paths. */
export async function removeLeftovers({ output, cacheDir, inOutput = [] }: LeftoverPlaces): Promise<string[]> {
  const target = path.resolve(output);
  const beside = new RegExp(`^${escapeRegExp(path.basename(target))}\\.(?:building|previous)-(\\d+)$`);
  const found = await Promise.all([
    removeStale(path.dirname(target), [beside]),
    ...inOutput.map((folder) => removeStale(path.join(target, folder), [PARTIAL])),
    ...(cacheDir ? [removeStale(cacheDir, [PARTIAL, STAGING, UNNAMED_STAGING])] : []),
  ]);
  return found.flat().sort();
}

/** `removeLeftovers`, saying what it removed in one line (nothing when there was nothing). */
export async function reportLeftovers(places: LeftoverPlaces, log: (line: string) => void = console.log): Promise<void> {
  const removed = await removeLeftovers(places);
  if (removed.length === 0) return;
  const named = removed.slice(0, 3).map(displayPath);
  log(`[dateline] removed ${removed.length} leftover${removed.length === 1 ? "" : "s"} of an interrupted run: ${named.join(", ")}${removed.length > 3 ? ", …" : ""}`);
}

async function removeStale(dir: string, patterns: readonly RegExp[]): Promise<string[]> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const pattern = patterns.find((candidate) => candidate.test(name));
    if (!pattern) continue;
    const file = path.join(dir, name);
    const stat = await fs.lstat(file).catch(() => undefined);
    if (!stat) continue;
    const pid = pattern === UNNAMED_STAGING ? undefined : Number(pattern.exec(name)?.[1]);
    const stale = pid === undefined ? Date.now() - stat.mtimeMs > UNNAMED_STAGING_MAX_AGE_MS : isStale(pid, stat.mtimeMs);
    if (!stale) continue;
    await fs.rm(file, { recursive: true, force: true });
    removed.push(file);
  }
  return removed;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
