// Pathological Markdown and odd encodings: known worst cases for Markdown parsers finish through
// our configured pipeline (plugins included), size has a documented limit, and every encoding an
// editor's tools produce builds correctly. The time limits are hang guards, not performance goals.
import fs from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createMarkdown } from "../src/markdown/markdown.ts";
import { MAX_CONTENT_BYTES } from "../src/content/read-text.ts";
import { validateNewsroom } from "../src/content/load.ts";
import { buildSite, makeSite, readPage, removeSite, writeContent, type FixtureSite } from "./helpers/site.ts";

const md = createMarkdown("en-US");
const N = 40_000;

/** Inputs that make naive Markdown parsers quadratic or recurse without bound. */
const PATHOLOGICAL: Record<string, string> = {
  "unclosed emphasis": "*a **".repeat(N),
  "nested emphasis": `${"*".repeat(N)}a${"*".repeat(N)}`,
  "underscore runs": "_a __".repeat(N),
  "nested brackets": `${"[".repeat(N)}a${"]".repeat(N)}`,
  "unclosed links": "[a](".repeat(N),
  "unclosed images": "![".repeat(N),
  "deep blockquotes": `${">".repeat(N)} a`,
  "deep lists": Array.from({ length: 3000 }, (_, i) => `${" ".repeat(i * 2)}- a`).join("\n"),
  "backtick runs": `${"`".repeat(N)}a${"``".repeat(N / 2)}`,
  "mixed backtick lengths": Array.from({ length: N / 4 }, (_, i) => `${"`".repeat((i % 60) + 1)}x`).join(" "),
  "entity-like text": `${"&#".repeat(N)}${"&amp".repeat(N)}&#x${"9".repeat(N)};`,
  "unclosed autolinks": "<a".repeat(N),
  "unclosed comments": "<!--".repeat(N),
  "link reference definitions": "[a]: ".repeat(N),
  "strikethrough runs": "~~a".repeat(N),
  "bare URLs": "http://a.".repeat(N),
  "quote characters": `"'`.repeat(N),
  "setext headings": "a\n=\n".repeat(N / 4),
  "figure fences": "```figure\nsrc: x.jpg\n```\n".repeat(2000),
  "pull quote fences": "```pullquote\n*a\n— b\n```\n".repeat(5000),
};

describe("pathological Markdown", () => {
  it.each(Object.entries(PATHOLOGICAL))("renders %s in linear-ish time", (_name, source) => {
    const started = performance.now();
    const html = md.render(source, { dateline: "PLACE", renderFigure: () => "<figure></figure>" });
    expect(html.length).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe("content limits and encodings", () => {
  let site: FixtureSite | undefined;
  afterEach(async () => {
    if (site) await removeSite(site);
    site = undefined;
  });
  const article = (headline: string, body: string, extra = "") =>
    `---\nheadline: ${JSON.stringify(headline)}\nbyline: li-wei\ndate: 2026-03-07\nsection: news\n${extra}---\n${body}\n`;

  it(`refuses an article over ${MAX_CONTENT_BYTES / 1024 / 1024} MiB with a clear file-level error`, async () => {
    site = await makeSite();
    await writeContent(site, "articles/2026/huge.md", article("Huge", "word ".repeat(MAX_CONTENT_BYTES / 5 + 10)));
    const { problems } = await validateNewsroom(site.contentDir);
    expect(problems.map((p) => `${path.basename(p.file)}:${p.line} ${p.field}: ${p.message}`)).toEqual([
      "huge.md:1 file: is 1.0 MiB; a content file may be at most 1 MiB (split the story, or move tables and data out of it)",
    ]);
  });

  it("refuses bytes that are not UTF-8, naming the file", async () => {
    site = await makeSite();
    await writeContent(site, "articles/2026/latin1.md", Buffer.from(article("Caf\u00e9", "Cr\u00e8me"), "latin1"));
    const { problems } = await validateNewsroom(site.contentDir);
    expect(problems.map((p) => `${path.basename(p.file)}:${p.line} ${p.field}: ${p.message}`)).toEqual([
      "latin1.md:1 file: is not UTF-8 text (save the file as UTF-8 in your editor)",
    ]);
  });

  it("builds UTF-8 with a BOM, CRLF line endings, NFD file names, emoji and right-to-left text", async () => {
    site = await makeSite();
    await writeContent(site, "articles/2026/bom-crlf.md", `\uFEFF${article("Council “votes” 😀", "First line.\nSame paragraph.\n\nSecond paragraph.", "dateline: PORT ALDER\n").replace(/\n/g, "\r\n")}`);
    await writeContent(site, "articles/2026/cafe\u0301-reopens.md", article("Cafe\u0301 reopens", "Coffee again."));
    await writeContent(site, "articles/2026/rtl.md", article("שלום עולם — مرحبا", "טקסט בעברית ونص عربي mixed with English.", "tags: [\"ירושלים\"]\n"));
    await buildSite(site);
    const bom = await readPage(site, "/2026/03/07/bom-crlf/");
    expect(bom("h1").text()).toBe("Council “votes” 😀");
    expect(bom(".article__body p").first().text()).toBe("PORT ALDER — First line.\nSame paragraph.");
    // A decomposed "é" in the file name is folded into the ASCII slug.
    const cafe = await readPage(site, "/2026/03/07/cafe-reopens/");
    expect(cafe("h1").text()).toBe("Cafe\u0301 reopens");
    const rtl = await readPage(site, "/2026/03/07/rtl/");
    expect(rtl("h1").text()).toBe("שלום עולם — مرحبا");
    // Published percent-encoded, as every URL on the wire (issue 20); the file keeps the letters.
    expect(rtl(".article__tags a").attr("href")).toBe(encodeURI("/tags/ירושלים/"));
    await expect(fs.access(path.join(site.outputDir, "tags/ירושלים/index.html"))).resolves.toBeUndefined();
  });
});
