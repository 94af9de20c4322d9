// Checking an archive's articles is CPU work (YAML, the schema, Markdown), one file at a time: a
// large one is checked on every core, by worker threads that each load the checker once and check
// the files they are sent. What their image manifests learn (photos decoded) comes back to this
// thread's manifest, so `check:content` and the build remember it as before.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import os from "node:os";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { keepTemplate, readArticleToKeep, type ArticleContext, type ArticleSource } from "./load-articles.ts";
import type { ContentProblem } from "./errors.ts";
import type { Site } from "../site/site.ts";
import { manifestFor, type ManifestLearnt } from "../images/manifest.ts";
import { defaultCacheDir } from "../images/index.ts";

/** Below this many articles one thread is quicker than starting workers (each loads the checker, ~0.4 s). */
export const PARALLEL_FROM = 1500;
/** Files each worker holds at once: enough that it never waits for the next. */
const IN_FLIGHT = 8;

export interface WorkerData {
  contentDir: string;
  site: Site;
  authorIds: string[];
  imageCacheDir?: string | undefined;
  problemsOnly?: boolean | undefined;
  contentRoot?: string | undefined;
}
export type PoolMessage = { type: "check"; id: number; file: string } | { type: "finish" };
export type CheckResult = { article?: ArticleSource; problems: ContentProblem[] };
export type WorkerReply = { type: "checked"; id: number; result: CheckResult } | { type: "failed"; id: number; message: string } | { type: "learnt"; learnt: ManifestLearnt };

/** Sets the number of threads (1: no workers), for measuring or for a machine shared with other work. */
export const THREADS_VARIABLE = "DATELINE_CHECK_THREADS";

/** How many threads to check `count` articles on: every core for a large archive, else this one. */
export function checkThreads(count: number, env: NodeJS.ProcessEnv = process.env): number {
  const chosen = Number(env[THREADS_VARIABLE]);
  if (Number.isInteger(chosen) && chosen >= 1) return count > 1 ? Math.min(chosen, count) : 1;
  return count >= PARALLEL_FROM ? Math.max(1, os.availableParallelism()) : 1;
}

// The workers run TypeScript: they register tsx themselves (a worker's entry does not go through the
// --import hooks of the thread that starts it on Node 20).
const TSX = tsxEsmApi();
const WORKER = new URL("./article-worker.ts", import.meta.url).href;
const BOOT = `import(${JSON.stringify(TSX)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER)}); })`;

/** tsx's ESM API, by its package's own exports map (what `import("tsx/esm/api")` finds). */
function tsxEsmApi(): string {
  const manifest = createRequire(import.meta.url).resolve("tsx/package.json");
  const { exports } = JSON.parse(readFileSync(manifest, "utf8")) as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(path.join(path.dirname(manifest), exports["./esm/api"]?.import.default ?? "dist/esm/api/index.mjs")).href;
}

/**
 * Checks `files` on `threads` threads: this one and `threads - 1` workers, each taking the next file
 * as it is free (a thread that meets long articles takes fewer). Results in the order of `files`.
 */
export async function checkInParallel(files: readonly string[], context: ArticleContext, threads: number): Promise<CheckResult[]> {
  const data: WorkerData = { contentDir: context.contentDir, site: context.site, authorIds: [...context.authorIds], imageCacheDir: context.imageCacheDir, problemsOnly: context.problemsOnly, contentRoot: context.contentRoot };
  const results = new Array<CheckResult>(files.length);
  let next = 0;
  const run = (worker: Worker) =>
    new Promise<ManifestLearnt>((resolve, reject) => {
      let pending = 0;
      const send = () => {
        while (pending < IN_FLIGHT && next < files.length) {
          const id = next++;
          pending++;
          worker.postMessage({ type: "check", id, file: files[id] as string } satisfies PoolMessage);
        }
        if (pending === 0) worker.postMessage({ type: "finish" } satisfies PoolMessage);
      };
      worker.on("message", (reply: WorkerReply) => {
        if (reply.type === "learnt") return resolve(reply.learnt);
        if (reply.type === "failed") return reject(new Error(`[check] checking ${files[reply.id]} failed in a worker thread (a Dateline defect):\n${reply.message}`));
        results[reply.id] = keepTemplate(reply.result, context);
        pending--;
        send();
      });
      worker.once("error", reject);
      worker.once("exit", (code) => reject(new Error(`[check] a worker thread stopped (exit code ${code}) before it finished`)));
      send();
    });
  // This thread works too: a worker costs a second load of the checker and a copy of every result.
  const here = async () => {
    while (next < files.length) {
      const id = next++;
      results[id] = await readArticleToKeep(files[id] as string, context);
      // A turn of the event loop after each file: the workers' results, and the files they are sent
      // next, are messages this thread handles, and a check that reads synchronously never waits
      // (without it the workers sat idle while this thread checked nearly every file).
      await new Promise(setImmediate);
    }
  };
  const workers = Array.from({ length: threads - 1 }, () => new Worker(BOOT, { eval: true, workerData: data }));
  const local = here();
  try {
    const [learnt] = await Promise.all([Promise.all(workers.map(run)), local]);
    const manifest = await manifestFor(context.imageCacheDir ?? defaultCacheDir());
    for (const part of learnt) manifest.absorb(part);
    return results;
  } finally {
    // A failed worker ends this thread's share too, before the check returns: no article is read,
    // and no template kept, after the load has failed.
    next = files.length;
    await local.catch(() => undefined);
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
