// Issue 17: an incremental build is a clean build. After any sequence of adds, edits, deletes,
// renames, photo changes and settings changes, a build against the previous build's cache writes
// exactly the files a build from scratch writes, byte for byte, search index included (these shards
// are too small to amend: tests/search-amendments.test.ts has amended ones); and a cache from another
// version of the code is never used.
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../src/build/build.ts";
import { computeCodeDigest } from "../src/build/code.ts";
import { planBuild } from "../src/build/plan.ts";
import { BuildStore } from "../src/build/store.ts";
import { buildFromScratch, makeSite, removeSite, REPO, siteAt, type FixtureSite } from "./helpers/site.ts";
import { apply, articleFiles, edit } from "./helpers/edits.ts";
import { hashTree } from "./helpers/tree.ts";

const NOW = new Date("2026-03-20T12:00:00Z");
/** After the sample newsroom's newest story. */
const SAMPLE_NOW = new Date("2026-11-26T12:00:00Z");
const RUNS = Number(process.env["DATELINE_PROPERTY_RUNS"] ?? 10);
const SEED = Number(process.env["DATELINE_PROPERTY_SEED"] ?? 20261203);

/** Builds `site` incrementally (its own cache), then the same content from scratch, and returns both trees and the incremental build's plan. */
async function buildBothWays(site: FixtureSite, now = NOW) {
  const incremental = await build({ input: site.contentDir, output: site.outputDir, cacheDir: site.cacheDir, now, log: () => {} });
  // Every search document written as its page renders; the incremental build writes an edit's ahead
  // of its page: the same bytes either way.
  const clean = await buildFromScratch(site, "clean", { now, documentsAhead: 0 });
  return { incremental: await hashTree(site.outputDir), clean: await hashTree(clean), plan: incremental.plan };
}

/**
 * Keeps a second link to every file of the build store, and returns a check that names those whose
 * bytes changed since: a stored file is never written again, whatever the build links or renders.
 */
async function storeKept(site: FixtureSite): Promise<() => Promise<string[]>> {
  const pages = path.join(site.cacheDir, "build", "pages");
  const kept = path.join(site.root, "store-kept");
  await fs.rm(kept, { recursive: true, force: true });
  await fs.mkdir(kept);
  const entries = await fs.readdir(pages, { recursive: true, withFileTypes: true }).catch(() => []);
  const hash = async (file: string) => createHash("sha256").update(await fs.readFile(file)).digest("hex");
  const before = new Map<string, string>();
  for (const entry of entries.filter((found) => found.isFile())) {
    await fs.link(path.join(entry.parentPath, entry.name), path.join(kept, entry.name));
    before.set(entry.name, await hash(path.join(kept, entry.name)));
  }
  return async () => {
    const changed: string[] = [];
    for (const [name, digest] of before) if ((await hash(path.join(kept, name))) !== digest) changed.push(name);
    return changed;
  };
}

