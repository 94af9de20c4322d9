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
for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
  if (entry.isDirectory()) continue;
  const file = path.join(entry.parentPath, entry.name);
  const bytes = fs.lstatSync(file).isFile() ? createHash("sha256").update(fs.readFileSync(file)).digest("base64url") : "not a file";
  files.push([path.relative(dir, file).split(path.sep).join("/"), bytes]);
}
parentPort?.postMessage(files.sort(([a], [b]) => a.localeCompare(b)));
