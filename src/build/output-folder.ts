// `--output` names a folder that a build replaces whole, so it may never be a folder that holds
// anything else: the content, the project, someone's own files. Every output is marked, so that an
// earlier one is recognised and may be replaced; anything else is refused before a file is touched.
import fs from "node:fs/promises";
import path from "node:path";
import { isWithin } from "../content/confine.ts";

/** Written into every output folder: a folder holding it is an earlier output that a build may replace. */
export const OUTPUT_MARKER = ".dateline-output";

/** Files every build wrote before outputs were marked: an unmarked folder holding all of them is an earlier output. */
export const EARLIER_OUTPUT_FILES = ["index.html", "sitemap.xml", "_headers"];

/** Dateline's project folder (package.json, src/, content/ by default). */
export const PROJECT_DIR = path.resolve(import.meta.dirname, "../..");

/** An output folder that must not be written: the message is one line, for exit code 2. */
export class OutputFolderError extends Error {
  override name = "OutputFolderError";
}

export interface OutputFolderCheck {
  /** The output folder as given (`--output`). */
  output: string;
  /** The content folder the build reads. */
  input: string;
  /** Folders the output may neither be nor contain; default: the project folder and the working directory. */
  protect?: readonly string[];
}

/** Throws an OutputFolderError when building into `output` could destroy anything but an earlier output. */
export async function checkOutputFolder({ output, input, protect = [PROJECT_DIR, process.cwd()] }: OutputFolderCheck): Promise<void> {
  const refuse = (what: string, advice = "choose a folder of its own, e.g. _site") => {
    throw new OutputFolderError(`--output ${JSON.stringify(output)}: ${what}; nothing was built (${advice})`);
  };
  const [target, content] = await Promise.all([realPathOf(output), realPathOf(input)]);
  const replaced = "a build replaces its output folder whole";
  if (target === content) refuse(`is the content folder; ${replaced}, content included`);
  if (isWithin(target, content)) refuse(`contains the content folder (${input}); ${replaced}, content included`);
  if (isWithin(content, target)) refuse(`is inside the content folder (${input}); the site would be written among the content`);
  for (const folder of await Promise.all(protect.map(realPathOf))) {
    if (target === folder) refuse(`is the project folder; ${replaced}`);
    if (isWithin(target, folder)) refuse(`contains the project folder (${folder}); ${replaced}`);
  }
  const stat = await fs.stat(target).catch(() => undefined);
  if (!stat) return;
  if (!stat.isDirectory()) refuse("is a file, not a folder", "choose a folder, e.g. _site");
  const names = await fs.readdir(target);
  if (names.length === 0 || names.includes(OUTPUT_MARKER) || EARLIER_OUTPUT_FILES.every((name) => names.includes(name))) return;
  refuse(`holds files that Dateline did not write (it has no ${OUTPUT_MARKER}); ${replaced}`, "choose a new or empty folder, e.g. _site, or empty this one first");
}

/** Marks `dir` as a Dateline output (see OUTPUT_MARKER). */
export async function markOutputFolder(dir: string, build?: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  const text = `Written by Dateline (npm run build): a later build replaces this whole folder.\n${build ? `build ${build}\n` : ""}`;
  // Renamed into place: a reader sees the old mark or the new, never half of one.
  const partial = path.join(dir, `${OUTPUT_MARKER}.${process.pid}.partial`);
  await fs.writeFile(partial, text);
  await fs.rename(partial, path.join(dir, OUTPUT_MARKER));
}

/** The build a marked output folder holds (see markOutputFolder), if it names one. */
export async function markedBuild(dir: string): Promise<string | undefined> {
  const text = await fs.readFile(path.join(dir, OUTPUT_MARKER), "utf8").catch(() => "");
  return /^build (\S+)$/m.exec(text)?.[1];
}

/** The scratch folder beside `output` that a new output is written into (src/build/leftovers.ts removes one left behind). */
export function stagingOf(output: string): string {
  return `${path.resolve(output)}.building-${process.pid}`;
}

/**
 * Writes `output` whole: `fill` writes into a fresh staging folder beside it, which replaces `output`
 * once `fill` has succeeded. A failure removes the staging folder and leaves `output` as it was.
 */
export async function writeStaged(output: string, fill: (staging: string) => Promise<void>): Promise<void> {
  const staging = stagingOf(output);
  await fs.rm(staging, { recursive: true, force: true });
  try {
    await fs.mkdir(staging, { recursive: true });
    await fill(staging);
  } catch (error) {
    await fs.rm(staging, { recursive: true, force: true });
    throw error;
  }
  await swapIn(staging, path.resolve(output));
}

/** Replaces `target` with `staging`; the old folder is removed only once the new one is in place. */
export async function swapIn(staging: string, target: string): Promise<void> {
  const previous = `${target}.previous-${process.pid}`;
  const hadOutput = await fs.stat(target).then(
    () => true,
    () => false,
  );
  if (hadOutput) await fs.rename(target, previous);
  await fs.rename(staging, target);
  if (hadOutput) await fs.rm(previous, { recursive: true, force: true });
}

/** The real path of `file`, or of its nearest existing parent with the rest appended: links resolved. */
async function realPathOf(file: string): Promise<string> {
  const absolute = path.resolve(file);
  const rest: string[] = [];
  for (let current = absolute; ; current = path.dirname(current)) {
    const real = await fs.realpath(current).catch(() => undefined);
    if (real !== undefined) return path.join(real, ...rest);
    if (path.dirname(current) === current) return absolute;
    rest.unshift(path.basename(current));
  }
}
