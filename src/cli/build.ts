// `npm run build`: the site into `_site/` (or --output), built by src/build/build.ts: atomically, and
// incrementally against the build cache (`.cache/dateline`, or DATELINE_CACHE_DIR). This module only
// starts the process right (its memory settings) before the command (src/cli/build-command.ts) loads:
// starting again after loading it would cost a quarter of a second a build.
import v8 from "node:v8";
import { isMain } from "./command-line.ts";
import { fewerArenasEnvironment } from "./malloc-arenas.ts";

/** The command's `main` (src/cli/build-command.ts), loaded when it first runs. */
export async function main(args: readonly string[]): Promise<number> {
  return (await import("./build-command.ts")).main(args);
}

/**
 * How far V8 lets the heap grow past what the last full collection kept, in percent. Left to itself
 * it lets the heap grow to several times that while a build allocates fast, and a build allocates
 * fast from start to end: a 10,000-article build's process peaked at 2.2 GB around ~0.55 GB of live
 * heap. A fifth keeps the peak near what the build holds, at any archive size and with no limit to
 * run out of (1.4 GB there), for a few percent of its CPU. 40 was measured with two malloc arenas
 * and not kept: 5 % faster at 10,000 stories, no faster at 100,000, where the process peaked 292 MB
 * higher (docs/performance.md, "2026-12-06, evening"). Set for this command's process only: tests
 * and the preview run the same code for other ends.
 */
export const HEAP_GROWING_PERCENT = 20;

if (isMain(import.meta.filename)) {
  // The same process (its id, arguments and standard streams), started again with fewer malloc
  // arenas (src/cli/malloc-arenas.ts). `execve` is missing on Windows, which has no such arenas.
  const env = fewerArenasEnvironment(process.env, process.platform);
  try {
    if (env && process.execve) process.execve(process.execPath, [process.execPath, ...process.execArgv, ...process.argv.slice(1)], env);
  } catch {
    // Not started again (a system that refuses it): the build runs as well, with more memory.
  }
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  process.exitCode = await main(process.argv.slice(2));
}
