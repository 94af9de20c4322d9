// Issue 9, point 1: live coverage. A fixture site with a live blog, an ended one and an article
// whose time-like headings are plain headings, checked on the parsed page, its JSON-LD and the
// feeds; errors with file:line; and in Chromium, the optional script that offers a newer build's
// updates. Also point 4's settings for publishing a lead photo's location and camera.
import fs from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import exifr from "exifr";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { load, type CheerioAPI } from "cheerio";
import type { Browser } from "playwright-core";
import { buildSite, makeSite, readPage, removeSite, sitesRemovedAfterEach, writeContent, type FixtureSite } from "./helpers/site.ts";
import { editSettings } from "./helpers/settings.ts";
import { axeViolations, serveWithChromium, withPage, type ServedSite, type StaticServer } from "./helpers/browser.ts";
import { validateHtmlFile } from "./helpers/html.ts";
import { validateNewsroom } from "../src/content/load.ts";
import { ContentError } from "../src/content/errors.ts";

type Json = { [key: string]: unknown };

const LIVE = "/2026/03/06/storm-live/";
const ENDED = "/2026/03/04/storm-ended/";
const NOT_LIVE = "/2026/03/03/not-live/";
const ORIGIN = "https://gazette.example.org";
// As written in the fixture, with straight quotes the typographer curls, as in any heading.
const HOSTILE = `<script>alert(1)</script> & “gates” <b>shut</b>`;

function jsonLd($: CheerioAPI): Json {
  const nodes = $('script[type="application/ld+json"]')
    .toArray()
    .map((element) => JSON.parse($(element).text()) as Json);
  expect(nodes).toHaveLength(1);
  return nodes[0] as Json;
}

