// Links reused outputs from the build store into a new output folder, in a thread of its own:
// synchronous calls in a tight loop, beside the rendering. Through fs/promises each link queued in
// libuv's four threads behind the build's and the indexers' own file work: at 100,000 articles,
// linking 135,000 pages outlasted rendering by 11 s.
// Plain JavaScript: worker threads do not share the TypeScript loader the build runs with.
import { parentPort, workerData } from "node:worker_threads";
import fs from "node:fs";
import path from "node:path";

/** Errors of a file system that cannot link (as `linkOrCopy` in store.ts): then the file is copied. */
const COPY_INSTEAD = new Set(["EXDEV", "EPERM", "ENOTSUP", "EMLINK"]);

/** @type {{ links: [string, string][] }} */
const { links } = workerData;
const made = new Set();
try {
  for (const [from, to] of links) {
    const dir = path.dirname(to);
    if (!made.has(dir)) {
      fs.mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    try {
      fs.linkSync(from, to);
    } catch (error) {
      if (!COPY_INSTEAD.has(/** @type {NodeJS.ErrnoException} */ (error).code ?? "")) throw error;
      fs.copyFileSync(from, to);
    }
  }
  parentPort?.postMessage({ linked: links.length });
} catch (error) {
  parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
