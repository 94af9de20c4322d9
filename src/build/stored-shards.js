// How a search shard's folder and the file of what it holds are kept in the build store (src/build/
// store.ts `shardDir`, `shardContentsFile` name where): by the search indexers (src/build/
// search-worker.js), which keep the shards they write themselves, so that the index of the whole site
// is joined without waiting for a turn of the build's thread. Plain JavaScript: the worker threads
// run without the TypeScript loader.
import fs from "node:fs/promises";
import path from "node:path";
import process from "node:process";
import { threadId } from "node:worker_threads";

/**
 * Moves a freshly written folder in as `stored`, replacing what was there.
 * @param {string} dir
 * @param {string} stored
 */
export async function keepFolder(dir, stored) {
  await fs.mkdir(path.dirname(stored), { recursive: true });
  await fs.rm(stored, { recursive: true, force: true });
  await fs.rename(dir, stored);
}

/**
 * Writes `file` whole: a reader never sees half of it (written beside it, then renamed).
 * @param {string} file
 * @param {string} text
 */
export async function writeWhole(file, text) {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.${threadId}`;
  await fs.writeFile(partial, text);
  await fs.rename(partial, file);
}
