// Issue 14: invisible characters. Control characters (NUL, VT, ESC, C1) and bidi overrides or
// unclosed embeddings/isolates are refused in every text field and every body line with the
// file, line and field; marks (LRM, RLM, ALM) and real right-to-left text build and are published
// unchanged. Problem lines never print what they quote raw.
import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { XMLParser } from "fast-xml-parser";
import sharp from "sharp";
import { escapeInvisible, findInvisible, findInvisibleInBody, findInvisibleInLine, MAX_BODY_LINE_PROBLEMS } from "../src/content/text-hygiene.ts";
import { validateNewsroom } from "../src/content/load.ts";
import { ContentError, formatProblem } from "../src/content/errors.ts";
import { formatAnnotation } from "../src/cli/check-content.ts";
import { settingsSchema } from "../src/content/schema.ts";
import { parseEditorNote } from "../src/edition/note.ts";
import { buildSite, makeSite, readPage, removeSite, sitesRemovedAfterEach, writeContent, type FixtureSite } from "./helpers/site.ts";
import { problemLines, runCheckContent } from "./helpers/check.ts";

const site = sitesRemovedAfterEach();

const article = (frontMatter: string, body = "Text.") => `---\nheadline: Ferry resumes\nbyline: li-wei\ndate: 2026-03-07\nsection: news\n${frontMatter}---\n${body}\n`;

const CONTROL_ADVICE = "(delete it: control characters are invisible in an editor and break pages, feeds and terminals; they usually come from pasting out of a PDF or a terminal)";
const OVERRIDE_ADVICE = "(delete it: an override reverses how the text reads and can disguise it; right-to-left text needs no control characters, and the marks U+200E and U+200F are allowed)";

