// Issue 18 in Chromium, served with the site's own `_headers` (its Content-Security-Policy in force):
// the breaking-news banner, the support banners, the promos and the Video rail are axe-clean in light
// and dark on the newsroom-extras fixture built while a story is breaking, fit a phone's width, and
// are there with JavaScript off (nothing of them needs a script).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/build/build.ts";
import { makeSite, removeSite, type FixtureSite } from "../helpers/site.ts";
import { axeViolations, photograph, serveWithChromium, withPage, type ServedSite } from "../helpers/browser.ts";

const NOW = new Date("2026-03-10T12:00:00Z");
const PAGES = ["/", "/2026/03/05/harbour-vote/", "/2026/03/09/sponsored/", "/2026/03/08/opinion/", "/ethics/", "/corrections/page/2/"];

let site: FixtureSite;
let served: ServedSite;

beforeAll(async () => {
  site = await makeSite("newsroom-extras");
  await build({ input: site.contentDir, output: site.outputDir, cacheDir: site.cacheDir, now: NOW, log: () => {} });
  served = await serveWithChromium(site.outputDir);
}, 180_000);

afterAll(async () => {
  await served?.close();
  await removeSite(site);
});

describe("issue 18's parts in Chromium", () => {
  it.each(PAGES)("%s: no axe violations in light or dark, banner and all", async (sitePath) => {
    for (const colorScheme of ["light", "dark"] as const) {
      const found = await withPage(served.browser, served.server.origin + sitePath, { colorScheme }, async (page) => {
        await page.locator("aside.breaking").waitFor();
        return axeViolations(page);
      });
      expect(found, `${sitePath} in ${colorScheme}`).toEqual([]);
    }
  });

  it("shows the banners, promos and Video rail without JavaScript, within a phone's width", async () => {
    for (const sitePath of ["/", "/2026/03/05/harbour-vote/"]) {
      const seen = await withPage(served.browser, served.server.origin + sitePath, { javaScriptEnabled: false, viewport: { width: 375, height: 800 } }, async (page) => {
        await photograph(page, `newsroom${sitePath.replace(/\W+/g, "-")}375.png`);
        return {
          breaking: await page.locator("aside.breaking a").isVisible(),
          promos: await page.locator("aside.promos a").count(),
          support: await page.locator(".support-banner").count(),
          video: await page.locator(".video-rail a").count(),
          width: await page.evaluate(() => document.documentElement.scrollWidth),
        };
      });
      expect(seen.breaking, sitePath).toBe(true);
      expect(seen.promos, sitePath).toBe(2);
      expect(seen.support, sitePath).toBe(sitePath === "/" ? 0 : 2);
      expect(seen.video, sitePath).toBe(sitePath === "/" ? 1 : 0);
      expect(seen.width, sitePath).toBeLessThanOrEqual(375);
    }
  });
});
