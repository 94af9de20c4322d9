// Issue 8: the daily edition's email opens in Chromium like a newsletter: at a 600 px viewport it
// never scrolls sideways, every photo loads, and screenshots (light and dark) are kept in
// tests/artifacts/ (git-ignored) for a person to look at, under `npm run screenshots`. Issue 20: every sample edition, also with
// its styles stripped and its images off, at 320 and 600 px.
import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { makeSite, removeSite, type FixtureSite } from "../helpers/site.ts";
import { baseSettings, writeSettings } from "../helpers/settings.ts";
import { launchChromium, photograph } from "../helpers/browser.ts";
import { runEdition, sampleAndArabicEditions } from "../helpers/edition.ts";

const ORIGIN = "https://gazette.example.org";

let site: FixtureSite;
let browser: Browser;
let emailUrl: string;

beforeAll(async () => {
  site = await makeSite("edition-day");
  // Buttondown, so the footer carries an unsubscribe link as a sent edition does.
  await writeSettings(site, { ...baseSettings, newsletter: { provider: "buttondown", username: "gazette" } });
  const run = await runEdition(site, ["--date", "2026-03-10"], { DATELINE_NOW: "2026-03-12T15:00:00Z" });
  if (run.status !== 0) throw new Error(`npm run edition failed: ${run.stderr}`);
  emailUrl = `${ORIGIN}/newsletter/2026/03/10/email.html`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await removeSite(site);
});

/** Opens the email with the site's origin answered from the output folder (the photos the command copied); nothing else is reachable. */
async function openEmail(colorScheme: "light" | "dark") {
  const context = await browser.newContext({ viewport: { width: 600, height: 900 }, colorScheme });
  const requested: string[] = [];
  await context.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    requested.push(url.href);
    if (url.origin !== ORIGIN) return route.abort();
    const body = await fs.readFile(path.join(site.outputDir, decodeURIComponent(url.pathname))).catch(() => undefined);
    if (!body) return route.fulfill({ status: 404, body: "not found" });
    return route.fulfill({ status: 200, body, contentType: url.pathname.endsWith(".html") ? "text/html; charset=utf-8" : "image/jpeg" });
  });
  const page = await context.newPage();
  await page.goto(emailUrl, { waitUntil: "load" });
  return { context, page, requested };
}

describe("the edition email in Chromium", () => {
  it("fits 600 px without horizontal scroll, loads every photo, and is screenshotted in light and dark", async () => {
    for (const scheme of ["light", "dark"] as const) {
      const { context, page, requested } = await openEmail(scheme);
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth).toBeLessThanOrEqual(600);
      const images = await page.evaluate(() => Array.from(document.images, (image) => ({ loaded: image.complete && image.naturalWidth > 0, width: image.getBoundingClientRect().width })));
      expect(images.length).toBe(2);
      expect(images.every((image) => image.loaded)).toBe(true);
      expect(images[0]?.width).toBe(600);
      // Only the site's own origin was asked for: no tracker, font or stylesheet elsewhere.
      expect(requested.every((url) => url.startsWith(ORIGIN))).toBe(true);
      // The preheader is in the document but not shown.
      expect(await page.locator(".preheader").isVisible()).toBe(false);
      await photograph(page, `edition-email-${scheme}.png`);
      await context.close();
    }
  });
});

