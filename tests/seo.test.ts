// Head metadata and structured data: every JSON-LD block on every page parses, has what Google's
// guidance asks for, and agrees with what the page shows; crops exist at their stated sizes; OG
// and JSON-LD URLs are absolute, also under a path prefix; hostile front matter stays text.
import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { load, type CheerioAPI } from "cheerio";
import { inspectImage } from "../src/images/index.ts";
import { htmlToText } from "../src/site/seo/structured-data.ts";
import { buildError, buildSite, isolateImageCache, listPages, makeSite, readPage, removeSite, runBuildCli, type FixtureSite } from "./helpers/site.ts";

type Json = { [key: string]: unknown };

const ORIGIN = "https://gazette.example.org/";
const ARTICLE = "/2026/03/05/harbour-vote/";
const NO_PHOTO = "/2026/03/05/date-only/";
const HOSTILE = "/2026/03/07/hostile-headline/";
const HOSTILE_HEADLINE = "</script><script>alert(1)</script>";

let site: FixtureSite;
let firstRun: Awaited<ReturnType<typeof runBuildCli>>;
const pages = new Map<string, CheerioAPI>();

beforeAll(async () => {
  site = await makeSite("seo-newsroom");
  firstRun = await runBuildCli(site);
  if (firstRun.status !== 0) throw new Error(firstRun.output);
  for (const page of await listPages(site)) pages.set(page, await readPage(site, page));
});
afterAll(() => removeSite(site));

function page(sitePath: string): CheerioAPI {
  const $ = pages.get(sitePath);
  if (!$) throw new Error(`${sitePath} was not built (built: ${[...pages.keys()].join(", ")})`);
  return $;
}

/** Every JSON-LD block of a page, parsed. */
function jsonLd($: CheerioAPI): Json[] {
  return $('script[type="application/ld+json"]')
    .toArray()
    .map((element) => JSON.parse($(element).text()) as Json);
}

/** The page's one JSON-LD node of the given type. */
function node($: CheerioAPI, type: string): Json {
  const nodes = jsonLd($).filter((data) => data["@type"] === type);
  expect(nodes, type).toHaveLength(1);
  return nodes[0] as Json;
}

const meta = ($: CheerioAPI, key: string) => $(`meta[property="${key}"], meta[name="${key}"]`).attr("content");
const metas = ($: CheerioAPI, key: string) => $(`meta[property="${key}"]`).map((_, element) => $(element).attr("content")).get();
const obj = (value: unknown): Json => {
  expect(typeof value === "object" && value !== null && !Array.isArray(value), JSON.stringify(value)).toBe(true);
  return value as Json;
};
const list = (value: unknown): unknown[] => {
  expect(Array.isArray(value), JSON.stringify(value)).toBe(true);
  return value as unknown[];
};

/** The built file behind an absolute URL of the site (whose path prefix is not in the output folder). */
function outputFile(fixture: FixtureSite, base: string, url: string): string {
  expect(url.startsWith(base), `${url} is under ${base}`).toBe(true);
  return path.join(fixture.outputDir, url.slice(base.length));
}

/** Checks an ImageObject's file exists in the output at exactly its stated size, and returns it. */
async function expectImageFile(fixture: FixtureSite, base: string, value: unknown): Promise<{ url: string; width: number; height: number }> {
  const image = obj(value);
  expect(image["@type"]).toBe("ImageObject");
  const { url, width, height } = image as { url: string; width: number; height: number };
  expect(typeof url).toBe("string");
  const info = await inspectImage(outputFile(fixture, base, url));
  expect(info, url).toEqual({ format: expect.any(String), width, height });
  return { url, width, height };
}

describe("htmlToText", () => {
  it("keeps the text of rendered Markdown, decoding what markdown-it escapes, once", () => {
    expect(htmlToText("<p>Ana &amp; Li cover <strong>city</strong> hall<em>s</em>.</p>\n<p>&lt;script&gt; &quot;x&quot; &amp;lt;</p>\n")).toBe('Ana & Li cover city halls. <script> "x" &lt;');
  });
});

