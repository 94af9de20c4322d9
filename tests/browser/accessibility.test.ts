// Issue 4: accessibility proven in Chromium on the sample newsroom. axe-core's WCAG 2.2 AA rules
// report nothing on every page type in light and dark schemes (its color-contrast rule checks text
// contrast in both); the skip link and every form control are reachable with Tab and show a focus
// ring. The article page is photographed at phone and desktop widths in both schemes.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { REPO, type FixtureSite } from "../helpers/site.ts";
import { axeResults, launchChromium, photograph, serveSite, type StaticServer } from "../helpers/browser.ts";

const ARTICLE = "/2026/11/19/storm-floods-harbour-front/";
const PAGES: [string, string][] = [
  ["article", ARTICLE],
  ["article with a correction", "/2026/11/23/council-approves-seawall-bond/"],
  ["article with a gallery", "/2026/11/22/harbour-front-after-the-storm-in-pictures/"],
  ["article with embeds", "/2026/11/21/north-haven-ferry-what-riders-are-saying/"],
  ["live coverage (ended)", "/2026/11/18/gale-night-live-updates/"],
  // Issue 18: labels, the opinion byline, the sponsor, the support banner, promos, pages, the log.
  ["opinion", "/2026/11/23/opinion-gull-point-light-needs-us/"],
  ["sponsored", "/2026/11/20/sponsored-winter-walks-north-shore/"],
  ["standalone page", "/ethics/"],
  ["corrections log", "/corrections/"],
  ["404", "/404.html"],
  // The front, section, topic, author and search pages: tests/browser/design.test.ts, at three widths.
];

let site: FixtureSite;
let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  // The sample newsroom as `npm run build` built it for this run (tests/setup/sample-site.ts).
  const sample = inject("sampleSite");
  expect(sample.status, sample.output).toBe(0);
  site = { root: "", contentDir: path.join(REPO, "content"), outputDir: sample.outputDir, cacheDir: sample.cacheDir };
  server = await serveSite(site.outputDir);
  context = await browser.newContext();
  page = await context.newPage();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** axe's WCAG 2.2 AA violations on the open page, one readable line each. */
