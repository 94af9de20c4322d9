// sitemap.xml, the Google News sitemap and robots.txt (issue: feeds, sitemaps, robots): the pure
// builders, then real builds at fixed times (DATELINE_NOW) parsed with an XML parser.
import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { buildSite, makeSite, removeSite, runBuildCli, writeContent, type FixtureSite } from "./helpers/site.ts";
import { htmlUrls } from "./helpers/html.ts";
import { sitemapSchemaErrors } from "./helpers/xsd.ts";
import { editSettings } from "./helpers/settings.ts";
import { formatLastmod, renderSitemapFile, renderUrlset, sitemapFiles, sitemapUrls } from "../src/site/sitemaps/sitemap.ts";
import { articlesInNewsWindow, NEWS_NAMESPACE, newsLanguage, newsSitemapEntry, newsSitemapItems, renderNewsUrlset } from "../src/site/sitemaps/news.ts";
import { robotsTxt } from "../src/site/sitemaps/robots.ts";
import { createSite } from "../src/site/site.ts";
import { parseMoment } from "../src/dates.ts";
import { settingsSchema } from "../src/content/schema.ts";
import type { Author, Teaser } from "../src/content/types.ts";

// ---------------------------------------------------------------------------------------------
// Helpers

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => ["url", "sitemap", "entry", "link"].includes(name),
});

interface UrlEntry {
  loc: string;
  lastmod?: string;
  "news:news"?: {
    "news:publication": { "news:name": string; "news:language": string };
    "news:publication_date": string;
    "news:title": string;
  };
}
type Urlset = { "@xmlns": string; "@xmlns:news"?: string; url?: UrlEntry[] };

async function readOutput(site: FixtureSite, sitePath: string): Promise<string> {
  return fs.readFile(path.join(site.outputDir, sitePath), "utf8");
}

async function readXml<T>(site: FixtureSite, sitePath: string): Promise<T> {
  const raw = await readOutput(site, sitePath);
  expect(XMLValidator.validate(raw), sitePath).toBe(true);
  return parser.parse(raw) as T;
}

/** A built sitemap, checked against the sitemaps.org schema (with the News extension) and parsed. */
async function readUrlset(site: FixtureSite, sitePath: string): Promise<Urlset> {
  expect(await sitemapSchemaErrors(await readOutput(site, sitePath)), sitePath).toEqual([]);
  return (await readXml<{ urlset: Urlset }>(site, sitePath)).urlset;
}

/** Builds in this process with the build's "now" fixed. */
async function buildAt(site: FixtureSite, now: string): Promise<void> {
  const previous = process.env["DATELINE_NOW"];
  process.env["DATELINE_NOW"] = now;
  try {
    await buildSite(site);
  } finally {
    if (previous === undefined) delete process.env["DATELINE_NOW"];
    else process.env["DATELINE_NOW"] = previous;
  }
}

const ORIGIN = "https://gazette.example.org";
const ZONE = "America/Chicago";

// ---------------------------------------------------------------------------------------------
// Pure functions

const site = createSite(
  settingsSchema.parse({
    name: "The Ledger",
    baseUrl: "https://ledger.example.org/",
    language: "en-GB",
    timeZone: ZONE,
    sections: [
      { slug: "news", title: "News" },
      { slug: "sport", title: "Sport" },
    ],
    newsletter: { action: "https://newsletter.example.org/subscribe" },
  }),
);
const prefixed = { ...site, origin: "https://example.org", pathPrefix: "/news/" };
const ana = { id: "ana-ruiz", name: "Ana Ruiz", path: "/authors/ana-ruiz/" } as Author;
const li = { id: "li-wei", name: "Li Wei", path: "/authors/li-wei/" } as Author;

function fakeArticle(slug: string, date: string, extra: Partial<Teaser> = {}): Teaser {
  const published = parseMoment(date, ZONE);
  const [year, month, day] = published.day.split("-");
  return { id: `articles/${slug}.md`, headline: slug, path: `/${year}/${month}/${day}/${slug}/`, published, section: site.sections[0], authors: [ana], tags: [], ...extra } as Teaser;
}

