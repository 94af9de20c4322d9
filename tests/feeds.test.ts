// Atom and JSON feeds (issue: feeds, sitemaps, robots): the pure builders, then real builds of the
// feeds-newsroom fixture parsed with an XML parser and JSON.parse.
import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { load } from "cheerio";
import { buildSite, makeSite, readPage, removeSite, writeContent, type FixtureSite } from "./helpers/site.ts";
import { htmlUrls } from "./helpers/html.ts";
import { escapeXml, element, RenderedElement, renderXml, textElement } from "../src/site/xml.ts";
import { absoluteHref, absoluteSrcset, absolutizeHtml } from "../src/site/feeds/absolute-urls.ts";
import { articleFeedId, articlesByScope, buildFeed, MAX_FEED_ENTRIES, MAX_TOPIC_FEED_ENTRIES } from "../src/site/feeds/feed.ts";
import { renderAtom } from "../src/site/feeds/atom.ts";
import { renderJsonFeed } from "../src/site/feeds/json-feed.ts";
import { feedLinks, feedPath, feedTitle, type FeedScope } from "../src/site/feeds/links.ts";
import { createSite } from "../src/site/site.ts";
import { parseMoment } from "../src/dates.ts";
import { settingsSchema } from "../src/content/schema.ts";
import type { Article, Author } from "../src/content/types.ts";

// ---------------------------------------------------------------------------------------------
// Helpers

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => ["entry", "link", "author", "category"].includes(name),
});

type Node = Record<string, unknown>;

/** The text of a parsed element, whether or not it had attributes. */
function text(node: unknown): string {
  if (typeof node === "string") return node;
  if (node && typeof node === "object" && "#text" in node) return String((node as Node)["#text"]);
  if (node && typeof node === "object") return "";
  throw new Error(`not a text element: ${JSON.stringify(node)}`);
}

interface AtomFeed {
  raw: string;
  feed: Node & { entry?: (Node & { link: Node[]; author: Node[]; category?: Node[] })[]; link: Node[] };
}

async function readAtom(site: FixtureSite, sitePath: string): Promise<AtomFeed> {
  const raw = await fs.readFile(path.join(site.outputDir, sitePath), "utf8");
  expect(XMLValidator.validate(raw), sitePath).toBe(true);
  return { raw, feed: (parser.parse(raw) as { feed: AtomFeed["feed"] }).feed };
}

interface JsonFeed {
  version: string;
  title: string;
  home_page_url: string;
  feed_url: string;
  language: string;
  items: {
    id: string;
    url: string;
    title: string;
    summary?: string;
    content_html: string;
    image?: string;
    date_published: string;
    date_modified: string;
    authors: { name: string; url: string; avatar?: string }[];
    tags: string[];
  }[];
}

async function readJsonFeed(site: FixtureSite, sitePath: string): Promise<JsonFeed> {
  return JSON.parse(await fs.readFile(path.join(site.outputDir, sitePath), "utf8")) as JsonFeed;
}

const entries = (atom: AtomFeed) => atom.feed.entry ?? [];
const entryIds = (atom: AtomFeed) => entries(atom).map((entry) => text(entry["id"]));
const entryUrls = (atom: AtomFeed) => entries(atom).map((entry) => String(entry.link[0]?.["@href"]));

const ORIGIN = "https://gazette.example.org";
const HARBOUR = `${ORIGIN}/2026/03/05/harbour-vote/`;
const DATE_ONLY = `${ORIGIN}/2026/03/05/date-only/`;
const BUDGET = `${ORIGIN}/2026/03/07/port-budget/`;
const HOSTILE = `${ORIGIN}/2026/03/07/hostile-headline/`;
const HOSTILE_HEADLINE = `<script>alert(1)</script> & "q"`;

// ---------------------------------------------------------------------------------------------
// Pure functions

