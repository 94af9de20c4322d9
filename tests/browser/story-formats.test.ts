// Issue 9 (points 2 and 3) in Chromium: a gallery is navigable with the keyboard and announces its
// position; a video facade fetches nothing from a third party until the reader clicks, and then only
// the privacy-enhanced player (the request is aborted here, so nothing leaves the machine). Pages are
// served with the site's own `_headers`, so the Content-Security-Policy is in force throughout.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { buildSite, makeSite, removeSite, type FixtureSite } from "../helpers/site.ts";
import { serveWithChromium, withPage, type ServedSite, type StaticServer } from "../helpers/browser.ts";

const GALLERY = "/2026/03/06/gallery/";
const EMBEDS = "/2026/03/07/embeds/";

let site: FixtureSite;
let server: StaticServer;
let browser: Browser;
let served: ServedSite | undefined;

/** A page whose every request is recorded; any request off 127.0.0.1 is aborted, so none goes out. */
async function guardedPage(context: BrowserContext): Promise<{ page: Page; offSite: string[]; cspErrors: string[] }> {
  const offSite: string[] = [];
  const cspErrors: string[] = [];
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === "127.0.0.1") return route.continue();
    offSite.push(url.href);
    return route.abort();
  });
  const page = await context.newPage();
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) cspErrors.push(message.text());
  });
  return { page, offSite, cspErrors };
}

beforeAll(async () => {
  site = await makeSite("story-formats");
  await buildSite(site);
  served = await serveWithChromium(site.outputDir);
  expect(served.headers["Content-Security-Policy"]).toContain("frame-src https://www.youtube-nocookie.com https://player.vimeo.com");
  ({ server, browser } = served);
});
afterAll(async () => {
  await served?.close();
  if (site) await removeSite(site);
});

describe("gallery", () => {
  it("shows one photo at a time, moved by buttons and arrow keys, and announces the position", async () => {
    const context = await browser.newContext();
    const { page, offSite, cspErrors } = await guardedPage(context);
    await page.goto(server.origin + GALLERY);
    const status = page.locator(".gallery__status");
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toBe("1 of 3");
    expect(await status.getAttribute("aria-live")).toBe("polite");
    const visible = () => page.locator(".gallery__item:visible img").getAttribute("alt");
    expect(await page.locator(".gallery__item:visible").count()).toBe(1);
    expect(await visible()).toBe("Boats tied up at the east harbour");

    // Tab reaches the photo list; arrow keys move and wrap around.
    for (let i = 0; i < 40 && !(await page.evaluate(() => document.activeElement?.classList.contains("gallery__photos"))); i++) await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.classList.contains("gallery__photos"))).toBe(true);
    await page.keyboard.press("ArrowRight");
    expect(await status.textContent()).toBe("2 of 3");
    expect(await visible()).toBe("The same boats at noon");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    expect(await status.textContent()).toBe("3 of 3");

    // The buttons are named, and work from the keyboard with focus kept on them.
    const next = page.getByRole("button", { name: "Next photo" });
    await next.focus();
    await page.keyboard.press("Enter");
    expect(await status.textContent()).toBe("1 of 3");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("Next photo");
    await page.getByRole("button", { name: "Previous photo" }).click();
    expect(await status.textContent()).toBe("3 of 3");
    expect(offSite).toEqual([]);
    expect(cspErrors).toEqual([]);
    await context.close();
  });

  it("is a plain list of every figure without JavaScript and in print", async () => {
    await withPage(browser, server.origin + GALLERY, { javaScriptEnabled: false }, async (page) => {
      expect(await page.locator(".gallery__item:visible").count()).toBe(3);
      expect(await page.locator(".gallery__controls").count()).toBe(0);
    });
    await withPage(browser, server.origin + GALLERY, {}, async (printed) => {
      await printed.emulateMedia({ media: "print" });
      await expect.poll(() => printed.locator(".gallery__item:visible").count(), { timeout: 30_000 }).toBe(3);
      expect(await printed.locator(".gallery__controls:visible").count()).toBe(0);
    });
  });
});

describe("video facade", () => {
  it("fetches nothing from a third party before the click, and only youtube-nocookie after it", async () => {
    const context = await browser.newContext();
    const { page, offSite, cspErrors } = await guardedPage(context);
    // Network idle once the script has made the facades buttons: anything the page would fetch by
    // itself has been asked for (and aborted) by then.
    await page.goto(server.origin + EMBEDS, { waitUntil: "networkidle" });
    await page.locator("[data-enhanced][role=button]").first().waitFor();
    expect(offSite).toEqual([]);
    expect(await page.locator("iframe").count()).toBe(0);
    // Posts are quotations on the page, not third-party widgets.
    expect(await page.locator("figure.embed--post blockquote").count()).toBe(3);

    const facade = page.getByRole("button", { name: /Play video: The harbour wall at high tide/ });
    const playerRequest = page.waitForRequest((request) => request.url().startsWith("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"));
    await facade.focus();
    await page.keyboard.press("Enter");
    await playerRequest;
    const frame = page.locator("iframe.embed-video__frame");
    expect(await frame.getAttribute("src")).toBe("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1");
    expect(await frame.getAttribute("title")).toBe("The harbour wall at high tide");
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("IFRAME");
    expect(offSite.every((url) => url.startsWith("https://www.youtube-nocookie.com/"))).toBe(true);
    expect(cspErrors).toEqual([]);
    await context.close();
  });

  it("is a link to the video's page without JavaScript", async () => {
    await withPage(browser, server.origin + EMBEDS, { javaScriptEnabled: false }, async (page) => {
      const links = page.getByRole("link", { name: /Play video:/ });
      expect(await links.count()).toBe(2);
      expect(await links.first().getAttribute("href")).toBe("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
    });
  });
});
