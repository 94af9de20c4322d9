// `npm run build`: the site into `_site/` (or --output), built by src/build/build.ts: atomically, and
// incrementally against the build cache (`.cache/dateline`, or DATELINE_CACHE_DIR).
import path from "node:path";
import { ContentError } from "../content/errors.ts";
import { build } from "../build/build.ts";
import { OutputFolderError } from "../build/output-folder.ts";
import { buildNow } from "../now.ts";
import { isMain, parseCommandLine } from "./command-line.ts";

/** The cache folder: DATELINE_CACHE_DIR, else `.cache/dateline` in the working directory. */
export function cacheDirFrom(env: NodeJS.ProcessEnv): string {
  return path.resolve(env["DATELINE_CACHE_DIR"] ?? ".cache/dateline");
}

const USAGE = "usage: npm run build -- [--input content] [--output _site]";

async function main(): Promise<void> {
  let options: { input: string; output: string };
  try {
    const { values } = parseCommandLine(process.argv.slice(2), USAGE, {
      input: { type: "string", default: "content" },
      output: { type: "string", default: "_site" },
      quiet: { type: "boolean", default: false },
    });
    options = { input: values.input, output: values.output };
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
    return;
  }
  try {
    const result = await build({ ...options, cacheDir: cacheDirFrom(process.env), now: buildNow() });
    // For the bench and the curious: where the time went, stage by stage.
    if (process.env["DATELINE_TIMINGS"]) console.log(`[dateline] timings ${JSON.stringify(result.timings)}`);
  } catch (error) {
    if (error instanceof OutputFolderError) {
      console.error(error.message);
      process.exitCode = 2;
      return;
    }
    // Content errors are one clear list; anything else is a Dateline defect, reported whole.
    console.error(error instanceof ContentError ? error.message : error);
    console.error(`The build failed; ${options.output}/ was left as it was.`);
    process.exitCode = 1;
  }
}

if (isMain(import.meta.filename)) await main();