const site = createSite(
  settingsSchema.parse({
    name: "The Ledger",
    baseUrl: "https://ledger.example.org/",
    timeZone: "America/Chicago",
    sections: [{ slug: "business", title: "Business" }],
    newsletter: { action: "https://newsletter.example.org/subscribe" },
  }),
);
const prefixed = { ...site, origin: "https://example.org", pathPrefix: "/news/" };
const ana = { id: "ana-ruiz", name: "Ana Ruiz", path: "/authors/ana-ruiz/" } as Author;

function fakeArticle(slug: string, date: string, extra: Partial<Article> = {}): Article {
  const published = parseMoment(date, "America/Chicago");
  const [year, month, day] = published.day.split("-");
  return { id: `articles/${slug}.md`, slug, path: `/${year}/${month}/${day}/${slug}/`, published, section: site.sections[0], authors: [ana], tags: [], ...extra } as Article;
}

describe("escapeXml", () => {
  it("escapes the five XML specials", () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;");
  });

  it("escapes an ampersand that already looks like an entity", () => {
    expect(escapeXml("&amp; &#60;")).toBe("&amp;amp; &amp;#60;");
  });

  it("drops characters XML 1.0 cannot hold and keeps tab, newline, emoji and other scripts", () => {
    expect(escapeXml("a\u0000b\u0008c\u000Bd\u001Fe\uFFFEf")).toBe("abcdef");
    expect(escapeXml("tab\tnew\nline\r")).toBe("tab\tnew\nline\r");
    expect(escapeXml("x\uD800y\uDC00z")).toBe("xyz");
    expect(escapeXml("🗞️ Zürich 北京")).toBe("🗞️ Zürich 北京");
  });
});

describe("renderXml", () => {
  it("writes a declaration, escaped attributes and text, self-closing empty elements and drops undefined", () => {
    const xml = renderXml(element("root", { a: `"&<`, b: undefined, n: 3 }, textElement("t", "<b>&</b>"), element("empty"), false, undefined));
    expect(xml).toBe(`<?xml version="1.0" encoding="utf-8"?>\n<root a="&quot;&amp;&lt;" n="3">\n  <t>&lt;b&gt;&amp;&lt;/b&gt;</t>\n  <empty/>\n</root>\n`);
    expect(XMLValidator.validate(xml)).toBe(true);
  });
});

describe("an element written once (RenderedElement)", () => {
  const entry = element("entry", { id: "a&b" }, textElement("title", "<Ferry> & \"fares\""), element("link", { href: "/x?a=1&b=2" }));

  it("is placed as the tree would write it, at its depth", () => {
    const written = RenderedElement.of(entry, 1);
    expect(renderXml(element("feed", {}, written, written))).toBe(renderXml(element("feed", {}, entry, entry)));
    const deeper = RenderedElement.of(entry, 2);
    expect(renderXml(element("feed", {}, element("group", {}, deeper)))).toBe(renderXml(element("feed", {}, element("group", {}, entry))));
  });

  it("is refused at another depth, where its indentation would be wrong", () => {
    const written = RenderedElement.of(entry, 2);
    expect(() => renderXml(element("feed", {}, written))).toThrow(/written at depth 2 placed at depth 1/);
  });
});

