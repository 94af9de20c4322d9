// The bundled sample newsroom builds, and every published article page has every part of the
// anatomy that its front matter asks for. Every page is valid HTML.
import fs from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import type { CheerioAPI } from "cheerio";
import { listPages, readPage, REPO, type FixtureSite } from "./helpers/site.ts";
import { validateHtmlFile } from "./helpers/html.ts";
import { checkLinks } from "./helpers/links.ts";
import { sitemapSchemaErrors } from "./helpers/xsd.ts";
import { validateNewsroom } from "../src/content/load.ts";
import type { ArticleSource } from "../src/content/load-articles.ts";
import { isSpilled, unpackTemplate } from "../src/render/body-template.ts";
import { countWords } from "../src/text.ts";
import { OUTPUT_MARKER } from "../src/build/output-folder.ts";

let site: FixtureSite;
let articles: ArticleSource[];
let build: { outputDir: string; cacheDir: string; status: number | null; stdout: string; output: string };

beforeAll(async () => {
  // Built once for the run by `npm run build`'s own command (tests/setup/sample-site.ts); read only.
  build = inject("sampleSite");
  site = { root: "", contentDir: path.join(REPO, "content"), outputDir: build.outputDir, cacheDir: build.cacheDir };
  const checked = await validateNewsroom(site.contentDir);
  expect(checked.problems).toEqual([]);
  articles = checked.articles ?? [];
});

