// How every file is written before it is renamed into place: `<file>.<pid>.partial`, the name
// src/build/leftovers.ts removes after a run killed midway. Plain JavaScript: the search indexers
// (worker threads without the TypeScript loader) write files this way too.
import fs from "node:fs/promises";
import process from "node:process";

/**
 * `<file>.<pid>.partial`: how every file is written before it is renamed into place.
 * @param {string} file
 */
export function partialPath(file) {
  return `${file}.${process.pid}.partial`;
}

/**
 * Writes `file` whole or not at all: a run killed midway leaves a `.partial` file, never a cut one.
 * @param {string} file
 * @param {string | Buffer} data
 */
export async function writeFileAtomically(file, data) {
  const partial = partialPath(file);
  await fs.writeFile(partial, data);
  await fs.rename(partial, file);
}
