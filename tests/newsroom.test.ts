// Issue 18: what a real newsroom publishes besides articles. One build of the newsroom-extras
// fixture (standalone pages, every story type, corrections, a breaking story, a video, promos, the
// support banner, the robots switch) at a fixed "now", read back as parsed HTML, XML and JSON, with
// the sitemaps checked against the sitemaps.org schema; then the content errors each feature adds.
import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { load, type CheerioAPI } from "cheerio";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import sharp from "sharp";
import { build } from "../src/build/build.ts";
import { makeSite, removeSite, writeContent, buildError, type FixtureSite } from "./helpers/site.ts";
import { editSettings } from "./helpers/settings.ts";
import { problemLines } from "./helpers/check.ts";
import { sitemapSchemaErrors } from "./helpers/xsd.ts";
import { validateHtmlFile } from "./helpers/html.ts";
import { AI_TRAINING_CRAWLERS } from "../src/site/sitemaps/robots.ts";

const NOW = new Date("2026-03-10T12:00:00Z");
const ORIGIN = "https://gazette.example.org";
const BREAKING = "/2026/03/10/breaking/";
const HARBOUR = "/2026/03/05/harbour-vote/";

let site: FixtureSite;

async function buildAt(now: Date): Promise<void> {
  await build({ input: site.contentDir, output: site.outputDir, cacheDir: site.cacheDir, now, log: () => {} });
}

const pages = new Map<string, CheerioAPI>();
async function page(sitePath: string): Promise<CheerioAPI> {
  let $ = pages.get(sitePath);
  if (!$) {
    $ = load(await output(sitePath.endsWith("/") ? `${sitePath}index.html` : sitePath));
    pages.set(sitePath, $);
  }
  return $;
}

function output(sitePath: string): Promise<string> {
  return fs.readFile(path.join(site.outputDir, sitePath), "utf8");
}

type Node = Record<string, unknown>;

/** The JSON-LD nodes of a page. */
function jsonLd($: CheerioAPI): Node[] {
  return $('script[type="application/ld+json"]')
    .toArray()
    .map((element) => JSON.parse($(element).text()) as Node);
}

const meta = ($: CheerioAPI, property: string) => $(`meta[property="${property}"], meta[name="${property}"]`).attr("content");

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", parseTagValue: false, isArray: (name) => ["url", "entry", "link", "author", "category"].includes(name) });

async function readXml(sitePath: string): Promise<Node> {
  const raw = await output(sitePath);
  expect(XMLValidator.validate(raw), sitePath).toBe(true);
  return xml.parse(raw) as Node;
}

interface SitemapUrl {
  loc: string;
  lastmod?: string;
  "news:news"?: { "news:publication_date": string; "news:title": string };
}

async function sitemapUrls(sitePath: string): Promise<SitemapUrl[]> {
  const raw = await output(sitePath);
  expect(await sitemapSchemaErrors(raw), sitePath).toEqual([]);
  return ((xml.parse(raw) as { urlset: { url?: SitemapUrl[] } }).urlset.url ?? []);
}

beforeAll(async () => {
  site = await makeSite("newsroom-extras");
  await buildAt(NOW);
});
afterAll(() => removeSite(site));

