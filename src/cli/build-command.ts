// What `npm run build` does, once src/cli/start-build.js has started it (compiled, or through tsx):
// the site into `_site/` (or --output), built by src/build/build.ts: atomically, and incrementally
// against the build cache (`.cache/dateline`, or DATELINE_CACHE_DIR).
import path from "node:path";
import { ContentError } from "../content/errors.ts";
import { build, imageCacheOf } from "../build/build.ts";
import { mergeSlices } from "../build/merge.ts";
import { checkPart } from "../build/check-part.ts";
import { OutputFolderError } from "../build/output-folder.ts";
import { buildNow } from "../now.ts";
import { parseCommandLine, UsageError } from "./command-line.ts";
import { parseSlice, SliceError, type SliceSpec } from "../build/slices.ts";

/** The cache folder: DATELINE_CACHE_DIR, else `.cache/dateline` in the working directory. */
export function cacheDirFrom(env: NodeJS.ProcessEnv): string {
  return path.resolve(env["DATELINE_CACHE_DIR"] ?? ".cache/dateline");
}

const USAGE = [
  "usage: npm run build -- [--input content] [--output _site]",
  "       npm run build -- --check-part K/N [--output _checked/K-of-N]     one part of the articles, checked for the slices",
  "       npm run build -- --shard K/N [--checked _checked] [--output _slices/K-of-N]     one slice of the archive (docs/deploy.md)",
  "       npm run build -- --merge <slice folders…> [--output _site]",
].join("\n");

/** Where a slice goes unless --output says: `_slices/K-of-N`. */
export function sliceFolder(slice: SliceSpec): string {
  return path.join("_slices", `${slice.index}-of-${slice.count}`);
}

/** Where a checked part goes unless --output says: `_checked/K-of-N`. */
export function partFolder(part: SliceSpec): string {
  return path.join("_checked", `${part.index}-of-${part.count}`);
}

/** Runs the command: 0 when the site was built (or merged), 1 when the content or the build failed, 2 on bad usage or a refused folder. */
export async function main(args: readonly string[]): Promise<number> {
  let options: { input: string; output: string; slice?: SliceSpec; merge?: string[]; part?: SliceSpec; checked?: string };
  try {
    const { values, positionals } = parseCommandLine(args, USAGE, {
      input: { type: "string", default: "content" },
      output: { type: "string" },
      shard: { type: "string" },
      "check-part": { type: "string" },
      checked: { type: "string" },
      merge: { type: "boolean", default: false },
      quiet: { type: "boolean", default: false },
    });
    const jobs = [values.shard !== undefined && "--shard", values["check-part"] !== undefined && "--check-part", values.merge && "--merge"].filter(Boolean);
    if (jobs.length > 1) throw new UsageError(`${jobs.join(" and ")} are separate jobs: check the parts, build each slice, then merge them`, USAGE);
    if (values.checked !== undefined && (values.merge || values["check-part"] !== undefined)) throw new UsageError("--checked is for a build or a slice (--shard): it reuses the articles the --check-part jobs checked", USAGE);
    if (values.merge && positionals.length === 0) throw new UsageError("--merge needs the folders of every slice", USAGE);
    if (!values.merge && positionals.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0])}`, USAGE);
    const slice = values.shard === undefined ? undefined : parseSlice(values.shard);
    const part = values["check-part"] === undefined ? undefined : parseSlice(values["check-part"], "--check-part");
    const output = values.output ?? (slice ? sliceFolder(slice) : part ? partFolder(part) : "_site");
    options = { input: values.input, output, ...(slice && { slice }), ...(part && { part }), ...(values.checked !== undefined && { checked: values.checked }), ...(values.merge && { merge: positionals }) };
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 2;
  }
  try {
    if (options.merge) {
      await mergeSlices({ slices: options.merge, input: options.input, output: options.output });
      return 0;
    }
    if (options.part) {
      await checkPart({ part: options.part, input: options.input, output: options.output, imageCacheDir: imageCacheOf(cacheDirFrom(process.env)) });
      return 0;
    }
    const result = await build({ ...options, cacheDir: cacheDirFrom(process.env), now: buildNow() });
    // For the bench and the curious: where the time went, stage by stage.
    if (process.env["DATELINE_TIMINGS"]) console.log(`[dateline] timings ${JSON.stringify(result.timings)}`);
    return 0;
  } catch (error) {
    if (error instanceof OutputFolderError || error instanceof SliceError) {
      console.error(error.message);
      return 2;
    }
    // Content errors are one clear list; anything else is a Dateline defect, reported whole.
    console.error(error instanceof ContentError ? error.message : error);
    console.error(`The build failed; ${options.output}/ was left as it was.`);
    return 1;
  }
}