describe("formatLastmod", () => {
  it("writes the offset time, or a plain date when the editor gave no time", () => {
    expect(formatLastmod(parseMoment("2026-03-05T21:30:00-06:00", ZONE))).toBe("2026-03-05T21:30:00-06:00");
    expect(formatLastmod(parseMoment("2026-03-05", ZONE))).toBe("2026-03-05");
  });
});

describe("sitemapUrls", () => {
  const older = fakeArticle("older", "2026-03-01T09:00:00-06:00", { updated: parseMoment("2026-03-06T10:00:00-06:00", ZONE), authors: [ana, li] });
  const newer = fakeArticle("newer", "2026-03-05");
  const urls = sitemapUrls(site, [newer, older], [ana, li, { ...ana, id: "desk", path: "/authors/desk/" }]);

  it("lists the front page, sections, authors and every article, in that order", () => {
    expect(urls.map((url) => url.loc)).toEqual([
      "https://ledger.example.org/",
      "https://ledger.example.org/news/",
      "https://ledger.example.org/sport/",
      "https://ledger.example.org/authors/ana-ruiz/",
      "https://ledger.example.org/authors/li-wei/",
      "https://ledger.example.org/authors/desk/",
      "https://ledger.example.org/2026/03/05/newer/",
      "https://ledger.example.org/2026/03/01/older/",
    ]);
  });

  it("dates articles by updated, else date, and list pages by the newest change they list", () => {
    expect(urls.map((url) => url.lastmod)).toEqual([
      "2026-03-06T10:00:00-06:00",
      "2026-03-06T10:00:00-06:00",
      undefined,
      "2026-03-06T10:00:00-06:00",
      "2026-03-06T10:00:00-06:00",
      undefined,
      "2026-03-05",
      "2026-03-06T10:00:00-06:00",
    ]);
  });

  it("renders a valid urlset that omits a missing lastmod", () => {
    const xml = renderUrlset(urls.slice(1, 3));
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(parser.parse(xml).urlset.url).toEqual([{ loc: "https://ledger.example.org/news/", lastmod: "2026-03-06T10:00:00-06:00" }, { loc: "https://ledger.example.org/sport/" }]);
  });
});

describe("sitemapFiles", () => {
  const render = (items: readonly number[]) => items.join(",");
  const sitemapXml = (...args: Parameters<typeof sitemapFiles<number>>) => sitemapFiles(...args).map((file) => ({ path: file.path, xml: renderSitemapFile(file, render) }));

  it("writes one file while the items fit", () => {
    expect(sitemapXml(site, "/news-sitemap.xml", [1, 2], 2)).toEqual([{ path: "/news-sitemap.xml", xml: "1,2" }]);
    expect(sitemapXml(site, "/news-sitemap.xml", [], 2)).toEqual([{ path: "/news-sitemap.xml", xml: "" }]);
  });

  it("splits past the limit into numbered files and an index at the usual path, valid against the schema", async () => {
    const files = sitemapXml(prefixed, "/news-sitemap.xml", [1, 2, 3, 4, 5], 2);
    expect(files.map((file) => file.path)).toEqual(["/news-sitemap.xml", "/news-sitemap-1.xml", "/news-sitemap-2.xml", "/news-sitemap-3.xml"]);
    expect(files.slice(1).map((file) => file.xml)).toEqual(["1,2", "3,4", "5"]);
    expect(await sitemapSchemaErrors(files[0]?.xml ?? "")).toEqual([]);
    const index = parser.parse(files[0]?.xml ?? "").sitemapindex;
    expect(index["@xmlns"]).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
    expect(index.sitemap.map((entry: { loc: string }) => entry.loc)).toEqual([
      "https://example.org/news/news-sitemap-1.xml",
      "https://example.org/news/news-sitemap-2.xml",
      "https://example.org/news/news-sitemap-3.xml",
    ]);
  });
});