describe("a live blog", () => {
  let site: FixtureSite;
  let $: CheerioAPI;
  beforeAll(async () => {
    site = await makeSite("live-coverage");
    await buildSite(site);
    $ = await readPage(site, LIVE);
  });
  afterAll(() => removeSite(site));

  it("pins the summary, then shows every update newest first with its anchor and time in the site's zone", () => {
    expect($(".live-summary").text()).toContain("Gale-force winds are closing the harbour.");
    expect($(".article__body > p").first().children().first().text()).toBe("PORT ALDER, Lakeshore —");
    const updates = $(".live-updates > article.live-update");
    expect(updates.map((_i, update) => $(update).attr("id")).get()).toEqual(["update-20260307-0040", "update-20260306-1610", "update-20260306-1530", "update-20260306-1405"]);
    expect(updates.find("h2 time").map((_i, time) => $(time).attr("datetime")).get()).toEqual([
      "2026-03-07T00:40:00-06:00",
      "2026-03-06T16:10:00-06:00",
      "2026-03-06T15:30:00-06:00",
      "2026-03-06T14:05:00-06:00",
    ]);
    // The time links to the update itself; the date appears only for an update on a later day.
    expect(updates.eq(3).find("a.live-update__time").attr("href")).toBe("#update-20260306-1405");
    expect(updates.eq(3).find("time").text()).toBe("2:05 PM CST");
    expect(updates.eq(0).find("time").text()).toBe("Mar 7, 12:40 AM CST");
    expect(updates.eq(1).find(".live-update__headline")).toHaveLength(0);
    expect(updates.eq(0).find(".live-update__headline").text()).toBe("After midnight, the wind drops");
  });

  it("renders each update through the article's Markdown pipeline: figures, subheadings, other headings", () => {
    const ferry = $("#update-20260306-1405");
    expect(ferry.find("figure.figure--inline picture source")).toHaveLength(2);
    expect(ferry.find("figure.figure--inline img").attr("alt")).toBe("Boats tied up in the harbour");
    const gates = $("#update-20260306-1530");
    expect(gates.find(".live-update__body h3").text()).toBe("What the gates do");
    // A level-2 heading that does not start with a time belongs to the update it is in.
    expect(gates.find(".live-update__body h2").text()).toBe("Background");
  });

  it("prints a hostile update headline as text", () => {
    const headline = $("#update-20260306-1530 .live-update__headline");
    expect(headline.text()).toBe(HOSTILE);
    expect(headline.find("script, b")).toHaveLength(0);
    expect($(".live-updates script")).toHaveLength(0);
    expect(jsonLd($)["liveBlogUpdate"]).toContainEqual(expect.objectContaining({ headline: HOSTILE }));
  });

  it("shows a Live badge as text and dates the article's update by its newest update", async () => {
    expect($(".article__header .live-status .live-badge").text()).toBe("Live");
    expect($(".timestamps__updated time").attr("datetime")).toBe("2026-03-07T00:40:00-06:00");
    const front = await readPage(site, "/");
    const teaser = front(`.teaser:has(a[href="${LIVE}"])`).first();
    expect(teaser.find(".teaser__headline .live-badge").text()).toBe("Live");
    expect(front(`.teaser:has(a[href="${ENDED}"]) .live-badge`)).toHaveLength(0);
  });

  it("loads the live script once, from a file, outside the body; an ended blog loads none", async () => {
    expect($('script[src^="/js/live.js?v="]')).toHaveLength(1);
    expect($(".live-updates").attr("data-live-poll-seconds")).toBe("60");
    const ended = await readPage(site, ENDED);
    expect(ended('script[src*="live.js"]')).toHaveLength(0);
    expect(ended(".live-updates").attr("data-live-poll-seconds")).toBeUndefined();
    expect(ended(".live-status").text()).toMatch(/^Live coverage has ended /);
    expect(ended(".live-status time").attr("datetime")).toBe("2026-03-04T12:00:00-06:00");
    expect(ended(".article__header .live-badge")).toHaveLength(0);
  });

  it("describes itself as a LiveBlogPosting that agrees with the page", () => {
    const data = jsonLd($);
    expect(data["@type"]).toBe("LiveBlogPosting");
    // The NewsArticle fields stay.
    expect(data["headline"]).toBe($("h1").text());
    expect(data["datePublished"]).toBe($(".timestamps__published time").attr("datetime"));
    expect(data["dateModified"]).toBe($(".timestamps__updated time").attr("datetime"));
    expect(data["dateline"]).toBe("PORT ALDER, Lakeshore");
    expect(data["coverageStartTime"]).toBe("2026-03-06T14:00:00-06:00");
    expect(data).not.toHaveProperty("coverageEndTime");
    const updates = data["liveBlogUpdate"] as Json[];
    const shown = $(".live-update").toArray();
    expect(updates).toHaveLength(shown.length);
    updates.forEach((update, index) => {
      const element = $(shown[index]);
      expect(update["@type"]).toBe("BlogPosting");
      expect(update["url"]).toBe(`${ORIGIN}${LIVE}#${element.attr("id")}`);
      expect(update["datePublished"]).toBe(element.find("h2 time").attr("datetime"));
      expect(update["articleBody"]).toBe(element.find(".live-update__body").text().replace(/\s+/g, " ").trim());
      expect(update["headline"]).toEqual(element.find(".live-update__headline").text() || expect.stringContaining("Power is out"));
    });
  });

  it("gives an ended blog its coverageEndTime", async () => {
    const data = jsonLd(await readPage(site, ENDED));
    expect(data["@type"]).toBe("LiveBlogPosting");
    expect(data["coverageStartTime"]).toBe("2026-03-04T08:00:00-06:00");
    expect(data["coverageEndTime"]).toBe("2026-03-04T12:00:00-06:00");
    expect(data["dateModified"]).toBe("2026-03-04T11:50:00-06:00");
  });

  it("leaves time-like headings of an article that is not live as headings", async () => {
    const plain = await readPage(site, NOT_LIVE);
    expect(plain(".article__body h2").text()).toBe("14:05 — the first draft");
    expect(plain(".live-update, .live-status")).toHaveLength(0);
    expect(jsonLd(plain)["@type"]).toBe("NewsArticle");
  });

  it("lists the live article once in the feeds, updated at its newest update", async () => {
    const atom = load(await fs.readFile(path.join(site.outputDir, "feed.xml"), "utf8"), { xml: true });
    const entries = atom("entry").filter((_i, entry) => atom(entry).find("link").attr("href") === `${ORIGIN}${LIVE}`);
    expect(entries).toHaveLength(1);
    expect(entries.find("updated").text()).toBe("2026-03-07T00:40:00-06:00");
    const json = JSON.parse(await fs.readFile(path.join(site.outputDir, "feed.json"), "utf8")) as { items: Json[] };
    const items = json.items.filter((item) => item["url"] === `${ORIGIN}${LIVE}`);
    expect(items).toHaveLength(1);
    expect(items[0]?.["date_modified"]).toBe("2026-03-07T00:40:00-06:00");
  });

  it("writes valid HTML", async () => {
    for (const page of [LIVE, ENDED, "/"]) expect(await validateHtmlFile(path.join(site.outputDir, page, "index.html")), page).toEqual([]);
  });
});