// Issue 20: every edition of the sample (both newsletters) and of the Arabic fixture, opened where
// clients strip things: at 320 and 600 px, light and dark, as sent, with every <style> removed (as
// some Gmail apps do) and with images off. It must never scroll sideways, and its text must stay
// on the page, big enough and in contrast with what is behind it.
describe("every edition where clients strip things", () => {
  interface Sent {
    name: string;
    origin: string;
    html: string;
    outputDir: string;
  }
  const sent: Sent[] = [];
  const made: FixtureSite[] = [];
  /** Screenshots of these are kept in tests/artifacts/ for a person to look at. */
  const PICTURED = ["en-US daily 2026-11-21", "en-US sports-week 2026-11-23", "ar daily 2026-03-05"];

  beforeAll(async () => {
    const editions = await sampleAndArabicEditions();
    made.push(...editions.sites);
    for (const { name, edition, html, outputDir } of editions.editions) sent.push({ name, origin: edition.site.origin, html, outputDir });
  }, 300_000);

  afterAll(() => Promise.all(made.map(removeSite)));

  type Mode = "as sent" | "styles stripped" | "images off";

  /**
   * Opens one email in `page` as a client would show it in `mode`; only its own site's photos can
   * load (routing also turns the HTTP cache off). One load per email and mode, in the same page:
   * widths and colour schemes are then switched on it (a reflow, not a load).
   */
  async function open(page: Page, email: Sent, mode: Mode): Promise<void> {
    const html = mode === "styles stripped" ? email.html.replace(/<style[^>]*>[\s\S]*?<\/style>/gi, "") : email.html;
    await page.unrouteAll({ behavior: "wait" });
    await page.route("**/*", async (route) => {
      const url = new URL(route.request().url());
      if (url.pathname === "/email.html") return route.fulfill({ status: 200, body: html, contentType: "text/html; charset=utf-8" });
      if (url.origin !== email.origin || mode === "images off") return route.abort();
      const body = await fs.readFile(path.join(email.outputDir, decodeURIComponent(url.pathname))).catch(() => undefined);
      return body ? route.fulfill({ status: 200, body, contentType: "image/jpeg" }) : route.fulfill({ status: 404, body: "" });
    });
    await page.goto(`${email.origin}/email.html`, { waitUntil: "load" });
  }

  it("reads at 320 and 600 px, light and dark, as sent, with styles stripped and with images off", async () => {
    const context = await browser.newContext({ viewport: { width: 600, height: 900 } });
    try {
      const page = await context.newPage();
      for (const email of sent) {
        for (const mode of ["as sent", "styles stripped", "images off"] as const) {
          await open(page, email, mode);
          for (const width of [320, 600]) {
            for (const colorScheme of ["light", "dark"] as const) {
              const where = `${email.name} ${width} ${colorScheme} ${mode}`;
              await page.setViewportSize({ width, height: 900 });
              await page.emulateMedia({ colorScheme });
              // The switch took: the page now lays out at this width, in this scheme.
              expect(await page.evaluate(() => ({ width: innerWidth, dark: matchMedia("(prefers-color-scheme: dark)").matches })), where).toEqual({ width, dark: colorScheme === "dark" });
              expect(await page.evaluate(() => document.documentElement.scrollWidth), where).toBeLessThanOrEqual(width);
              const texts = await page.evaluate(readability);
              expect(texts.length, where).toBeGreaterThan(5);
              expect(texts.filter((text) => !text.ok), where).toEqual([]);
              const images = await page.evaluate(() => Array.from(document.images, (image) => ({ alt: image.alt, loaded: image.complete && image.naturalWidth > 0, right: image.getBoundingClientRect().right })));
              for (const image of images) {
                expect(image.alt, where).not.toBe("");
                expect(image.right, where).toBeLessThanOrEqual(width);
                expect(image.loaded, where).toBe(mode !== "images off");
              }
              expect(await page.locator(".preheader").isVisible(), where).toBe(false);
              // Photographed as sent; the stripped forms are checked above.
              if (PICTURED.includes(email.name) && mode === "as sent") {
                const file = `email-${email.name.replace(/ /g, "-")}-${width}-${colorScheme}-${mode.replace(/ /g, "-")}.png`;
                await photograph(page, file);
              }
            }
          }
        }
      }
    } finally {
      await context.close();
    }
  }, 300_000);
});

/**
 * Every text of the email's content (headlines, summaries, bylines, buttons, footer): on the page
 * (not cut off at either side), at least 12 px, and at 4.5:1 contrast with the first background
 * behind it that is not transparent. Runs in the page.
 */
function readability() {
  const luminance = (rgb: number[]) => {
    const [r = 0, g = 0, b = 0] = rgb.map((value) => {
      const channel = value / 255;
      return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const parse = (colour: string) => (colour.match(/[\d.]+/g) ?? []).map(Number);
  const background = (element: Element | null): number[] => {
    for (let node = element; node; node = node.parentElement) {
      const [r = 0, g = 0, b = 0, a = 1] = parse(getComputedStyle(node).backgroundColor);
      if (a > 0 && getComputedStyle(node).backgroundColor !== "rgba(0, 0, 0, 0)") return [r, g, b];
    }
    // The canvas: white, or dark where the page asked for the dark scheme and set no background.
    return matchMedia("(prefers-color-scheme: dark)").matches && getComputedStyle(document.documentElement).colorScheme.includes("dark") ? [18, 18, 18] : [255, 255, 255];
  };
  const selectors = ".masthead-name, .masthead-date, .note-text, .kicker, .lead-headline, .story-headline, .summary, .byline, .read-more, .section-heading, .support-heading, .support-text, .button, .footer-text, .topbar";
  // Each piece of text is judged by the element that holds it (a link inside a headline has its own colour).
  const holders = new Set<Element>();
  for (const block of Array.from(document.querySelectorAll(selectors))) {
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.textContent?.trim() && node.parentElement) holders.add(node.parentElement);
  }
  return Array.from(holders, (element) => {
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    const [l1, l2] = [luminance(parse(style.color)), luminance(background(element))].sort((a, b) => b - a) as [number, number];
    const contrast = (l1 + 0.05) / (l2 + 0.05);
    const ok = box.width > 0 && box.left >= 0 && box.right <= document.documentElement.clientWidth + 0.5 && parseFloat(style.fontSize) >= 12 && contrast >= 4.5;
    return { text: (element.textContent ?? "").trim().slice(0, 40), ok, contrast: Math.round(contrast * 10) / 10, size: style.fontSize };
  });
}