describe("standalone pages", () => {
  it("publishes each page at /<slug>/ with its Markdown body, figures included, and when it changed", async () => {
    const $ = await page("/ethics/");
    expect($("h1").text()).toBe("Ethics and corrections policy");
    expect($("title").text()).toBe("Ethics and corrections policy | The Fixture Gazette");
    expect($(".standalone__body a").attr("href")).toBe("/corrections/");
    expect($(".standalone__body figure.figure--inline img").attr("alt")).toBe("Fishing boats at the harbour at dusk");
    expect($(".standalone__body figure img").attr("src")).toMatch(/^\/img\/.+\.jpeg$/);
    await fs.access(path.join(site.outputDir, $(".standalone__body figure img").attr("src") ?? "missing"));
    expect($(".standalone__updated time").attr("datetime")).toBe("2026-03-01");
    expect($(".standalone__updated").text()).toBe("Last updated March 1, 2026");
    const about = await page("/about/");
    expect(about(".standalone__updated")).toHaveLength(0);
    expect(about('meta[name="description"]').attr("content")).toBe("Who owns the Gazette and who works here.");
  });

  it("links each page from the header or the footer, as its nav says (footer by default)", async () => {
    const $ = await page("/");
    expect($('.site-nav a[href="/ethics/"]').text()).toBe("Ethics and corrections policy");
    expect($('.site-footer a[href="/ethics/"]')).toHaveLength(0);
    expect($('.site-footer a[href="/about/"]').text()).toBe("About the Gazette");
    expect($('.site-footer a[href="/corrections/"]').text()).toBe("Corrections");
    expect((await page("/about/"))('.site-footer a[href="/about/"]').attr("aria-current")).toBe("page");
  });

  it("describes each page as a WebPage, and names the pages that state the publisher's policies", async () => {
    const [ethics] = jsonLd(await page("/ethics/"));
    expect(ethics).toMatchObject({ "@type": "WebPage", name: "Ethics and corrections policy", url: `${ORIGIN}/ethics/`, dateModified: "2026-03-01" });
    const article = jsonLd(await page(HARBOUR))[0];
    expect(article?.["publisher"]).toMatchObject({
      "@type": "NewsMediaOrganization",
      ethicsPolicy: `${ORIGIN}/ethics/`,
      correctionsPolicy: `${ORIGIN}/ethics/`,
      ownershipFundingInfo: `${ORIGIN}/about/`,
      masthead: `${ORIGIN}/about/`,
    });
    expect(article?.["publisher"]).not.toHaveProperty("diversityPolicy");
    expect(jsonLd(await page("/"))[0]?.["publisher"]).toMatchObject({ masthead: `${ORIGIN}/about/` });
  });
});

describe("corrections that count", () => {
  it("moves the article's last change to its newest correction: page, JSON-LD, Open Graph, feeds and sitemap", async () => {
    // harbour-vote: updated 08:15, corrected at 10:00.
    const $ = await page(HARBOUR);
    expect($(".timestamps__updated time").attr("datetime")).toBe("2026-03-06T10:00:00-06:00");
    expect(jsonLd($)[0]?.["dateModified"]).toBe("2026-03-06T10:00:00-06:00");
    expect(meta($, "article:modified_time")).toBe("2026-03-06T10:00:00-06:00");
    const atom = (await readXml("/news/feed.xml"))["feed"] as { entry: Node[] };
    const entry = atom.entry.find((candidate) => (candidate["link"] as Node[])[0]?.["@href"] === `${ORIGIN}${HARBOUR}`);
    expect(entry?.["updated"]).toBe("2026-03-06T10:00:00-06:00");
    const json = JSON.parse(await output("/news/feed.json")) as { items: { url: string; date_modified: string }[] };
    expect(json.items.find((item) => item.url === `${ORIGIN}${HARBOUR}`)?.date_modified).toBe("2026-03-06T10:00:00-06:00");
    const urls = await sitemapUrls("/sitemap.xml");
    expect(urls.find((url) => url.loc === `${ORIGIN}${HARBOUR}`)?.lastmod).toBe("2026-03-06T10:00:00-06:00");
    // Two corrections: the newer one counts.
    expect(jsonLd(await page(BREAKING))[0]?.["dateModified"]).toBe("2026-03-10T06:30:00-05:00");
  });

  it("carries each correction in JSON-LD as a CorrectionComment linked to its note", async () => {
    const $ = await page(BREAKING);
    expect(jsonLd($)[0]?.["correction"]).toEqual([
      { "@type": "CorrectionComment", text: "An earlier version gave the wrong street.", datePublished: "2026-03-10T06:00:00-05:00", url: `${ORIGIN}${BREAKING}#correction-20260310-0600` },
      { "@type": "CorrectionComment", text: "An earlier version misspelt the harbourmaster's name.", datePublished: "2026-03-10T06:30:00-05:00", url: `${ORIGIN}${BREAKING}#correction-20260310-0630` },
    ]);
    expect($("#correction-20260310-0630").text()).toContain("misspelt");
    expect(jsonLd(await page("/2026/03/07/review/"))[0]).not.toHaveProperty("correction");
  });

  it("lists every correction newest first at /corrections/, paginated, each linked to its note", async () => {
    const $ = await page("/corrections/");
    const entries = $(".corrections-log__entry")
      .map((_, element) => ({ link: $(element).find("a").attr("href"), date: $(element).find("time").attr("datetime") }))
      .get();
    expect(entries).toEqual([
      { link: `${BREAKING}#correction-20260310-0630`, date: "2026-03-10T06:30:00-05:00" },
      { link: `${BREAKING}#correction-20260310-0600`, date: "2026-03-10T06:00:00-05:00" },
    ]);
    expect($('.corrections-log__links a[href="/ethics/"]').text()).toBe("Read our corrections policy");
    expect($('link[rel="next"]').attr("href")).toBe("/corrections/page/2/");
    expect($('link[rel="alternate"][type="application/atom+xml"]').attr("href")).toBe(`${ORIGIN}/corrections/feed.xml`);
    const second = await page("/corrections/page/2/");
    expect(second(".corrections-log__entry a").attr("href")).toBe(`${HARBOUR}#correction-20260306-1000`);
    expect((await page(HARBOUR))("#correction-20260306-1000")).toHaveLength(1);
  });

  it("has its own Atom feed: one entry per correction, with a stable id, credited to the publication", async () => {
    const { feed } = (await readXml("/corrections/feed.xml")) as { feed: { entry: Node[]; updated: string; id: string } };
    expect(feed.id).toBe(`${ORIGIN}/corrections/feed.xml`);
    expect(feed.updated).toBe("2026-03-10T06:30:00-05:00");
    expect(feed.entry.map((entry) => entry["id"])).toEqual([
      "tag:gazette.example.org,2026-03-10:/2026/03/10/breaking/#correction-20260310-0630",
      "tag:gazette.example.org,2026-03-10:/2026/03/10/breaking/#correction-20260310-0600",
      "tag:gazette.example.org,2026-03-06:/2026/03/05/harbour-vote/#correction-20260306-1000",
    ]);
    expect(feed.entry[0]?.["author"]).toEqual([{ name: "The Fixture Gazette", uri: `${ORIGIN}/` }]);
    expect((feed.entry[0]?.["title"] as Node)["#text"]).toBe("Correction: Storm surge closes Harbour Street");
  });
});