describe("live coverage errors", () => {
  it("names each bad update at its heading's line, and a live article without updates", async () => {
    const site = await makeSite("live-errors");
    try {
      const { problems } = await validateNewsroom(site.contentDir);
      const message = new ContentError(problems).message;
      expect(message).toContain('articles/2026/x.md:10 live update: "## 25:10 — Not a time" does not start with a time this newsroom can read');
      expect(message).toContain("articles/2026/x.md:14 live update: 08:00 is before the article's date 2026-03-06T09:00:00-06:00 (an update cannot come before coverage starts; an update after midnight needs its date: ## 2026-03-07 08:00)");
      expect(message).toContain("articles/2026/x.md:22 live update: 10:00 is the time of another update too (line 18)");
      expect(message).toContain("articles/2026/no-updates.md:6 live: is true but the body has no updates");
      expect(message).toContain("articles/2026/ended-not-live.md:6 liveEnded: is set but the article is not live coverage");
      expect(message).toContain("articles/2026/ended-early.md:7 liveEnded: 2026-03-06T10:00:00-06:00 is before the newest update");
      expect(problems).toHaveLength(6);
    } finally {
      await removeSite(site);
    }
  });
});

describe("live.js in Chromium", () => {
  let site: FixtureSite;
  let server: StaticServer;
  let browser: Browser;
  let served: ServedSite | undefined;
  beforeAll(async () => {
    site = await makeSite("live-coverage");
    await buildSite(site);
    served = await serveWithChromium(site.outputDir);
    expect(served.headers["Content-Security-Policy"]).toMatch(/script-src 'self'/);
    expect(served.headers["Content-Security-Policy"]).toMatch(/connect-src 'self'/);
    ({ server, browser } = served);
  });
  afterAll(async () => {
    await served?.close();
    if (site) await removeSite(site);
  });

  it("offers a newer build's update with an announced button, and inserts it on click without scrolling", async () => {
    const context = await browser.newContext({ reducedMotion: "reduce", viewport: { width: 800, height: 600 } });
    const page = await context.newPage();
    const cspErrors: string[] = [];
    const offSite: string[] = [];
    page.on("console", (message) => void (/Content Security Policy/i.test(message.text()) && cspErrors.push(message.text())));
    page.on("request", (request) => void (new URL(request.url()).hostname !== "127.0.0.1" && offSite.push(request.url())));
    await page.goto(server.origin + LIVE);
    const notice = page.locator(".live-notice");
    await notice.waitFor({ state: "attached" });
    expect(await notice.getAttribute("aria-live")).toBe("polite");
    // Nothing new yet: a check (seen fetching the page; the notice is aria-busy from its start to its
    // end, set before dispatchEvent returns) finds nothing to offer.
    const checked = page.waitForResponse((response) => response.url().startsWith(server.origin + LIVE));
    await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
    await checked;
    await page.locator(".live-notice:not([aria-busy])").waitFor({ state: "attached" });
    expect(await notice.locator("button").count()).toBe(0);

    // A newer build adds one update.
    const file = path.join(site.contentDir, "articles/2026/storm-live.md");
    await fs.writeFile(file, (await fs.readFile(file, "utf8")) + "\n## 2026-03-07 01:15 — Crews out at first light\n\nLine crews are heading to the north shore.\n");
    await buildSite(site);

    await page.evaluate(() => window.scrollTo(0, 200));
    const scrolled = await page.evaluate(() => window.scrollY);
    await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
    const button = notice.getByRole("button", { name: "1 new update — show" });
    await button.waitFor();
    expect(await page.locator("#update-20260307-0115").count()).toBe(0);
    await button.click();
    const added = page.locator(".live-updates > article.live-update").first();
    expect(await added.getAttribute("id")).toBe("update-20260307-0115");
    expect(await added.locator(".live-update__headline").textContent()).toBe("Crews out at first light");
    expect(await page.locator(".live-update").count()).toBe(5);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("update-20260307-0115");
    expect(await notice.textContent()).toBe("1 new update shown");
    expect(await page.locator(".timestamps__updated time").getAttribute("datetime")).toBe("2026-03-07T01:15:00-06:00");
    // It never scrolls or animates.
    expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
    expect(await added.evaluate((element) => [getComputedStyle(element).transitionDuration, getComputedStyle(element).animationName])).toEqual(["0s", "none"]);
    expect(cspErrors).toEqual([]);
    expect(offSite).toEqual([]);
    await context.close();
  });

  it("passes axe (WCAG 2.2 AA) in light and dark with the badge and the offer on screen", async () => {
    await withPage(browser, server.origin + LIVE, {}, async (page) => {
      // Rewrite the served page with one update fewer, so the script has something to offer.
      await page.evaluate(() => document.querySelector(".live-update")?.remove());
      await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
      await page.locator(".live-notice button").waitFor();
      for (const colorScheme of ["light", "dark"] as const) {
        await page.emulateMedia({ colorScheme });
        expect(await axeViolations(page), colorScheme).toEqual([]);
      }
    });
  });

  it("leaves a complete page without JavaScript", async () => {
    await withPage(browser, server.origin + LIVE, { javaScriptEnabled: false }, async (page) => {
      expect(await page.locator(".live-update").count()).toBeGreaterThanOrEqual(4);
      expect(await page.locator(".live-notice").count()).toBe(0);
    });
  });
});

