// Issue 20: the sample newsroom builds in every shipped language. Each build is the bundled content/
// with `language:` changed; its pages carry the language and direction, interface text from that
// language's catalogue, and no English interface text left over. Issue 18's pages (story labels,
// the corrections log and its feed, standalone pages, promos, the Video rail) are among them, and
// the newsroom-extras fixture, built at a moment its breaking story is up, adds the breaking banner.
import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { load, type CheerioAPI } from "cheerio";
import { build } from "../src/build/build.ts";
import { buildSite, listPages, makeSite, removeSite, type FixtureSite } from "./helpers/site.ts";
import { copySample } from "./helpers/sample.ts";
import { CATALOGUES, localeOf, SHIPPED_LANGUAGES, type LanguageCode } from "../src/i18n/index.ts";
import { cardFontsCover, drawShareCard } from "../src/render/share-card.ts";

const ARTICLE = "/2026/11/21/mariners-win-regional-final/";
/** One page of each kind the sample has. */
const PAGES = ["/", ARTICLE, "/sports/", "/tags/", "/authors/", "/authors/sam-whitlock/", "/archive/", "/search/", "/newsletter/", "/newsletter/daily/", "/newsletter/daily/2026/11/21/", "/404.html"];
/** Issue 18's: labelled stories (the opinion piece with its authors' roles, the sponsored one with its sponsor), a corrected story, the corrections log, a standalone page. */
const NEWSROOM_PAGES = [
  "/2026/11/24/analysis-seawall-bond-hard-sell/",
  "/2026/11/23/opinion-gull-point-light-needs-us/",
  "/2026/11/22/review-long-winter-alder-playhouse/",
  "/2026/11/20/sponsored-winter-walks-north-shore/",
  "/2026/11/23/council-approves-seawall-bond/",
  "/corrections/",
  "/about/",
];
/** A language tag as a newsroom writes it, per catalogue. */
const TAGS: Record<LanguageCode, string> = { en: "en-US", es: "es-ES", fr: "fr-FR", de: "de-DE", ar: "ar" };

const sites = new Map<LanguageCode, FixtureSite>();
/** The newsroom-extras fixture in each translated language, built while its breaking story is up. */
const extras = new Map<LanguageCode, FixtureSite>();
const EXTRAS_NOW = new Date("2026-03-10T12:00:00Z");

/** The sample content in `language`, built. */
async function sampleIn(language: string): Promise<FixtureSite> {
  const site = await copySample(language);
  await buildSite(site);
  return site;
}

/** The newsroom-extras fixture in `language`, built at EXTRAS_NOW. */
async function extrasIn(language: string): Promise<FixtureSite> {
  const site = await makeSite("newsroom-extras");
  const settings = path.join(site.contentDir, "settings.yml");
  // Its signup heading is the newsroom's own English text: left out, the catalogue's is shown.
  await fs.writeFile(settings, (await fs.readFile(settings, "utf8")).replace(/^language: .*$/m, `language: ${language}`).replace(/^ {2}heading: .*\n/m, ""));
  await build({ input: site.contentDir, output: site.outputDir, cacheDir: site.cacheDir, now: EXTRAS_NOW, log: () => {} });
  return site;
}

async function page(code: LanguageCode, sitePath: string, from = sites): Promise<CheerioAPI> {
  const site = from.get(code) as FixtureSite;
  return load(await fs.readFile(path.join(site.outputDir, sitePath, sitePath.endsWith(".html") ? "" : "index.html"), "utf8"));
}

const translated = SHIPPED_LANGUAGES.filter((code) => code !== "en");

beforeAll(async () => {
  // One at a time: the first build encodes the sample's photos into the shared cache, the others reuse them.
  for (const code of SHIPPED_LANGUAGES) sites.set(code, await sampleIn(TAGS[code]));
  for (const code of translated) extras.set(code, await extrasIn(TAGS[code]));
}, 600_000);

afterAll(async () => {
  await Promise.all([...sites.values(), ...extras.values()].map(removeSite));
});