describe("story types", () => {
  const TYPES = [
    ["/2026/03/09/analysis/", "AnalysisNewsArticle", "Analysis"],
    ["/2026/03/08/opinion/", "OpinionNewsArticle", "Opinion"],
    ["/2026/03/07/review/", "ReviewNewsArticle", "Review"],
    ["/2026/03/09/sponsored/", "AdvertiserContentArticle", "Sponsored content — by Lakeshore Credit Union"],
    [HARBOUR, "NewsArticle", undefined],
  ] as const;

  it("labels each story above its headline and gives it its schema.org type", async () => {
    for (const [sitePath, type, label] of TYPES) {
      const $ = await page(sitePath);
      expect(jsonLd($)[0]?.["@type"], sitePath).toBe(type);
      if (label) expect($(".article__header .story-label + h1").prev().text(), sitePath).toBe(label);
      else expect($(".article__header .story-label"), sitePath).toHaveLength(0);
    }
  });

  it("labels every teaser of a labelled story", async () => {
    const $ = await page("/business/");
    const labels = $(".teaser")
      .map((_, element) => ({ headline: $(element).find(".teaser__headline").text(), label: $(element).find(".teaser__label").text() }))
      .get();
    expect(labels).toContainEqual({ headline: "Five winter walks on the shore", label: "Sponsored content — by Lakeshore Credit Union" });
    expect(labels).toContainEqual({ headline: "Review: a winter play that earns its warmth", label: "Review" });
    const front = await page("/");
    expect(front(`.teaser:has(a[href="/2026/03/08/opinion/"]) .teaser__label`).first().text()).toBe("Opinion");
    // The day's edition on the web lists them labelled too (the lead first: by section order, then time).
    const edition = await page("/newsletter/2026/03/09/");
    expect(edition(".edition__story .teaser__label").map((_, element) => edition(element).text()).get()).toEqual(["Analysis", "Sponsored content — by Lakeshore Credit Union"]);
  });

  it("names the sponsor, and marks the sponsor's and the story's links sponsored", async () => {
    const $ = await page("/2026/03/09/sponsored/");
    expect($('.story-label a[href="https://credit.example.org/"]').attr("rel")).toBe("sponsored noopener");
    expect($('.article__body a[href="https://credit.example.org/rates"]').attr("rel")).toBe("sponsored noopener noreferrer");
    expect(jsonLd($)[0]?.["sponsor"]).toEqual({ "@type": "Organization", name: "Lakeshore Credit Union", url: "https://credit.example.org/" });
    // A news story's links to other sites are not sponsored.
    expect((await page("/2026/03/09/analysis/"))('a[href="https://state.example.org/figures"]').attr("rel")).toBe("noopener noreferrer");
  });

  it("shows an opinion writer's role under the byline", async () => {
    const $ = await page("/2026/03/08/opinion/");
    expect($(".byline + .byline__roles li").text()).toBe("Ana Ruiz, City Hall reporter");
    expect((await page("/2026/03/09/analysis/"))(".byline__roles")).toHaveLength(0);
  });
});