describe("incremental builds", () => {
  let site: FixtureSite;
  beforeAll(async () => {
    site = await makeSite();
  });
  afterAll(() => removeSite(site));

  it("write exactly what a clean build writes, after any sequence of edits, into the output or a new folder", async () => {
    await buildBothWays(site);
    await fc.assert(
      // Each edit built into the output that holds the last build (updated in place), or, like a CI
      // runner's, with the output gone (the last build's files linked ahead into a new folder).
      fc.asyncProperty(fc.array(fc.record({ change: edit, restored: fc.boolean() }), { minLength: 1, maxLength: 3 }), async (steps) => {
        for (const { change, restored } of steps) {
          const step = JSON.stringify({ change, restored });
          await apply(site, change);
          if (restored) await fs.rm(site.outputDir, { recursive: true, force: true });
          const unchanged = await storeKept(site);
          const { incremental, clean, plan } = await buildBothWays(site);
          expect(incremental, step).toEqual(clean);
          // And it is incremental: an edit never re-renders the whole site.
          expect(plan.pages.filter((planned) => !planned.render).length, step).toBeGreaterThan(0);
          // No page was written through a link into a file the store kept.
          expect(await unchanged(), step).toEqual([]);
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  }, 600_000);
});

describe("a restored cache without the output (a CI runner)", () => {
  it("writes the whole site from the store, the same bytes as a clean build, rendering only what changed", async () => {
    const site = await makeSite();
    try {
      await buildBothWays(site);
      await fs.rm(site.outputDir, { recursive: true });
      await apply(site, { kind: "headline", n: 0, text: "ferry" });
      const { incremental, clean, plan } = await buildBothWays(site);
      expect(incremental).toEqual(clean);
      const rendered = plan.pages.filter((planned) => planned.render);
      expect(rendered.length).toBeGreaterThan(0);
      expect(rendered.length).toBeLessThan(plan.pages.length);
      // Reused pages are the store's files, linked: the same inode, no copy.
      const reused = plan.pages.find((planned) => !planned.render && planned.spec.kind === "tag-index");
      const stat = await fs.stat(path.join(site.outputDir, "tags/index.html"));
      expect(reused).toBeDefined();
      expect(stat.nlink).toBeGreaterThan(1);
    } finally {
      await removeSite(site);
    }
  });
});

describe("a restored cache in a workspace at another path", () => {
  it("builds the same bytes as a clean build when the content and the cache moved together", async () => {
    const site = await makeSite();
    const moved = siteAt(`${site.root}-moved`);
    try {
      await buildBothWays(site);
      // Another runner's workspace: the checkout and the restored cache at a new path, no output.
      await fs.rename(site.root, moved.root);
      await fs.rm(moved.outputDir, { recursive: true });
      // The clean build's own cache links the old path's image cache: it is made again.
      await fs.rm(path.join(moved.root, "clean-cache"), { recursive: true });
      await apply(moved, { kind: "body", n: 1, text: "harbour" });
      const { incremental, clean, plan } = await buildBothWays(moved);
      expect(incremental).toEqual(clean);
      // Pages are named by what they show, not where the files were: the move renders only the edit's.
      expect(plan.pages.filter((planned) => !planned.render).length).toBeGreaterThan(0);
    } finally {
      await removeSite(moved);
      await removeSite(site);
    }
  });
});

describe("the sample newsroom, edited", () => {
  let site: FixtureSite;
  beforeAll(async () => {
    site = await makeSite();
    await fs.rm(site.contentDir, { recursive: true });
    await fs.cp(path.join(REPO, "content"), site.contentDir, { recursive: true });
  });
  afterAll(() => removeSite(site));

  it("builds incrementally to the same bytes as from scratch, rendering only what the edits touch", async () => {
    const first = await buildBothWays(site, SAMPLE_NOW);
    expect(first.plan.pages.filter((planned) => planned.spec.kind === "article").length).toBeGreaterThan(10);
    expect(first.incremental).toEqual(first.clean);
    const unchanged = await buildBothWays(site, SAMPLE_NOW);
    expect(unchanged.plan.pages.filter((planned) => planned.render)).toEqual([]);
    expect(unchanged.plan.shards.filter((planned) => planned.index)).toEqual([]);

    const files = await articleFiles(site);
    const edited = files.find((file) => file.endsWith("ferry-suspended-after-gale.md")) ?? "";
    await fs.writeFile(edited, (await fs.readFile(edited, "utf8")).replace(/^headline: .*$/m, "headline: Ferry service suspended until the gale passes"));
    await fs.rm(files.find((file) => file.endsWith("gull-point-light-needs-repairs.md")) ?? "");
    const after = await buildBothWays(site, SAMPLE_NOW);
    expect(after.incremental).toEqual(after.clean);
    const rendered = after.plan.pages.filter((planned) => planned.render);
    expect(rendered.length).toBeGreaterThan(0);
    expect(rendered.length).toBeLessThan(after.plan.pages.length / 2);
    expect(after.plan.removed).toContain("/2026/11/21/gull-point-light-needs-repairs/");
    // The edited story's page changed by its article; the summary says so.
    expect(after.plan.pages.find((planned) => planned.spec.path.includes("ferry-suspended-after-gale"))?.changed).toContain("article");
  }, 300_000);
});

describe("the code version", () => {
  it("is part of every fingerprint: a plan against a build of other code renders everything", async () => {
    const site = await makeSite();
    try {
      const built = await build({ input: site.contentDir, output: site.outputDir, cacheDir: site.cacheDir, now: NOW, log: () => {} });
      const sitePlan = { pages: built.plan.pages.map((planned) => planned.spec), shards: built.plan.shards.map((planned) => planned.shard) };
      const code = built.plan.pages[0]?.fingerprint ?? "";
      const same = planBuild(sitePlan, { code: "code-a", previous: planBuild(sitePlan, { code: "code-a" }).record });
      expect(same.pages.every((planned) => !planned.render)).toBe(true);
      const other = planBuild(sitePlan, { code: "code-b", previous: planBuild(sitePlan, { code: "code-a" }).record });
      expect(other.pages.every((planned) => planned.render && planned.reason === "changed" && planned.changed?.join() === "code")).toBe(true);
      expect(other.shards.every((planned) => planned.index)).toBe(true);
      expect(code).not.toBe("");
    } finally {
      await removeSite(site);
    }
  });

  it("lets a build reuse the related stories' ranking kept by a build of the same code only", async () => {
    const site = await makeSite();
    try {
      await fs.rm(site.contentDir, { recursive: true });
      await fs.cp(path.join(REPO, "content"), site.contentDir, { recursive: true });
      const options = { input: site.contentDir, output: site.outputDir, cacheDir: site.cacheDir, now: SAMPLE_NOW, log: () => {} };
      await build(options);
      const store = new BuildStore(site.cacheDir);
      const record = await store.readRecord();
      const kept = record?.related;
      if (!record || !kept) throw new Error("a whole build keeps its related stories' ranking with its record");
      // The same stories' ranking with every story's list reversed, under the same digest: named as
      // another code's, it is ranked again (nothing changes); as this code's, it is taken as it is.
      const { starts, places } = kept.ranking;
      const reversed = Int32Array.from(places);
      for (let story = 0; story + 1 < starts.length; story++) reversed.subarray(starts[story], starts[story + 1]).reverse();
      expect(reversed).not.toEqual(places);
      const ranking = { ...kept.ranking, places: reversed };
      await store.writeRecord({ ...record, related: { code: "another-code", ranking } }, record.id);
      expect((await build(options)).plan.pages.filter((planned) => planned.render)).toEqual([]);
      await store.writeRecord({ ...record, related: { code: kept.code, ranking } }, record.id);
      const taken = (await build(options)).plan.pages.filter((planned) => planned.render);
      expect(taken.length).toBeGreaterThan(0);
      expect(taken.every((planned) => planned.spec.kind === "article" && planned.changed?.join() === "related")).toBe(true);
    } finally {
      await removeSite(site);
    }
  });

  it("changes with any file of the code, layouts, stylesheet or lock file", async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), "dateline-code-"));
    try {
      for (const file of ["src/a.ts", "layouts/Page.tsx", "public/css/site.css", "package-lock.json", ".eleventy.ts"]) {
        await fs.mkdir(path.dirname(path.join(root, file)), { recursive: true });
        await fs.writeFile(path.join(root, file), "one");
      }
      const before = await computeCodeDigest(root);
      expect(await computeCodeDigest(root)).toBe(before);
      for (const file of ["src/a.ts", "layouts/Page.tsx", "public/css/site.css", "package-lock.json"]) {
        await fs.writeFile(path.join(root, file), "two");
        const after = await computeCodeDigest(root);
        expect(after, file).not.toBe(before);
        await fs.writeFile(path.join(root, file), "one");
      }
      await fs.writeFile(path.join(root, "src/b.ts"), "new file");
      expect(await computeCodeDigest(root)).not.toBe(before);
    } finally {
      await fs.rm(root, { recursive: true, force: true });
    }
  });
});