describe("articlesInNewsWindow", () => {
  const now = new Date("2026-03-10T12:00:00Z");
  const at = (slug: string, iso: string) => fakeArticle(slug, iso);

  it("never lists a sponsored story (issue 18)", () => {
    const articles = [at("ad", "2026-03-10T11:00:00Z"), at("news", "2026-03-10T10:00:00Z")].map((teaser, index) => ({ ...teaser, type: index === 0 ? ("sponsored" as const) : ("news" as const) }));
    expect(articlesInNewsWindow(articles, now).map((article) => article.headline)).toEqual(["news"]);
  });

  it("keeps articles from exactly 48 hours before now up to now, and nothing later", () => {
    const articles = [
      at("future", "2026-03-10T12:00:01Z"),
      at("now", "2026-03-10T12:00:00Z"),
      at("h47", "2026-03-08T13:00:00Z"),
      at("h48", "2026-03-08T12:00:00Z"),
      at("h48-and-a-second", "2026-03-08T11:59:59Z"),
      at("h49", "2026-03-08T11:00:00Z"),
    ];
    expect(articlesInNewsWindow(articles, now).map((article) => article.headline)).toEqual(["now", "h47", "h48"]);
  });
});

describe("newsLanguage", () => {
  it("is the primary subtag, with Google's two Chinese exceptions", () => {
    expect(newsLanguage("en-US")).toBe("en");
    expect(newsLanguage("fr")).toBe("fr");
    expect(newsLanguage("PT-br")).toBe("pt");
    expect(newsLanguage("zh-CN")).toBe("zh-cn");
    expect(newsLanguage("zh-Hans")).toBe("zh-cn");
    expect(newsLanguage("zh")).toBe("zh-cn");
    expect(newsLanguage("zh-TW")).toBe("zh-tw");
    expect(newsLanguage("zh-Hant-HK")).toBe("zh-tw");
  });
});

describe("renderNewsUrlset", () => {
  it("lists the front page, without news tags, for a site with no story yet: a urlset needs a URL (issue 18)", async () => {
    const xml = renderNewsUrlset(newsSitemapItems([], new Date("2026-03-10T12:00:00Z"), site), site);
    expect(await sitemapSchemaErrors(xml)).toEqual([]);
    const urlset = parser.parse(xml).urlset as Urlset;
    expect(urlset["@xmlns:news"]).toBe(NEWS_NAMESPACE);
    expect(urlset.url).toEqual([{ loc: "https://ledger.example.org/" }]);
  });

  it("writes a date without a time as a date (issue 18)", async () => {
    const xml = renderNewsUrlset([newsSitemapEntry(fakeArticle("day", "2026-03-05"), site, true)], site);
    expect(await sitemapSchemaErrors(xml)).toEqual([]);
    expect((parser.parse(xml).urlset as Urlset).url?.[0]?.["news:news"]?.["news:publication_date"]).toBe("2026-03-05");
  });

  it("escapes a hostile headline and site name", async () => {
    const article = fakeArticle("x", "2026-03-05T10:00:00-06:00", { headline: `<script>alert(1)</script> & "q"` });
    const xml = renderNewsUrlset([newsSitemapEntry(article, site, true)], { ...site, name: "A & B <News>" });
    expect(await sitemapSchemaErrors(xml)).toEqual([]);
    const url = (parser.parse(xml).urlset as Urlset).url?.[0];
    expect(url?.["news:news"]?.["news:title"]).toBe(`<script>alert(1)</script> & "q"`);
    expect(url?.["news:news"]?.["news:publication"]["news:name"]).toBe("A & B <News>");
    expect(url?.["news:news"]?.["news:publication"]["news:language"]).toBe("en");
  });
});

describe("robotsTxt", () => {
  it("allows everything and names both sitemaps by absolute URL", () => {
    expect(robotsTxt(prefixed)).toBe("User-agent: *\nAllow: /\n\nSitemap: https://example.org/news/sitemap.xml\nSitemap: https://example.org/news/news-sitemap.xml\n");
  });
});

