// The site works when published under a sub-path: every internal href and src of every page of the
// sample newsroom, built with baseUrl https://example.org/news/, resolves to a file in the output.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readPage, removeSite, REPO, runBuildCli, SHARED_IMAGE_CACHE, type FixtureSite } from "./helpers/site.ts";
import { checkLinks, referencedUrls } from "./helpers/links.ts";
import { editSettings } from "./helpers/settings.ts";

let site: FixtureSite;

beforeAll(async () => {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), "dateline-prefix-"));
  site = { root, contentDir: path.join(root, "content"), outputDir: path.join(root, "_site"), cacheDir: path.join(root, "cache") };
  await fs.cp(path.join(REPO, "content"), site.contentDir, { recursive: true });
  // The fixture builds' shared image cache: this test is about addresses, not encoding.
  await fs.mkdir(site.cacheDir, { recursive: true });
  await fs.symlink(SHARED_IMAGE_CACHE, path.join(site.cacheDir, "images"));
  await editSettings(site, (settings) => settings.replace("baseUrl: https://ledger.example.org/", "baseUrl: https://example.org/news/"));
  const run = await runBuildCli(site);
  expect(run.status, run.output).toBe(0);
});
afterAll(() => removeSite(site));

describe("a site under a path prefix", () => {
  it("has no internal link, image or stylesheet outside /news/ or pointing at a missing file", async () => {
    const report = await checkLinks({ outputDir: site.outputDir, origin: "https://example.org", prefix: "/news/" });
    expect(report.pages.length).toBeGreaterThan(30);
    expect(report.broken).toEqual([]);
    // /admin/ (the CMS, issue 16) is for editors: nothing links to it.
    expect(report.orphans).toEqual(["/news/404.html", "/news/admin/"]);
  });

  it("prefixes root-relative URLs and absolute URLs alike", async () => {
    const $ = await readPage(site, "/2026/11/19/storm-floods-harbour-front/");
    const rootRelative = referencedUrls($.html()).filter((url) => url.startsWith("/"));
    expect(rootRelative.length).toBeGreaterThan(20);
    expect(rootRelative.filter((url) => !url.startsWith("/news/"))).toEqual([]);
    expect($('link[rel="canonical"]').attr("href")).toBe("https://example.org/news/2026/11/19/storm-floods-harbour-front/");
    expect($(".figure--lead img").attr("src")).toMatch(/^\/news\/img\/[\w-]+\.jpeg$/);
  });
});
