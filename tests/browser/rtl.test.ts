// Issue 20: a newsroom publishing in Arabic. The arabic-newsroom fixture is built and opened in
// Chromium: every page type is right to left and mirrored, never scrolls sideways at 390 or 1280 px,
// passes axe in light and dark, and is kept as screenshots in tests/artifacts/ (git-ignored) under `npm run screenshots`. Its
// Arabic tags and file name make Unicode URLs, which resolve on a static host.
import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, photograph, serveWithChromium, withPage, type ServedSite } from "../helpers/browser.ts";
import { buildSite, makeSite, removeSite, type FixtureSite } from "../helpers/site.ts";
import { checkLinks } from "../helpers/links.ts";
import { validateHtmlFile } from "../helpers/html.ts";

const ARTICLE = "/2026/03/05/harbour-vote/";
/** Pages of every type the fixture has, by a short name for the screenshots. */
const PAGES: Record<string, string> = {
  front: "/",
  article: ARTICLE,
  "unicode-article": "/2026/03/04/مهرجان-الفوانيس/",
  tag: "/tags/المرفأ/",
  section: "/news/",
  author: "/authors/ana-ruiz/",
  archive: "/archive/",
  search: "/search/",
  newsletter: "/newsletter/",
  edition: "/newsletter/2026/03/05/",
  "not-found": "/404.html",
};

let site: FixtureSite;
let served: ServedSite;

beforeAll(async () => {
  site = await makeSite("arabic-newsroom");
  await buildSite(site);
  served = await serveWithChromium(site.outputDir);
}, 180_000);

afterAll(async () => {
  await served?.close();
  if (site) await removeSite(site);
});

const url = (sitePath: string) => served.server.origin + encodeURI(sitePath);

describe("an Arabic newsroom in Chromium", () => {
  it.each(Object.entries(PAGES))("%s: right to left, no sideways scroll at 390 and 1280 px, axe clean in light and dark", async (name, sitePath) => {
    // One load; each width and scheme is then a reflow of the same page.
    await withPage(served.browser, url(sitePath), { viewport: { width: 390, height: 900 } }, async (page) => {
      for (const width of [390, 1280]) {
        for (const colorScheme of ["light", "dark"] as const) {
          const where = `${name} ${width} ${colorScheme}`;
          await page.setViewportSize({ width, height: 900 });
          await page.emulateMedia({ colorScheme });
          expect(await page.evaluate(() => ({ width: innerWidth, dark: matchMedia("(prefers-color-scheme: dark)").matches })), where).toEqual({ width, dark: colorScheme === "dark" });
          expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir, getComputedStyle(document.body).direction]), where).toEqual(["ar", "rtl", "rtl"]);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow, where).toBeLessThanOrEqual(0);
          expect(await axeViolations(page), where).toEqual([]);
          if (colorScheme === "light") await photograph(page, `rtl-${name}-${width}.png`);
        }
      }
    });
  });

  it("mirrors the layout: sections run from the right, the quote's rule is on its right, the skip link at the top right", async () => {
    await withPage(served.browser, url(ARTICLE), { viewport: { width: 1280, height: 900 } }, async (page) => {
      const [first, second] = await page.locator(".site-nav a").evaluateAll((links) => links.slice(0, 2).map((link) => link.getBoundingClientRect().x));
      expect(first).toBeGreaterThan(second ?? Infinity);
      const quote = await page.locator(".article__body blockquote").first().evaluate((element) => ({ right: getComputedStyle(element).borderRightWidth, left: getComputedStyle(element).borderLeftWidth }));
      expect(quote).toEqual({ right: "3px", left: "0px" });
      await page.keyboard.press("Tab");
      const skip = await page.locator(".skip-link").evaluate((element) => ({ focused: document.activeElement === element, right: window.innerWidth - element.getBoundingClientRect().right }));
      expect(skip.focused).toBe(true);
      expect(skip.right).toBeLessThan(40);
    });
  });

  it("prints the interface in Arabic and the body's quotes as Arabic guillemets", async () => {
    await withPage(served.browser, url(ARTICLE), { viewport: { width: 1280, height: 900 } }, async (page) => {
      expect(await page.locator(".skip-link").textContent()).toBe("انتقل إلى المحتوى");
      expect(await page.locator(".byline").textContent()).toBe("بقلم آنا رويز ولي وي");
      expect(await page.locator(".timestamps__published").textContent()).toMatch(/^نُشر في /);
      expect(await page.locator("#corrections-heading").textContent()).toBe("تصحيح");
      expect(await page.locator(".article__body p").first().textContent()).toContain("«طويلًا»");
      expect(await page.locator(".signup h2").textContent()).toBe("اشترك في عناوين اليوم");
      expect(await page.locator(".support h2").textContent()).toBe("ادعم صحافتنا");
    });
  });

  it("searches Arabic words and says how many it found in Arabic", async () => {
    await withPage(served.browser, url("/search/?q=الفوانيس"), {}, async (page) => {
      const status = page.locator("[data-search-status]");
      await status.filter({ hasText: /«الفوانيس»/ }).waitFor();
      expect(await status.textContent()).toBe("نتيجة واحدة عن «الفوانيس»");
      expect(decodeURI((await page.locator(".search-result a").getAttribute("href")) ?? "")).toBe("/2026/03/04/مهرجان-الفوانيس/");
    });
  });

  it("follows an Arabic tag to its page at a Unicode address", async () => {
    await withPage(served.browser, url(ARTICLE), {}, async (page) => {
      await Promise.all([page.waitForURL(/\/tags\//), page.getByRole("link", { name: "المرفأ", exact: true }).click()]);
      expect(decodeURI(new URL(page.url()).pathname)).toBe("/tags/المرفأ/");
      expect(await page.locator("h1").textContent()).toBe("المرفأ");
      expect(await page.locator(".article-list .teaser__headline a").count()).toBe(2);
    });
  });
});

describe("the Arabic newsroom's files", () => {
  it("names pages from Arabic file names and tags with their own letters, and every link resolves", async () => {
    const report = await checkLinks({ outputDir: site.outputDir, origin: "https://gazette.example.org", prefix: "/" });
    expect(report.broken).toEqual([]);
    expect(report.pages).toEqual(expect.arrayContaining(["/2026/03/04/مهرجان-الفوانيس/", "/tags/المرفأ/", "/tags/مجلس-المدينة/", "/tags/zuerich/"]));
    const sitemap = await fs.readFile(path.join(site.outputDir, "sitemap.xml"), "utf8");
    // URLs on the wire are percent-encoded UTF-8, as the sitemap protocol asks.
    expect(sitemap).toContain(`<loc>https://gazette.example.org${encodeURI("/2026/03/04/مهرجان-الفوانيس/")}</loc>`);
  });

  it("is valid HTML on every page", async () => {
    const pages = (await fs.readdir(site.outputDir, { recursive: true })).filter((file) => file.endsWith(".html"));
    const problems: string[] = [];
    for (const page of pages) for (const message of await validateHtmlFile(path.join(site.outputDir, page))) problems.push(`${page} ${message}`);
    expect(problems).toEqual([]);
  });
});