// ---------------------------------------------------------------------------------------------
// Built sites

describe("a site built at a fixed time", () => {
  const NOW = "2026-03-10T12:00:00Z";
  let built: FixtureSite;
  let sitemap: string;

  beforeAll(async () => {
    built = await makeSite("news-sitemap-window");
    // Through the CLI, as `npm run build` runs: DATELINE_NOW reaches the build through the environment.
    const result = await runBuildCli(built, { DATELINE_NOW: NOW });
    if (result.status !== 0) throw new Error(result.output);
    sitemap = await readOutput(built, "/sitemap.xml");
  });
  afterAll(() => removeSite(built));

  it("lists the canonical content pages with lastmod from front matter", async () => {
    const urlset = await readUrlset(built, "/sitemap.xml");
    expect(urlset["@xmlns"]).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
    const lastmods = Object.fromEntries((urlset.url ?? []).map((url) => [url.loc.replace(ORIGIN, ""), url.lastmod]));
    // The article dated an hour after now is scheduled: not published, so not listed yet.
    // The harbour vote's correction (10:00) is later than its updated (08:15): it is the last change.
    expect(lastmods).toEqual({
      "/": "2026-03-08T08:00:00-05:00",
      "/news/": "2026-03-08T08:00:00-05:00",
      "/business/": "2026-03-05",
      "/tags/city-council/": "2026-03-06T10:00:00-06:00",
      "/tags/harbour/": "2026-03-06T10:00:00-06:00",
      "/authors/ana-ruiz/": "2026-03-06T10:00:00-06:00",
      "/authors/li-wei/": "2026-03-08T08:00:00-05:00",
      "/corrections/": "2026-03-06T10:00:00-06:00",
      "/2026/03/08/forty-seven-hours/": "2026-03-08T08:00:00-05:00",
      "/2026/03/08/forty-eight-hours/": "2026-03-08T07:00:00-05:00",
      "/2026/03/08/forty-nine-hours/": "2026-03-08T06:00:00-05:00",
      "/2026/03/05/harbour-vote/": "2026-03-06T10:00:00-06:00",
      "/2026/03/05/date-only/": "2026-03-05",
    });
  });

  it("puts in the News sitemap only what was published in the 48 hours up to now", async () => {
    const urlset = await readUrlset(built, "/news-sitemap.xml");
    expect(urlset["@xmlns:news"]).toBe("http://www.google.com/schemas/sitemap-news/0.9");
    expect((urlset.url ?? []).map((url) => url.loc)).toEqual([`${ORIGIN}/2026/03/08/forty-seven-hours/`, `${ORIGIN}/2026/03/08/forty-eight-hours/`]);
  });

  it("gives each News entry its publication, date with offset and headline", async () => {
    const [first] = (await readUrlset(built, "/news-sitemap.xml")).url ?? [];
    expect(first?.["news:news"]).toEqual({
      "news:publication": { "news:name": "The Fixture Gazette", "news:language": "en" },
      "news:publication_date": "2026-03-08T08:00:00-05:00",
      "news:title": "Published 47 hours before now",
    });
  });

  it("names both sitemaps in robots.txt", async () => {
    expect(await readOutput(built, "/robots.txt")).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${ORIGIN}/sitemap.xml\nSitemap: ${ORIGIN}/news-sitemap.xml\n`);
  });

  it("writes the same sitemap later (never the build time), while the News sitemap moves with the clock", async () => {
    await buildAt(built, "2026-03-10T12:59:59Z");
    expect(await readOutput(built, "/sitemap.xml")).toBe(sitemap);
    // A day later the scheduled article is published: it joins both sitemaps with its own time.
    await buildAt(built, "2026-03-11T12:00:00Z");
    const urlset = await readUrlset(built, "/news-sitemap.xml");
    expect((urlset.url ?? []).map((url) => url.loc)).toEqual([`${ORIGIN}/2026/03/10/in-the-future/`]);
    const all = (await readUrlset(built, "/sitemap.xml")).url ?? [];
    expect(all.find((url) => url.loc === `${ORIGIN}/2026/03/10/in-the-future/`)?.lastmod).toBe("2026-03-10T08:00:00-05:00");
  });

  it("keeps the News sitemap valid when nothing is recent: the newest story, without its news tags (issue 18)", async () => {
    await buildAt(built, "2030-01-01T00:00:00Z");
    const urlset = await readUrlset(built, "/news-sitemap.xml");
    expect(urlset["@xmlns"]).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
    expect(urlset["@xmlns:news"]).toBe(NEWS_NAMESPACE);
    expect(urlset.url).toEqual([{ loc: `${ORIGIN}/2026/03/10/in-the-future/` }]);
  });
});

describe("hostile text in the News sitemap", () => {
  let built: FixtureSite;

  beforeAll(async () => {
    built = await makeSite("hostile-fields");
    // Base's date-only article (midnight, March 5) is exactly "now": in. The harbour vote is later: out.
    await buildAt(built, "2026-03-05T00:00:00-06:00");
  });
  afterAll(() => removeSite(built));

  it("comes through as text", async () => {
    const urlset = await readUrlset(built, "/news-sitemap.xml");
    expect((urlset.url ?? []).map((url) => [url.loc, url["news:news"]?.["news:title"], url["news:news"]?.["news:publication"]["news:name"]])).toEqual([
      [`${ORIGIN}/2026/03/05/date-only/`, "Library extends weekend hours", `Gazette <script>alert("name")</script>`],
      [`${ORIGIN}/2026/03/04/hostile/`, "<script>alert('headline')</script>", `Gazette <script>alert("name")</script>`],
    ]);
    expect(await readOutput(built, "/news-sitemap.xml")).not.toContain("<script>");
  });
});

describe("a site under a path prefix", () => {
  let built: FixtureSite;
  const BASE = "https://example.org/news/";

  beforeAll(async () => {
    built = await makeSite();
    await editSettings(built, (settings) => settings.replace("baseUrl: https://gazette.example.org/", `baseUrl: ${BASE}`));
    await buildAt(built, "2026-03-06T00:00:00-06:00");
  });
  afterAll(() => removeSite(built));

  /** Every absolute URL in a file. */
  const urlsIn = (text: string) => [...text.matchAll(/https?:\/\/[^\s"'<>&]+/g)].map((match) => match[0]).filter((url) => !url.startsWith("http://www.w3.org/") && !/sitemaps\.org|google\.com|jsonfeed\.org/.test(url));

  it("writes sitemap and News sitemap URLs under the prefix", async () => {
    const locs = ((await readUrlset(built, "/sitemap.xml")).url ?? []).map((url) => url.loc);
    expect(locs).toContain(`${BASE}2026/03/05/harbour-vote/`);
    expect(locs).toContain(BASE);
    for (const loc of locs) expect(loc.startsWith(BASE)).toBe(true);
    const news = ((await readUrlset(built, "/news-sitemap.xml")).url ?? []).map((url) => url.loc);
    expect(news).toEqual([`${BASE}2026/03/05/harbour-vote/`, `${BASE}2026/03/05/date-only/`]);
    expect(await readOutput(built, "/robots.txt")).toContain(`Sitemap: ${BASE}sitemap.xml\nSitemap: ${BASE}news-sitemap.xml\n`);
  });

  it("writes feed URLs, content URLs and ids under the prefix", async () => {
    for (const file of ["/feed.xml", "/feed.json", "/news/feed.xml", "/authors/li-wei/feed.json"]) {
      const raw = await readOutput(built, file);
      const urls = urlsIn(raw.replace(/&quot;/g, '"').replace(/\\"/g, '"'));
      expect(urls.length, file).toBeGreaterThan(0);
      // Every URL on our host is under the prefix; the only other host is the article's external link.
      for (const url of urls) expect(url.startsWith(BASE) || url.startsWith("https://example.com/plan"), `${file}: ${url}`).toBe(true);
      // The articles' HTML in the feed, parsed: no link or image is left relative.
      const contents: string[] = file.endsWith(".json")
        ? (JSON.parse(raw) as { items: { content_html: string }[] }).items.map((item) => item.content_html)
        : [(parser.parse(raw) as { feed: { entry: unknown } }).feed.entry].flat().map((entry) => String((entry as { content: { "#text": string } }).content["#text"]));
      expect(contents.flatMap(htmlUrls).length, file).toBeGreaterThan(0);
      for (const url of contents.flatMap(htmlUrls)) expect(url.startsWith(BASE) || url.startsWith("https://example.com/plan"), `${file}: ${url}`).toBe(true);
    }
    const atom = parser.parse(await readOutput(built, "/feed.xml")).feed;
    expect(atom.link.find((link: Record<string, string>) => link["@rel"] === "self")["@href"]).toBe(`${BASE}feed.xml`);
    const json = JSON.parse(await readOutput(built, "/feed.json"));
    expect(json.items[0].id).toBe("tag:example.org,2026-03-05:/news/2026/03/05/harbour-vote/");
    expect(json.items[0].image).toMatch(/^https:\/\/example\.org\/news\/img\//);
    expect(json.items[0].content_html).toContain(`src="${BASE}img/`);
  });
});