/**
 * English left on a page of a `code` site: an element's own text or an attribute that is an English
 * text without placeholders, or that holds a phrase of an English text with placeholders ("Last
 * updated", "— by", "has published, newest first.") which the language says differently.
 */
function englishLeftOn($: CheerioAPI, code: LanguageCode, where: string): string[] {
  const english = CATALOGUES.en.messages;
  const own = CATALOGUES[code].messages as Record<string, unknown>;
  // Words the language shares with English ("Video", French "Corrections") are its own.
  const ownTexts = new Set(Object.values(own).flatMap((text) => (typeof text === "string" ? [text] : Object.values(text as Record<string, string>))));
  // Every English text without placeholders that this language says differently.
  const leftovers = new Set(Object.values(english).flatMap((text) => (typeof text === "string" && !text.includes("{") && !ownTexts.has(text) ? [text] : [])));
  // The phrases between placeholders of the other English texts: two words or more, not in the language's own text.
  const phrases = Object.entries(english).flatMap(([key, text]) =>
    typeof text === "string" && text.includes("{")
      ? text
          .split(/\{\w+\}/)
          .map((piece) => piece.trim())
          .filter((piece) => /[a-z]/i.test(piece) && piece.split(/\s+/).length >= 2 && !String(own[key]).includes(piece))
      : [],
  );
  const isEnglish = (text: string) => leftovers.has(text) || phrases.some((phrase) => text.includes(phrase));
  const found: string[] = [];
  const texts: [string, string][] = [
    ["<title>", $("title").text()],
    ["<meta description>", $('meta[name="description"]').attr("content") ?? ""],
    ...$("link[title]")
      .toArray()
      .map((link): [string, string] => ["<link title>", $(link).attr("title") ?? ""]),
  ];
  for (const [tag, text] of texts) if (phrases.some((phrase) => text.includes(phrase))) found.push(`${where} ${tag} ${text}`);
  // Editors' Markdown and authors' roles are English in the sample whatever the language: only the interface around them is checked.
  $("body *")
    .not(".article__body *, .standalone__body *, .author-bio__bio *, .author-bio__role")
    .each((_, element) => {
      const text = $(element).contents().filter((_, node) => node.type === "text").text().replace(/\s+/g, " ").trim();
      if (text !== "" && isEnglish(text)) found.push(`${where} <${element.tagName}> ${text}`);
      for (const name of ["aria-label", "placeholder", "title", "alt"]) {
        const value = $(element).attr(name);
        if (value && isEnglish(value)) found.push(`${where} <${element.tagName} ${name}> ${value}`);
      }
    });
  return found;
}

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
    const found: string[] = [];
    for (const sitePath of [...PAGES, ...NEWSROOM_PAGES]) found.push(...englishLeftOn(await page(code, sitePath), code, sitePath));
    const extrasSite = extras.get(code) as FixtureSite;
    for (const sitePath of await listPages(extrasSite)) found.push(...englishLeftOn(await page(code, sitePath, extras), code, `newsroom-extras ${sitePath}`));
    expect(found).toEqual([]);
  });

  it("the check finds English left on a page, in text, attributes and phrases around placeholders (it can fail)", () => {
    const $ = load(
      `<html><head><title>Corrections — Gazette</title></head><body><aside aria-label="Breaking news"><p class="story-label">Meinung</p><p class="story-label">Anzeige — by <a href="/">Partner</a></p><p>Last updated <time>2 November</time></p><p>Around the web</p><div class="article__body"><p>Around the web</p></div></body></html>`,
    );
    expect(englishLeftOn($, "de", "/x/")).toEqual(["/x/ <title> Corrections — Gazette", "/x/ <aside aria-label> Breaking news", "/x/ <p> Anzeige — by", "/x/ <p> Last updated", "/x/ <p> Around the web"]);
  });

  it.each(translated)("%s: story labels, the breaking banner and the corrections log and its feed speak the catalogue's words", async (code) => {
    const locale = localeOf(TAGS[code]);
    const sponsored = await page(code, "/2026/11/20/sponsored-winter-walks-north-shore/");
    expect(sponsored(".article__label").text()).toBe(`${locale.t("story.sponsored")} ${locale.t("story.sponsoredBy", { sponsor: "North Shore Outfitters" })}`);
    expect(sponsored(".article__label a").attr("rel")).toBe("sponsored noopener");
    expect((await page(code, "/2026/11/23/opinion-gull-point-light-needs-us/"))(".article__label").text()).toBe(locale.t("story.opinion"));
    const breaking = await page(code, "/", extras);
    expect([breaking(".breaking").attr("aria-label"), breaking(".breaking__label").text()]).toEqual([locale.t("breaking.region"), locale.t("breaking.label")]);
    const log = await page(code, "/corrections/");
    expect(log("h1").text()).toBe(locale.t("corrections.title"));
    expect(log('meta[name="description"]').attr("content")).toBe(locale.t("corrections.description", { site: "The Lakeshore Ledger" }));
    const feed = await fs.readFile(path.join((sites.get(code) as FixtureSite).outputDir, "corrections/feed.xml"), "utf8");
    const titles = [...feed.matchAll(/<title[^>]*>([^<]*)<\/title>/g)].map((match) => match[1] ?? "");
    expect(titles[0]).toBe(locale.t("corrections.feedTitle", { site: "The Lakeshore Ledger" }));
    expect(titles.length).toBeGreaterThan(1);
    for (const title of titles.slice(1)) expect(title.startsWith(locale.t("corrections.entryTitle", { headline: "" }))).toBe(true);
  });

  it.each(translated)("%s: dates, the edition and its feed are in the language", async (code) => {
    const $ = await page(code, "/newsletter/daily/2026/11/21/");
    const saturday = new Intl.DateTimeFormat(TAGS[code], { weekday: "long", year: "numeric", month: "long", day: "numeric", timeZone: "UTC" }).format(Date.UTC(2026, 10, 21, 12));
    expect($("h1").text()).toBe(saturday);
    const feed = await fs.readFile(path.join((sites.get(code) as FixtureSite).outputDir, "newsletter/daily/feed.xml"), "utf8");
    expect(feed).toContain(`xml:lang="${TAGS[code]}"`);
  });
});