describe("JSON-LD on every page", () => {
  it("parses every block on every page, each a schema.org node with a type", () => {
    expect(pages.size).toBeGreaterThan(5);
    let blocks = 0;
    for (const [sitePath, $] of pages) {
      for (const data of jsonLd($)) {
        expect(data["@context"], sitePath).toBe("https://schema.org");
        expect(typeof data["@type"], sitePath).toBe("string");
        blocks++;
      }
    }
    expect(blocks).toBeGreaterThan(5);
  });

  it("gives each kind of page its node: NewsArticle, ProfilePage, CollectionPage, WebSite", () => {
    expect(jsonLd(page(ARTICLE)).map((data) => data["@type"])).toEqual(["NewsArticle"]);
    expect(jsonLd(page("/authors/ana-ruiz/")).map((data) => data["@type"])).toEqual(["ProfilePage"]);
    expect(jsonLd(page("/news/")).map((data) => data["@type"])).toEqual(["CollectionPage"]);
    expect(jsonLd(page("/")).map((data) => data["@type"])).toEqual(["WebSite"]);
  });

  it("points mainEntityOfPage or url at the page's canonical URL", () => {
    for (const [sitePath, $] of pages) {
      const canonical = $('link[rel="canonical"]').attr("href");
      for (const data of jsonLd($)) {
        const own = data["@type"] === "NewsArticle" ? obj(data["mainEntityOfPage"])["@id"] : data["url"];
        expect(own, sitePath).toBe(canonical);
      }
    }
  });
});

describe("NewsArticle", () => {
  it("has Google's properties with the right types", () => {
    const article = node(page(ARTICLE), "NewsArticle");
    for (const key of ["headline", "description", "datePublished", "dateModified", "dateline", "articleSection", "inLanguage", "url"]) {
      expect(typeof article[key], key).toBe("string");
    }
    expect(obj(article["mainEntityOfPage"])["@type"]).toBe("WebPage");
    expect(article["isAccessibleForFree"]).toBe(true);
    expect(list(article["keywords"]).every((keyword) => typeof keyword === "string")).toBe(true);
    expect(list(article["author"])).toHaveLength(2);
    expect(list(article["image"])).toHaveLength(3);
  });

  it("agrees with the visible page: headline, summary, dates, byline, section, tags, language", () => {
    const $ = page(ARTICLE);
    const article = node($, "NewsArticle");
    expect(article["headline"]).toBe($("h1").text());
    expect(article["description"]).toBe($('meta[name="description"]').attr("content"));
    expect(article["datePublished"]).toBe($(".timestamps__published time").attr("datetime"));
    expect(article["dateModified"]).toBe($(".timestamps__updated time").attr("datetime"));
    expect(article["dateline"]).toBe("PORT ALDER, Lakeshore");
    expect(article["articleSection"]).toBe($(".article__section a").text());
    expect(article["keywords"]).toEqual($(".article__tags li").map((_, li) => $(li).text()).get());
    expect(article["inLanguage"]).toBe($("html").attr("lang"));
    expect(article["mainEntityOfPage"]).toEqual({ "@type": "WebPage", "@id": $('link[rel="canonical"]').attr("href") });
  });

  it("lists each byline author with only the name, their absolute page URL and their profiles", () => {
    const $ = page(ARTICLE);
    const canonical = $('link[rel="canonical"]').attr("href") ?? "";
    const authors = list(node($, "NewsArticle")["author"]).map(obj);
    const byline = $(".byline a").map((_, a) => ({ name: $(a).text(), url: new URL($(a).attr("href") ?? "", canonical).href })).get();
    expect(authors.map((author) => author["name"])).toEqual(byline.map((link) => link.name));
    expect(authors.map((author) => author["url"])).toEqual(byline.map((link) => link.url));
    expect(authors[0]).toEqual({
      "@type": "Person",
      name: "Ana Ruiz",
      url: `${ORIGIN}authors/ana-ruiz/`,
      sameAs: ["https://x.com/anaruiz", "https://newsroom.example/@ana", "https://anaruiz.example.org"],
    });
    expect(authors[1]).toEqual({ "@type": "Person", name: "Li Wei", url: `${ORIGIN}authors/li-wei/` });
  });

  it("credits a desk byline as an Organization", () => {
    const authors = list(node(page(HOSTILE), "NewsArticle")["author"]).map(obj);
    expect(authors.map((author) => [author["@type"], author["name"]])).toEqual([
      ["Organization", "Gazette Desk"],
      ["Person", "Li Wei"],
    ]);
    expect(authors[0]?.["sameAs"]).toEqual([ORIGIN]);
  });

  it("names the publisher as a NewsMediaOrganization with its logo at its real size", async () => {
    const publisher = obj(node(page(ARTICLE), "NewsArticle")["publisher"]);
    expect(publisher["@type"]).toBe("NewsMediaOrganization");
    expect(publisher["name"]).toBe("The Fixture Gazette");
    expect(publisher["url"]).toBe(ORIGIN);
    const logo = await expectImageFile(site, ORIGIN, publisher["logo"]);
    expect([logo.width, logo.height]).toEqual([512, 512]);
  });

  it("offers 16:9, 4:3 and 1:1 crops of the lead photo, 1200 px wide, enlarged from a smaller photo", async () => {
    for (const sitePath of [ARTICLE, HOSTILE]) {
      const images = list(node(page(sitePath), "NewsArticle")["image"]);
      const sizes = [];
      for (const image of images) {
        const { width, height } = await expectImageFile(site, ORIGIN, image);
        sizes.push([width, height, width / height]);
      }
      // Both photos are smaller than 1200 px (1000×625 and a 500×800 portrait).
      expect(sizes).toEqual([
        [1200, 675, 16 / 9],
        [1200, 900, 4 / 3],
        [1200, 1200, 1],
      ]);
    }
  });

  it("shows the generated share card on an article without a photo (issue 18)", () => {
    const article = node(page(NO_PHOTO), "NewsArticle");
    expect(list(article["image"]).map(obj)).toEqual([{ "@type": "ImageObject", url: meta(page(NO_PHOTO), "og:image"), width: 1200, height: 630 }]);
    expect(article["datePublished"]).toBe(page(NO_PHOTO)(".timestamps__published time").attr("datetime"));
    expect(article["dateModified"]).toBe(article["datePublished"]);
  });
});