describe("topics and signals for machines", () => {
  it("gives every topic page Atom and JSON feeds of its own stories, linked in its head", async () => {
    const $ = await page("/tags/harbour/");
    const links = $('link[rel="alternate"]').map((_, element) => $(element).attr("href")).get();
    expect(links.slice(0, 2)).toEqual([`${ORIGIN}/tags/harbour/feed.xml`, `${ORIGIN}/tags/harbour/feed.json`]);
    const { feed } = (await readXml("/tags/harbour/feed.xml")) as { feed: { entry: Node[]; title: Node } };
    expect(feed.title["#text"]).toBe("harbour — The Fixture Gazette");
    const inAtom = feed.entry.map((entry) => (entry["link"] as Node[])[0]?.["@href"]);
    const json = JSON.parse(await output("/tags/harbour/feed.json")) as { items: { url: string }[]; feed_url: string };
    expect(json.feed_url).toBe(`${ORIGIN}/tags/harbour/feed.json`);
    expect(json.items.map((item) => item.url)).toEqual(inAtom);
    expect(inAtom).toEqual([`${ORIGIN}${BREAKING}`, `${ORIGIN}/2026/03/09/analysis/`, `${ORIGIN}/2026/03/08/opinion/`, `${ORIGIN}${HARBOUR}`]);
  });

  it("lists sections, topics, authors, standalone pages and the corrections log in sitemap.xml, valid against the schema", async () => {
    const urls = await sitemapUrls("/sitemap.xml");
    const lastmod = Object.fromEntries(urls.map((url) => [url.loc.replace(ORIGIN, ""), url.lastmod]));
    expect(lastmod["/tags/storm/"]).toBe("2026-03-10T06:30:00-05:00");
    expect(lastmod["/tags/city-council/"]).toBe("2026-03-06T10:00:00-06:00");
    expect(lastmod["/ethics/"]).toBe("2026-03-01");
    expect("/about/" in lastmod && lastmod["/about/"]).toBeUndefined();
    expect(lastmod["/corrections/"]).toBe("2026-03-10T06:30:00-05:00");
    expect(lastmod["/authors/ana-ruiz/"]).toBe("2026-03-10T06:30:00-05:00");
  });

  it("keeps sponsored stories out of the News sitemap, which is valid against the schema", async () => {
    const urls = await sitemapUrls("/news-sitemap.xml");
    expect(urls.map((url) => url.loc.replace(ORIGIN, ""))).toEqual([BREAKING, "/2026/03/09/analysis/", "/2026/03/08/opinion/"]);
    expect(urls[0]?.["news:news"]?.["news:publication_date"]).toBe("2026-03-10T05:00:00-05:00");
  });

  it("says noindex on the search and 404 pages only; later pages of a list are indexable, canonical to themselves", async () => {
    expect(meta(await page("/search/"), "robots")).toBe("noindex");
    expect(meta(await page("/404.html"), "robots")).toBe("noindex");
    for (const sitePath of ["/", "/news/", "/news/page/2/", "/corrections/page/2/", "/ethics/", HARBOUR]) {
      const $ = await page(sitePath);
      expect(meta($, "robots"), sitePath).toBe("max-image-preview:large");
      expect($('link[rel="canonical"]').attr("href"), sitePath).toBe(`${ORIGIN}${sitePath}`);
    }
  });

  it("refuses the AI-training crawlers in robots.txt, and keeps every other crawler", async () => {
    const robots = await output("/robots.txt");
    const groups = robots.split("\n\n");
    const refused = groups[0]?.split("\n") ?? [];
    expect(refused.filter((line) => line.startsWith("User-agent:")).map((line) => line.slice(12))).toEqual([...AI_TRAINING_CRAWLERS]);
    expect(refused.at(-1)).toBe("Disallow: /");
    expect(groups[1]).toBe("User-agent: *\nAllow: /");
    expect(robots).not.toMatch(/User-agent: (?:Googlebot|Bingbot|Applebot)\n/);
    expect(robots).toContain(`Sitemap: ${ORIGIN}/news-sitemap.xml`);
  });

  it("gives a story without a photo a 1200×630 share card for Open Graph, X and JSON-LD", async () => {
    const $ = await page("/2026/03/09/analysis/");
    const card = meta($, "og:image") ?? "";
    expect(card).toMatch(new RegExp(`^${ORIGIN}/img/[\\w-]+-card\\.jpeg$`));
    expect([meta($, "og:image:width"), meta($, "og:image:height")]).toEqual(["1200", "630"]);
    expect(meta($, "og:image:alt")).toBe("Why the harbour plan will be a hard sell");
    expect(meta($, "twitter:card")).toBe("summary_large_image");
    expect(jsonLd($)[0]?.["image"]).toEqual([{ "@type": "ImageObject", url: card, width: 1200, height: 630 }]);
    const file = path.join(site.outputDir, new URL(card).pathname);
    expect(await sharp(file).metadata()).toMatchObject({ format: "jpeg", width: 1200, height: 630 });
    // Another story, another card; a story with a photo keeps its photo.
    expect(meta(await page("/2026/03/08/opinion/"), "og:image")).not.toBe(card);
    expect(meta(await page(HARBOUR), "og:image")).toMatch(/-1200x675\.jpeg$/);
  });

  it("shows an author's headshot in an author page's link preview", async () => {
    const $ = await page("/authors/ana-ruiz/");
    expect(meta($, "og:image")).toMatch(new RegExp(`^${ORIGIN}/img/.+\\.jpeg$`));
    expect(meta($, "og:image:alt")).toBe("Ana Ruiz");
    expect(meta($, "twitter:card")).toBe("summary");
  });
});

