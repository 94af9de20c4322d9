// Issue 5: the `_headers` file's Content-Security-Policy is one the site actually satisfies. The
// sample newsroom is served with exactly those headers and every page type is opened in Chromium,
// search included (WebAssembly in a worker); not one CSP violation may be reported.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { REPO, type FixtureSite } from "../helpers/site.ts";
import { serveWithChromium, type ServedSite, type StaticServer } from "../helpers/browser.ts";

const PAGES = [
  "/",
  "/page/2/",
  "/2026/11/15/lantern-walk-draws-record-crowd/",
  "/2026/11/23/council-approves-seawall-bond/",
  "/2026/11/22/harbour-front-after-the-storm-in-pictures/",
  "/2026/11/21/north-haven-ferry-what-riders-are-saying/",
  "/2026/11/18/gale-night-live-updates/",
  "/news/",
  "/tags/harbour/",
  "/authors/mara-quinn/",
  "/authors/",
  "/archive/",
  "/archive/2026/11/",
  "/search/?q=ferry",
  "/404.html",
];

let site: FixtureSite;
let server: StaticServer;
let browser: Browser;
let headers: Record<string, string>;
let served: ServedSite | undefined;

beforeAll(async () => {
  // The sample newsroom as `npm run build` built it for this run (tests/setup/sample-site.ts).
  const sample = inject("sampleSite");
  expect(sample.status, sample.output).toBe(0);
  site = { root: "", contentDir: path.join(REPO, "content"), outputDir: sample.outputDir, cacheDir: sample.cacheDir };
  served = await serveWithChromium(site.outputDir);
  ({ headers, server, browser } = served);
});
afterAll(async () => {
  await served?.close();
});

describe("Content-Security-Policy", () => {
  it("is strict: no inline scripts or styles, no other origins except the newsletter provider", () => {
    const csp = headers["Content-Security-Policy"] ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).toContain("form-action 'self' https://buttondown.com");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["Permissions-Policy"]).toMatch(/camera=\(\)/);
  });

  // Concurrently: each page waits for its network to go idle, and those waits overlap.
  it.concurrent.for(PAGES)("reports no violation on %s", async (page, { expect }) => {
    const context = await browser.newContext();
    const tab = await context.newPage();
    const violations: string[] = [];
    tab.on("console", (message) => {
      if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
    });
    await tab.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    // Network idle: every script has run and every resource the page asks for has loaded or been
    // refused, so every violation has been reported.
    const response = await tab.goto(`${server.origin}${page}`, { waitUntil: "networkidle" });
    expect(response?.headers()["content-security-policy"]).toBe(headers["Content-Security-Policy"]);
    if (page.startsWith("/search/")) {
      // The search really ran: WebAssembly and its worker were allowed.
      await tab.waitForSelector(".search-result", { timeout: 15_000 });
      await tab.waitForLoadState("networkidle");
    }
    violations.push(...(await tab.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)));
    expect(violations).toEqual([]);
    await context.close();
  });
});
