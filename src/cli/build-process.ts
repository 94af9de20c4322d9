// How `npm run build`'s process starts: two settings read once, as the process starts, so
// src/cli/build.ts starts itself again with them (`process.execve`: the same process, arguments and
// standard streams) when one is missing. A setting the newsroom made is kept as it is, and a process
// that has both never starts again.
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
//   sweeps again and again. Paired cold 10,000 builds: with the heap growth of src/cli/build.ts,
//   0.83× the wall and CPU of neither (1,032 against 716 MiB at the peak); the growth alone accounts
//   for 0.93×, so this for ~0.89×. 64 was no clear gain in single runs, for ~250 MB more
//   (docs/performance.md, "2026-12-07"). Worker threads started by the build take the same size.
export const MALLOC_ARENA_MAX = "2";
export const SEMI_SPACE_MIB = 32;

/** How to start the build's process again, or undefined when it runs as it should already. */
export function restartSettings(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, execArgv: readonly string[]): { env: NodeJS.ProcessEnv; execArgv: string[] } | undefined {
  const arenas = platform === "linux" && env["MALLOC_ARENA_MAX"] === undefined;
  const nodeOptions = `${execArgv.join(" ")} ${env["NODE_OPTIONS"] ?? ""}`;
  const semiSpace = !/--max[-_]semi[-_]space[-_]size/.test(nodeOptions);
  if (!arenas && !semiSpace) return undefined;
  return {
    env: arenas ? { ...env, MALLOC_ARENA_MAX } : env,
    execArgv: semiSpace ? [`--max-semi-space-size=${SEMI_SPACE_MIB}`, ...execArgv] : [...execArgv],
  };
}
