// `npm run build`: builds the site into a fresh folder next to the output and swaps it in only when
// the whole build succeeded, so a failed build leaves the published `_site/` exactly as it was and
// a deleted article leaves nothing behind. The image cache lives elsewhere and is kept either way.
// A newsroom of more than `partSize` articles is built in parts (src/parts/, docs/build-in-parts.md).
import fs from "node:fs/promises";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { ContentError } from "../content/errors.ts";
import { listMarkdown } from "../content/files.ts";
import { buildInParts } from "../parts/build.ts";
import { imageCacheDir } from "../content/load-for-build.ts";
import { checkOutputFolder, markOutputFolder, OutputFolderError } from "../build/output-folder.ts";
import { reportLeftovers } from "../build/leftovers.ts";
import { isMain, parseCommandLine, UsageError } from "./command-line.ts";

const REPO = path.resolve(import.meta.dirname, "../..");
const CONFIG = path.join(REPO, ".eleventy.ts");

/** Most articles one Eleventy run renders; a larger newsroom is built in parts of at most this many. */
export const DEFAULT_PART_SIZE = 10_000;

export interface BuildOptions {
  input: string;
  output: string;
  /** Default DEFAULT_PART_SIZE. */
  partSize?: number;
}

/**
 * Builds `input` into `output` atomically; throws (and leaves `output` untouched) on failure. An
 * output that is not a new, empty or earlier output folder is refused first (OutputFolderError).
 */
export async function buildAtomically({ input, output, partSize = DEFAULT_PART_SIZE }: BuildOptions): Promise<void> {
  await checkOutputFolder({ output, input });
  const target = path.resolve(output);
  const staging = `${target}.building-${process.pid}`;
  const previous = `${target}.previous-${process.pid}`;
  await reportLeftovers({ output: target, cacheDir: imageCacheDir() });
  await fs.rm(staging, { recursive: true, force: true });
  try {
    // Counting files is cheap; drafts and scheduled articles count too, which errs towards parts.
    const articleFiles = (await listMarkdown(path.join(path.resolve(input), "articles"))).length;
    if (articleFiles > partSize) await buildInParts({ input, output: staging, configPath: CONFIG, maxArticles: partSize });
    else await new Eleventy(path.resolve(input), staging, { configPath: CONFIG, quietMode: true }).write();
    await markOutputFolder(staging);
  } catch (error) {
    await fs.rm(staging, { recursive: true, force: true });
    throw error;
  }
  const hadOutput = await fs.stat(target).then(() => true, () => false);
  if (hadOutput) await fs.rename(target, previous);
  await fs.rename(staging, target);
  if (hadOutput) await fs.rm(previous, { recursive: true, force: true });
}

const USAGE = "usage: npm run build -- [--input content] [--output _site] [--part-size N]";

async function main(): Promise<void> {
  let options: BuildOptions;
  try {
    const { values } = parseCommandLine(process.argv.slice(2), USAGE, {
      input: { type: "string", default: "content" },
      output: { type: "string", default: "_site" },
      "part-size": { type: "string", default: String(DEFAULT_PART_SIZE) },
      quiet: { type: "boolean", default: false },
    });
    const partSize = Number(values["part-size"]);
    if (!Number.isInteger(partSize) || partSize < 1) throw new UsageError(`--part-size must be a whole number above 0, not "${values["part-size"]}"`, USAGE);
    options = { input: values.input, output: values.output, partSize };
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
    return;
  }
  try {
    await buildAtomically(options);
  } catch (error) {
    if (error instanceof OutputFolderError) {
      console.error(error.message);
      process.exitCode = 2;
      return;
    }
    // Content errors are already one clear list; anything else keeps Eleventy's own report above.
    console.error(error instanceof ContentError ? `\n${error.message}` : `\nThe build failed; ${options.output}/ was left as it was.`);
    process.exitCode = 1;
  }
}

if (isMain(import.meta.filename)) await main();
