// `npm run build`: builds the site into a fresh folder next to the output and swaps it in only when
// the whole build succeeded, so a failed build leaves the published `_site/` exactly as it was and
// a deleted article leaves nothing behind. The image cache lives elsewhere and is kept either way.
import fs from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import Eleventy from "@11ty/eleventy";
import { ContentError } from "../content/errors.ts";
import { isMain } from "./command-line.ts";

const REPO = path.resolve(import.meta.dirname, "../..");

export interface BuildOptions {
  input: string;
  output: string;
}

/** Builds `input` into `output` atomically; throws (and leaves `output` untouched) on failure. */
export async function buildAtomically({ input, output }: BuildOptions): Promise<void> {
  const target = path.resolve(output);
  const staging = `${target}.building-${process.pid}`;
  const previous = `${target}.previous-${process.pid}`;
  await fs.rm(staging, { recursive: true, force: true });
  try {
    const eleventy = new Eleventy(path.resolve(input), staging, { configPath: path.join(REPO, ".eleventy.ts"), quietMode: true });
    await eleventy.write();
  } catch (error) {
    await fs.rm(staging, { recursive: true, force: true });
    throw error;
  }
  const hadOutput = await fs.stat(target).then(() => true, () => false);
  if (hadOutput) await fs.rename(target, previous);
  await fs.rename(staging, target);
  if (hadOutput) await fs.rm(previous, { recursive: true, force: true });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { input: { type: "string", default: "content" }, output: { type: "string", default: "_site" }, quiet: { type: "boolean", default: false } },
  });
  try {
    await buildAtomically({ input: values.input, output: values.output });
  } catch (error) {
    // Content errors are already one clear list; anything else keeps Eleventy's own report above.
    console.error(error instanceof ContentError ? `\n${error.message}` : `\nThe build failed; ${values.output}/ was left as it was.`);
    process.exitCode = 1;
  }
}

if (isMain(import.meta.filename)) await main();
