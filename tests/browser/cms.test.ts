// Issue 16: the browser CMS for real. A fixture newsroom committed to a temporary git repository is
// built; its /admin/ is served with its own `_headers` and opened in Chromium (in Berlin's time zone,
// the newsroom being in Chicago's) against Decap's local backend (decap-server) on that repository.
// An editor logs in, writes an article with a byline, a section, an uploaded photo and a body, and
// takes it through the editorial workflow (draft → in review → ready → published); the Markdown file
// and the photo land in the repository, `check:content` accepts them and a build publishes the page.
// Editing an existing article rewrites only the line that changed.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Frame, Page } from "playwright-core";
import { buildSite, FIXTURES, listPages, makeSite, readPage, type FixtureSite } from "../helpers/site.ts";
import { headersFor, launchChromium, serveSite, type StaticServer } from "../helpers/browser.ts";
import { answered, commitSite, git, routeLocalBackend, startLocalBackend, type LocalBackend } from "../helpers/cms.ts";
import { checkContent } from "../../src/cli/check-content.ts";
import { parseFrontMatter } from "../../src/content/front-matter.ts";
import { adminContentSecurityPolicy, contentSecurityPolicy } from "../../src/site/headers.ts";

let site: FixtureSite;
let backend: LocalBackend;
let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let headersText: string;
const violations: string[] = [];
/** The editor's own folder the photo is uploaded from (outside the site, as on their machine). */
let uploadDir: string | undefined;
const errors: string[] = [];