describe("a newsroom past the per-file and per-feed limits", () => {
  let built: FixtureSite;
  const COUNT = 1001;

  beforeAll(async () => {
    built = await makeSite();
    // A thousand photo-less stories would each get a share card (~30 ms of drawing each on a first
    // run, before the shared image cache holds them): nothing here is about cards.
    await editSettings(built, (text) => `${text.trimEnd()}\nshareCards:\n  draw: false\n`);
    const now = Date.parse("2026-03-10T12:00:00Z");
    for (let i = 0; i < COUNT; i++) {
      const date = new Date(now - i * 120_000).toISOString().replace(/\.000Z$/, "Z");
      await writeContent(built, `articles/2026/story-${String(i).padStart(4, "0")}.md`, `---\nheadline: Story ${i}\nbyline: li-wei\ndate: ${date}\nsection: news\n---\nBody ${i}.\n`);
    }
    await buildAt(built, "2026-03-10T12:00:00Z");
  });
  afterAll(() => removeSite(built));

  it("splits the News sitemap into files of 1,000 with an index at news-sitemap.xml", async () => {
    const index = (await readXml<{ sitemapindex: { sitemap: { loc: string }[] } }>(built, "/news-sitemap.xml")).sitemapindex;
    expect(index.sitemap.map((entry) => entry.loc)).toEqual([`${ORIGIN}/news-sitemap-1.xml`, `${ORIGIN}/news-sitemap-2.xml`]);
    const first = (await readUrlset(built, "/news-sitemap-1.xml")).url ?? [];
    const second = (await readUrlset(built, "/news-sitemap-2.xml")).url ?? [];
    expect(first).toHaveLength(1000);
    expect(second).toHaveLength(1);
    expect(first[0]?.loc).toBe(`${ORIGIN}/2026/03/10/story-0000/`);
    expect(second[0]?.loc).toMatch(/\/story-1000\/$/);
  });

  it("keeps every feed to the newest 50 entries", async () => {
    const json = JSON.parse(await readOutput(built, "/feed.json")) as { items: { url: string }[] };
    expect(json.items).toHaveLength(50);
    expect(json.items[0]?.url).toBe(`${ORIGIN}/2026/03/10/story-0000/`);
    expect(json.items[49]?.url).toMatch(/\/story-0049\/$/);
    const atom = parser.parse(await readOutput(built, "/news/feed.xml")).feed;
    expect(atom.entry).toHaveLength(50);
  });
});