describe("share cards in every shipped language", () => {
  it("draw Latin, Greek and Cyrillic text, and no text in a script their fonts lack (Arabic)", async () => {
    expect(cardFontsCover({ headline: "Sturm drückt den See über die Ufermauer", kicker: "Meinung · Nachrichten", name: "Ελληνικά и кириллица" })).toBe(true);
    expect(cardFontsCover({ headline: "عاصفة ليلية تغمر شارع المرفأ", kicker: "تحليل · أخبار", name: "The Ledger" })).toBe(false);
    // Two Arabic cards are the same image whatever they say: the frame alone, no text.
    const arabic = await drawShareCard({ headline: "عاصفة ليلية تغمر شارع المرفأ", kicker: "تحليل · أخبار", name: "جريدة المرفأ", direction: "rtl" }, undefined);
    expect(arabic).toBe(await drawShareCard({ headline: "مهرجان الفوانيس", kicker: "رأي · ثقافة", name: "الجريدة", direction: "rtl" }, undefined));
    // A German card's text is drawn as glyph paths: much more than the frame.
    const german = await drawShareCard({ headline: "Sturm drückt den See über die Ufermauer", kicker: "Meinung · Nachrichten", name: "Die Zeitung", direction: "ltr" }, undefined);
    expect(german.length).toBeGreaterThan(arabic.length + 5_000);
  });

  it.each(translated)("%s: a story without a photo gets its card, its kicker in the language", async (code) => {
    const $ = await page(code, "/2026/11/24/analysis-seawall-bond-hard-sell/");
    const image = $('meta[property="og:image"]').attr("content") ?? "";
    expect(image).toMatch(/-card\.jpeg$/);
    const file = path.join((sites.get(code) as FixtureSite).outputDir, new URL(image).pathname);
    expect((await fs.stat(file)).size).toBeGreaterThan(5_000);
  });
});