describe("absolute URLs for feed content", () => {
  const page = "https://example.org/news/2026/03/05/flood/";

  it("gives a root-relative path the site's origin and keeps its prefix and entities", () => {
    expect(absoluteHref("/news/img/x.jpg", page)).toBe("https://example.org/news/img/x.jpg");
    expect(absoluteHref("/search/?q=a&amp;b=c", page)).toBe("https://example.org/search/?q=a&amp;b=c");
  });

  it("resolves protocol-relative, relative and fragment links against the article", () => {
    expect(absoluteHref("//cdn.example.net/a.js", page)).toBe("https://cdn.example.net/a.js");
    expect(absoluteHref("../../04/rain/", page)).toBe("https://example.org/news/2026/03/04/rain/");
    expect(absoluteHref("chart.png", page)).toBe("https://example.org/news/2026/03/05/flood/chart.png");
    expect(absoluteHref("#notes", page)).toBe("https://example.org/news/2026/03/05/flood/#notes");
  });

  it("leaves absolute URLs and other schemes as they are", () => {
    for (const url of ["https://other.example/x", "http://x.example/", "mailto:desk@example.org", "tel:+15551234", ""]) {
      expect(absoluteHref(url, page)).toBe(url);
    }
  });

  it("rewrites every srcset candidate and keeps its descriptor", () => {
    expect(absoluteSrcset("/news/img/a-480.jpg 480w, /news/img/a-960.jpg 960w", page)).toBe("https://example.org/news/img/a-480.jpg 480w, https://example.org/news/img/a-960.jpg 960w");
    expect(absoluteSrcset("a.jpg, b.jpg 2x", page)).toBe("https://example.org/news/2026/03/05/flood/a.jpg, https://example.org/news/2026/03/05/flood/b.jpg 2x");
  });

  it("rewrites href, src and srcset attributes but not text that merely looks like one", () => {
    const html =
      `<p><a href="/news/x/">x</a> <a href="https://a.example/">a</a></p>` +
      `<picture><source srcset="/img/a.avif 480w, /img/b.avif 960w"/><img src="/img/a.jpg" alt="" srcset="/img/a.jpg 480w"></picture>` +
      `<pre><code>&lt;img src=&quot;/raw.jpg&quot;&gt;</code></pre>`;
    expect(absolutizeHtml(html, page)).toBe(
      `<p><a href="https://example.org/news/x/">x</a> <a href="https://a.example/">a</a></p>` +
        `<picture><source srcset="https://example.org/img/a.avif 480w, https://example.org/img/b.avif 960w"/><img src="https://example.org/img/a.jpg" alt="" srcset="https://example.org/img/a.jpg 480w"></picture>` +
        `<pre><code>&lt;img src=&quot;/raw.jpg&quot;&gt;</code></pre>`,
    );
  });
});

describe("articleFeedId", () => {
  it("is a tag: URI from the host, the publication day and the path", () => {
    expect(articleFeedId(site, fakeArticle("storm-floods-harbour-front", "2026-11-19T08:00:00"))).toBe("tag:ledger.example.org,2026-11-19:/2026/11/19/storm-floods-harbour-front/");
  });

  it("uses the day in the site's time zone and keeps the path prefix", () => {
    // 03:00 UTC on March 6 is still March 5 in Chicago: the day of the article's URL.
    expect(articleFeedId(prefixed, fakeArticle("late", "2026-03-06T03:00:00Z"))).toBe("tag:example.org,2026-03-05:/news/2026/03/05/late/");
  });

  it("does not depend on the headline or the update time", () => {
    const before = fakeArticle("vote", "2026-03-05T21:30:00-06:00", { headline: "Council backs plan" });
    const after = { ...before, headline: "Council backs harbour plan after long night", updated: parseMoment("2026-03-07T09:00:00-06:00", "America/Chicago") };
    expect(articleFeedId(site, after)).toBe(articleFeedId(site, before));
  });
});

describe("feed paths, titles and autodiscovery links", () => {
  const section = { kind: "section", section: { slug: "business", title: "Business", path: "/business/" } } as const;
  const author = { kind: "author", author: ana } as const;

  it("names the feed files after the page they follow", () => {
    expect(feedPath({ kind: "site" }, "atom")).toBe("/feed.xml");
    expect(feedPath(section, "json")).toBe("/business/feed.json");
    expect(feedPath(author, "atom")).toBe("/authors/ana-ruiz/feed.xml");
  });

  it("titles feeds by scope and site", () => {
    expect(feedTitle({ kind: "site" }, site)).toBe("The Ledger");
    expect(feedTitle(section, site)).toBe("Business — The Ledger");
    expect(feedTitle(author, site)).toBe("Ana Ruiz — The Ledger");
  });

  it("advertises the site's feeds everywhere and a section's or author's own feeds first", () => {
    expect(feedLinks({ kind: "site" }, site)).toEqual([
      { title: "The Ledger (Atom)", path: "/feed.xml", type: "application/atom+xml" },
      { title: "The Ledger (JSON Feed)", path: "/feed.json", type: "application/feed+json" },
    ]);
    expect(feedLinks(section, site).map((link) => link.path)).toEqual(["/business/feed.xml", "/business/feed.json", "/feed.xml", "/feed.json"]);
    expect(feedLinks(author, site).map((link) => link.title)).toEqual(["Ana Ruiz — The Ledger (Atom)", "Ana Ruiz — The Ledger (JSON Feed)", "The Ledger (Atom)", "The Ledger (JSON Feed)"]);
  });
});