describe("the wire page's remaining parts", () => {
  it("puts the support banner at the top and the bottom of article pages, as the settings place it", async () => {
    const $ = await page(HARBOUR);
    expect($(".support-banner")).toHaveLength(2);
    expect($("main > .support-banner--top + article.article")).toHaveLength(1);
    expect($("main > article.article + .support-banner--bottom")).toHaveLength(1);
    expect($(".support-banner--top a").attr("href")).toBe("https://gazette.example.org/support/");
    expect($(".support-banner--top").text()).toBe("Support our mission. Give $5");
    expect((await page("/"))(".support-banner")).toHaveLength(0);
  });

  it("shows the promos as a labelled list of sponsored links, escaped, with their thumbnails", async () => {
    for (const sitePath of ["/", HARBOUR]) {
      const $ = await page(sitePath);
      const block = $("aside.promos");
      expect(block.attr("aria-labelledby"), sitePath).toBe("promos-heading");
      expect($("#promos-heading").text(), sitePath).toBe("Around the web");
      expect(block.find("a").map((_, a) => $(a).attr("rel")).get(), sitePath).toEqual(["sponsored noopener", "sponsored noopener"]);
      expect(block.find("a").eq(1).text(), sitePath).toBe("A partner's story <b>without</b> a picture");
      expect(block.find(".promo__source").eq(1).text(), sitePath).toBe("Partner & Co");
      expect(block.find("img"), sitePath).toHaveLength(1);
    }
  });

  it("shows a Video rail of the stories that carry a video, with the video's still", async () => {
    const $ = await page("/");
    const items = $(".video-rail__item");
    expect(items).toHaveLength(1);
    expect(items.find("a").attr("href")).toBe("/2026/03/04/video/");
    expect(items.find("img").attr("src")).toMatch(/^\/img\/.+\.jpeg$/);
  });

  it("puts a breaking-news banner linking to the story on every page built in its window", async () => {
    for (const sitePath of ["/", HARBOUR, "/tags/harbour/", "/ethics/", "/corrections/", "/404.html"]) {
      const $ = await page(sitePath);
      expect($("aside.breaking a").attr("href"), sitePath).toBe(BREAKING);
      expect($("aside.breaking").text(), sitePath).toBe("Breaking Storm surge closes Harbour Street");
    }
    // The older breaking story's window (until noon on March 6) is over.
    expect((await page("/"))("aside.breaking")).toHaveLength(1);
  });

  it("shows a date-only date without a time wherever readers see it", async () => {
    const $ = await page("/2026/03/05/date-only/");
    expect($(".timestamps__published").text()).toBe("Published March 5, 2026");
    expect($(".timestamps__published time").attr("datetime")).toBe("2026-03-05");
    // Wherever the section's listing holds it: follow the pages from the newest.
    const times: string[] = [];
    for (let at: string | undefined = "/business/"; at !== undefined && times.length === 0; ) {
      const listing = await page(at);
      times.push(...listing(`.teaser:has(a[href="/2026/03/05/date-only/"]) time`).map((_, time) => listing(time).text()).get());
      at = listing('link[rel="next"]').attr("href");
    }
    expect(times).toEqual(["March 5, 2026"]);
  });

  it("writes only valid HTML", async () => {
    for (const sitePath of ["/", HARBOUR, "/2026/03/09/sponsored/", "/2026/03/08/opinion/", "/ethics/", "/corrections/", "/corrections/page/2/"]) {
      expect(await validateHtmlFile(path.join(site.outputDir, sitePath, "index.html")), sitePath).toEqual([]);
    }
  });
});

