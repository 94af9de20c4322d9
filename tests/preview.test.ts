// Drafts and scheduled (future-dated) articles: shown and bannered in the live preview (`npm start`),
// left out of production builds and named in the build summary.
import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { load } from "cheerio";
import { leavesMarker, makeSite, removeSite, runBuildCli, writeContent, type FixtureSite } from "./helpers/site.ts";
import { startPreview, type PreviewProcess } from "./helpers/preview.ts";

const NOW = "2026-03-10T12:00:00-06:00";
let site: FixtureSite;

beforeAll(async () => {
  site = await makeSite();
  await writeContent(site, "articles/2026/draft.md", "---\nheadline: Draft story\nbyline: li-wei\ndate: 2026-03-08\nsection: news\ndraft: true\n---\nNot ready.\n");
  // 06:00 at -06:00 is 7:00 CDT in Chicago: daylight saving time began on March 8.
  await writeContent(site, "articles/2026/tomorrow.md", "---\nheadline: Embargoed story\nbyline: li-wei\ndate: 2026-03-11T06:00:00-06:00\nsection: news\n---\nUnder embargo.\n");
});
afterAll(() => removeSite(site));

describe("production build", () => {
  it("leaves drafts and scheduled articles out and says so in the summary", async () => {
    const run = await runBuildCli(site, { DATELINE_NOW: NOW });
    expect(run.status, run.output).toBe(0);
    expect(run.stdout).toMatch(/1 draft skipped: articles\/2026\/draft\.md/);
    expect(run.stdout).toMatch(/1 scheduled skipped: articles\/2026\/tomorrow\.md/);
    for (const page of ["2026/03/08/draft", "2026/03/11/tomorrow"]) {
      await expect(fs.access(path.join(site.outputDir, page, "index.html"))).rejects.toThrow();
    }
    const feed = await fs.readFile(path.join(site.outputDir, "feed.xml"), "utf8");
    expect(feed).not.toContain("Embargoed story");
  });

  it("publishes a scheduled article once its time has come", async () => {
    const run = await runBuildCli(site, { DATELINE_NOW: "2026-03-11T06:00:00-06:00" });
    expect(run.status, run.output).toBe(0);
    await expect(fs.access(path.join(site.outputDir, "2026/03/11/tomorrow/index.html"))).resolves.toBeUndefined();
  });
});

describe("live preview (npm start)", () => {
  let preview: PreviewProcess | undefined;
  afterAll(() => preview?.stop());

  it("shows drafts and scheduled articles, each bannered, marks every page noindex, and never writes the published site", async () => {
    await fs.rm(site.outputDir, { recursive: true, force: true });
    // A template left in the preview's Eleventy input folder (its cache may be restored from elsewhere) is never run.
    const planted = path.join(site.cacheDir, "preview", "eleventy-input");
    const ran = path.join(site.root, "ran-planted");
    await fs.mkdir(planted, { recursive: true });
    await fs.writeFile(path.join(planted, "planted.11ty.js"), leavesMarker(ran));
    preview = await startPreview(site, { DATELINE_NOW: NOW });
    const page = async (sitePath: string) => load((await preview!.fetch(sitePath)).text);
    const draft = await page("/2026/03/08/draft/");
    expect(draft(".article__draft").text()).toBe("Draft: not published");
    const scheduled = await page("/2026/03/11/tomorrow/");
    expect(scheduled(".article__draft").text()).toBe("Scheduled for March 11, 2026 at 7:00 AM CDT: not published yet");
    const published = await page("/2026/03/05/harbour-vote/");
    expect(published(".article__draft")).toHaveLength(0);
    // Every page the preview wrote says noindex: a preview deployed by mistake stays out of search engines.
    const pages = (await fs.readdir(preview.output, { recursive: true })).filter((file) => file.endsWith(".html"));
    expect(pages.length).toBeGreaterThan(10);
    for (const file of pages) {
      expect(load(await fs.readFile(path.join(preview.output, file), "utf8"))('meta[name="robots"]').attr("content"), file).toBe("noindex");
    }
    // Its search index: the shard, and the index of the whole site the search page loads.
    for (const index of ["pagefind/2026", "pagefind/all"]) {
      const entry = JSON.parse(await fs.readFile(path.join(preview.output, index, "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
      expect(Object.values(entry.languages)[0]?.page_count, index).toBeGreaterThan(0);
    }
    // Its feeds list the draft; nothing of it reaches the published site's folder.
    expect(await fs.readFile(path.join(preview.output, "feed.xml"), "utf8")).toContain("Draft story");
    await expect(fs.access(site.outputDir)).rejects.toThrow();
    await expect(fs.access(ran)).rejects.toThrow();
    expect(await fs.readdir(planted)).toEqual([]);
  });

  it("leaves a later production build exactly as one without a preview", async () => {
    const withPreview = await runBuildCli(site, { DATELINE_NOW: NOW });
    expect(withPreview.status, withPreview.output).toBe(0);
    const after = await fileContents(site.outputDir);
    const clean = await makeSite();
    try {
      await fs.rm(clean.contentDir, { recursive: true });
      await fs.cp(site.contentDir, clean.contentDir, { recursive: true });
      // The same content path matters only for messages; the output is compared file by file.
      const alone = await runBuildCli(clean, { DATELINE_NOW: NOW });
      expect(alone.status, alone.output).toBe(0);
      expect(await fileContents(clean.outputDir)).toEqual(after);
    } finally {
      await removeSite(clean);
    }
  });
});

async function fileContents(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of (await fs.readdir(dir, { recursive: true, withFileTypes: true })).filter((item) => item.isFile())) {
    const file = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, file), (await fs.readFile(file)).toString("base64"));
  }
  return new Map([...files.entries()].sort((a, b) => a[0].localeCompare(b[0])));
}
