// Building the same content twice gives byte-identical output: no build time, random ids or
// map-order leaks. The only clock-dependent output is what DATELINE_NOW controls.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO, runBuildCli, type FixtureSite } from "./helpers/site.ts";
import { hashTree } from "./helpers/tree.ts";

const roots: string[] = [];
afterAll(async () => {
  for (const root of roots) await fs.rm(root, { recursive: true, force: true });
});

async function buildSample(env: Record<string, string>, cacheDir?: string): Promise<Record<string, string>> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), "dateline-determinism-"));
  roots.push(root);
  const site: FixtureSite = { root, contentDir: path.join(REPO, "content"), outputDir: path.join(root, "_site"), cacheDir: cacheDir ?? path.join(root, "cache") };
  // A process of its own for each build: nothing a previous build left in memory can make them agree.
  const run = await runBuildCli(site, env, { ownProcess: true });
  expect(run.status, run.output).toBe(0);
  return hashTree(site.outputDir);
}

describe("deterministic output", () => {
  it("builds the sample newsroom byte for byte the same twice, from a cold and a warm image cache, in different zones", async () => {
    const now = { DATELINE_NOW: "2026-11-25T12:00:00Z" };
    const first = await buildSample({ ...now, TZ: "UTC" });
    const cache = path.join(roots[0] ?? "", "cache");
    const second = await buildSample({ ...now, TZ: "Asia/Kolkata" }, cache);
    expect(Object.keys(first).length).toBeGreaterThan(100);
    expect(second).toEqual(first);
  });
});
