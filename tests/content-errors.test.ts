// Content errors: every broken fixture must stop the build with one message an editor can act on,
// one line per problem, `file:line field: what is wrong (what is accepted)`. Most cases run the
// validator directly (no rendering); the end-to-end cases run the real Eleventy build and CLI.
import fs from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { describe, expect, it } from "vitest";
import { buildError, buildSite, listPages, runBuildCli, sitesRemovedAfterEach, writeContent, type FixtureSite } from "./helpers/site.ts";
import { validateNewsroom } from "../src/content/load.ts";
import { suggestClosest } from "../src/content/closest.ts";
import { ContentError } from "../src/content/errors.ts";
import { parseFrontMatter } from "../src/content/front-matter.ts";
import { ARTICLE_FIELDS, AUTHOR_FIELDS } from "../src/content/schema.ts";
import { hashTree } from "./helpers/tree.ts";

const site = sitesRemovedAfterEach();

/** The message `loadNewsroom` would throw for these files, without encoding images or rendering. */
async function contentErrorMessage(fixture: FixtureSite): Promise<string> {
  const { problems } = await validateNewsroom(fixture.contentDir);
  if (problems.length === 0) throw new Error("expected content problems, but the content is valid");
  return new ContentError(problems).message;
}

async function problemsIn(scenario: string): Promise<string> {
  return contentErrorMessage(await site(scenario));
}

/**
 * The explanation on the line for `where` ("articles/2026/x.md:3 headline"): the file, line and
 * field must match exactly. Fails with the whole message when there is no such line.
 */
function explanation(message: string, where: string): string {
  // The path is absolute (the fixture lives in a temporary folder) and ends in content/<where>.
  const pattern = new RegExp(`^\\S*/content/${where.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: (.*)$`, "m");
  const match = pattern.exec(message);
  expect(match, `no problem line for "${where}" in:\n${message}`).not.toBeNull();
  return match?.[1] ?? "";
}

/** "articles/2026/x.md:3 headline" for every problem line, in the order printed. */
function problemPrefixes(message: string): string[] {
  return message
    .split("\n")
    .slice(1)
    .map((line) => /\/content\/(\S+:\d+ [^:]+):/.exec(line)?.[1] ?? `unexpected line: ${line}`);
}

async function outputFiles(fixture: FixtureSite): Promise<string[]> {
  return existsSync(fixture.outputDir) ? fs.readdir(fixture.outputDir, { recursive: true }) : [];
}