describe("Open Graph and X card", () => {
  it("describes an article: type, times, section, tags, authors, the 16:9 crop, a large card", () => {
    const $ = page(ARTICLE);
    const article = node($, "NewsArticle");
    const [wide] = list(article["image"]).map(obj);
    expect(meta($, "og:type")).toBe("article");
    expect(meta($, "og:url")).toBe($('link[rel="canonical"]').attr("href"));
    expect(meta($, "og:image")).toBe(wide?.["url"]);
    expect([meta($, "og:image:width"), meta($, "og:image:height")]).toEqual(["1200", "675"]);
    expect(meta($, "og:image:alt")).toBe($(".figure--lead img").attr("alt"));
    expect(meta($, "article:published_time")).toBe(article["datePublished"]);
    expect(meta($, "article:modified_time")).toBe(article["dateModified"]);
    expect(meta($, "article:section")).toBe("News");
    expect(metas($, "article:tag")).toEqual(["harbour", "city council"]);
    expect(metas($, "article:author")).toEqual([`${ORIGIN}authors/ana-ruiz/`, `${ORIGIN}authors/li-wei/`]);
    expect(meta($, "twitter:card")).toBe("summary_large_image");
    expect(meta($, "twitter:site")).toBe("@gazette");
    expect(meta($, "twitter:creator")).toBe("@anaruiz");
    expect(meta($, "robots")).toContain("max-image-preview:large");
  });

  it("falls back to the site logo, as a small card, on pages without a photo of their own", () => {
    for (const sitePath of ["/", "/news/", "/authors/li-wei/"]) {
      const $ = page(sitePath);
      expect(meta($, "og:image"), sitePath).toBe(obj(obj(node(page(ARTICLE), "NewsArticle")["publisher"])["logo"])["url"]);
      expect([meta($, "og:image:width"), meta($, "og:image:height")], sitePath).toEqual(["512", "512"]);
      expect(meta($, "og:image:alt"), sitePath).toBe("The Fixture Gazette logo");
      expect(meta($, "twitter:card"), sitePath).toBe("summary");
    }
    expect(meta(page(NO_PHOTO), "twitter:creator")).toBeUndefined();
  });

  it("marks author pages as profiles and other pages as websites", () => {
    expect(meta(page("/authors/ana-ruiz/"), "og:type")).toBe("profile");
    expect(meta(page("/"), "og:type")).toBe("website");
    expect(meta(page("/news/"), "og:type")).toBe("website");
  });
});

