// The build's command for a process that has tsx loaded (`node --import tsx/esm src/cli/build.ts`,
// the tests' command hosts): the site into `_site/` (or --output), built by src/build/build.ts,
// atomically and incrementally against the build cache (`.cache/dateline`, or DATELINE_CACHE_DIR).
// `npm run build` starts through src/cli/start-build.js instead, which runs the same command compiled.
// Run as a script, this module starts the process right (src/cli/build-process.js) before the
// command (src/cli/build-command.ts) loads: starting again after loading it would cost a quarter of a second.
import { isMain } from "./command-line.ts";
import { startBuildProcess } from "./build-process.js";

/** The command's `main` (src/cli/build-command.ts), loaded when it first runs. */
export async function main(args: readonly string[]): Promise<number> {
  return (await import("./build-command.ts")).main(args);
}

if (isMain(import.meta.filename)) {
  // The same process (its id, arguments and standard streams), started again with fewer malloc
  // arenas and a larger young generation (src/cli/build-process.js), unless it has them already.
  startBuildProcess();
  process.exitCode = await main(process.argv.slice(2));
}