describe("sample newsroom", () => {
  it("builds without errors and reports what it published", () => {
    expect(build.status, build.output).toBe(0);
    expect(build.stdout).toMatch(/\[dateline\] 18 articles, 7 authors, 5 sections, \d+ tags: \d+ files in [\d.]+ s\n\[dateline\] rendered \d+: .*\n\[dateline\] search: 1 of 1 shard indexed \(18 pages\), 0 reused\n\[dateline\] images: \d+ encoded, \d+ reused; 3 caption\/credit\/alt fields read from the photos' own metadata\n\[dateline\] 1 draft skipped: articles\/2026\/[\w-]+\.md\b/);
  });

  it("meets the sample's brief: 8+ articles, 3+ sections and authors, 6+ photos, 300+ words each", () => {
    const published = articles.filter((article) => !article.fields.draft);
    expect(published.length).toBeGreaterThanOrEqual(8);
    expect(new Set(published.map((a) => a.fields.section)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(published.flatMap((a) => a.fields.byline)).size).toBeGreaterThanOrEqual(3);
    expect(published.filter((a) => a.fields.photo).length).toBeGreaterThanOrEqual(6);
    expect(published.some((a) => a.fields.byline.length === 2)).toBe(true);
    expect(published.some((a) => a.fields.corrections?.length)).toBe(true);
    expect(published.some((a) => a.fields.updated)).toBe(true);
    expect(published.some((a) => a.figures.length > 0 && a.template !== undefined && !isSpilled(a.template) && unpackTemplate(a.template).html.includes(`class="pull-quote"`))).toBe(true);
    expect(articles.some((a) => a.fields.draft)).toBe(true);
  });

  it("keeps every photo under 200 KB", async () => {
    const photos = (await fs.readdir(site.contentDir, { recursive: true })).filter((name) => /\.(jpe?g|png|webp|avif)$/i.test(name));
    expect(photos.length).toBeGreaterThanOrEqual(6);
    for (const photo of photos) expect((await fs.stat(path.join(site.contentDir, photo))).size, photo).toBeLessThan(200 * 1024);
  });

  it("gives every published article a page with every part of the anatomy", async () => {
    for (const article of articles.filter((a) => !a.fields.draft)) {
      const $: CheerioAPI = await readPage(site, article.path);
      const where = article.id;
      expect($("h1").text(), where).toBe(article.fields.headline);
      expect($("title").text(), where).toBe(`${article.fields.headline} | The Lakeshore Ledger`);
      expect($('meta[name="description"]').attr("content")?.length, where).toBeGreaterThan(20);
      expect($('link[rel="canonical"]').attr("href"), where).toBe(`https://ledger.example.org${article.path}`);
      expect($(".byline a").map((_, a) => $(a).attr("href")).get(), where).toEqual(article.fields.byline.map((id) => `/authors/${id}/`));
      expect($(".timestamps__published time").attr("datetime"), where).toBe(article.published.iso);
      expect($(".timestamps__updated time").attr("datetime"), where).toBe(article.updated?.iso);
      expect($(".timestamps__reading").text(), where).toMatch(/^\d+ min read$/);
      expect(countWords($(".article__body").text()), where).toBeGreaterThanOrEqual(300);
      if (article.fields.dateline) expect($(".article__body > p").first().children().first().text(), where).toBe(`${article.fields.dateline} —`);
      else expect($(".dateline"), where).toHaveLength(0);
      // Issue 9: alt, caption and credit from the front matter, or else from the photo file itself.
      if (article.photo) {
        const img = $("figure.figure--lead img");
        expect(img.attr("alt"), where).toBe(article.photo.alt);
        expect(img.attr("fetchpriority"), where).toBe("high");
        expect($("figure.figure--lead source"), where).toHaveLength(2);
        expect($("figure.figure--lead .figure__caption").text(), where).toBe(article.photo.caption);
        expect($("figure.figure--lead .figure__credit").text(), where).toBe(`Photo: ${article.photo.credit}`);
      }
      expect($(".article__body figure.figure--inline"), where).toHaveLength(article.figures.length);
      expect($("aside.corrections li"), where).toHaveLength(article.fields.corrections?.length ?? 0);
      expect($(".article__tags li"), where).toHaveLength(article.fields.tags?.length ?? 0);
      expect($("aside.author-bio"), where).toHaveLength(article.fields.byline.length);
      // Issue 20: the daily headlines' box under every article, The Sports Week's under sports stories too.
      expect($("section.signup").map((_, box) => $(box).attr("data-newsletter")).get(), where).toEqual(article.fields.section === "sports" ? ["daily", "sports-week"] : ["daily"]);
      expect($('section.signup form input[type="email"][required]'), where).toHaveLength(article.fields.section === "sports" ? 2 : 1);
      expect($("aside.support a.button").attr("href"), where).toBe("https://members.ledger.example.org/join");
      expect($('nav[aria-label="Sections"] a'), where).toHaveLength(6);
      // Scripts enhance the signup form (and a gallery or video facade, issue 9); they are loaded from files, never inline.
      const interactive = article.galleries.length > 0 || article.embeds.some((embed) => "id" in embed);
      expect($('script:not([type="application/ld+json"])').map((_, script) => `${$(script).attr("type")} ${$(script).attr("src")}`).get(), where).toEqual([
        ...(interactive ? ["module /js/story-formats.js"] : []),
        expect.stringMatching(/^module \/js\/signup\.js\?v=[0-9a-f]{10}$/),
      ]);
    }
  });

  it("leaves the draft out of the production build", async () => {
    const draft = articles.find((a) => a.fields.draft);
    await expect(fs.access(path.join(site.outputDir, draft?.path ?? "/missing/", "index.html"))).rejects.toThrow();
    const pages = await listPages(site);
    expect(pages).not.toContain(draft?.path);
  });

  it("writes valid HTML on every page (html-validate, .htmlvalidate.json)", async () => {
    const pages = await listPages(site);
    expect(pages.length).toBeGreaterThan(15);
    const problems: string[] = [];
    for (const page of pages) {
      for (const message of await validateHtmlFile(path.join(site.outputDir, page, page.endsWith(".html") ? "" : "index.html"))) problems.push(`${page} ${message}`);
    }
    expect(problems).toEqual([]);
  });

  it("has no broken internal link or image, and no page unreachable from the front page", async () => {
    const report = await checkLinks({ outputDir: site.outputDir, origin: "https://ledger.example.org", prefix: "/" });
    expect(report.pages.length).toBeGreaterThan(30);
    expect(report.broken).toEqual([]);
    // The 404 page is served by the host for unknown addresses, and the CMS at /admin/ is for editors
    // (issue 16): nothing links to either on purpose.
    expect(report.orphans).toEqual(["/404.html", "/admin/"]);
  });

  it("publishes nothing that must never be published, and no image nothing uses", async () => {
    const written = (await fs.readdir(site.outputDir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => path.relative(site.outputDir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"));
    // The one file published on purpose that is neither a page nor an asset: npm run build's output
    // marker (src/build/output-folder.ts), a fixed sentence that says nothing about the site.
    expect(written).toContain(OUTPUT_MARKER);
    expect(await fs.readFile(path.join(site.outputDir, OUTPUT_MARKER), "utf8")).toMatch(/^Written by Dateline \(npm run build\): a later build replaces this whole folder.\nbuild [\w-]{27}\n$/);
    const files = written.filter((file) => file !== OUTPUT_MARKER);
    // The CMS's configuration is published on purpose (Decap CMS reads it), generated from the schema.
    const CMS_FILES = /^admin\/(?:config\.yml|(?:\d+\.)?decap-cms\.js|dateline-cms\.js|\w+\.wasm)$/;
    const leaks = files.filter(
      (file) =>
        file !== "admin/config.yml" &&
        (file.split("/").some((part) => part.startsWith(".")) ||
          /\.(md|markdown|ts|tsx|mts|cjs|mjs|map|env|yml|yaml|toml|lock|log|sh)$/i.test(file) ||
          /(^|\/)(settings|package|package-lock|tsconfig)\.[a-z]+$/i.test(file)),
    );
    expect(leaks).toEqual([]);
    // What may be served at all: pages, feeds, sitemaps, robots.txt, the host's _headers, our CSS and
    // JS, the Pagefind bundle, and encoded images under img/ (never an editor's original file).
    const unexpected = files.filter(
      (file) =>
        !/\.(html|xml|json)$/.test(file) &&
        !["robots.txt", "_headers"].includes(file) &&
        !/^css\/[\w-]+\.css$/.test(file) &&
        !/^js\/[\w-]+\.js$/.test(file) &&
        !file.startsWith("pagefind/") &&
        !CMS_FILES.test(file) &&
        !/^img\/[\w-]+\.(avif|webp|jpeg|png)$/.test(file),
    );
    expect(unexpected).toEqual([]);
    const originals = new Set((await fs.readdir(site.contentDir, { recursive: true })).map((name) => path.basename(name)));
    expect(files.filter((file) => originals.has(path.basename(file)))).toEqual([]);
    // Every published image is used by a page, a feed or the structured data.
    const texts = await Promise.all(files.filter((file) => /\.(html|xml|json)$/.test(file) && !file.startsWith("pagefind/")).map((file) => fs.readFile(path.join(site.outputDir, file), "utf8")));
    const referenced = new Set(texts.flatMap((text) => [...text.matchAll(/\/img\/([\w-]+\.\w+)/g)].map((match) => match[1])));
    expect(files.filter((file) => file.startsWith("img/") && !referenced.has(file.slice(4)))).toEqual([]);
  });

  it("marks every link to another site noopener noreferrer, and paid links sponsored noopener", async () => {
    let external = 0;
    let sponsored = 0;
    for (const page of await listPages(site)) {
      const $ = await readPage(site, page);
      $("a[href^='http']").each((_, a) => {
        const href = $(a).attr("href") ?? "";
        if (new URL(href).origin === "https://ledger.example.org") return;
        external++;
        const rel = ($(a).attr("rel") ?? "").split(" ");
        // A promo or a sponsor's own link keeps the referrer (advertisers count where readers came from).
        const paid = $(a).closest(".promos, .story-label--sponsored").length > 0;
        if (paid) sponsored++;
        expect(rel, `${page}: ${href}`).toEqual(expect.arrayContaining(paid ? ["sponsored", "noopener"] : ["noopener", "noreferrer"]));
      });
    }
    expect(external).toBeGreaterThan(20);
    expect(sponsored).toBeGreaterThan(10);
  });

  it("meets issue 18's acceptance: five standalone pages, a story of each type, a logged correction, topic feeds, valid sitemaps", async () => {
    const footer = (await readPage(site, "/"))(".site-footer a").map((_, a) => a.attribs["href"]).get();
    for (const slug of ["about", "ethics", "contact", "privacy", "accessibility"]) {
      expect(footer, slug).toContain(`/${slug}/`);
      expect((await readPage(site, `/${slug}/`))(".standalone__body p").length, slug).toBeGreaterThan(2);
    }
    const types = new Set(articles.filter((a) => !a.fields.draft).map((a) => a.fields.type ?? "news"));
    expect([...types].sort()).toEqual(["analysis", "news", "opinion", "review", "sponsored"]);
    const log = await readPage(site, "/corrections/");
    const logged = log(".corrections-log__entry a").map((_, a) => a.attribs["href"]?.split("#")[0]).get();
    const corrected = articles.filter((a) => !a.fields.draft && a.fields.corrections?.length);
    expect(corrected.length).toBeGreaterThanOrEqual(1);
    for (const article of corrected) {
      expect(logged, article.id).toContain(article.path);
      const ld = JSON.parse((await readPage(site, article.path))('script[type="application/ld+json"]').text()) as { dateModified: string; correction: unknown[] };
      expect(ld.dateModified, article.id).toBe(article.updated?.iso);
      expect(ld.correction, article.id).toHaveLength(article.fields.corrections?.length ?? 0);
    }
    const topic = JSON.parse(await fs.readFile(path.join(site.outputDir, "tags/harbour/feed.json"), "utf8")) as { items: unknown[] };
    expect(topic.items.length).toBeGreaterThan(3);
    for (const sitemap of ["sitemap.xml", "news-sitemap.xml"]) expect(await sitemapSchemaErrors(await fs.readFile(path.join(site.outputDir, sitemap), "utf8")), sitemap).toEqual([]);
  });
});
