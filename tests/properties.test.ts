// Property tests: any string an editor (or a wire feed) puts in a front matter or settings text
// field reaches the page only as text. Seeded and repeatable; DATELINE_PROPERTY_RUNS=5000 for a long run.
// Bidi overrides and control characters are refused by the schema (tests/text-hygiene.test.ts), so
// the generator uses the bidi controls that pass: a closed isolate and a mark.
import fs from "node:fs/promises";
import path from "node:path";
import fc from "fast-check";
import { stringify } from "yaml";
import { load, type CheerioAPI } from "cheerio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeSite, removeSite, type FixtureSite } from "./helpers/site.ts";
import { writeSettings } from "./helpers/settings.ts";
import { loadNewsroom } from "../src/build/build.ts";
import { planSite } from "../src/site/index.ts";
import { outputFile } from "../src/site/page.ts";
import { ContentError } from "../src/content/errors.ts";
import { siteUrl } from "../src/site/site.ts";
import { resolveImage } from "../src/content/files.ts";

const RUNS = Number(process.env["DATELINE_PROPERTY_RUNS"] ?? 150);
const SEED = Number(process.env["DATELINE_PROPERTY_SEED"] ?? 20261125);

/** Fragments that break naive templates, mixed with arbitrary printable text. */
const hostile = fc.constantFrom(
  "<script>alert(1)</script>", "</script>", "<img src=x onerror=alert(1)>", '"', "'", "`", "&", "&amp;", "&lt;",
  "javascript:alert(1)", "data:text/html,<b>x</b>", "{{ 7*7 }}", "{% raw %}", "${x}", "<!--", "-->", "]]>", "\\",
  "*bold*", "_it_", "[x](javascript:alert(1))", "# h", "> q", "\u2067ש\u2069", "\u200f", "\u2028", "😀", "—", "ש", "e\u0301", "%2e%2e/",
);
const printable = fc.string({ unit: "grapheme", maxLength: 12 }).filter((s) => !/[\u0000-\u001f\u007f-\u009f]/.test(s));
/** A non-blank field value: the schema trims and refuses blank text. */
const field = fc
  .array(fc.oneof(hostile, printable), { minLength: 1, maxLength: 5 })
  .map((parts) => parts.join(" ").replace(/\s+/g, " ").trim())
  .filter((value) => value.length > 0 && value.length < 300 && !/[\u0000-\u001f\u007f-\u009f\ufffe\uffff]/.test(value));

const fields = fc.record({
  headline: field,
  summary: field,
  dateline: field,
  alt: field,
  caption: field,
  credit: field,
  tag: field.filter((tag) => /[\p{L}\p{N}]/u.test(tag)),
  authorName: field,
  role: field,
  correction: field,
  sectionTitle: field,
  siteName: field,
});
type Fields = typeof fields extends fc.Arbitrary<infer T> ? T : never;

let site: FixtureSite;
const NOW = new Date("2026-11-25T12:00:00Z");

beforeAll(async () => {
  site = await makeSite();
  await fs.rm(path.join(site.contentDir, "articles/2026/date-only.md"));
});
afterAll(() => removeSite(site));

/** Writes the fixture with these field values and renders the article and author pages in-process. */
async function render(values: Fields): Promise<{ article: CheerioAPI; author: CheerioAPI }> {
  await writeSettings(site, {
    name: values.siteName,
    baseUrl: "https://gazette.example.org/",
    timeZone: "America/Chicago",
    sections: [{ slug: "news", title: values.sectionTitle }],
    newsletter: { action: "https://newsletter.example.org/subscribe" },
  });
  await fs.writeFile(
    path.join(site.contentDir, "authors/li-wei.md"),
    `---\n${stringify({ name: values.authorName, role: values.role })}---\nBio.\n`,
  );
  const frontMatter = {
    headline: values.headline,
    summary: values.summary,
    byline: ["li-wei"],
    date: "2026-03-05T09:00:00-06:00",
    dateline: values.dateline,
    section: "news",
    tags: [values.tag],
    photo: "harbour.jpg",
    alt: values.alt,
    caption: values.caption,
    credit: values.credit,
    corrections: [{ date: "2026-03-06", text: values.correction }],
  };
  // Issue 9: the same values in a gallery and a quoted post (a long tilde fence: no value can close it).
  const photo = { src: "harbour.jpg", alt: values.alt, caption: values.caption, credit: values.credit };
  const gallery = stringify({ title: values.headline, photos: [photo, photo] });
  const post = stringify({ type: "mastodon", url: "https://newsroom.social/@ana/112233445566", author: values.credit, text: values.correction, date: "2026-03-05" });
  const body = `The council met.\n\n~~~~~~~~~~ gallery\n${gallery}~~~~~~~~~~\n\n~~~~~~~~~~ embed\n${post}~~~~~~~~~~\n`;
  await fs.writeFile(path.join(site.contentDir, "articles/2026/harbour-vote.md"), `---\n${stringify(frontMatter)}---\n${body}`);
  // Load and plan as a build does, then render the two pages in-process.
  const { newsroom, content, bodies } = await loadNewsroom({ input: site.contentDir, cacheDir: site.cacheDir, now: NOW, preview: false });
  const pages = new Map(planSite(newsroom, { now: NOW, notes: content.notes }).pages.map((page) => [page.path, page]));
  const articlePage = pages.get("/2026/03/05/harbour-vote/");
  const authorPage = pages.get("/authors/li-wei/");
  if (!articlePage || !authorPage) throw new Error(`pages missing: ${[...pages.keys()].join(", ")}`);
  await bodies.prepare(articlePage.bodies ?? []);
  const html = (rendered: string | { html: string }) => (typeof rendered === "string" ? rendered : rendered.html);
  return { article: load(html(articlePage.render(articlePage.inputs))), author: load(html(authorPage.render(authorPage.inputs))) };
}