describe("ProfilePage, CollectionPage and WebSite", () => {
  it("describes an author page's person with what the page shows", async () => {
    const $ = page("/authors/ana-ruiz/");
    const profile = node($, "ProfilePage");
    const person = obj(profile["mainEntity"]);
    expect(person["@type"]).toBe("Person");
    expect(person["name"]).toBe($("h1").text());
    expect(person["url"]).toBe($('link[rel="canonical"]').attr("href"));
    expect(person["jobTitle"]).toBe($(".author-page__role").text());
    expect(person["sameAs"]).toEqual(["https://x.com/anaruiz", "https://newsroom.example/@ana", "https://anaruiz.example.org"]);
    expect(person["description"]).toBe("Ana Ruiz covers city government for the Gazette.");
    await expectImageFile(site, ORIGIN, person["image"]);
    expect(obj(profile["isPartOf"])["@type"]).toBe("WebSite");
  });

  it("describes a desk's page as an Organization without a job title", () => {
    const entity = obj(node(page("/authors/gazette-desk/"), "ProfilePage")["mainEntity"]);
    expect(entity["@type"]).toBe("Organization");
    expect(entity["jobTitle"]).toBeUndefined();
  });

  it("describes a section page as a CollectionPage of the site", () => {
    const $ = page("/news/");
    const collection = node($, "CollectionPage");
    expect(collection["name"]).toBe("News");
    expect(collection["url"]).toBe($('link[rel="canonical"]').attr("href"));
    expect(collection["isPartOf"]).toEqual({ "@type": "WebSite", "@id": `${ORIGIN}#website`, name: "The Fixture Gazette", url: ORIGIN });
  });

  it("describes the front page as the WebSite with its search and publisher", async () => {
    const website = node(page("/"), "WebSite");
    expect(website["url"]).toBe(ORIGIN);
    expect(website["name"]).toBe("The Fixture Gazette");
    expect(website["potentialAction"]).toEqual({
      "@type": "SearchAction",
      target: `${ORIGIN}search/?q={search_term_string}`,
      "query-input": "required name=search_term_string",
    });
    const publisher = obj(website["publisher"]);
    expect(publisher["@type"]).toBe("NewsMediaOrganization");
    expect(publisher["sameAs"]).toEqual(["https://x.com/gazette", "https://newsroom.example/@gazette"]);
    await expectImageFile(site, ORIGIN, publisher["logo"]);
  });
});

describe("hostile front matter in JSON-LD", () => {
  it("round-trips a headline that closes the script element, and adds no script element", () => {
    const $ = page(HOSTILE);
    const article = node($, "NewsArticle");
    expect(article["headline"]).toBe(HOSTILE_HEADLINE);
    expect($("h1").text()).toBe(HOSTILE_HEADLINE);
    expect(article["description"]).toBe("<!-- a summary --> that ends </script> with a line\u2028separator");
    expect(article["dateline"]).toBe("</SCRIPT><script>alert('dateline')</script>");
    expect(article["keywords"]).toEqual(["</script><script>alert('tag')</script>", "lighthouse"]);
    // The same elements as on a harmless article: one JSON-LD script, nothing injected.
    expect($("script").length).toBe(page(ARTICLE)("script").length);
    expect($('script[type="application/ld+json"]').length).toBe(1);
    expect($("img[src=x]").length).toBe(0);
    expect(meta($, "og:image:alt")).toBe("</script><img src=x onerror=alert('alt')>");
  });

  it("writes no raw < inside any JSON-LD script", async () => {
    const html = await fs.readFile(path.join(site.outputDir, HOSTILE, "index.html"), "utf8");
    // A raw "</script>" would end the element early: the parser would find a cut-short script.
    const $ = load(html);
    const scripts = $('script[type="application/ld+json"]').toArray().map((script) => $(script).text());
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).not.toContain("<");
    expect(scripts[0]).toContain("\\u003c/script>");
  });
});