async function violations(): Promise<string[]> {
  const results = await axeResults(page);
  return results.violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => `${node.target.join(" ")} — ${node.failureSummary?.split("\n")[1]?.trim()}`).join("; ")}`);
}

describe("axe-core, WCAG 2.2 AA", () => {
  it.each(PAGES)("%s: no violations in light or dark", async (_, sitePath) => {
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto(server.origin + sitePath);
    expect(await violations(), `${sitePath} in light`).toEqual([]);
    // The same page, restyled by prefers-color-scheme.
    await page.emulateMedia({ colorScheme: "dark" });
    expect(await violations(), `${sitePath} in dark`).toEqual([]);
  });

  it("ran the color-contrast rule in dark mode (the dark palette is really applied to a loaded page)", async () => {
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto(server.origin + ARTICLE);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(255, 255, 255)");
    await page.emulateMedia({ colorScheme: "dark" });
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(21, 21, 21)");
    const results = await axeResults(page, { resultTypes: ["passes"] });
    expect(results.passes.map((rule) => rule.id)).toContain("color-contrast");
  });
});

interface Focused {
  /** The control's number (see `keyboardTour`), or a description of another focused element. */
  key: string;
  outline: string;
  outlineWidth: number;
  visible: boolean;
}

/**
 * Opens the page, numbers every form control a reader can operate (shown, so not hidden inputs or
 * the search page's "More results" before a search; not the honeypot), then presses Tab until focus comes back round, recording each element focused.
 */
async function keyboardTour(sitePath: string): Promise<{ controls: string[]; focused: Focused[] }> {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto(server.origin + sitePath);
  // The search page hides its no-JavaScript links once search has loaded: the tour starts after that.
  if (sitePath === "/search/") await page.locator("[data-search-fallback]").waitFor({ state: "hidden" });
  const controls = await page.$$eval("input, button, select, textarea", (elements) =>
    elements
      .filter((element) => element.checkVisibility() && element.getAttribute("tabindex") !== "-1" && !element.closest("[aria-hidden=true]"))
      .map((element, index) => {
        element.setAttribute("data-test-control", String(index));
        return `control ${index} (${element.id ? `#${element.id}` : `${element.tagName.toLowerCase()} "${element.textContent?.trim()}"`})`;
      }),
  );
  const focused: Focused[] = [];
  for (let step = 0; step < 400; step++) {
    await page.keyboard.press("Tab");
    const entry = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) return null;
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      const number = element.getAttribute("data-test-control");
      const key = number === null ? `${element.tagName.toLowerCase()} ${element.className} ${element.textContent?.trim().slice(0, 30)}` : `control ${number}`;
      return { key, outline: `${style.outlineStyle} ${style.outlineColor}`, outlineWidth: parseFloat(style.outlineWidth), visible: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0 };
    });
    // Past the last element focus leaves the page, then starts again at the skip link.
    if (!entry || entry.key === focused[0]?.key) {
      if (focused.length > 0) break;
      continue;
    }
    focused.push(entry);
  }
  return { controls, focused };
}

/** The outline a numbered control has when it is not focused. */
async function unfocusedOutline(number: string): Promise<string> {
  return page.$eval(`[data-test-control="${number}"]`, (element) => {
    (element as HTMLElement).blur();
    const style = getComputedStyle(element);
    return `${style.outlineStyle} ${style.outlineColor}`;
  });
}

describe("keyboard", () => {
  it("the first Tab shows the skip link with a focus ring, and it moves focus to the content", async () => {
    await page.goto(server.origin + ARTICLE);
    await page.keyboard.press("Tab");
    const skip = page.locator(".skip-link");
    expect(await skip.evaluate((element) => element === document.activeElement)).toBe(true);
    const box = await skip.boundingBox();
    expect(box && box.y >= 0 && box.height > 0).toBe(true);
    expect(await skip.evaluate((element) => getComputedStyle(element).outlineStyle)).toBe("solid");
    await page.keyboard.press("Enter");
    expect(new URL(page.url()).hash).toBe("#main");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
  });

  it.each([
    ["article", ARTICLE],
    ["front page", "/"],
    ["search", "/search/"],
  ])("%s: Tab reaches every form control, each with a visible focus ring", async (_, sitePath) => {
    const { controls, focused } = await keyboardTour(sitePath);
    expect(controls.length).toBeGreaterThan(0);
    for (const [number, control] of controls.entries()) {
      const entry = focused.find((item) => item.key === `control ${number}`);
      expect(entry, `${control} reached by Tab`).toBeDefined();
      expect(entry?.visible, `${control} on screen when focused`).toBe(true);
      expect(entry?.outline, `${control} focus ring`).toMatch(/^solid /);
      expect(entry?.outlineWidth, `${control} focus ring width`).toBeGreaterThanOrEqual(2);
      expect(await unfocusedOutline(String(number)), `${control} without focus`).not.toBe(entry?.outline);
    }
    // Everything Tab reaches is on screen; the honeypot is not among the controls, so never reached.
    for (const entry of focused) expect(entry.visible, entry.key).toBe(true);
    expect(await page.$$eval("[data-test-control]", (elements) => elements.some((element) => element.closest(".signup__trap")))).toBe(false);
  });
});

/** A full-page screenshot does not scroll: lazy images below the fold must be loaded first. */
async function loadLazyImages(target: Page): Promise<void> {
  await target.evaluate(() =>
    Promise.all(
      Array.from(document.images, (image) => {
        image.loading = "eager";
        return image.complete ? Promise.resolve() : new Promise((resolve) => image.addEventListener("load", resolve, { once: true }));
      }),
    ),
  );
}

describe("the article at a phone's and a desktop's width", () => {
  it("fits 375 and 1280 px, light and dark (and is photographed under npm run screenshots)", async () => {
    const shot = await browser.newPage();
    try {
      for (const width of [375, 1280]) {
        for (const colorScheme of ["light", "dark"] as const) {
          await shot.setViewportSize({ width, height: 900 });
          await shot.emulateMedia({ colorScheme });
          await shot.goto(server.origin + ARTICLE, { waitUntil: "load" });
          await loadLazyImages(shot);
          await photograph(shot, `article-${width}-${colorScheme}.png`);
          // Nothing wider than the screen: no sideways scrolling on a phone.
          expect(await shot.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        }
      }
      if (process.env["DATELINE_SCREENSHOTS"]) {
        // The README's picture: the top of the desktop page in light mode (docs/screenshot-article.png).
        await shot.setViewportSize({ width: 1280, height: 1400 });
        await shot.emulateMedia({ colorScheme: "light" });
        await shot.goto(server.origin + ARTICLE, { waitUntil: "load" });
        await photograph(shot, "readme-article.png", { fullPage: false });
      }
    } finally {
      await shot.close();
    }
  });
});
