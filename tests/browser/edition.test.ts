// Issue 8: the daily edition's email opens in Chromium like a newsletter: at a 600 px viewport it
// never scrolls sideways, every photo loads, and screenshots (light and dark) are kept in
// tests/artifacts/ (git-ignored) for a person to look at.
import fs from "node:fs/promises";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { makeSite, removeSite, REPO, type FixtureSite } from "../helpers/site.ts";
import { baseSettings, writeSettings } from "../helpers/settings.ts";
import { launchChromium } from "../helpers/browser.ts";

const ARTIFACTS = path.join(REPO, "tests/artifacts");
const ORIGIN = "https://gazette.example.org";

let site: FixtureSite;
let browser: Browser;
let emailUrl: string;

beforeAll(async () => {
  site = await makeSite("edition-day");
  // Buttondown, so the footer carries an unsubscribe link as a sent edition does.
  await writeSettings(site, { ...baseSettings, newsletter: { provider: "buttondown", username: "gazette" } });
  const run = spawnSync(process.execPath, ["--import", "tsx", path.join(REPO, "src/cli/edition.ts"), "--date", "2026-03-10", "--content", site.contentDir, "--output", site.outputDir], {
    cwd: REPO,
    encoding: "utf8",
    env: { ...process.env, DATELINE_CACHE_DIR: site.cacheDir, DATELINE_NOW: "2026-03-12T15:00:00Z" },
    timeout: 120_000,
  });
  if (run.status !== 0) throw new Error(`npm run edition failed: ${run.stderr}`);
  emailUrl = `${ORIGIN}/newsletter/2026/03/10/email.html`;
  browser = await launchChromium();
  await fs.mkdir(ARTIFACTS, { recursive: true });
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
      await page.screenshot({ path: path.join(ARTIFACTS, `edition-email-${scheme}.png`), fullPage: true });
      await context.close();
    }
  });
});