describe("crop cache", () => {
  it("encodes no crop on a second build with a warm cache, into a fresh output folder", async () => {
    // A site with an image cache of its own, cold: the first build encodes, the second must not.
    const cold = await makeSite("seo-newsroom");
    try {
      const imageDir = await isolateImageCache(cold);
      const first = await runBuildCli(cold);
      expect(first.stdout).toMatch(/images: [1-9]\d* encoded/);
      const cached = (await fs.readdir(imageDir)).sort();
      expect(cached.filter((name) => /-1200x(675|900|1200)\.jpeg$/.test(name))).toHaveLength(6);
      await fs.rm(cold.outputDir, { recursive: true });
      const second = await runBuildCli(cold);
      expect(second.status, second.output).toBe(0);
      expect(second.stdout).toMatch(/images: 0 encoded, [1-9]\d* reused/);
      expect((await fs.readdir(imageDir)).sort()).toEqual(cached);
      const published = await fs.readdir(path.join(cold.outputDir, "img"));
      for (const crop of list(node(page(ARTICLE), "NewsArticle")["image"]).map(obj)) {
        expect(published).toContain(path.basename(String(crop["url"])));
      }
    } finally {
      await removeSite(cold);
    }
  });
});

describe("under a path prefix", () => {
  const BASE = "https://example.org/news/";
  let prefixed: FixtureSite;

  beforeAll(async () => {
    prefixed = await makeSite("seo-newsroom", "seo-path-prefix");
    await buildSite(prefixed);
  });
  afterAll(() => removeSite(prefixed));

  /** Every string in a JSON-LD node that is a URL of this site. */
  function siteUrls(value: unknown, key = ""): { key: string; url: string }[] {
    if (typeof value === "string") return /^(https?:)?\/\//.test(value) || value.startsWith("/") ? [{ key, url: value }] : [];
    if (Array.isArray(value)) return value.flatMap((item) => siteUrls(item, key));
    if (typeof value === "object" && value !== null) return Object.entries(value).flatMap(([k, v]) => siteUrls(v, k));
    return [];
  }

  it("makes every JSON-LD and Open Graph URL absolute and under /news/", async () => {
    let checked = 0;
    for (const sitePath of await listPages(prefixed)) {
      const $ = await readPage(prefixed, sitePath);
      const urls = jsonLd($).flatMap((data) => siteUrls(data));
      for (const key of ["og:url", "og:image", "article:author"]) urls.push(...metas($, key).map((url) => ({ key, url })));
      for (const { key, url } of urls) {
        // The vocabulary and profiles elsewhere (sameAs) are the only URLs that are not the site's.
        if (key === "@context" || key === "sameAs") continue;
        expect(url.startsWith(BASE), `${sitePath} ${key}: ${url}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it("publishes the crops and the logo where their prefixed URLs point", async () => {
    const $ = await readPage(prefixed, ARTICLE);
    const article = node($, "NewsArticle");
    for (const image of list(article["image"])) await expectImageFile(prefixed, BASE, image);
    await expectImageFile(prefixed, BASE, obj(article["publisher"])["logo"]);
    expect(meta($, "og:image")).toBe(obj(list(article["image"])[0])["url"]);
    expect(obj(node(await readPage(prefixed, "/"), "WebSite")["potentialAction"])["target"]).toBe(`${BASE}search/?q={search_term_string}`);
  });
});

describe("logo errors", () => {
  it("stops the build at the settings line when the logo file is missing", async () => {
    const broken = await makeSite("settings-logo-missing");
    try {
      expect(await buildError(broken)).toMatch(/settings\.yml:8 logo: "missing-logo\.png" not found/);
    } finally {
      await removeSite(broken);
    }
  });
});
