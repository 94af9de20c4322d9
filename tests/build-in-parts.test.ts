// A build in parts (src/parts/, docs/build-in-parts.md) must publish exactly the site a single build
// publishes: every file byte for byte, except the search index, which is one Pagefind bundle per
// part that the search page merges in the reader's browser. Parts are tiny here (2 articles) so a
// six-article newsroom spans three parts of article pages plus the listings run.
import fs from "node:fs/promises";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Browser, Page } from "playwright-core";
import { load } from "cheerio";
import { loadNewsroom, loadNewsroomInParts } from "../src/content/newsroom.ts";
import { buildLoadOptions } from "../src/content/load-for-build.ts";
import { planArticleParts } from "../src/parts/plan.ts";
import type { Article } from "../src/content/types.ts";
import { ContentError } from "../src/content/errors.ts";
import { buildError, buildSite, buildSiteInParts, makeSite, readPage, removeSite, REPO, writeContent, type FixtureSite } from "./helpers/site.ts";
import { launchChromium, serveSite, type StaticServer } from "./helpers/browser.ts";

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; connect-src 'self'; img-src 'self'; style-src 'self'; base-uri 'none'; object-src 'none'";
const PART_SIZE = 2;

let single: FixtureSite;
let parts: FixtureSite;
let singleLog: string[];
let partsLog: string[];