describe("articlesByScope and buildFeed", () => {
  // In the newsroom's order (newest first); every third one in another section.
  const other = { slug: "sport", title: "Sport", path: "/sport/" };
  const many = Array.from({ length: MAX_FEED_ENTRIES + 25 }, (_, i) => fakeArticle(`story-${i}`, "2026-03-01T11:00:00", i % 3 === 2 ? { section: other } : {}));

  it("keeps the newest 50 of the scope, in the newsroom's order", () => {
    const [chosen = [], sport = []] = articlesByScope([{ kind: "site" }, { kind: "section", section: other }], many);
    expect(chosen.map((article) => article.slug)).toEqual(many.slice(0, 50).map((article) => article.slug));
    expect(sport.map((article) => article.slug)).toEqual(many.filter((_, i) => i % 3 === 2).map((article) => article.slug));
  });

  it("selects for every scope at once what each scope's own look through the archive would (random archive)", () => {
    let seed = 5;
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const ben = { ...ana, id: "ben-ode", name: "Ben Ode", path: "/authors/ben-ode/" };
    const spellings = ["Harbour", "harbour", "Ferry", "Council", "Storm"];
    const archive = Array.from({ length: 400 }, (_, i) =>
      fakeArticle(`r-${i}`, "2026-03-01T11:00:00", {
        section: random(4) === 0 ? other : site.sections[0],
        authors: [[ana], [ben], [ana, ben], []][random(4)],
        tags: spellings.filter(() => random(4) === 0),
      }),
    );
    const topics = ["harbour", "ferry", "council", "storm", "nowhere"].map((slug) => ({ slug, name: slug, path: `/tags/${slug}/` }));
    const scopes: FeedScope[] = [{ kind: "site" }, { kind: "section", section: other }, ...topics.map((tag): FeedScope => ({ kind: "tag", tag })), { kind: "author", author: ana }, { kind: "author", author: ben }];
    const follows = (scope: FeedScope, article: Article) =>
      scope.kind === "section" ? article.section.slug === scope.section.slug : scope.kind === "author" ? article.authors.some((author) => author.id === scope.author.id) : scope.kind === "tag" ? article.tags.some((tag) => tag.toLowerCase() === scope.tag.slug) : true;
    const chosen = articlesByScope(scopes, archive);
    scopes.forEach((scope, index) => {
      const expected = archive.filter((article) => follows(scope, article)).slice(0, scope.kind === "tag" ? MAX_TOPIC_FEED_ENTRIES : MAX_FEED_ENTRIES);
      expect(chosen[index]?.map((article) => article.slug), JSON.stringify(scope)).toEqual(expected.map((article) => article.slug));
    });
    expect(chosen[0]).toHaveLength(MAX_FEED_ENTRIES);
    expect(chosen[2]?.length).toBe(MAX_TOPIC_FEED_ENTRIES);
    expect(chosen[6]).toEqual([]);
  });

  it("writes a story once for every feed that carries it, as each feed alone would, in Atom and JSON Feed", () => {
    const withBody = (article: Article, html: string) => ({ ...article, body: { rendered: { html } } }) as Article;
    const stories = ["one", "two", "three"].map((slug, i) => withBody(fakeArticle(slug, `2026-03-0${5 - i}T11:00:00`, { headline: `Story ${slug} & "more"`, summary: "", tags: ["Harbour"] }), `<p>Body of ${slug} <a href="/${slug}/">link</a> \u0000</p>`));
    const [one, two, three] = stories as [Article, Article, Article];
    const harbour: FeedScope = { kind: "tag", tag: { slug: "harbour", name: "Harbour", path: "/tags/harbour/" } };
    // Written first in two feeds together; each feed then rendered with fresh copies of its stories
    // (nothing remembered) must read the same.
    const together = [buildFeed({ kind: "site" }, site, [one, two, three], undefined), buildFeed(harbour, site, [two, three], undefined)];
    const atoms = together.map(renderAtom);
    const jsons = together.map(renderJsonFeed);
    const fresh = (articles: Article[]): Article[] => articles.map((article) => ({ ...article, body: { rendered: { ...article.body.rendered } } }));
    expect(atoms[1]).toBe(renderAtom(buildFeed(harbour, site, fresh([two, three]), undefined)));
    expect(jsons[1]).toBe(renderJsonFeed(buildFeed(harbour, site, fresh([two, three]), undefined)));
    for (const json of jsons) expect(json).toBe(`${JSON.stringify(JSON.parse(json), null, 2)}\n`);
    for (const atom of atoms) expect(XMLValidator.validate(atom)).toBe(true);
    const parsed = JSON.parse(jsons[0] ?? "") as JsonFeed;
    expect(parsed.items.map((item) => item.title)).toEqual(['Story one & "more"', 'Story two & "more"', 'Story three & "more"']);
    expect(parsed.items[0]?.content_html).toBe(`<p>Body of one <a href="https://ledger.example.org/one/">link</a> \u0000</p>`);
    // The same story in another site's feed is that site's entry, not the one remembered.
    const other = { ...site, origin: "https://other.example.org" };
    expect((JSON.parse(renderJsonFeed(buildFeed({ kind: "site" }, other, [one], undefined))) as JsonFeed).items[0]?.url).toBe("https://other.example.org/2026/03/05/one/");
    // An empty feed has an empty list of items.
    const empty = renderJsonFeed(buildFeed({ kind: "site" }, site, [], undefined));
    expect((JSON.parse(empty) as JsonFeed).items).toEqual([]);
    expect(empty).toBe(`${JSON.stringify(JSON.parse(empty), null, 2)}\n`);
  });

  it("dates an empty feed by the site's newest change, never the clock", () => {
    const nobody = { ...ana, id: "nobody", name: "Nobody", path: "/authors/nobody/" };
    const feed = buildFeed({ kind: "author", author: nobody }, site, [], "2026-03-06T09:00:00-06:00");
    expect(feed.entries).toEqual([]);
    expect(feed.updated).toBe("2026-03-06T09:00:00-06:00");
    expect(buildFeed({ kind: "site" }, site, [], undefined).updated).toBe("1970-01-01T00:00:00Z");
  });
});