describe("a later build", () => {
  it("takes the breaking banner down after six hours, and keeps the News sitemap valid with no story in its window", async () => {
    pages.clear();
    await buildAt(new Date("2026-03-20T12:00:00Z"));
    expect((await page("/"))("aside.breaking")).toHaveLength(0);
    expect((await page(HARBOUR))("aside.breaking")).toHaveLength(0);
    // Google: stories older than two days lose their news tags; the sitemap still lists a URL.
    const urls = await sitemapUrls("/news-sitemap.xml");
    expect(urls).toEqual([{ loc: `${ORIGIN}${BREAKING}` }]);
  });

  it("draws share cards only from the day the settings name: an older story without a photo shows the logo", async () => {
    pages.clear();
    await editSettings(site, (text) => `${text.trimEnd()}\nshareCards:\n  from: 2026-03-09\n`);
    await buildAt(new Date("2026-03-20T12:00:00Z"));
    expect(meta(await page("/2026/03/09/analysis/"), "og:image")).toMatch(/-card\.jpeg$/);
    const older = await page("/2026/03/08/opinion/");
    // This fixture has no logo: no image at all.
    expect(meta(older, "og:image")).toBeUndefined();
    expect(meta(older, "twitter:card")).toBe("summary");
    expect(jsonLd(older)[0]?.["image"]).toBeUndefined();
  });

  it("draws share cards by default for the 90 days up to the newest story, not for an archive's older stories", async () => {
    pages.clear();
    await editSettings(site, (text) => text.replace(/\nshareCards:\n {2}from: 2026-03-09\n/, "\n"));
    await writeContent(site, "articles/2025/old-brief.md", "---\nheadline: An old brief\nbyline: li-wei\ndate: 2025-12-08T09:00:00-06:00\nsection: news\n---\nText.\n");
    await writeContent(site, "articles/2025/recent-brief.md", "---\nheadline: A brief within the window\nbyline: li-wei\ndate: 2025-12-10T09:00:00-06:00\nsection: news\n---\nText.\n");
    await buildAt(new Date("2026-03-20T12:00:00Z"));
    // The newest story is of 2026-03-10: 90 days before it is 2025-12-10, the first day with cards.
    expect(meta(await page("/2026/03/08/opinion/"), "og:image")).toMatch(/-card\.jpeg$/);
    expect(meta(await page("/2025/12/10/recent-brief/"), "og:image")).toMatch(/-card\.jpeg$/);
    expect(meta(await page("/2025/12/08/old-brief/"), "og:image")).toBeUndefined();
  });
});

describe("links to our own site", () => {
  it("are content errors when no page answers them, with the file, the line and the likely page", async () => {
    const broken = await makeSite("newsroom-extras");
    try {
      await writeContent(
        broken,
        "articles/2026/links.md",
        "---\nheadline: Links\nbyline: li-wei\ndate: 2026-03-09\nsection: news\n---\nFirst line.\n\nSee [the vote](/news/harbour-vote/) and\n[our ethics](https://gazette.example.org/ethic/), [a topic](/tags/harbour/) and [elsewhere](https://example.com/nothing/).\n",
      );
      await writeContent(broken, "pages/about.md", "---\ntitle: About\n---\nWe are [on the shore](/shore/).\n");
      const message = await buildError(broken);
      expect(message).toContain(`articles/2026/links.md:9 link: "/news/harbour-vote/" goes to no page of this site; did you mean "/2026/03/05/harbour-vote/"? (link to a page the site publishes, or remove the link)`);
      expect(message).toContain(`articles/2026/links.md:10 link: "https://gazette.example.org/ethic/" goes to no page of this site (link to a page the site publishes, or remove the link)`);
      expect(message).toContain(`pages/about.md:4 link: "/shore/" goes to no page of this site`);
      expect(message).not.toContain("/tags/harbour/");
      expect(message).not.toContain("example.com");
      expect(message).toMatch(/^Content has 3 problems; nothing was published/);
      await expect(fs.access(broken.outputDir)).rejects.toThrow();
    } finally {
      await removeSite(broken);
    }
  });
});