describe("article front matter", () => {
  it("names a missing required field on line 1", async () => {
    const message = await problemsIn("article-missing-headline");
    expect(explanation(message, "articles/2026/x.md:1 headline")).toBe("is required (the headline, plain text)");
  });

  it("names an empty required field on its own line", async () => {
    const message = await problemsIn("article-empty-headline");
    expect(explanation(message, "articles/2026/x.md:3 headline")).toBe("is empty (the headline, plain text)");
  });

  it("refuses text where a list is expected", async () => {
    const message = await problemsIn("article-tags-not-list");
    expect(explanation(message, "articles/2026/x.md:6 tags")).toBe("must be a list of tags, e.g. [housing, city council], not text");
  });

  it("refuses a list where text is expected", async () => {
    const message = await problemsIn("article-headline-list");
    expect(explanation(message, "articles/2026/x.md:2 headline")).toBe("must be the headline, plain text, not a list");
  });

  it('refuses draft: "yes" (quoted text is not true or false)', async () => {
    const message = await problemsIn("article-draft-text");
    expect(explanation(message, "articles/2026/x.md:6 draft")).toBe("must be true or false, not text");
  });

  it("points at the over-indented line when the YAML does not parse", async () => {
    const message = await problemsIn("article-yaml-bad-indentation");
    const text = explanation(message, "articles/2026/x.md:8 front matter");
    expect(text).toMatch(/^YAML does not parse: this line is indented more than the field it belongs to/);
    expect(text).toContain("check quotes, colons and indentation");
  });

  it("points at the line where an unclosed quote opens", async () => {
    const message = await problemsIn("article-yaml-unclosed-quote");
    expect(explanation(message, "articles/2026/x.md:4 front matter")).toMatch(/^YAML does not parse: Missing closing "quote \(check quotes/);
  });

  it("refuses a date that is not ISO 8601", async () => {
    const message = await problemsIn("article-date-not-iso");
    expect(explanation(message, "articles/2026/x.md:4 date")).toBe(
      '"March 5, 2026" is not a valid date (ISO 8601, e.g. 2026-03-05 or 2026-03-05T09:30:00-05:00)',
    );
  });

  it("refuses an ISO-shaped date that is not on the calendar", async () => {
    const message = await problemsIn("article-date-impossible");
    expect(explanation(message, "articles/2026/x.md:5 date")).toMatch(/^"2026-13-45" is not a valid date \(ISO 8601, e\.g\. /);
  });

  it("refuses updated before date", async () => {
    const message = await problemsIn("article-updated-before-date");
    expect(explanation(message, "articles/2026/x.md:6 updated")).toBe(
      "2026-03-04 is before the publication date 2026-03-05T09:30:00-06:00 (updated must be the same or later)",
    );
  });

  it("names an unknown byline id and lists the known authors", async () => {
    const message = await problemsIn("article-unknown-author");
    expect(explanation(message, "articles/2026/x.md:3 byline")).toBe('unknown author "jdoe" (known: ana-ruiz, li-wei)');
  });

  it("names a section the settings do not have and lists the sections", async () => {
    const message = await problemsIn("article-unknown-section");
    expect(explanation(message, "articles/2026/x.md:5 section")).toBe('"sports" is not a section of this site (sections: news, business)');
  });

  it("names a photo that does not exist", async () => {
    const message = await problemsIn("article-photo-missing");
    expect(explanation(message, "articles/2026/x.md:6 photo")).toBe('"flats.jpg" not found (looked for articles/2026/flats.jpg in the content folder)');
  });

  it("refuses a photo that is not an image", async () => {
    const message = await problemsIn("article-photo-not-image");
    expect(explanation(message, "articles/2026/x.md:6 photo")).toBe('"flats.jpg" is not an image (use a JPEG, PNG, WebP or AVIF file)');
  });

  it("refuses a photo path outside the content folder, even when the file is a real image", async () => {
    const fixture = await site("article-photo-outside-content");
    await fs.copyFile(path.join(fixture.contentDir, "articles/2026/harbour.jpg"), path.join(fixture.root, "outside.jpg"));
    const message = await contentErrorMessage(fixture);
    expect(explanation(message, "articles/2026/x.md:6 photo")).toBe(
      '"../../../outside.jpg" points outside the content folder (keep images next to the file that uses them)',
    );
  });

  it("refuses a photo that is a link to an image outside the content folder", async () => {
    const fixture = await site("article-photo-links-outside");
    const outside = path.join(fixture.root, "outside.jpg");
    await fs.copyFile(path.join(fixture.contentDir, "articles/2026/harbour.jpg"), outside);
    await fs.symlink(outside, path.join(fixture.contentDir, "articles/2026/flats.jpg"));
    const message = await contentErrorMessage(fixture);
    expect(explanation(message, "articles/2026/x.md:6 photo")).toBe('"flats.jpg" links outside the content folder (copy the image next to the file instead)');
  });

  it("requires alt with a photo", async () => {
    const message = await problemsIn("article-photo-without-alt");
    expect(explanation(message, "articles/2026/x.md:6 alt")).toBe(
      'is required with photo (a description of the image for screen readers: write alt: in the front matter, or embed alt text in the photo file\'s IPTC "Alt Text (Accessibility)" field)',
    );
  });

  it("requires caption with a photo", async () => {
    const message = await problemsIn("article-photo-without-caption");
    expect(explanation(message, "articles/2026/x.md:6 caption")).toBe(
      'is required with photo (the caption printed under the image: write caption: in the front matter, or embed a caption in the photo file\'s IPTC/XMP "Description" field)',
    );
  });

  it("names both files when two articles would get the same URL", async () => {
    const message = await problemsIn("article-duplicate-url");
    expect(explanation(message, "articles/2026/rents.md:1 slug")).toBe(
      "would be published at /2026/03/05/rents/, the same URL as articles/2026/rents-copy.md (give one of them a different slug:)",
    );
    expect(explanation(message, "articles/2026/rents-copy.md:6 slug")).toBe(
      "would be published at /2026/03/05/rents/, the same URL as articles/2026/rents.md (give one of them a different slug:)",
    );
  });

  it("suggests the field a misspelt key was meant to be", async () => {
    const message = await problemsIn("article-misspelt-field");
    expect(explanation(message, "articles/2026/x.md:2 headlne")).toMatch(/^is not a known field; did you mean "headline"\? \(known fields: headline, summary, /);
    expect(explanation(message, "articles/2026/x.md:1 headline")).toMatch(/^is required/);
  });

  it("names a figure block without alt at the block's opening line", async () => {
    const message = await problemsIn("article-figure-without-alt");
    expect(explanation(message, "articles/2026/x.md:9 figure alt")).toBe(
      'is required (a description of the image for screen readers: write alt: in the block, or embed alt text in the photo file\'s IPTC "Alt Text (Accessibility)" field)',
    );
  });

  it("names a figure whose image does not exist at its src line", async () => {
    const message = await problemsIn("article-figure-image-missing");
    expect(explanation(message, "articles/2026/x.md:10 figure src")).toBe('"flats.jpg" not found (looked for articles/2026/flats.jpg in the content folder)');
  });

  it("counts lines the same in a file saved with CRLF line endings and a byte order mark", async () => {
    const fixture = await site();
    for (const scenario of ["article-figure-without-alt", "article-updated-before-date"]) {
      const text = await fs.readFile(path.join(import.meta.dirname, "fixtures", scenario, "articles/2026/x.md"), "utf8");
      await writeContent(fixture, `articles/2026/${scenario}.md`, `\uFEFF${text.replace(/\n/g, "\r\n")}`);
    }
    const message = await contentErrorMessage(fixture);
    expect(explanation(message, "articles/2026/article-figure-without-alt.md:9 figure alt")).toMatch(/^is required/);
    expect(explanation(message, "articles/2026/article-updated-before-date.md:6 updated")).toMatch(/is before the publication date/);
  });
});

describe("front matter in a language other than YAML", () => {
  const ran = () => (globalThis as Record<string, unknown>)["__datelineFrontMatterRan"];

  it.each([
    ["article-js-front-matter", "js"],
    ["article-javascript-front-matter", "javascript"],
  ])("%s is refused by a real build and never evaluated", async (scenario, language) => {
    const fixture = await site(scenario);
    const marker = path.join(fixture.root, "pwned");
    process.env["DATELINE_TEST_MARKER"] = marker;
    try {
      const message = await buildError(fixture);
      expect(explanation(message, "articles/2026/x.md:1 front matter")).toBe(
        `in "${language}" is refused; it is never run (write YAML between plain --- lines)`,
      );
    } finally {
      delete process.env["DATELINE_TEST_MARKER"];
    }
    expect(existsSync(marker)).toBe(false);
    expect(ran()).toBeUndefined();
  });

  it("the fixtures' payload is live: gray-matter on its own would run it", async () => {
    // Without this, a typo in the payload would make the two tests above pass for the wrong reason.
    const fixture = await site();
    const marker = path.join(fixture.root, "pwned-by-gray-matter");
    process.env["DATELINE_TEST_MARKER"] = marker;
    try {
      const source = await fs.readFile(path.join(import.meta.dirname, "fixtures/article-js-front-matter/articles/2026/x.md"), "utf8");
      expect(matter(source, {}).data["headline"]).toBe("Pwned");
      expect(existsSync(marker)).toBe(true);
      expect(ran()).toBe(true);
    } finally {
      delete process.env["DATELINE_TEST_MARKER"];
      delete (globalThis as Record<string, unknown>)["__datelineFrontMatterRan"];
    }
  });
});

describe("author files", () => {
  it("suggests the field a misspelt key was meant to be", async () => {
    const message = await problemsIn("author-unknown-field");
    expect(explanation(message, "authors/li-wei.md:4 twiter")).toMatch(/^is not a known field; did you mean "twitter"\? \(known fields: name, role, /);
  });

  it("refuses an email address that is not one", async () => {
    const message = await problemsIn("author-bad-email");
    expect(explanation(message, "authors/li-wei.md:3 email")).toBe('"li.wei(at)gazette" is not an email address (e.g. ana@example.org)');
  });

  it("refuses a javascript: URL", async () => {
    const message = await problemsIn("author-javascript-url");
    expect(explanation(message, "authors/li-wei.md:4 url")).toBe(
      '"javascript:alert(1)" is not a valid website address (an address starting with https:// or http://)',
    );
  });
});

describe("tags", () => {
  it("refuses a tag that makes no URL (no letters or digits)", async () => {
    const message = await problemsIn("article-tag-without-letters");
    expect(explanation(message, "articles/2026/x.md:6 tags[1]")).toBe('"🔥" makes no URL for its tag page (use words with letters or digits)');
  });
});

describe("settings", () => {
  it("refuses a section slug that is not lowercase words with hyphens, at its line", async () => {
    const message = await problemsIn("settings-bad-section-slug");
    expect(explanation(message, "settings.yml:8 sections[2].slug")).toBe(
      '"City Hall" is not a valid section slug (lowercase letters, digits and single hyphens, e.g. "city-hall")',
    );
  });

  it("refuses section slugs that collide with the site's own paths or with each other", async () => {
    const message = await problemsIn("settings-reserved-section-slug");
    expect(explanation(message, "settings.yml:7 sections[1].slug")).toMatch(/^"tags" is a path the site uses for its own pages \(choose another slug; reserved: authors, tags, /);
    expect(explanation(message, "settings.yml:8 sections[2].slug")).toMatch(/^"2026" is a path the site uses for its own pages/);
    expect(explanation(message, "settings.yml:5 sections")).toBe("has two sections with the same slug (each section needs its own)");
  });

  it("requires newsletter.action, pointing at the newsletter block", async () => {
    const message = await problemsIn("settings-missing-newsletter-action");
    expect(explanation(message, "settings.yml:8 newsletter.action")).toBe("is required (a form action address starting with https://)");
  });
});

describe("a failing build", () => {
  const expected = [
    "articles/2025/c.md:4 date",
    "articles/2026/a.md:1 headline",
    "articles/2026/a.md:5 draft",
    "articles/2026/b.md:3 byline",
    "articles/2026/b.md:5 section",
    "authors/li-wei.md:3 url",
  ];

  it("reports every problem in every file in one message, sorted, and writes nothing", async () => {
    const fixture = await site("several-broken-files");
    const before = await hashTree(fixture.contentDir);
    const message = await buildError(fixture);
    expect(message).toMatch(/^Content has 6 problems; nothing was published\. Fix and build again:\n/);
    expect(problemPrefixes(message)).toEqual(expected);
    expect(await outputFiles(fixture)).toEqual([]);
    expect(await hashTree(fixture.contentDir)).toEqual(before);
  });

  it("exits non-zero through the real CLI, printing the problems without a stack trace", async () => {
    const fixture = await site("several-broken-files");
    const result = await runBuildCli(fixture);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain("Content has 6 problems; nothing was published.");
    for (const where of expected) expect(result.output).toContain(`/content/${where}: `);
    expect(result.output).not.toMatch(/^\s*(\[11ty\]\s*)?at .+:\d+:\d+\)?$/m);
    expect(await outputFiles(fixture)).toEqual([]);
  });

  it("a successful build does not modify content files either", async () => {
    const fixture = await site();
    const before = await hashTree(fixture.contentDir);
    await buildSite(fixture);
    expect(await listPages(fixture)).not.toEqual([]);
    expect(await hashTree(fixture.contentDir)).toEqual(before);
  });
});

describe("suggestClosest", () => {
  it("suggests a likely typo's field", () => {
    expect(suggestClosest("headlne", ARTICLE_FIELDS)).toBe("headline");
    expect(suggestClosest("Byline", ARTICLE_FIELDS)).toBe("byline");
    expect(suggestClosest("twiter", AUTHOR_FIELDS)).toBe("twitter");
  });

  it("suggests nothing when no name is close", () => {
    expect(suggestClosest("colour", ARTICLE_FIELDS)).toBeUndefined();
    expect(suggestClosest("headline", [])).toBeUndefined();
  });
});

describe("parseFrontMatter", () => {
  const article = ["---", "headline: Rents rise", "date: 2026-03-05", "section: news", "---", "Body."];

  it.each([
    ["LF", article.join("\n")],
    ["CRLF", article.join("\r\n")],
    ["a BOM and CRLF", `\uFEFF${article.join("\r\n")}`],
  ])("gives file line numbers with %s", (_name, source) => {
    const parsed = parseFrontMatter(source);
    if (!parsed.ok) throw new Error(parsed.problem.message);
    expect(parsed.file.lineOf(["headline"])).toBe(2);
    expect(parsed.file.lineOf(["section"])).toBe(4);
    expect(parsed.file.lineOf(["byline"])).toBe(1); // absent: the opening ---
    expect(parsed.file.data["section"]).toBe("news"); // no "\r" left on the last value
    expect(parsed.file.bodyLine).toBe(6);
    expect(parsed.file.body.trim()).toBe("Body.");
  });

  it("gives the YAML error's file line with CRLF and a BOM", () => {
    const parsed = parseFrontMatter('\uFEFF---\r\nheadline: Rents\r\nsummary: "Costs up\r\ndate: 2026-03-05\r\n---\r\nBody.');
    expect(parsed.ok ? undefined : parsed.problem.line).toBe(3);
  });

  it.each(["---js\n", "---javascript\r\n", "--- JS \n", "\uFEFF---coffee\n", "---json\n"])("refuses %j front matter", (opening) => {
    const parsed = parseFrontMatter(`${opening}{ "headline": "x" }\n---\nBody.`);
    expect(parsed.ok ? undefined : parsed.problem).toMatchObject({ line: 1, field: "front matter", message: expect.stringMatching(/is refused; it is never run/) });
  });
});