beforeAll(async () => {
  site = await makeSite("cms");
  await commitSite(site);
  await buildSite(site);
  headersText = await fs.readFile(path.join(site.outputDir, "_headers"), "utf8");
  server = await serveSite(site.outputDir, { headers: (pathname) => headersFor(headersText, pathname, "cloudflare") });
  backend = await startLocalBackend(site);
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: "Europe/Berlin" });
  page = await context.newPage();
  page.on("pageerror", (error) => errors.push(error.message));
  // Decap asks "Are you sure…?" before publishing: the editor says yes.
  page.on("dialog", (dialog) => void dialog.accept());
  await page.addInitScript(() => document.addEventListener("securitypolicyviolation", (event) => console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`)));
  page.on("console", (message) => {
    if (message.text().startsWith("CSP violation")) violations.push(message.text());
  });
  await routeLocalBackend(page, backend);
});

afterAll(async () => {
  // Decap polls the backend: a request may still be in flight when the page closes.
  await page?.unrouteAll({ behavior: "ignoreErrors" });
  await context?.close();
  await browser?.close();
  await server?.close();
  await backend?.stop();
  if (site) await fs.rm(site.root, { recursive: true, force: true });
  if (uploadDir) await fs.rm(uploadDir, { recursive: true, force: true });
});

/** The preview pane's document (Decap renders it in an iframe). */
async function previewFrame(): Promise<Frame> {
  await page.locator("iframe").first().waitFor();
  const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
  if (!frame) throw new Error("no preview pane");
  return frame;
}

/** Takes the open entry from draft through review to published, as an editor clicks it. */
async function publishThroughWorkflow(branch: string): Promise<void> {
  await page.getByRole("button", { name: "Status: Draft" }).click();
  await answered(page, "updateUnpublishedEntryStatus", () => page.getByRole("menuitem", { name: "In review" }).click());
  expect(git(site, "config", `branch.${branch}.description`).trim()).toBe("decap-cms/pending_review");
  await page.getByRole("button", { name: "Status: In review" }).click();
  await answered(page, "updateUnpublishedEntryStatus", () => page.getByRole("menuitem", { name: "Ready" }).click());
  expect(git(site, "config", `branch.${branch}.description`).trim()).toBe("decap-cms/pending_publish");
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await answered(page, "publishUnpublishedEntry", () => page.getByRole("menuitem", { name: "Publish now" }).click());
}

describe("/admin/ in the built site", () => {
  it("is noindex, has its own CSP on Cloudflare Pages and Netlify alike, and loads Decap from the site itself", async () => {
    for (const host of ["cloudflare", "netlify"] as const) {
      expect(headersFor(headersText, "/admin/", host)["Content-Security-Policy"]).toBe(adminContentSecurityPolicy());
      expect(headersFor(headersText, "/admin/config.yml", host)["X-Robots-Tag"]).toBe("noindex");
      expect(headersFor(headersText, "/2026/03/05/harbour-vote/", host)["Content-Security-Policy"]).not.toMatch(/'unsafe-eval'|'unsafe-inline'/);
    }
    const $ = await readPage(site, "/admin/");
    expect($('meta[name="robots"]').attr("content")).toBe("noindex, nofollow");
    expect($("script[src]").map((_, script) => $(script).attr("src")).get()).toEqual(["/admin/decap-cms.js", "/admin/dateline-cms.js"]);
    const decap = await fs.stat(path.join(site.outputDir, "admin/decap-cms.js"));
    expect(decap.size).toBeGreaterThan(1_000_000);
  });

  it("is in no sitemap, no search index and no reader page", async () => {
    const sitemap = await fs.readFile(path.join(site.outputDir, "sitemap.xml"), "utf8");
    expect(sitemap).toContain("<loc>");
    expect(sitemap).not.toContain("admin");
    const indexed = await fs.readdir(path.join(site.outputDir, "pagefind"), { recursive: true });
    const indexText = await Promise.all(indexed.filter((file) => file.endsWith(".pf_meta") || file.endsWith(".json")).map((file) => fs.readFile(path.join(site.outputDir, "pagefind", file)).then(String, () => "")));
    expect(indexText.join("\n")).not.toContain("/admin/");
    const pages = (await listPages(site)).filter((sitePath) => !sitePath.startsWith("/admin/"));
    expect(pages.length).toBeGreaterThan(10);
    for (const sitePath of pages) {
      const html = await fs.readFile(path.join(site.outputDir, sitePath.endsWith(".html") ? sitePath : `${sitePath}index.html`), "utf8");
      expect(html, sitePath).not.toMatch(/admin\/|decap|dateline-cms/i);
    }
    expect(headersFor(headersText, "/", "cloudflare")["Content-Security-Policy"]).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(contentSecurityPolicy).toBeTypeOf("function");
  });
});

describe("a new article through the CMS", () => {
  const slug = "lighthouse-keepers-return-to-gull-point";
  const file = `content/articles/2026/${slug}.md`;
  const branch = `cms/articles/2026/${slug}`;
  let upload: string;

  it("is written in the form and previewed with the site's own layout and stylesheet", async () => {
    uploadDir = await fs.mkdtemp(path.join(os.tmpdir(), "dateline-upload-"));
    upload = path.join(uploadDir, "gull-point-keepers.jpg");
    await fs.copyFile(path.join(FIXTURES, "base/articles/2026/harbour.jpg"), upload);

    await page.goto(`${server.origin}/admin/`);
    await page.getByRole("button", { name: "Login" }).click();
    await page.getByRole("link", { name: "Articles" }).first().waitFor();
    await page.goto(`${server.origin}/admin/#/collections/articles/new`);
    await page.getByLabel("Headline").fill("Lighthouse keepers return to Gull Point");
    await page.getByLabel("Byline").fill("Li");
    await page.getByRole("option", { name: "Li Wei" }).click();
    await page.getByLabel("Section").fill("Busi");
    await page.getByRole("option", { name: "Business" }).click();
    // Typed in Chicago time, whatever the editor's own zone (Berlin here).
    await page.getByLabel("Date", { exact: true }).fill("2026-03-10T09:15");
    await page.getByRole("button", { name: "Choose an image" }).click();
    await page.locator('input[type="file"]').setInputFiles(upload);
    await page.getByRole("button", { name: "Choose selected" }).click();
    await page.getByLabel(/^Alt/).fill("Two keepers climb the spiral stair of the Gull Point light");
    await page.getByLabel(/^Caption/).fill("The keepers' first climb since 1989.");
    await page.getByLabel(/^Credit/).fill("Li Wei / The Fixture Gazette");
    await page.locator('[data-slate-editor="true"]').click();
    await page.keyboard.type("Two keepers moved back into the Gull Point light on Monday, the first since the station was automated.");

    const preview = await previewFrame();
    await preview.locator(".article__headline", { hasText: "Lighthouse keepers return to Gull Point" }).waitFor();
    expect(await preview.locator('link[rel="stylesheet"]').getAttribute("href")).toMatch(/^\/css\/site\.css\?v=/);
    expect(await preview.locator(".article__section a").textContent()).toBe("Business");
    // Shown in capitals: the site's stylesheet styles the preview, not a lookalike.
    expect(await preview.locator(".article__section a").innerText()).toBe("BUSINESS");
    expect(await preview.locator(".byline__author").innerText()).toBe("Li Wei");
    expect(await preview.locator(".timestamps__published time").getAttribute("datetime")).toBe("2026-03-10T09:15:00-05:00");
    expect(await preview.locator("figure.figure--lead img").getAttribute("src")).toMatch(/^blob:/);
    expect(await preview.locator(".figure--lead .figure__caption").textContent()).toBe("The keepers' first climb since 1989.");
    expect(await preview.locator(".article__body p").first().innerText()).toContain("Two keepers moved back");
    // The author box, from the built site's author data, headshot and all.
    expect(await preview.locator(".author-bio").count()).toBeGreaterThan(0);
  });

  it("is saved as a draft on its own branch, Markdown and photo together", async () => {
    await answered(page, "persistEntry", () => page.getByRole("button", { name: "Save" }).click());
    expect(git(site, "branch", "--list", branch).trim()).toBe(branch);
    expect(git(site, "ls-tree", "-r", "--name-only", branch)).toContain(`content/articles/2026/gull-point-keepers.jpg`);
    // Not published yet: main does not have it.
    expect(git(site, "ls-tree", "-r", "--name-only", "main")).not.toContain(file);
  });

  it("goes through review and, published, lands on main as the file an editor would write", async () => {
    await publishThroughWorkflow(branch);
    expect(git(site, "branch", "--list", branch).trim()).toBe("");
    expect(git(site, "status", "--porcelain").trim()).toBe("");
    const text = await fs.readFile(path.join(site.root, file), "utf8");
    const parsed = parseFrontMatter(text);
    if (!parsed.ok) throw new Error(parsed.problem.message);
    expect(parsed.file.data).toEqual({
      headline: "Lighthouse keepers return to Gull Point",
      byline: ["li-wei"],
      date: "2026-03-10T09:15:00-05:00",
      section: "business",
      photo: "gull-point-keepers.jpg",
      alt: "Two keepers climb the spiral stair of the Gull Point light",
      caption: "The keepers' first climb since 1989.",
      credit: "Li Wei / The Fixture Gazette",
    });
    expect(parsed.file.body.trim()).toBe("Two keepers moved back into the Gull Point light on Monday, the first since the station was automated.");
    expect(await fs.readFile(path.join(site.root, "content/articles/2026/gull-point-keepers.jpg"))).toEqual(await fs.readFile(upload));
  });

  it("passes check:content, and a build publishes its page", async () => {
    const checked = await checkContent({ contentDir: site.contentDir, format: "text" });
    expect(checked.lines).toEqual([]);
    expect(checked.ok).toBe(true);
    await buildSite(site);
    const $ = await readPage(site, `/2026/03/10/${slug}/`);
    expect($("h1.article__headline").text()).toBe("Lighthouse keepers return to Gull Point");
    expect($(".article__section a").text()).toBe("Business");
    expect($(".byline__author").text()).toBe("Li Wei");
    expect($("figure.figure--lead img").attr("alt")).toBe("Two keepers climb the spiral stair of the Gull Point light");
    expect($(".article__body p").first().text()).toContain("Two keepers moved back");
  });
});

describe("an existing article edited in the CMS", () => {
  const file = "content/articles/2026/ferry-timetable.md";

  it("keeps its front matter as written: comments, order, quoting and flow lists; only the changed line differs", async () => {
    const before = await fs.readFile(path.join(site.root, file), "utf8");
    await page.goto(`${server.origin}/admin/#/collections/articles`);
    await page.getByRole("link", { name: /Ferry timetable thins out for winter/ }).click();
    const summary = page.getByLabel(/^Summary/);
    await expect.poll(() => summary.inputValue(), { timeout: 30_000 }).toBe("Fewer crossings from December.");
    await summary.fill("Four crossings a day from December, down from seven.");
    await answered(page, "persistEntry", () => page.getByRole("button", { name: "Save" }).click());
    await publishThroughWorkflow("cms/articles/2026/ferry-timetable");
    const after = await fs.readFile(path.join(site.root, file), "utf8");
    expect(after).toBe(before.replace("summary: Fewer crossings from December.", "summary: Four crossings a day from December, down from seven."));
  });

  it("caused no CSP violation and no script error", () => {
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
  });
});