/** The page's element structure: tag names and attribute names, in document order. */
function skeleton($: CheerioAPI): string[] {
  return $("*")
    .toArray()
    .flatMap((element) => (element.type === "tag" ? [`${element.tagName}[${Object.keys(element.attribs).sort().join(",")}]`] : []));
}

const PLACEHOLDER: Fields = {
  headline: "Headline", summary: "Summary", dateline: "PLACE", alt: "Alt", caption: "Caption", credit: "Credit", tag: "topic",
  authorName: "Name", role: "Role", correction: "Fixed", sectionTitle: "News", siteName: "Gazette",
};

describe("front matter strings are text, never markup", () => {
  it(`renders any field value only as text (${RUNS} runs, seed ${SEED})`, async () => {
    const reference = await render(PLACEHOLDER);
    const referenceSkeleton = { article: skeleton(reference.article), author: skeleton(reference.author) };
    await fc.assert(
      fc.asyncProperty(fields, async (values) => {
        const { article: $, author } = await render(values);
        expect($("h1").text()).toBe(values.headline);
        expect($(".article__dek").text()).toBe(values.summary);
        expect($('meta[name="description"]').attr("content")).toBe(values.summary);
        expect($(".dateline").text()).toBe(`${values.dateline} —`);
        expect($(".figure--lead img").attr("alt")).toBe(values.alt);
        expect($(".figure--lead .figure__caption").text()).toBe(values.caption);
        expect($(".figure--lead .figure__credit").text()).toBe(`Photo: ${values.credit}`);
        expect($(".article__tags a").text()).toBe(values.tag);
        expect($(".gallery__title").text()).toBe(`${values.headline} (2 photos)`);
        expect($(".figure--gallery img").first().attr("alt")).toBe(values.alt);
        expect($(".figure--gallery .figure__caption").first().text()).toBe(values.caption);
        expect($(".embed-post p").text()).toBe(values.correction);
        expect($(".embed-post__source").text()).toContain(values.credit);
        expect($(".byline a").text()).toBe(values.authorName);
        expect($(".author-bio__role").text()).toBe(values.role);
        expect($(".corrections li").text()).toContain(values.correction);
        expect($(".article__section a").text()).toBe(values.sectionTitle);
        expect($(".site-header__name").text()).toBe(values.siteName);
        expect(author("h1").text()).toBe(values.authorName);
        // No element, attribute or URL came from a value: the structure is the placeholder's.
        expect(skeleton($)).toEqual(referenceSkeleton.article);
        expect(skeleton(author)).toEqual(referenceSkeleton.author);
        for (const script of $('script[type="application/ld+json"]').toArray()) JSON.parse($(script).text());
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});

describe("front matter paths stay inside their folders", () => {
  const written = fc.oneof(
    fc.constantFrom("../../../../etc/passwd", "/etc/passwd", "..\\..\\settings.ts", "../settings.ts", "%2e%2e/x.jpg", "file:///etc/passwd", "harbour.jpg/..", "./../../x.jpg", "\u002e\u002e/harbour.jpg"),
    fc.array(fc.constantFrom("..", ".", "articles", "2026", "harbour.jpg", "x", "%2e", "~", ""), { minLength: 1, maxLength: 6 }).map((parts) => parts.join("/")),
  );

  it("resolves an image path only to an image inside the content folder", async () => {
    const article = path.join(site.contentDir, "articles/2026/harbour-vote.md");
    const root = await fs.realpath(site.contentDir);
    await fc.assert(
      fc.asyncProperty(written, async (value) => {
        const result = await resolveImage(site.contentDir, article, value);
        if (result.ok) expect(path.relative(root, result.file).startsWith("..")).toBe(false);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it("refuses or confines hostile slugs, sections, tags and bylines; every page path stays in the output", async () => {
    const value = fc.oneof(fc.constantFrom("../../x", "/etc", "..", "a/../../b", "C:\\x", "%2e%2e"), field);
    await fc.assert(
      fc.asyncProperty(value, value, value, value, async (slug, section, tag, byline) => {
        await fs.writeFile(
          path.join(site.contentDir, "articles/2026/harbour-vote.md"),
          `---\n${stringify({ headline: "H", byline: [byline], date: "2026-03-05", section, slug, tags: [tag] })}---\nBody.\n`,
        );
        try {
          const { newsroom, content } = await loadNewsroom({ input: site.contentDir, cacheDir: site.cacheDir, now: NOW, preview: false });
          const output = path.join(site.root, "_site");
          for (const page of planSite(newsroom, { now: NOW, notes: content.notes }).pages) {
            const target = path.resolve(output, outputFile(page.path));
            expect(target.startsWith(`${output}${path.sep}`), page.path).toBe(true);
            expect(siteUrl(newsroom.site, page.path).startsWith("/")).toBe(true);
          }
        } catch (error) {
          expect(error).toBeInstanceOf(ContentError);
        }
      }),
      { numRuns: Math.min(RUNS, 60), seed: SEED },
    );
  });
});
