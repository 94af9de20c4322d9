// Issue 19: the editorial design measured in Chromium on the sample newsroom (the run's one shared
// build), at a phone's, a tablet's and a desktop's width, on every page type that lists stories:
// nothing scrolls sideways, no column ends far above what follows it, the front page's first screen
// shows each story once, every teaser picture has its size and loads, and axe finds nothing in light
// or dark. Each page is photographed into tests/artifacts/design/ (gitignored) under `npm run screenshots`.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { axeViolations, launchChromium, photograph, serveSite, withPage, type StaticServer } from "../helpers/browser.ts";

const WIDTHS = [375, 768, 1280] as const;
const PAGES: [string, string][] = [
  ["front", "/"],
  ["section", "/news/"],
  ["topic", "/tags/harbour/"],
  ["author", "/authors/mara-quinn/"],
  ["article", "/2026/11/21/mariners-win-regional-final/"],
  ["search", "/search/?q=harbour"],
];
/** The largest blank band allowed between a content block and the next one below it. */
const MAX_GAP = 120;

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  const sample = inject("sampleSite");
  expect(sample.status, sample.output).toBe(0);
  server = await serveSite(sample.outputDir);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens `sitePath` at `width` in light and hands the page over; search waits for its results. */
function open<T>(sitePath: string, width: number, check: (page: Page) => Promise<T>): Promise<T> {
  return withPage(browser, server.origin + sitePath, { viewport: { width, height: 800 } }, async (page) => {
    if (sitePath.startsWith("/search/")) await page.locator(".search-result").first().waitFor();
    return check(page);
  });
}

/**
 * The largest vertical gap in the main column: for every visible content block, the distance from
 * its bottom to the top of the nearest block below it that shares some of its width. A column that
 * ends far above its neighbour's end (the old front page's blank column under the lead) shows here.
 */
function largestGap(page: Page): Promise<{ gap: number; above: string; below: string }> {
  return page.evaluate(() => {
    const selector = "main :is(h1, h2, h3, p, figure, picture, figcaption, form, fieldset, blockquote, .teaser, li, aside, section > ol, .article__body > *)";
    const describe = (element: Element) => `${element.tagName.toLowerCase()}.${[...element.classList].join(".")} "${(element.textContent ?? "").trim().slice(0, 40)}"`;
    const blocks = [...document.querySelectorAll(selector)]
      .map((element) => ({ element, box: element.getBoundingClientRect() }))
      .filter(({ element, box }) => box.width > 2 && box.height > 2 && getComputedStyle(element).visibility !== "hidden")
      .map(({ element, box }) => ({ element, top: box.top + scrollY, bottom: box.bottom + scrollY, left: box.left, right: box.right }));
    let worst = { gap: 0, above: "", below: "" };
    for (const block of blocks) {
      let next: (typeof blocks)[number] | undefined;
      for (const other of blocks) {
        if (other.top < block.bottom - 1 || Math.min(other.right, block.right) - Math.max(other.left, block.left) <= 1) continue;
        if (!next || other.top < next.top) next = other;
      }
      if (next && next.top - block.bottom > worst.gap) worst = { gap: Math.round(next.top - block.bottom), above: describe(block.element), below: describe(next.element) };
    }
    return worst;
  });
}

/** Every teaser picture: its width and height attributes, and its decoded size once loaded (lazy ones are asked for). */
function teaserImages(page: Page): Promise<{ src: string; width: string | null; height: string | null; natural: number }[]> {
  return page.evaluate(async () => {
    const images = [...document.querySelectorAll<HTMLImageElement>("main .teaser img")];
    for (const image of images) image.loading = "eager";
    await Promise.all(images.map((image) => image.decode().catch(() => undefined)));
    return images.map((image) => ({ src: image.currentSrc, width: image.getAttribute("width"), height: image.getAttribute("height"), natural: image.naturalWidth }));
  });
}

describe("issue 19: the design, measured", () => {
  it.each(PAGES)("%s: fits 375, 768 and 1280 px, with no gap over 120 px, every teaser picture sized and loaded, and no axe violation in light or dark", async (name, sitePath) => {
    for (const width of WIDTHS) {
      // One load per width: the layout is measured, then axe runs in light and, restyled, in dark.
      const seen = await open(sitePath, width, async (page) => {
        const found = {
          overflow: await page.evaluate(() => document.documentElement.scrollWidth - innerWidth),
          gap: await largestGap(page),
          images: await teaserImages(page),
          axe: { light: await axeViolations(page), dark: [] as string[] },
        };
        await photograph(page, `design/${name}-${width}.png`);
        await page.emulateMedia({ colorScheme: "dark" });
        found.axe.dark = await axeViolations(page);
        return found;
      });
      expect(seen.overflow, `${sitePath} at ${width} px scrolls sideways`).toBeLessThanOrEqual(0);
      expect(seen.gap.gap, `${sitePath} at ${width} px: ${seen.gap.above} → ${seen.gap.below}`).toBeLessThanOrEqual(MAX_GAP);
      for (const image of seen.images) {
        expect([image.width, image.height], `${image.src} at ${width} px`).toEqual([expect.stringMatching(/^\d+$/), expect.stringMatching(/^\d+$/)]);
        expect(image.natural, `${image.src} loads`).toBeGreaterThan(0);
      }
      // Listings show pictures (the front, section, topic and author pages of the sample all have some).
      if (name !== "article") expect(seen.images.length, `${sitePath} at ${width} px`).toBeGreaterThan(0);
      expect(seen.axe, `${sitePath} at ${width} px`).toEqual({ light: [], dark: [] });
    }
  });

  it.each(WIDTHS)("the front page's first screen at %i px shows each story once, and the masthead says the build's day", async (width) => {
    const { first, date } = await open("/", width, async (page) => ({
      first: await page.evaluate(() =>
        [...document.querySelectorAll<HTMLAnchorElement>("main :is(.teaser__headline, .video-rail__headline) a")]
          .filter((link) => {
            const box = link.getBoundingClientRect();
            return box.bottom > 0 && box.top < innerHeight;
          })
          .map((link) => link.pathname),
      ),
      date: await page.locator(".site-header__date time").textContent(),
    }));
    expect(first.length).toBeGreaterThan(0);
    expect(first.filter((item, index) => first.indexOf(item) !== index)).toEqual([]);
    // The sample is built with DATELINE_NOW 2026-11-26T12:00Z: that day in America/Chicago.
    expect(date).toBe("Thursday, November 26, 2026");
  });

  it("the phone's navigation is one row that scrolls sideways, reaching its last link", async () => {
    const row = await open("/", 375, async (page) => {
      const tops = await page.locator(".site-nav li").evaluateAll((items) => items.map((item) => Math.round(item.getBoundingClientRect().top)));
      const list = page.locator(".site-nav ul");
      const scrolls = await list.evaluate((element) => element.scrollWidth > element.clientWidth);
      await page.locator(".site-nav__search a").focus();
      const visible = await page.locator(".site-nav__search a").evaluate((link) => {
        const box = link.getBoundingClientRect();
        return box.left >= 0 && box.right <= innerWidth;
      });
      return { rows: new Set(tops).size, scrolls, visible };
    });
    expect(row).toEqual({ rows: 1, scrolls: true, visible: true });
  });
});