describe("findInvisibleInLine", () => {
  it("passes tabs, marks, emoji and right-to-left text", () => {
    for (const line of ["a\tb", "שלום עולם — مرحبا", "\u200fRLM\u200e LRM \u061c ALM", "😀 flags 🏴󠁧󠁢󠁥󠁮󠁧󠁿", "Zero\u200bwidth", "no-break\u00a0space"]) {
      expect(findInvisibleInLine(line), line).toBeUndefined();
    }
  });

  it("refuses every C0 control but tab and line breaks, DEL and every C1 control, naming it and where it is", () => {
    const refused = [...Array.from({ length: 0x20 }, (_, code) => code).filter((code) => ![0x09, 0x0a, 0x0d].includes(code)), 0x7f, ...Array.from({ length: 0x20 }, (_, i) => 0x80 + i)];
    for (const code of refused) expect(findInvisibleInLine(`ab${String.fromCharCode(code)}c`)?.index, code.toString(16)).toBe(2);
    expect(findInvisibleInLine("Council vo\u001b[31mtes")?.message).toBe(`contains the control character U+001B (ESC) after "Council vo" ${CONTROL_ADVICE}`);
    expect(findInvisibleInLine("\u0000x")?.message).toBe(`contains the control character U+0000 (NUL) at the start ${CONTROL_ADVICE}`);
    expect(findInvisibleInLine(`${"x".repeat(30)}\u0085`)?.message).toBe(`contains the control character U+0085 (next line) after "…${"x".repeat(16)}" ${CONTROL_ADVICE}`);
  });

  it("refuses overrides always, and embeddings and isolates left open or closed by the wrong kind", () => {
    expect(findInvisibleInLine("abc\u202Egnp.exe")?.message).toBe(`contains a bidi override, U+202E (right-to-left override) after "abc" ${OVERRIDE_ADVICE}`);
    expect(findInvisibleInLine("x\u202Dy\u202C")?.index).toBe(1);
    expect(findInvisibleInLine("a\u2067b")?.message).toBe(
      'contains U+2067 (right-to-left isolate) after "a" that is not closed on the same line (end it with U+2069, or delete it: left open, it reorders whatever is printed after it)',
    );
    expect(findInvisibleInLine("a\u202Bb")?.message).toMatch(/^contains U\+202B \(right-to-left embedding\) after "a" that is not closed on the same line \(end it with U\+202C,/);
    expect(findInvisibleInLine("a\u2069")?.message).toBe('contains U+2069 (pop directional isolate) after "a" with nothing of its kind to close (delete it)');
    expect(findInvisibleInLine("\u2066a\u202Cb\u2069")?.index).toBe(2);
    // Paired and properly nested: allowed.
    expect(findInvisibleInLine("Name: \u2067مرحبا\u2069 (5) and \u202Ax\u2066y\u2069\u202C")).toBeUndefined();
  });

  it("refuses half a surrogate pair (only a YAML \\u escape can write one)", () => {
    expect(findInvisibleInLine("a\ud800b")?.message).toBe('contains half of a character, U+D800 after "a", which is not valid Unicode (delete the \\u escape that wrote it)');
    expect(findInvisibleInLine("\udc00")?.index).toBe(0);
  });
});

describe("findInvisible and findInvisibleInBody", () => {
  it("gives the line within a multi-line value", () => {
    expect(findInvisible("one\ntwo\r\nth\u0007ree")).toMatchObject({ line: 2, index: 2 });
    // An isolate must close on its own line.
    expect(findInvisible("\u2066a\n\u2069")).toMatchObject({ line: 0 });
  });

  it("reports one problem per line, then counts the rest in one", () => {
    const body = Array.from({ length: MAX_BODY_LINE_PROBLEMS + 5 }, (_, i) => `line ${i}\u0000\u0000`).join("\n");
    const found = findInvisibleInBody(`clean\n${body}`);
    expect(found.map((problem) => problem.line)).toEqual([...Array.from({ length: MAX_BODY_LINE_PROBLEMS }, (_, i) => i + 1), MAX_BODY_LINE_PROBLEMS]);
    expect(found.at(-1)?.message).toMatch(/^and 5 more lines after this one contain control or bidi characters/);
  });
});

describe("escapeInvisible", () => {
  it("writes controls, bidi controls and half characters as escapes, and leaves text alone", () => {
    expect(escapeInvisible("a\u001b[2Jb\u202Ec\nd\te\u0000\ud800")).toBe("a\\u001B[2Jb\\u202Ec\\nd\\te\\u0000\\uD800");
    expect(escapeInvisible("שלום 😀 \u200f")).toBe("שלום 😀 \u200f");
  });

  it("keeps every problem line and annotation free of what it quotes", () => {
    const problem = { file: path.join(process.cwd(), "content/articles/x\u202E.md"), line: 3, field: "date", message: '"2026\u001b[31m" is not a valid date' };
    expect(formatProblem(problem)).toBe('content/articles/x\\u202E.md:3 date: "2026\\u001B[31m" is not a valid date');
    expect(formatAnnotation(problem, process.cwd())).toBe('::error file=content/articles/x\\u202E.md,line=3,title=date::"2026\\u001B[31m" is not a valid date');
    expect(new ContentError([problem]).message).not.toMatch(/[\u001b\u202e]/);
  });
});

describe("refused in every text field and body line, with file, line and field", () => {
  it("refuses a NUL in the headline, an ESC written as a YAML escape, and a VT in a correction", async () => {
    const fixture = await site();
    await writeContent(fixture, "articles/2026/a.md", article('dateline: "PORT\\e[2J ALDER"\ncorrections:\n  - date: 2026-03-08\n    text: "Fixed\\v"\n').replace("Ferry resumes", "Ferry\u0000 resumes"));
    expect(await problemLines(fixture)).toEqual([
      `articles/2026/a.md:2 headline: contains the control character U+0000 (NUL) after "Ferry" ${CONTROL_ADVICE}`,
      `articles/2026/a.md:6 dateline: contains the control character U+001B (ESC) after "PORT" ${CONTROL_ADVICE}`,
      `articles/2026/a.md:9 corrections[0].text: contains the control character U+000B (vertical tab) after "Fixed" ${CONTROL_ADVICE}`,
    ]);
  });

  it("refuses a bidi override in a headline and an unclosed isolate in a tag, but takes paired isolates and marks", async () => {
    const fixture = await site();
    await writeContent(fixture, "articles/2026/a.md", article("tags: [\"\u2068harbour\"]\n").replace("Ferry resumes", "Ferry \u202Esemuser"));
    await writeContent(fixture, "articles/2026/b.md", article("summary: \"Said \u2067مرحبا\u2069 twice \u200f.\"\n"));
    expect(await problemLines(fixture)).toEqual([
      `articles/2026/a.md:2 headline: contains a bidi override, U+202E (right-to-left override) after "Ferry " ${OVERRIDE_ADVICE}`,
      'articles/2026/a.md:6 tags[0]: contains U+2068 (first strong isolate) at the start that is not closed on the same line (end it with U+2069, or delete it: left open, it reorders whatever is printed after it)',
    ]);
  });

  it("refuses them on the body's own lines, once per line, and once for a line inside a figure block", async () => {
    const fixture = await site();
    const body = ["First paragraph.", "", "Second\u0007 one.", "", "```figure", "src: harbour.jpg", "alt: Boats", "caption: \"At dusk\u001b\"", "```", "", "A \u202Dtrick\u202C here."].join("\n");
    await writeContent(fixture, "articles/2026/a.md", article("", body));
    expect(await problemLines(fixture)).toEqual([
      `articles/2026/a.md:9 body: contains the control character U+0007 (BEL) after "Second" ${CONTROL_ADVICE}`,
      `articles/2026/a.md:14 figure caption: contains the control character U+001B (ESC) after "At dusk" ${CONTROL_ADVICE}`,
      `articles/2026/a.md:17 body: contains a bidi override, U+202D (left-to-right override) after "A " ${OVERRIDE_ADVICE}`,
    ]);
  });

  it("refuses them in an author's fields and bio", async () => {
    const fixture = await site();
    await writeContent(fixture, "authors/li-wei.md", "---\nname: \"Li\\x85 Wei\"\n---\nCovers \u0000 business.\n");
    expect(await problemLines(fixture)).toEqual([`authors/li-wei.md:2 name: contains the control character U+0085 (next line) after "Li" ${CONTROL_ADVICE}`]);
    await writeContent(fixture, "authors/li-wei.md", "---\nname: Li Wei\n---\nCovers\n\nthe \u0000 business.\n");
    expect(await problemLines(fixture)).toEqual([`authors/li-wei.md:6 body: contains the control character U+0000 (NUL) after "the " ${CONTROL_ADVICE}`]);
  });

  it("refuses them in settings text, hidden fields and addresses (checked by the same schema whatever the file format)", () => {
    const settings = {
      name: "The \u001bGazette",
      baseUrl: "https://gazette.example.org/",
      timeZone: "America/Chicago",
      sections: [{ slug: "news", title: "News \u202E" }],
      newsletter: { action: "https://newsletter.example.org/subscribe\u0000", hiddenFields: { list: "daily\u0007" } },
      support: { text: "Reader\u0085-funded", url: "https://gazette.example.org/support/" },
    };
    const result = settingsSchema.safeParse(settings);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message.split(" (delete")[0]}`)).toEqual([
      'name: contains the control character U+001B (ESC) after "The "',
      'sections.0.title: contains a bidi override, U+202E (right-to-left override) after "News "',
      'newsletter.action: contains the control character U+0000 (NUL) after "…le.org/subscribe"',
      'newsletter.hiddenFields.list: contains the control character U+0007 (BEL) after "daily"',
      'support.text: contains the control character U+0085 (next line) after "Reader"',
    ]);
  });

  it("refuses them in text a photo file carries, and a character reference past U+10FFFF no longer crashes the check", async () => {
    const fixture = await site();
    const xmp = (caption: string) =>
      `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:description><rdf:Alt><rdf:li xml:lang="x-default">${caption}</rdf:li></rdf:Alt></dc:description></rdf:Description></rdf:RDF></x:xmpmeta>`;
    const photo = (caption: string) => sharp({ create: { width: 40, height: 30, channels: 3, background: "#888888" } }).jpeg().withXmp(xmp(caption)).toBuffer();
    await writeContent(fixture, "articles/2026/trick.jpg", await photo("Boats &#x202E;ksud ta"));
    await writeContent(fixture, "articles/2026/odd.jpg", await photo("Boats &#99999999; at dusk"));
    await writeContent(fixture, "articles/2026/a.md", article("photo: trick.jpg\nalt: Boats\n"));
    await writeContent(fixture, "articles/2026/b.md", article("photo: odd.jpg\nalt: Boats\n"));
    expect(await problemLines(fixture)).toEqual([
      `articles/2026/a.md:6 caption: comes from the photo file and contains a bidi override, U+202E (right-to-left override) after "Boats " ${OVERRIDE_ADVICE.replace(/\)$/, "; or write caption: in the front matter to replace it)")}`,
    ]);
    const { articles } = await validateNewsroom(fixture.contentDir);
    expect(articles?.find((source) => source.id.endsWith("b.md"))?.photo?.caption).toBe("Boats &#99999999; at dusk");
  });

  it("refuses them in the newsletter's editor's note, which goes to every inbox", () => {
    expect(() => parseEditorNote("---\nsigned: \"Mara\\e\"\n---\nHello.\n", "content/newsletter/2026-11-21.md")).toThrow(
      `content/newsletter/2026-11-21.md:2 signed: contains the control character U+001B (ESC) after "Mara" ${CONTROL_ADVICE}`,
    );
    expect(() => parseEditorNote("---\nsigned: Mara\n---\nHello.\n\nA \u202Etrick.\n", "content/newsletter/2026-11-21.md")).toThrow(
      `content/newsletter/2026-11-21.md:6 body: contains a bidi override, U+202E (right-to-left override) after "A " ${OVERRIDE_ADVICE}`,
    );
  });

  it("check:content exits 1 and prints a quoted ESC sequence escaped, never raw", async () => {
    const fixture = await site();
    await writeContent(fixture, "articles/2026/a.md", article("", "x").replace("date: 2026-03-07", 'date: "2026\\e]0;pwned\\a\\e[2J"'));
    const result = await runCheckContent(fixture);
    expect(result.code).toBe(1);
    // The date is refused for its shape, and the message quotes it: the terminal gets \u001B, not ESC.
    expect(result.out).toContain('content/articles/2026/a.md:4 date: "2026\\u001B]0;pwned\\u0007\\u001B[2J" is not a valid date (ISO 8601');
    expect(result.out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });
});

describe("right-to-left headlines build and are published unchanged", () => {
  const arabic = "\u200fالمجلس يوافق على خطة الميناء بعد ليلة طويلة (7-2)";
  const hebrew = "המועצה מאשרת את תוכנית הנמל \u2067\"Harbour 2030\"\u2069 אחרי לילה ארוך";
  let fixture: FixtureSite;
  beforeAll(async () => {
    fixture = await makeSite();
    const rtl = (headline: string, date: string) => `---\nheadline: ${JSON.stringify(headline)}\nbyline: li-wei\ndate: ${date}\nsection: news\n---\nגוף הכתבה والنص, mixed with English.\n`;
    await writeContent(fixture, "articles/2026/arabic.md", rtl(arabic, "2026-03-08T10:00:00-06:00"));
    await writeContent(fixture, "articles/2026/hebrew.md", rtl(hebrew, "2026-03-08T11:00:00-06:00"));
    await buildSite(fixture);
  });
  afterAll(() => removeSite(fixture));

  it.each([
    ["Arabic", "/2026/03/08/arabic/", () => arabic],
    ["Hebrew", "/2026/03/08/hebrew/", () => hebrew],
  ])("%s: page title, h1, JSON-LD, Atom and JSON Feed carry the headline as written", async (_, sitePath, headline) => {
    const $ = await readPage(fixture, sitePath);
    expect($("h1").text()).toBe(headline());
    expect($("title").text().startsWith(headline())).toBe(true);
    const jsonLd = JSON.parse($('script[type="application/ld+json"]').text()) as { headline: string };
    expect(jsonLd.headline).toBe(headline());
    const feed = JSON.parse(await fs.readFile(path.join(fixture.outputDir, "feed.json"), "utf8")) as { items: { url: string; title: string }[] };
    expect(feed.items.find((item) => item.url.endsWith(sitePath))?.title).toBe(headline());
    const atom = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", parseTagValue: false, isArray: (name) => name === "entry" || name === "link" }).parse(
      await fs.readFile(path.join(fixture.outputDir, "feed.xml"), "utf8"),
    ) as { feed: { entry: { title: { "#text": string }; link: { "@href": string }[] }[] } };
    const entry = atom.feed.entry.find((candidate) => candidate.link.some((link) => link["@href"].endsWith(sitePath)));
    expect(entry?.title["#text"]).toBe(headline());
  });
});
