// Builds tiny fixture sites for tests: a base site from tests/fixtures/base plus scenario files
// layered on top, copied to a temporary folder and built with the real Eleventy and our config.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { load, type CheerioAPI } from "cheerio";
import { afterEach } from "vitest";
import { build, type BuildResult } from "../../src/build/build.ts";
import { buildNow } from "../../src/now.ts";
import { runCommand, type CommandRun } from "./commands.ts";
import { FIXTURES, REPO, SHARED_IMAGE_CACHE } from "./paths.ts";

export { FIXTURES, REPO, SHARED_IMAGE_CACHE };

export interface FixtureSite {
  root: string;
  contentDir: string;
  outputDir: string;
  /** The site's cache folder: its build store, and `images/` (a link to the shared image cache). */
  cacheDir: string;
}

/** A site's folders under `root`, laid out as a newsroom's repository has them. */
export function siteAt(root: string): FixtureSite {
  return { root, contentDir: path.join(root, "content"), outputDir: path.join(root, "_site"), cacheDir: path.join(root, ".cache/dateline") };
}

/** Copies `base` and then each scenario folder (later files win) into a fresh temporary site. */
export async function makeSite(...scenarios: string[]): Promise<FixtureSite> {
  const site = siteAt(await fs.mkdtemp(path.join(os.tmpdir(), "dateline-test-")));
  for (const scenario of ["base", ...scenarios]) {
    await fs.cp(path.join(FIXTURES, scenario), site.contentDir, { recursive: true });
  }
  await fs.mkdir(SHARED_IMAGE_CACHE, { recursive: true });
  await fs.mkdir(site.cacheDir, { recursive: true });
  await fs.symlink(SHARED_IMAGE_CACHE, path.join(site.cacheDir, "images"));
  return site;
}

/** Gives the site an image cache of its own, empty: for tests that count what a cold cache encodes. */
export async function isolateImageCache(site: FixtureSite): Promise<string> {
  const dir = path.join(site.cacheDir, "images");
  await fs.rm(dir, { force: true });
  await fs.mkdir(dir, { recursive: true });
  return dir;
}

/** A JavaScript module that, if it were ever run (as a template, data or settings), would leave `marker` behind. */
export const leavesMarker = (marker: string) =>
  `require("node:fs").writeFileSync(${JSON.stringify(marker)}, "ran");\nmodule.exports = class { render() { require("node:fs").writeFileSync(${JSON.stringify(marker)}, "rendered"); return "<script>alert(1)</script>"; } };\n`;

/** Writes a file into the site's content folder (for cases easier to state inline). */
export async function writeContent(site: FixtureSite, relativePath: string, text: string | Buffer): Promise<void> {
  const file = path.join(site.contentDir, relativePath);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, text);
}

/**
 * The site's content built from scratch into `<root>/<name>`: a build store of its own (emptied first),
 * the site's image cache (content-addressed: the same bytes), no amendments. What an incremental
 * build must equal. Returns the output folder.
 */
export async function buildFromScratch(site: FixtureSite, name: string, { now, documentsAhead }: { now: Date; documentsAhead?: number }): Promise<string> {
  const output = path.join(site.root, name);
  const cacheDir = path.join(site.root, `${name}-cache`);
  await Promise.all([output, cacheDir].map((dir) => fs.rm(dir, { recursive: true, force: true })));
  await build({ input: site.contentDir, output, cacheDir, imageCacheDir: path.join(site.cacheDir, "images"), now, log: () => {}, searchAmendments: false, ...(documentsAhead !== undefined && { documentsAhead }) });
  return output;
}

/** Builds the site as `npm run build` does (the build's "now" from DATELINE_NOW, as the CLI reads it); returns the build's result. */
export function buildSite(site: FixtureSite): Promise<BuildResult> {
  return build({ input: site.contentDir, output: site.outputDir, cacheDir: site.cacheDir, now: buildNow(), log: () => {} });
}

/** Builds a site that must fail and returns the error's message. */
export async function buildError(site: FixtureSite): Promise<string> {
  try {
    await buildSite(site);
  } catch (error) {
    return errorMessage(error);
  }
  throw new Error("expected the build to fail, but it succeeded");
}

function errorMessage(error: unknown): string {
  // Eleventy may wrap our error; the editor-facing message is on the innermost one.
  let current: unknown = error;
  const seen: string[] = [];
  while (current instanceof Error) {
    seen.push(current.message);
    current = (current as Error & { originalError?: unknown }).originalError ?? current.cause;
  }
  return seen.join("\n");
}

/**
 * Runs `npm run build`'s command (src/cli/build-command.ts) for this site, in a kept command process
 * (tests/helpers/commands.ts), or with `ownProcess` in a fresh one.
 */
export function runBuildCli(site: FixtureSite, env: Record<string, string> = {}, { ownProcess = false } = {}): Promise<CommandRun> {
  return runCommand("build", [`--input=${site.contentDir}`, `--output=${site.outputDir}`], { env: { DATELINE_CACHE_DIR: site.cacheDir, ...env }, ownProcess });
}

/** Parses a built page: `sitePath` like "/2026/03/05/slug/". */
export async function readPage(site: FixtureSite, sitePath: string): Promise<CheerioAPI> {
  const file = path.join(site.outputDir, sitePath, sitePath.endsWith(".html") ? "" : "index.html");
  return load(await fs.readFile(file, "utf8"));
}

/** Every HTML file in the output, as site paths. */
export async function listPages(site: FixtureSite): Promise<string[]> {
  const entries = await fs.readdir(site.outputDir, { recursive: true });
  return entries
    .filter((entry) => entry.endsWith(".html"))
    .map((entry) => `/${entry.split(path.sep).join("/")}`.replace(/index\.html$/, ""))
    .sort();
}

export async function removeSite(site: FixtureSite): Promise<void> {
  await fs.rm(site.root, { recursive: true, force: true });
}

/** `makeSite` for a test file whose sites are each removed after the test that made them. */
export function sitesRemovedAfterEach(): (...scenarios: string[]) => Promise<FixtureSite> {
  const sites: FixtureSite[] = [];
  afterEach(async () => {
    await Promise.all(sites.splice(0).map(removeSite));
  });
  return async (...scenarios) => {
    const made = await makeSite(...scenarios);
    sites.push(made);
    return made;
  };
}