describe("content errors of issue 18", () => {
  it("names each problem with its file, line and field", async () => {
    const broken = await makeSite("newsroom-extras");
    try {
      const story = (fields: string) => `---\nheadline: A story\nbyline: li-wei\ndate: 2026-03-09T09:00:00-05:00\nsection: news\n${fields}\n---\nText.\n`;
      await writeContent(broken, "articles/2026/no-sponsor.md", story("type: sponsored"));
      await writeContent(broken, "articles/2026/stray-sponsor.md", story("sponsor: { name: Someone }"));
      await writeContent(broken, "articles/2026/bad-type.md", story("type: editorial"));
      await writeContent(broken, "articles/2026/until.md", story("breakingUntil: 2026-03-09T12:00:00-05:00"));
      await writeContent(broken, "articles/2026/until-early.md", story("breaking: true\nbreakingUntil: 2026-03-09T08:00:00-05:00"));
      await writeContent(broken, "articles/2026/early-correction.md", story("corrections:\n  - date: 2026-03-08\n    text: Fixed."));
      await writeContent(broken, "pages/news.md", "---\ntitle: News\n---\nText.\n");
      await writeContent(broken, "pages/tags.md", "---\ntitle: Tags\n---\nText.\n");
      await writeContent(broken, "pages/standards.md", "---\ntitle: Standards\nnav: sidebar\npolicies: [ethicsPolicy, fooPolicy]\n---\nText.\n");
      await writeContent(broken, "pages/code.md", "---\ntitle: Code of ethics\npolicies: [ethicsPolicy]\n---\nText.\n");
      expect(await problemLines(broken)).toEqual([
        `articles/2026/bad-type.md:6 type: "editorial" is not a story type (one of news, analysis, opinion, review, sponsored)`,
        `articles/2026/early-correction.md:7 corrections[0].date: 2026-03-08 is before the publication date 2026-03-09T09:00:00-05:00 (a correction comes after the story it corrects)`,
        `articles/2026/no-sponsor.md:6 sponsor: is required for a sponsored story (add sponsor: { name: …, url: … }, the advertiser readers are told paid for it)`,
        `articles/2026/stray-sponsor.md:6 sponsor: is set but the story is not sponsored (add type: sponsored, or remove this field)`,
        `articles/2026/until-early.md:7 breakingUntil: 2026-03-09T08:00:00-05:00 is not after the publication date 2026-03-09T09:00:00-05:00 (the banner comes down after the story goes up)`,
        `articles/2026/until.md:6 breakingUntil: is set but the story is not breaking news (add breaking: true, or remove this field)`,
        `pages/ethics.md:4 policies: "ethicsPolicy" is already stated by pages/code.md (a policy is one page: remove it from one of them)`,
        `pages/news.md:1 file name: "news" is the slug of the section "News": the page would take its URL /news/ (rename the file)`,
        `pages/standards.md:3 nav: "sidebar" is not a place for the link (one of header, footer, none)`,
        `pages/standards.md:4 policies[1]: "fooPolicy" is not a publisher policy (one of publishingPrinciples, correctionsPolicy, ethicsPolicy, diversityPolicy, diversityStaffingReport, actionableFeedbackPolicy, masthead, missionCoveragePrioritiesPolicy, noBylinesPolicy, ownershipFundingInfo, unnamedSourcesPolicy, verificationFactCheckingPolicy)`,
        `pages/tags.md:1 file name: "tags" is a path the site uses for its own pages (rename the file; reserved: authors, tags, archive, page, latest, search, img, css, js, pagefind, feeds, newsletter, corrections, 404 and numbers)`,
      ]);
    } finally {
      await removeSite(broken);
    }
  });
});
