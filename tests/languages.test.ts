// Issue 20: the sample newsroom builds in every shipped language. Each build is the bundled content/
// with `language:` changed; its pages carry the language and direction, interface text from that
// language's catalogue, and no English interface text left over.
import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { load, type CheerioAPI } from "cheerio";
import { buildSite, removeSite, type FixtureSite } from "./helpers/site.ts";
import { copySample } from "./helpers/sample.ts";
import { CATALOGUES, localeOf, SHIPPED_LANGUAGES, type LanguageCode } from "../src/i18n/index.ts";

const ARTICLE = "/2026/11/21/mariners-win-regional-final/";
/** One page of each kind the sample has. */
const PAGES = ["/", ARTICLE, "/sports/", "/tags/", "/authors/", "/authors/sam-whitlock/", "/archive/", "/search/", "/newsletter/", "/newsletter/daily/", "/newsletter/daily/2026/11/21/", "/404.html"];
/** A language tag as a newsroom writes it, per catalogue. */
const TAGS: Record<LanguageCode, string> = { en: "en-US", es: "es-ES", fr: "fr-FR", de: "de-DE", ar: "ar" };

const sites = new Map<LanguageCode, FixtureSite>();

/** The sample content in `language`, built. */
async function sampleIn(language: string): Promise<FixtureSite> {
  const site = await copySample(language);
  await buildSite(site);
  return site;
}

async function page(code: LanguageCode, sitePath: string): Promise<CheerioAPI> {
  const site = sites.get(code) as FixtureSite;
  return load(await fs.readFile(path.join(site.outputDir, sitePath, sitePath.endsWith(".html") ? "" : "index.html"), "utf8"));
}

const translated = SHIPPED_LANGUAGES.filter((code) => code !== "en");

beforeAll(async () => {
  // One at a time: the first build encodes the sample's photos into the shared cache, the others reuse them.
  for (const code of SHIPPED_LANGUAGES) sites.set(code, await sampleIn(TAGS[code]));
}, 600_000);

afterAll(async () => {
  await Promise.all([...sites.values()].map(removeSite));
});

describe("the sample newsroom in every shipped language", () => {
  it.each(SHIPPED_LANGUAGES)("%s: every page carries the language and its direction", async (code) => {
    for (const sitePath of PAGES) {
      const $ = await page(code, sitePath);
      expect([$("html").attr("lang"), $("html").attr("dir")], `${code} ${sitePath}`).toEqual([TAGS[code], CATALOGUES[code].meta.direction]);
    }
  });

  it.each(SHIPPED_LANGUAGES)("%s: the frame, the article and the signup box speak the catalogue's words", async (code) => {
    const locale = localeOf(TAGS[code]);
    const $ = await page(code, ARTICLE);
    expect($(".skip-link").text()).toBe(locale.t("page.skip"));
    expect($(".site-nav").attr("aria-label")).toBe(locale.t("nav.sections"));
    expect($(".byline").text()).toBe(locale.t("article.byline", { names: "Sam Whitlock" }));
    expect($(".timestamps__published").text().startsWith(locale.t("article.published", { time: "" }).trim())).toBe(true);
    expect(Array.from({ length: 30 }, (_, minutes) => locale.plural("article.readingTime", minutes + 1))).toContain($(".timestamps__reading").text());
    expect($(".related h2").text()).toBe(locale.t("article.related", { section: "Sports" }));
    expect($(".signup label").first().text()).toBe(locale.t("signup.email"));
    expect($(".site-footer__copyright").text()).toBe(locale.t("footer.copyright", { year: locale.integer(2026), holder: "Lakeshore Ledger Cooperative" }));
  });

  it.each(translated)("%s: no English interface text is left on any page", async (code) => {
    const english = CATALOGUES.en.messages;
    const own = CATALOGUES[code].messages as Record<string, unknown>;
    // Every English text without placeholders that this language says differently.
    const leftovers = new Set(Object.entries(english).flatMap(([key, text]) => (typeof text === "string" && !text.includes("{") && own[key] !== text ? [text] : [])));
    const found: string[] = [];
    for (const sitePath of PAGES) {
      const $ = await page(code, sitePath);
      $("body *").each((_, element) => {
        const own = $(element).contents().filter((_, node) => node.type === "text").text().trim();
        if (leftovers.has(own)) found.push(`${sitePath} <${element.tagName}> ${own}`);
        for (const name of ["aria-label", "placeholder", "title", "alt"]) {
          const value = $(element).attr(name);
          if (value && leftovers.has(value)) found.push(`${sitePath} <${element.tagName} ${name}> ${value}`);
        }
      });
    }
    expect(found).toEqual([]);
  });

  it.each(translated)("%s: dates, the edition and its feed are in the language", async (code) => {
    const $ = await page(code, "/newsletter/daily/2026/11/21/");
    const saturday = new Intl.DateTimeFormat(TAGS[code], { weekday: "long", year: "numeric", month: "long", day: "numeric", timeZone: "UTC" }).format(Date.UTC(2026, 10, 21, 12));
    expect($("h1").text()).toBe(saturday);
    const feed = await fs.readFile(path.join((sites.get(code) as FixtureSite).outputDir, "newsletter/daily/feed.xml"), "utf8");
    expect(feed).toContain(`xml:lang="${TAGS[code]}"`);
  });
});
