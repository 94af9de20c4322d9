// `npm run build`: the site into `_site/` (or --output), built by src/build/build.ts: atomically, and
// incrementally against the build cache (`.cache/dateline`, or DATELINE_CACHE_DIR). This module only
// starts the process right (its memory settings, src/cli/build-process.js) before the command
// (src/cli/build-command.ts) loads: starting again after loading it would cost a quarter of a second a build.
import v8 from "node:v8";
import { isMain } from "./command-line.ts";
import { startWithSettings } from "./build-process.js";

/** The command's `main` (src/cli/build-command.ts), loaded when it first runs. */
export async function main(args: readonly string[]): Promise<number> {
  return (await import("./build-command.ts")).main(args);
}

/**
 * How far V8 lets the heap grow past what the last full collection kept, in percent. Left to itself
 * it lets the heap grow to several times that while a build allocates fast, and a build allocates
 * fast from start to end: a 10,000-article build's process peaked at 2.2 GB around ~0.55 GB of live
 * heap (1.86 GB with a young generation of 32 MiB). Half keeps the peak a bounded multiple of
 * what the build holds, at any archive size and with no limit to run out of. It was a fifth until
 * 7 December: 50 costs a cold 10,000 build ~100 MiB more at the peak and saves 7 % of its CPU,
 * paired (docs/performance.md, "2026-12-07"). 40 was measured on 6 December and not kept then (no
 * faster at 100,000 stories, 292 MB more); with 50 and the young generation of build-process.js a
 * cold 100,000 build's tree peaked at 2,268 MB (1,722 the day before), under its 4 GB target. Set
 * for this command's process only: tests and the preview run the same code for other ends.
 */
export const HEAP_GROWING_PERCENT = 50;

if (isMain(import.meta.filename)) {
  // The same process (its id, arguments and standard streams), started again with fewer malloc
  // arenas and a larger young generation (src/cli/build-process.js), unless `npm run build`'s first
  // module (src/cli/start-build.js) already did, before this module's imports loaded.
  startWithSettings();
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  process.exitCode = await main(process.argv.slice(2));
}
