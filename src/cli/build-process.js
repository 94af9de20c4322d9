// How `npm run build`'s process starts: two settings read once, as the process starts, so the
// process starts again with them (`process.execve`: the same process, arguments and standard
// streams) when one is missing. A setting the newsroom made is kept as it is, and a process that has
// both never starts again. Plain JavaScript: src/cli/start-build.js runs it before anything else loads.
//
// - MALLOC_ARENA_MAX=2: glibc gives every thread that finds the allocator busy an arena of its own, up
//   to eight per core, and keeps in each what was freed there. A build runs a dozen threads (its
//   workers, libuv's pool, V8's helpers): a cold build of the 10,000-story bench corpus peaked at 795
//   MiB (median of five) with the default and at 659 MiB with two arenas, in the same wall and CPU
//   time (paired, docs/performance.md). Pagefind's processes inherit it. Other C libraries and systems
//   ignore it.
// - --max-semi-space-size=32 (MiB, each half of V8's young generation; Node's default is 16): a build
//   allocates a page's markup, a story's words and their lists at a great rate, and what outlives a
//   young collection of 16 MiB is copied into the old generation, which the collector then marks and
//   sweeps again and again. Paired cold 10,000 builds: with the heap growth below,
//   0.83× the wall and CPU of neither (1,032 against 716 MiB at the peak); the growth alone accounts
//   for 0.93×, so this for ~0.89×. 64 was no clear gain in single runs, for ~250 MB more
//   (docs/performance.md, "2026-12-07"). Worker threads started by the build take the same size.
// - --initial-old-space-size=256 (MiB): V8 starts the old generation's limit small and marks the whole
//   heap each time it passes it while the heap grows. A build's heap grows from nothing to hundreds
//   of MiB in its first seconds (the stored articles and the record read back, the plan), and an
//   indexer's with every chunk of words it reads: one edit at 10,000 stories ran 17 full collections
//   (11 of them in the join's thread at ~25 MiB of heap) and 2 with this; the edit took 0.92× the
//   time, paired, for ~30 MB more at its peak. A cold build: the same time, ~160 MB more at its
//   peak (docs/performance.md, "2026-12-07, later"). Every thread's heap starts so.
import process from "node:process";
import v8 from "node:v8";

export const MALLOC_ARENA_MAX = "2";
/** V8's settings the build starts with, by flag name: each unless the newsroom set it. */
export const V8_SETTINGS = { "max-semi-space-size": 32, "initial-old-space-size": 256 };

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

/**
 * How to start the build's process again, or undefined when it runs as it should already.
 * @param {NodeJS.ProcessEnv} env
 * @param {NodeJS.Platform} platform
 * @param {readonly string[]} execArgv
 * @returns {{ env: NodeJS.ProcessEnv; execArgv: string[] } | undefined}
 */
export function restartSettings(env, platform, execArgv) {
  const arenas = platform === "linux" && env["MALLOC_ARENA_MAX"] === undefined;
  const nodeOptions = `${execArgv.join(" ")} ${env["NODE_OPTIONS"] ?? ""}`;
  // V8 reads "-" and "_" in a flag's name alike.
  const missing = Object.entries(V8_SETTINGS).filter(([flag]) => !new RegExp(`--${flag.replace(/-/g, "[-_]")}\\b`).test(nodeOptions));
  if (!arenas && missing.length === 0) return undefined;
  return {
    env: arenas ? { ...env, MALLOC_ARENA_MAX } : env,
    execArgv: [...missing.map(([flag, value]) => `--${flag}=${value}`), ...execArgv],
  };
}

/**
 * Starts this process again with the settings it lacks (it does not return then); returns when it
 * has them, or cannot start again (`execve` is missing on Windows, or the system refuses it): the
 * build then runs as well, slower and with more memory.
 */
function startWithSettings() {
  const restart = restartSettings(process.env, process.platform, process.execArgv);
  try {
    if (restart && process.execve) process.execve(process.execPath, [process.execPath, ...restart.execArgv, ...process.argv.slice(1)], restart.env);
  } catch {
    // Not started again: see above.
  }
}

/** The build's process as it should run: started again with its settings if need be, its heap's growth set (`HEAP_GROWING_PERCENT`). */
export function startBuildProcess() {
  startWithSettings();
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
