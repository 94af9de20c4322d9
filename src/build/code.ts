// The code version every output depends on: our source, layouts, stylesheet and scripts, the exact
// dependency tree and the runtime (Node's ICU formats the dates). Part of every page's fingerprint,
// so a build cache from another version of any of these is never used.
import fs from "node:fs/promises";
import path from "node:path";
import { digestOf, digestText } from "./digest.ts";

const REPO = path.resolve(import.meta.dirname, "../..");

/** What makes the output: everything under these, and these files. */
const CODE_FOLDERS = ["src", "layouts", "public"];
const CODE_FILES = ["package-lock.json", ".eleventy.ts"];

/** Bump to invalidate every build cache when the cache's own format changes. */
const CACHE_FORMAT = 1;

let cached: Promise<string> | undefined;

/** The digest of the code this process runs, computed once per process (the code cannot change under it). */
export function codeDigest(): Promise<string> {
  cached ??= computeCodeDigest(REPO);
  return cached;
}

export async function computeCodeDigest(root: string): Promise<string> {
  const files: string[] = [];
  for (const folder of CODE_FOLDERS) {
    const entries = await fs.readdir(path.join(root, folder), { recursive: true, withFileTypes: true }).catch(() => []);
    for (const entry of entries) if (entry.isFile()) files.push(path.relative(root, path.join(entry.parentPath, entry.name)));
  }
  files.push(...CODE_FILES);
  files.sort();
  const contents = await Promise.all(files.map(async (file) => [file.split(path.sep).join("/"), await fs.readFile(path.join(root, file)).then(digestText, () => "absent")]));
  return digestOf({ format: CACHE_FORMAT, node: process.versions.node, icu: process.versions.icu ?? "", tz: process.versions.tz ?? "", files: contents });
}