/** Runs `build` with console.log captured. */
async function logged(build: () => Promise<unknown>): Promise<string[]> {
  const log = vi.spyOn(console, "log").mockImplementation(() => {});
  try {
    await build();
    return log.mock.calls.flatMap((call) => call.join(" ").split("\n"));
  } finally {
    log.mockRestore();
  }
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

const isSearchIndex = (file: string) => file.startsWith("pagefind/");

beforeAll(async () => {
  single = await makeSite("build-in-parts");
  parts = await makeSite("build-in-parts");
  singleLog = await logged(() => buildSite(single));
  partsLog = await logged(() => buildSiteInParts(parts, PART_SIZE));
});

afterAll(async () => {
  await removeSite(single);
  await removeSite(parts);
});

describe("a build in parts", () => {
  it("writes the same files, byte for byte, as a single build, except the search index and the page that loads it", async () => {
    const [singleFiles, partFiles] = await Promise.all([listFiles(single.outputDir), listFiles(parts.outputDir)]);
    expect(partFiles.filter((file) => !isSearchIndex(file))).toEqual(singleFiles.filter((file) => !isSearchIndex(file)));
    // Article pages, listings, feeds (full text), sitemaps, editions, images, _headers…
    expect(singleFiles).toEqual(expect.arrayContaining(["2024/04/02/spring-market/index.html", "feed.xml", "feed.json", "sitemap.xml", "_headers", "tags/harbour/index.html"]));
    expect(singleFiles.filter((file) => file.startsWith("img/")).length).toBeGreaterThan(10);
    const differing: string[] = [];
    for (const file of singleFiles.filter((name) => !isSearchIndex(name))) {
      const [a, b] = await Promise.all([fs.readFile(path.join(single.outputDir, file)), fs.readFile(path.join(parts.outputDir, file))]);
      if (!a.equals(b)) differing.push(file);
    }
    expect(differing).toEqual(["search/index.html"]);
    const withoutBundles = (html: string) => {
      const $ = load(html);
      $("[data-search-bundle]").removeAttr("data-search-bundle").removeAttr("data-search-merge");
      return $.html();
    };
    const [a, b] = await Promise.all([single, parts].map((site) => fs.readFile(path.join(site.outputDir, "search/index.html"), "utf8")));
    expect(withoutBundles(b ?? "")).toBe(withoutBundles(a ?? ""));
  });

  it("renders each article's body (live updates and figures too) only in its own part, and feeds carry full text", async () => {
    const $ = await readPage(parts, "/2025/07/19/lighthouse-live/");
    expect($(".live-update").length).toBe(2);
    expect($("body").text()).toContain("lanternfish");
    const market = await readPage(parts, "/2024/04/02/spring-market/");
    expect(market("figure img, figure source").length).toBeGreaterThan(0);
    const feed = await fs.readFile(path.join(parts.outputDir, "feed.xml"), "utf8");
    expect(feed).toContain("sextant");
    // Hostile front matter stays escaped in the parts' pages as in a single build.
    expect(market("h1").text()).toBe(`Spring market <script>alert('opens')</script> & "more"`);
    expect(market("script:not([type]), script[type='text/javascript']").length).toBe(0);
  });

  it("writes one search index per part, months kept whole, oldest part first in time and newest first on the search page", async () => {
    const bundles = (await fs.readdir(path.join(parts.outputDir, "pagefind"))).sort();
    expect(bundles).toEqual(["2024-01--2024-04", "2025-07", "2026-03"]);
    const counts = await Promise.all(
      bundles.map(async (bundle) => {
        const entry = JSON.parse(await fs.readFile(path.join(parts.outputDir, "pagefind", bundle, "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
        return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
      }),
    );
    expect(counts).toEqual([2, 2, 2]);
    const $ = await readPage(parts, "/search/");
    const root = $("[data-search]");
    expect(root.attr("data-search-bundle")).toBe("/pagefind/2026-03/");
    expect(root.attr("data-search-merge")).toBe("/pagefind/2025-07/ /pagefind/2024-01--2024-04/");
    const singlePage = await readPage(single, "/search/");
    expect(singlePage("[data-search]").attr("data-search-bundle")).toBe("/pagefind/");
    expect(singlePage("[data-search]").attr("data-search-merge")).toBeUndefined();
  });

  it("reports each run and ends with the same summary as a single build", () => {
    const runs = partsLog.filter((line) => line.startsWith("[dateline] run "));
    expect(runs.map((line) => line.replace(/ in [\d.]+ s$/, ""))).toEqual([
      "[dateline] run 2024-01--2024-04: 2 files",
      "[dateline] run 2025-07: 2 files",
      "[dateline] run 2026-03: 2 files",
      // Then every other template in a run of its own (a listing of 100,000 articles is ~35,000 pages).
      ...["front", "section", "tag", "author", "archive", "not-found", "feed-atom", "feed-json", "sitemap", "robots", "edition", "edition-archive", "edition-feed", "search", "headers"].map((name) =>
        expect.stringMatching(new RegExp(`^\\[dateline\\] run ${name}: [1-9]\\d* files?$`)),
      ),
    ]);
    const summary = (lines: string[]) => lines.filter((line) => /^\[dateline\] \d+ articles,/.test(line)).map((line) => line.replace(/ in [\d.]+ s;/, ";"));
    expect(summary(partsLog)).toEqual(summary(singleLog));
    expect(summary(singleLog)).toEqual([expect.stringMatching(/^\[dateline\] 6 articles, 2 authors, 2 sections, \d+ tags; \d+ pages written; no warnings$/)]);
    // Each build has its own cold cache: the same files are encoded. ("reused" counts uses, and a
    // build in parts renders the bodies its feeds carry twice: in their part and for the feeds.)
    const encoded = (lines: string[]) => lines.find((line) => line.startsWith("[dateline] images:"))?.match(/(\d+) encoded/)?.[1];
    expect(encoded(partsLog)).toBe(encoded(singleLog));
    expect(Number(encoded(singleLog))).toBeGreaterThan(0);
  });
});

describe("the parts' search indexes in a reader's browser", () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    server = await serveSite(parts.outputDir, { headers: { "content-security-policy": CSP } });
    browser = await launchChromium();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function search(query: string): Promise<string[]> {
    await page.goto(`${server.origin}/search/?q=${encodeURIComponent(query)}`);
    await page.locator("[data-search-status]").filter({ hasText: /results? for '/ }).waitFor();
    return page.locator(".search-result a").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  }

  it.each([
    ["sextant", "the oldest part", "/2024/01/10/winter-ferry/"],
    ["lanternfish", "the middle part", "/2025/07/19/lighthouse-live/"],
    ["catamaran", "no part", undefined],
  ])("finds '%s' in %s", async (word, _where, expected) => {
    expect(await search(word)).toEqual(expected ? [expected] : []);
  });

  it("ranks results from every part together", async () => {
    // "harbour" is in articles of all three parts.
    const found = await search("harbour");
    expect(found).toEqual(expect.arrayContaining(["/2024/01/10/winter-ferry/", "/2025/07/20/regatta/", "/2026/03/05/harbour-vote/"]));
  });
});

describe("loading in parts", () => {
  it("lists every article without its body, and renders the same articles as a single load when asked", async () => {
    const site = await makeSite("build-in-parts");
    try {
      const options = buildLoadOptions({ contentDir: site.contentDir, includeDrafts: false, cacheDir: site.cacheDir });
      const whole = await loadNewsroom(options);
      const inParts = await loadNewsroomInParts(options);
      const light = inParts.newsroom.articles;
      expect(light.map((article) => article.id)).toEqual(whole.articles.map((article) => article.id));
      for (const article of light) expect(() => article.bodyHtml).toThrow(/\[parts\] the body of articles\/.+ was read in a part of the build that did not render it/);
      const live = light.find((article) => article.live);
      expect(live?.live?.status).toBe("ended");
      expect(() => live?.live?.updates).toThrow(/live updates/);
      const rendered = await inParts.withBodies(light);
      expect(rendered).toEqual(whole.articles);
    } finally {
      await removeSite(site);
    }
  });

  it("stops with a clear message when a file changes its URL between the listing and its part", async () => {
    const site = await makeSite("build-in-parts");
    try {
      const options = buildLoadOptions({ contentDir: site.contentDir, includeDrafts: false, cacheDir: site.cacheDir });
      const { newsroom, withBodies } = await loadNewsroomInParts(options);
      const file = path.join(site.contentDir, "articles/2025/regatta.md");
      await fs.writeFile(file, (await fs.readFile(file, "utf8")).replace("section: news", "section: news\nslug: regatta-2025"));
      const error = await withBodies(newsroom.articles).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ContentError);
      expect((error as Error).message).toContain("articles/2025/regatta.md");
      expect((error as Error).message).toContain("changed while the site was being built (its URL is now /2025/07/20/regatta-2025/); build again");
    } finally {
      await removeSite(site);
    }
  });

  it("stops on an editor's mistake with the single build's message and leaves the output as it was", async () => {
    const site = await makeSite("build-in-parts");
    try {
      await writeContent(site, "articles/2025/unknown-author.md", "---\nheadline: Who wrote this\nbyline: nobody\ndate: 2025-08-01\nsection: news\n---\nText.\n");
      const expected = await buildError(site);
      await fs.rm(site.outputDir, { recursive: true, force: true });
      const error = await logged(() => buildSiteInParts(site, PART_SIZE)).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ContentError);
      expect(expected).toContain((error as Error).message);
      expect((error as Error).message).toContain('unknown author "nobody"');
      await expect(fs.access(site.outputDir)).rejects.toThrow();
      expect((await fs.readdir(site.root)).filter((name) => name.includes("building"))).toEqual([]);
    } finally {
      await removeSite(site);
    }
  });
});

describe("planning parts", () => {
  const article = (day: string) => ({ id: day, published: { day } }) as unknown as Article;

  it("keeps months whole, fills parts up to the size in date order, and gives a month larger than the size a part of its own", () => {
    const articles = ["2024-01-03", "2024-01-09", "2024-02-01", "2024-03-05", "2024-03-06", "2024-03-07", "2024-04-01"].map(article).reverse();
    const plan = planArticleParts(articles, 2);
    expect(plan.map((part) => [part.id, part.articles.map((a) => a.id).sort()])).toEqual([
      ["2024-01", ["2024-01-03", "2024-01-09"]],
      ["2024-02", ["2024-02-01"]],
      ["2024-03", ["2024-03-05", "2024-03-06", "2024-03-07"]],
      ["2024-04", ["2024-04-01"]],
    ]);
    expect(planArticleParts(articles, 4).map((part) => part.id)).toEqual(["2024-01--2024-02", "2024-03--2024-04"]);
    expect(planArticleParts(articles, 100).map((part) => part.id)).toEqual(["2024-01--2024-04"]);
    expect(planArticleParts([], 2)).toEqual([]);
  });
});

describe("npm run build --part-size", () => {
  it.each(["0", "ten", "2.5"])("refuses --part-size %s with a usage error", (value) => {
    const result = spawnSync(process.execPath, ["--import", "tsx", path.join(REPO, "src/cli/build.ts"), "--part-size", value], { cwd: REPO, encoding: "utf8" });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`--part-size must be a whole number above 0, not "${value}"`);
    expect(result.stderr).toContain("usage: npm run build");
  });
});
