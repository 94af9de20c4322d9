// vitest globalSetup: builds the sample newsroom once per run with `npm run build`'s own command, for
// every test that only reads it (the sample's checks, accessibility and CSP in Chromium). Its image
// cache is the fixture builds' shared one (tests/helpers/site.ts), kept between runs, so the tests
// that build copies of the sample find its photos encoded; its build cache is not kept, so each run
// renders every page afresh.
import { spawnSync } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** The sample newsroom built once for the run: read it, never write into it. */
    sampleSite: { outputDir: string; cacheDir: string; status: number | null; stdout: string; output: string };
  }
}

const REPO = path.resolve(import.meta.dirname, "../..");
/** tests/helpers/site.ts's SHARED_IMAGE_CACHE (that module imports vitest's test API, which a global setup may not). */
const SHARED_IMAGE_CACHE = path.join(REPO, "tests/.tmp/image-cache");
/** The sample's clock: after its newest story, so nothing is scheduled. */
export const SAMPLE_NOW = "2026-11-26T12:00:00Z";

export default async function setup(project: TestProject): Promise<void> {
  const root = path.join(REPO, "tests/.tmp/sample");
  const outputDir = path.join(root, "_site");
  const cacheDir = path.join(root, "cache");
  await fs.rm(path.join(cacheDir, "build"), { recursive: true, force: true });
  const images = path.join(cacheDir, "images");
  await fs.mkdir(SHARED_IMAGE_CACHE, { recursive: true });
  if (!(await fs.lstat(images).catch(() => undefined))?.isSymbolicLink()) {
    await fs.rm(images, { recursive: true, force: true });
    await fs.mkdir(cacheDir, { recursive: true });
    await fs.symlink(SHARED_IMAGE_CACHE, images);
  }
  await fs.rm(outputDir, { recursive: true, force: true });
  const run = spawnSync(process.execPath, ["--import", "tsx/esm", path.join(REPO, "src/cli/build.ts"), `--input=${path.join(REPO, "content")}`, `--output=${outputDir}`], {
    cwd: REPO,
    encoding: "utf8",
    env: { ...process.env, DATELINE_CACHE_DIR: cacheDir, DATELINE_NOW: SAMPLE_NOW },
    timeout: 300_000,
  });
  project.provide("sampleSite", { outputDir, cacheDir, status: run.status, stdout: run.stdout, output: `${run.stdout}\n${run.stderr}` });
}
