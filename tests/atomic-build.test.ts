// Nothing stale, nothing half-built: a failed build leaves the published folder exactly as it was
// (and keeps the image cache); a deleted article leaves no page, feed entry or sitemap entry.
import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { load } from "cheerio";
import { referencedUrls } from "./helpers/links.ts";
import { buildError, isolateImageCache, makeSite, removeSite, runBuildCli, writeContent, type FixtureSite } from "./helpers/site.ts";
import { hashTree } from "./helpers/tree.ts";

let site: FixtureSite;

beforeAll(async () => {
  site = await makeSite();
  // An image cache of its own: the tests compare the cache folder before and after, and the shared
  // one is written by other test files' builds meanwhile.
  await isolateImageCache(site);
  const first = await runBuildCli(site);
  expect(first.status, first.output).toBe(0);
});
afterAll(() => removeSite(site));

describe("atomic builds", () => {
  it("leaves the previous output exactly as it was when the content is broken, and keeps the image cache", async () => {
    const before = await hashTree(site.outputDir);
    const cache = await hashTree(site.cacheDir);
    await writeContent(site, "articles/2026/broken.md", "---\nheadline: Broken\nbyline: nobody\ndate: 2026-03-05\nsection: news\n---\nText.\n");
    const run = await runBuildCli(site);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/articles\/2026\/broken\.md:3 byline: unknown author "nobody"/);
    expect(await hashTree(site.outputDir)).toEqual(before);
    expect(await hashTree(site.cacheDir)).toEqual(cache);
    const siblings = await fs.readdir(site.root);
    expect(siblings.filter((name) => name.startsWith("_site."))).toEqual([]);
    await fs.rm(path.join(site.contentDir, "articles/2026/broken.md"));
  });

  it("fails on a broken link found after it started indexing a changed shard, keeps the output, and the next build recovers", async () => {
    // The edit changes the article's search shard, which is indexed as soon as the search is planned,
    // before the pages are: the broken link is found after that, while the pages are planned.
    const file = path.join(site.contentDir, "articles/2026/date-only.md");
    const original = await fs.readFile(file, "utf8");
    const before = await hashTree(site.outputDir);
    await writeContent(site, "articles/2026/date-only.md", `${original.trimEnd()}\n\nSee [the archive](/no-such-page/).\n`);
    expect(await buildError(site)).toMatch(/articles\/2026\/date-only\.md:\d+ .*"\/no-such-page\/" goes to no page of this site/);
    expect(await hashTree(site.outputDir)).toEqual(before);
    await writeContent(site, "articles/2026/date-only.md", original);
    const again = await runBuildCli(site);
    expect(again.status, again.output).toBe(0);
    // The aborted shard left nothing behind that the next build kept: stored shards and what each holds.
    const stored = await fs.readdir(path.join(site.cacheDir, "build", "search"));
    expect(stored.filter((name) => name.includes(".") && !stored.includes(name.replace(/\.contents\.json$/, "")))).toEqual([]);
    expect(await hashTree(site.outputDir)).toEqual(before);
  });

  it("fails on a broken link while the last build's pages are being linked into a new folder (a CI runner), leaves no folder and the cache as it was", async () => {
    // No output, a restored cache: the last build's pages are linked into the new folder while the
    // build plans; the plan then fails.
    const file = path.join(site.contentDir, "articles/2026/date-only.md");
    const original = await fs.readFile(file, "utf8");
    const before = await hashTree(site.outputDir);
    await fs.rm(site.outputDir, { recursive: true });
    const pages = await hashTree(path.join(site.cacheDir, "build", "pages"));
    await writeContent(site, "articles/2026/date-only.md", `${original.trimEnd()}\n\nSee [the archive](/no-such-page/).\n`);
    expect(await buildError(site)).toMatch(/"\/no-such-page\/" goes to no page of this site/);
    expect((await fs.readdir(site.root)).filter((name) => name.startsWith("_site"))).toEqual([]);
    // Every stored page as it was (the edited story's search document, written ahead, may be new).
    const after = await hashTree(path.join(site.cacheDir, "build", "pages"));
    expect(Object.entries(pages).filter(([name, hash]) => after[name] !== hash)).toEqual([]);
    await writeContent(site, "articles/2026/date-only.md", original);
    const again = await runBuildCli(site);
    expect(again.status, again.output).toBe(0);
    expect(await hashTree(site.outputDir)).toEqual(before);
  });

  it("removes every trace of a deleted article: page, feed entries, sitemap entry, images", async () => {
    const gone = "/2026/03/05/date-only/";
    await writeContent(site, "articles/2026/date-only.md", (await fs.readFile(path.join(site.contentDir, "articles/2026/date-only.md"), "utf8")).replace("section: business", "section: business\nphoto: ../2026/harbour.jpg\nalt: A\ncaption: C"));
    expect((await runBuildCli(site)).status).toBe(0);
    // Every image file the two articles' photos use (both use harbour.jpg; both are deleted below).
    const photoFiles = new Set<string>();
    for (const page of [gone, "/2026/03/05/harbour-vote/"]) {
      const $ = load(await fs.readFile(path.join(site.outputDir, page, "index.html"), "utf8"));
      for (const url of referencedUrls($("figure").toString())) if (url.includes("/img/")) photoFiles.add(path.basename(url));
    }
    expect(photoFiles.size).toBeGreaterThanOrEqual(6);
    await fs.rm(path.join(site.contentDir, "articles/2026/date-only.md"));
    await fs.rm(path.join(site.contentDir, "articles/2026/harbour-vote.md"));
    const run = await runBuildCli(site);
    expect(run.status, run.output).toBe(0);
    await expect(fs.access(path.join(site.outputDir, gone, "index.html"))).rejects.toThrow();
    const files = await hashTree(site.outputDir);
    for (const file of Object.keys(files)) {
      if (!/\.(html|xml|json|txt)$/.test(file)) continue;
      const text = await fs.readFile(path.join(site.outputDir, file), "utf8");
      expect(text.includes(gone), file).toBe(false);
    }
    const left = await fs.readdir(path.join(site.outputDir, "img")).catch(() => [] as string[]);
    expect(left.filter((name) => photoFiles.has(name))).toEqual([]);
  });
});