describe("photo location and camera (settings.photos)", () => {
  const site = sitesRemovedAfterEach();

  /** A JPEG whose EXIF holds a camera and a GPS position, as a phone writes it. */
  const gpsPhoto = () =>
    sharp({ create: { width: 800, height: 500, channels: 3, background: "#3a6d8c" } })
      .jpeg()
      .withExif({
        IFD0: { Make: "FixtureCam", Model: "One" },
        IFD3: { GPSLatitudeRef: "N", GPSLatitude: "48/1 25/1 0/1", GPSLongitudeRef: "W", GPSLongitude: "123/1 22/1 0/1" },
      })
      .toBuffer();

  async function buildWithPhoto(settings?: string): Promise<FixtureSite> {
    const fixture = await site();
    if (settings) {
      await editSettings(fixture, (text) => text.replace("social: { x: gazette }\n", `social: { x: gazette }\nphotos: ${settings}\n`));
    }
    await writeContent(fixture, "articles/2026/pier.jpg", await gpsPhoto());
    await writeContent(fixture, "articles/2026/pier.md", "---\nheadline: The pier at noon\nbyline: ana-ruiz\ndate: 2026-03-08T12:00:00-06:00\nsection: news\nphoto: pier.jpg\nalt: The pier\ncaption: The pier at noon.\n---\nText.\n");
    await buildSite(fixture);
    return fixture;
  }

  /** Every text file of the output, joined. */
  async function allText(fixture: FixtureSite): Promise<string> {
    const files = (await fs.readdir(fixture.outputDir, { recursive: true })).filter((name) => /\.(?:html|xml|json|txt)$/.test(name));
    return (await Promise.all(files.map((name) => fs.readFile(path.join(fixture.outputDir, name), "utf8")))).join("\n");
  }

  async function expectNoMetadataInImages(fixture: FixtureSite) {
    const images = (await fs.readdir(path.join(fixture.outputDir, "img"))).filter((name) => /\.(?:jpe?g|webp|avif|png)$/.test(name));
    expect(images.length).toBeGreaterThan(0);
    for (const name of images) {
      const file = path.join(fixture.outputDir, "img", name);
      expect((await sharp(file).metadata()).exif, name).toBeUndefined();
      // The bytes, not the path: exifr leaves a path's file handle to the garbage collector (Node 26 crashes).
      expect(await exifr.gps(await fs.readFile(file)).catch(() => undefined), name).toBeUndefined();
    }
  }

  it("publishes neither by default", async () => {
    const fixture = await buildWithPhoto();
    const text = await allText(fixture);
    for (const leak of ["FixtureCam", "GeoCoordinates", "contentLocation", "exifData", "48.41", "123.36"]) expect(text).not.toContain(leak);
    expect((await readPage(fixture, "/2026/03/08/pier/"))(".figure__camera")).toHaveLength(0);
    await expectNoMetadataInImages(fixture);
  });

  it("publishes the GPS position in JSON-LD and the camera under the photo when the settings allow", async () => {
    const fixture = await buildWithPhoto("{ publishLocation: true, publishCamera: true }");
    const $ = await readPage(fixture, "/2026/03/08/pier/");
    expect($(".figure__camera").text()).toBe("Camera: FixtureCam One");
    const images = jsonLd($)["image"] as Json[];
    expect(images).toHaveLength(3);
    for (const image of images) {
      expect(image["contentLocation"]).toEqual({ "@type": "Place", geo: { "@type": "GeoCoordinates", latitude: 48.416667, longitude: -123.366667 } });
      expect(image["exifData"]).toEqual([{ "@type": "PropertyValue", name: "Camera", value: "FixtureCam One" }]);
    }
    // The output images still carry nothing.
    await expectNoMetadataInImages(fixture);
  });

  it("publishes only what is allowed: location without camera", async () => {
    const fixture = await buildWithPhoto("{ publishLocation: true }");
    const text = await allText(fixture);
    expect(text).toContain("GeoCoordinates");
    expect(text).not.toContain("FixtureCam");
  });
});
