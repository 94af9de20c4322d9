// Hashes every file under the content folder, in a thread of its own, for `contentDigest`
// (src/build/slices.ts): synchronous calls in a tight loop. Through fs/promises on the build's
// thread, hashing 100,000 articles took ~4 s of that thread in every slice and in the merge
// (docs/performance.md, "2026-12-07, night").
// Plain JavaScript: worker threads do not share the TypeScript loader the build runs with.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";

/** @type {{ dir: string }} */
const { dir } = workerData;
/** @type {[string, string][]} */
const files = [];
/**
 * Every entry under `folder`, links not followed (`readdirSync`'s own `recursive` follows a linked
 * folder: out of the content folder, or round a loop until the path is too long). A link is named,
 * never read; what it leads to inside the folder is hashed where it is.
 * @param {string} folder
 */
function walk(folder) {
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) walk(file);
    else files.push([path.relative(dir, file).split(path.sep).join("/"), entry.isFile() ? createHash("sha256").update(fs.readFileSync(file)).digest("base64url") : "not a file"]);
  }
}
walk(dir);
parentPort?.postMessage(files.sort(([a], [b]) => a.localeCompare(b)));
