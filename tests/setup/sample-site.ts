// vitest globalSetup: builds the sample newsroom once per run with `npm run build`'s own command, for
// every test that only reads it (the sample's checks, accessibility and CSP in Chromium). Its image
// cache is the fixture builds' shared one (tests/helpers/paths.ts), kept between runs, so the tests
// that build copies of the sample find its photos encoded; its build cache is not kept, so each run
// renders every page afresh.
import fs from "node:fs/promises";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { REPO, SHARED_IMAGE_CACHE } from "../helpers/paths.ts";
import { runCommand } from "../helpers/commands.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The sample newsroom built once for the run: read it, never write into it. */
    sampleSite: { outputDir: string; cacheDir: string; status: number | null; stdout: string; output: string };
  }
}

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
  // A process of its own: nothing of the run's would keep a command process alive.
  const run = await runCommand("build", [`--input=${path.join(REPO, "content")}`, `--output=${outputDir}`], { env: { DATELINE_CACHE_DIR: cacheDir, DATELINE_NOW: SAMPLE_NOW }, ownProcess: true });
  project.provide("sampleSite", { outputDir, cacheDir, status: run.status, stdout: run.stdout, output: run.output });
}