// ---------------------------------------------------------------------------------------------
// A built site

describe("feeds of a built site", () => {
  let built: FixtureSite;
  let siteAtom: AtomFeed;
  let siteJson: JsonFeed;

  beforeAll(async () => {
    built = await makeSite("feeds-newsroom");
    await buildSite(built);
    siteAtom = await readAtom(built, "/feed.xml");
    siteJson = await readJsonFeed(built, "/feed.json");
  });
  afterAll(() => removeSite(built));

  it("writes Atom and JSON Feed for the site, every section and every author", async () => {
    const files = ["/feed", "/news/feed", "/business/feed", "/authors/ana-ruiz/feed", "/authors/li-wei/feed", "/authors/sam-okoye/feed", "/authors/news-desk/feed"];
    for (const file of files) {
      await readAtom(built, `${file}.xml`);
      expect((await readJsonFeed(built, `${file}.json`)).version).toBe("https://jsonfeed.org/version/1.1");
    }
  });

  it("has the Atom feed-level fields: id, title, self and alternate links, updated, language", () => {
    const { feed } = siteAtom;
    expect(feed["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(feed["@xml:lang"]).toBe("en-US");
    expect(text(feed["id"])).toBe(`${ORIGIN}/feed.xml`);
    expect(text(feed["title"])).toBe("The Fixture Gazette");
    expect(feed.link.find((link) => link["@rel"] === "self")?.["@href"]).toBe(`${ORIGIN}/feed.xml`);
    expect(feed.link.find((link) => link["@rel"] === "alternate" && link["@type"] === "text/html")?.["@href"]).toBe(`${ORIGIN}/`);
    // The newest entry's update, not the build's clock.
    expect(text(feed["updated"])).toBe("2026-03-07T18:00:00-06:00");
  });

  it("lists every article newest first with the required entry fields", () => {
    expect(entryUrls(siteAtom)).toEqual([HOSTILE, BUDGET, HARBOUR, DATE_ONLY]);
    for (const entry of entries(siteAtom)) {
      expect(text(entry["id"])).toMatch(/^tag:gazette\.example\.org,\d{4}-\d{2}-\d{2}:\/\d{4}\/\d{2}\/\d{2}\/[a-z0-9-]+\/$/);
      expect(text(entry["title"])).not.toBe("");
      expect(text(entry["published"])).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
      expect(text(entry["updated"])).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
      expect(entry.author.length).toBeGreaterThan(0);
      expect((entry["content"] as Node)["@type"]).toBe("html");
      expect(text(entry["summary"])).not.toBe("");
    }
  });

  it("takes published from date and updated from the last change: updated, or a later correction, else date", () => {
    const [, budget, harbour, dateOnly] = entries(siteAtom);
    expect(text(harbour?.["published"])).toBe("2026-03-05T21:30:00-06:00");
    // updated: 08:15, then a correction at 10:00 (issue 18: corrections move the modified dates).
    expect(text(harbour?.["updated"])).toBe("2026-03-06T10:00:00-06:00");
    expect(text(budget?.["updated"])).toBe("2026-03-07T09:00:00-06:00");
    expect(text(dateOnly?.["published"])).toBe("2026-03-05T00:00:00-06:00");
    expect(text(dateOnly?.["updated"])).toBe("2026-03-05T00:00:00-06:00");
  });

  it("names every author with a link to the author page", () => {
    const harbour = entries(siteAtom)[2];
    expect(harbour?.author.map((author) => [text(author["name"]), text(author["uri"])])).toEqual([
      ["Ana Ruiz", `${ORIGIN}/authors/ana-ruiz/`],
      ["Li Wei", `${ORIGIN}/authors/li-wei/`],
    ]);
    expect(siteJson.items[2]?.authors.map((author) => author.name)).toEqual(["Ana Ruiz", "Li Wei"]);
    expect(siteJson.items[2]?.authors[0]?.avatar).toMatch(/^https:\/\/gazette\.example\.org\/img\/.+\.jpeg$/);
  });

  it("categorises each entry by section, then tags", () => {
    const harbour = entries(siteAtom)[2];
    expect(harbour?.category?.map((category) => category["@term"])).toEqual(["News", "harbour", "city council"]);
    expect(siteJson.items[2]?.tags).toEqual(["News", "harbour", "city council"]);
  });

  it("carries the summary and the full body as escaped HTML, lead photo first", () => {
    const harbour = entries(siteAtom)[2];
    expect(siteAtom.raw).toContain("&lt;h2&gt;What happens next&lt;/h2&gt;");
    const content = text(harbour?.["content"]);
    const $ = load(content, null, false);
    const lead = $.root().children().first();
    expect(lead.is("figure")).toBe(true);
    const photo = lead.children().first();
    expect(photo.is("img")).toBe(true);
    expect(photo.attr("src")).toMatch(/^https:\/\/gazette\.example\.org\/img\/[^"]+\.jpeg$/);
    expect(photo.attr("alt")).toBe("Fishing boats tied up at the harbour at dusk");
    expect(photo.attr("width")).toMatch(/^\d+$/);
    expect(photo.attr("height")).toMatch(/^\d+$/);
    expect(lead.find("figcaption").html()).toBe("Boats at the east harbour on Tuesday evening. <small>Photo: Ana Ruiz / The Fixture Gazette</small>");
    expect($("h2").first().text()).toBe("What happens next");
    expect(text(harbour?.["summary"])).toBe("The vote ends a two-year fight over the waterfront.");
    const json = siteJson.items[2];
    expect(json?.content_html).toBe(content.concat("\n"));
    expect(json?.image).toMatch(/^https:\/\/gazette\.example\.org\/img\/[^"]+\.jpeg$/);
    expect(json?.summary).toBe("The vote ends a two-year fight over the waterfront.");
  });

  it("leaves no relative URL in any feed's content", () => {
    const contents = [...entries(siteAtom).map((entry) => text(entry["content"])), ...siteJson.items.map((item) => item.content_html)];
    expect(contents.flatMap(htmlUrls).length).toBeGreaterThan(0);
    for (const html of contents) for (const url of htmlUrls(html)) expect(url).toMatch(/^https:\/\//);
    const budget = siteJson.items[1]?.content_html ?? "";
    expect(budget).toContain(`href="${ORIGIN}/business/"`);
    expect(budget).toContain(`src="${ORIGIN}/img/dredging-chart.png"`);
    expect(budget).toContain(`href="${HARBOUR}"`);
    expect(budget).toContain(`href="${BUDGET}#notes"`);
    expect(budget).toContain(`href="https://port.example.com/?year=2026&amp;page=2"`);
    expect(siteAtom.raw).not.toMatch(/href="\/|src="\//);
  });

  it("gives the same id and dates to an article in both formats", () => {
    expect(siteJson.items.map((item) => item.id)).toEqual(entryIds(siteAtom));
    expect(siteJson.items.map((item) => item.url)).toEqual(entryUrls(siteAtom));
    expect(siteJson.items.map((item) => item.date_modified)).toEqual(entries(siteAtom).map((entry) => text(entry["updated"])));
    expect(siteJson.items.map((item) => item.date_published)).toEqual(entries(siteAtom).map((entry) => text(entry["published"])));
  });

  it("passes a hostile headline and summary through as text", () => {
    const hostile = entries(siteAtom)[0];
    expect(text(hostile?.["title"])).toBe(HOSTILE_HEADLINE);
    expect(text(hostile?.["summary"])).toBe("A summary with <b>markup</b> & an ampersand");
    expect(siteJson.items[0]?.title).toBe(HOSTILE_HEADLINE);
    expect(siteAtom.raw).not.toContain("<script>");
    expect(siteAtom.raw).not.toContain("<b>");
    // The body's raw HTML was escaped by Markdown; in the feed it is escaped once more.
    expect(text(hostile?.["content"])).toContain("Text with &lt;i&gt;tags&lt;/i&gt; &amp;");
  });

  it("has JSON Feed 1.1's feed-level fields", () => {
    expect(siteJson).toMatchObject({
      version: "https://jsonfeed.org/version/1.1",
      title: "The Fixture Gazette",
      home_page_url: `${ORIGIN}/`,
      feed_url: `${ORIGIN}/feed.json`,
      language: "en-US",
    });
    for (const item of siteJson.items) {
      expect(Object.keys(item)).toEqual(expect.arrayContaining(["id", "url", "title", "content_html", "date_published", "date_modified", "authors", "tags"]));
    }
  });

  it("puts only a section's articles in its feeds, titled by section", async () => {
    const news = await readAtom(built, "/news/feed.xml");
    expect(text(news.feed["title"])).toBe("News — The Fixture Gazette");
    expect(entryUrls(news)).toEqual([HOSTILE, HARBOUR]);
    expect(news.feed.link.find((link) => link["@rel"] === "alternate" && link["@type"] === "text/html")?.["@href"]).toBe(`${ORIGIN}/news/`);
    const business = await readJsonFeed(built, "/business/feed.json");
    expect(business.title).toBe("Business — The Fixture Gazette");
    expect(business.feed_url).toBe(`${ORIGIN}/business/feed.json`);
    expect(business.items.map((item) => item.url)).toEqual([BUDGET, DATE_ONLY]);
    expect(text((await readAtom(built, "/business/feed.xml")).feed["updated"])).toBe("2026-03-07T09:00:00-06:00");
  });

  it("puts only an author's articles in their feeds, titled by author", async () => {
    const li = await readAtom(built, "/authors/li-wei/feed.xml");
    expect(text(li.feed["title"])).toBe("Li Wei — The Fixture Gazette");
    expect(entryUrls(li)).toEqual([HARBOUR, DATE_ONLY]);
    expect(text(li.feed["updated"])).toBe("2026-03-06T10:00:00-06:00");
    expect((await readJsonFeed(built, "/authors/ana-ruiz/feed.json")).items.map((item) => item.url)).toEqual([HOSTILE, HARBOUR]);
    expect((await readJsonFeed(built, "/authors/sam-okoye/feed.json")).items.map((item) => item.url)).toEqual([BUDGET]);
  });

  it("writes a valid, empty feed for an author with no articles", async () => {
    const desk = await readAtom(built, "/authors/news-desk/feed.xml");
    expect(entries(desk)).toEqual([]);
    expect(text(desk.feed["updated"])).toBe("2026-03-07T18:00:00-06:00");
    expect((await readJsonFeed(built, "/authors/news-desk/feed.json")).items).toEqual([]);
  });

  it("is advertised in the head of the front, section and author pages", async () => {
    const alternates = async (page: string) => {
      const $ = await readPage(built, page);
      return $('link[rel="alternate"]').map((_, link) => `${$(link).attr("type")} ${$(link).attr("href")}`).get();
    };
    expect(await alternates("/")).toEqual([`application/atom+xml ${ORIGIN}/feed.xml`, `application/feed+json ${ORIGIN}/feed.json`]);
    expect(await alternates("/business/")).toEqual([
      `application/atom+xml ${ORIGIN}/business/feed.xml`,
      `application/feed+json ${ORIGIN}/business/feed.json`,
      `application/atom+xml ${ORIGIN}/feed.xml`,
      `application/feed+json ${ORIGIN}/feed.json`,
    ]);
    expect(await alternates("/authors/li-wei/")).toContain(`application/atom+xml ${ORIGIN}/authors/li-wei/feed.xml`);
  });
});

describe("feeds across edits and builds", () => {
  let edited: FixtureSite;
  const HARBOUR_FILE = "articles/2026/harbour-vote.md";

  beforeAll(async () => {
    edited = await makeSite("feeds-newsroom");
  });
  afterAll(() => removeSite(edited));

  it("keeps ids when a headline and the update time change, and writes identical files for identical content", async () => {
    await buildSite(edited);
    const before = await readAtom(edited, "/feed.xml");
    const beforeJson = await fs.readFile(path.join(edited.outputDir, "feed.json"), "utf8");

    // The same content built again at another time writes the same bytes.
    process.env["DATELINE_NOW"] = "2031-01-01T00:00:00Z";
    try {
      await buildSite(edited);
    } finally {
      delete process.env["DATELINE_NOW"];
    }
    expect(await fs.readFile(path.join(edited.outputDir, "feed.xml"), "utf8")).toBe(before.raw);
    expect(await fs.readFile(path.join(edited.outputDir, "feed.json"), "utf8")).toBe(beforeJson);

    const source = await fs.readFile(path.join(edited.contentDir, HARBOUR_FILE), "utf8");
    await writeContent(
      edited,
      HARBOUR_FILE,
      source.replace("headline: Council backs harbour plan after long night", "headline: Council approves harbour rebuild 7-2").replace("updated: 2026-03-06T08:15:00-06:00", "updated: 2026-03-07T20:00:00-06:00"),
    );
    await buildSite(edited);
    const after = await readAtom(edited, "/feed.xml");
    expect(entryIds(after)).toEqual(entryIds(before));
    const harbour = entries(after).find((entry) => entry.link[0]?.["@href"] === HARBOUR);
    expect(text(harbour?.["title"])).toBe("Council approves harbour rebuild 7-2");
    expect(text(harbour?.["updated"])).toBe("2026-03-07T20:00:00-06:00");
    expect(text(after.feed["updated"])).toBe("2026-03-07T20:00:00-06:00");
    expect((await readJsonFeed(edited, "/feed.json")).items.map((item) => item.id)).toEqual(entryIds(before));
  });
});
