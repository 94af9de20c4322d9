// How a search shard's folder and the file of what it holds are kept in the build store (src/build/
// store.ts `shardDir`, `shardContentsFile` name where): by the search indexers (src/build/
// search-worker.js), which keep the shards they write themselves, so that the index of the whole site
// is joined without waiting for a turn of the build's thread. Plain JavaScript: the worker threads
// run without the TypeScript loader.
import fs from "node:fs/promises";
import path from "node:path";
import { writeFileAtomically } from "./partial-files.js";

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
 * Writes the file of what a shard holds beside the stored shards, whole (src/build/partial-files.js),
 * making their folder if this is the first.
 * @param {string} file
 * @param {string} text
 */
export async function keepContents(file, text) {
  await fs.mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomically(file, text);
}
