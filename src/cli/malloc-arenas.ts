// How many malloc arenas a build's process may have: glibc gives every thread that finds the
// allocator busy an arena of its own, up to eight per core, and keeps in each what was freed there.
// A build runs a dozen threads (its workers, libuv's pool, V8's helpers): a cold build of the
// 10,000-story bench corpus peaked at 795 MiB (median of five) with the default and at 659 MiB with
// two arenas, in the same wall and CPU time (paired, docs/performance.md). glibc reads the variable
// once, as the process starts, so src/cli/build.ts starts itself again with it set; Pagefind's
// processes inherit it. Other C libraries and systems ignore it.
export const MALLOC_ARENA_MAX = "2";

/** The environment to start the build's process again with, or undefined when it runs as it should already. */
export function fewerArenasEnvironment(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): NodeJS.ProcessEnv | undefined {
  // An explicit setting, the newsroom's own or our own start's, is kept as it is (and never loops).
  if (platform !== "linux" || env["MALLOC_ARENA_MAX"] !== undefined) return undefined;
  return { ...env, MALLOC_ARENA_MAX };
}
