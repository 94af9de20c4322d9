// Issue 14: every parser failure is a content error, listed with the other problems and naming the
// file, the line and the field, never a stack and never a silent drop: YAML limits (aliases, depth,
// size, tags), images that do not decode fully, and Markdown that markdown-it would drop.
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { parseYamlFields } from "../src/content/front-matter.ts";
import { YAML_LIMITS } from "../src/content/yaml-limits.ts";
import { createMarkdown } from "../src/markdown/markdown.ts";
import { cellCount, findDroppedContent, MAX_NESTING } from "../src/markdown/drops.ts";
import { decodeReason, findDecodeProblem, MAX_INPUT_PIXELS } from "../src/images/verify.ts";
import { ImageEncodeError } from "../src/images/encode-error.ts";
import { buildError, FIXTURES, isolateImageCache, runBuildCli, sitesRemovedAfterEach, writeContent } from "./helpers/site.ts";
import { problemLines, runCheckContent } from "./helpers/check.ts";

const site = sitesRemovedAfterEach();

const article = (frontMatter: string, body = "Text.") => `---\nheadline: Ferry resumes\nbyline: li-wei\ndate: 2026-03-07\nsection: news\n${frontMatter}---\n${body}\n`;

/** A stack frame line, as Node prints one. */
const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;

const ALIAS_HELP = "(write the value out where it is needed; Dateline reads plain fields)";
const COPIES = `uses YAML aliases (*name) that copy values more than ${YAML_LIMITS.maxAliasExpansion} times, which is how a "YAML bomb" fills memory ${ALIAS_HELP}`;
const DEEP = `is nested more than ${YAML_LIMITS.maxDepth} levels deep (lists and groups inside each other; write the fields as the documentation shows)`;

/** Doubles the values at every level: 2^16 copies of "lol" from 15 aliases' worth of lines. */
const bomb = (levels = 16) => ["l0: &l0 [lol, lol]", ...Array.from({ length: levels - 1 }, (_, i) => `l${i + 1}: &l${i + 1} [*l${i}, *l${i}]`)].join("\n");

describe("YAML limits (front matter and fenced blocks share one parser)", () => {
  const yaml = (text: string, what?: string) => {
    const result = parseYamlFields(text, 2, what);
    return result.ok ? result.fields.data : `${result.problem.line} ${result.problem.field}: ${result.problem.message}`;
  };

  it("refuses a YAML bomb at its first alias instead of throwing", () => {
    expect(yaml(`${bomb()}\nheadline: *l15`)).toBe(`3 front matter: ${COPIES}`);
  });

  it("refuses more than the allowed number of aliases, at the first one past the limit", () => {
    const many = ["a: &a x", ...Array.from({ length: YAML_LIMITS.maxAliases + 1 }, (_, i) => `k${i}: *a`)].join("\n");
    expect(yaml(many)).toBe(`${3 + YAML_LIMITS.maxAliases} front matter: uses more than ${YAML_LIMITS.maxAliases} YAML aliases (*name) ${ALIAS_HELP}`);
  });

  it("refuses an alias with no anchor and an alias inside its own anchor (both threw before)", () => {
    expect(yaml("headline: x\ncredit: *photographer")).toBe(`3 front matter: uses the alias *photographer, but no &photographer is defined above it ${ALIAS_HELP}`);
    expect(yaml("tags: &t [a, *t]")).toBe(`2 front matter: uses the alias *t inside &t itself, which never ends ${ALIAS_HELP}`);
  });

  it("accepts a few honest aliases, such as one credit for every photo of a gallery", () => {
    expect(yaml("title: T\nphotos:\n  - src: a.jpg\n    credit: &c Theo Okafor\n  - src: b.jpg\n    credit: *c", "gallery")).toEqual({
      title: "T",
      photos: [
        { src: "a.jpg", credit: "Theo Okafor" },
        { src: "b.jpg", credit: "Theo Okafor" },
      ],
    });
  });

  it("refuses nesting past the limit, block or flow, at the line where it goes too deep, without exhausting the stack", () => {
    const block = Array.from({ length: YAML_LIMITS.maxDepth + 1 }, (_, i) => `${"  ".repeat(i)}k${i}:`).join("\n");
    // The top-level fields are the first level: k16 opens the 17th, on line 2 + 16.
    expect(yaml(`${block} x`)).toBe(`${2 + YAML_LIMITS.maxDepth} front matter: ${DEEP}`);
    expect(yaml(`${block.split("\n").slice(0, YAML_LIMITS.maxDepth).join("\n")} x`)).toMatchObject({ k0: {} });
    // Deep enough to overflow yaml's recursive composer, and still under the size limit.
    const flow = 20_000;
    expect(yaml(`tags: ${"[".repeat(flow)}${"]".repeat(flow)}`)).toBe(`2 front matter: ${DEEP}`);
  });

  it("refuses YAML over the size limit before parsing it", () => {
    expect(yaml(`headline: "${"x".repeat(YAML_LIMITS.maxChars)}"`)).toBe(
      `2 front matter: is ${Math.ceil((YAML_LIMITS.maxChars + 13) / 1024)} KiB of YAML; front matter may be at most 64 KiB (move long text into the body, or split the file)`,
    );
    expect(yaml(`caption: "${"x".repeat(YAML_LIMITS.maxChars)}"`, "figure")).toMatch(/^2 figure: is 65 KiB of YAML; figure may be at most 64 KiB \(split the block\)$/);
  });

  it("refuses tags the core schema does not read, even after a %YAML 1.1 line", () => {
    expect(yaml("headline: !!js/function 'function () {}'")).toBe("2 front matter: uses the YAML tag !!js/function, which Dateline does not read (remove it: write the plain value)");
    expect(yaml("%YAML 1.1\n---\nsrc: !!binary aGVsbG8=", "figure")).toBe("4 figure: uses the YAML tag !!binary, which Dateline does not read (remove it: write the plain value)");
    // Plain 1.2 values: a 1.1 `yes`, date or set would have changed type.
    expect(yaml("%YAML 1.1\n---\ndraft: yes\ndate: 2026-03-05", "figure")).toEqual({ draft: "yes", date: "2026-03-05" });
  });

  it("says what a line of three dashes inside a block does", () => {
    expect(yaml("src: a.jpg\n---\nalt: b", "figure")).toBe("3 figure: has a line of three dashes (---) inside it, which YAML reads as the start of a second set of fields (remove that line)");
  });

  it("lists a bomb in front matter and one in a gallery block with the other problems, file and line", async () => {
    const fixture = await site();
    await writeContent(fixture, "articles/2026/bomb.md", `---\n${bomb()}\nheadline: *l15\n---\nText.\n`);
    const gallery = ["Text.", "", "```gallery", "title: Boats", bomb(), "photos: *l15", "```"].join("\n");
    await writeContent(fixture, "articles/2026/gallery.md", article("", gallery));
    await writeContent(fixture, "articles/2026/plain.md", article("").replace("section: news", "section: sport"));
    expect(await problemLines(fixture)).toEqual([
      `articles/2026/bomb.md:3 front matter: ${COPIES}`,
      `articles/2026/gallery.md:12 gallery: ${COPIES}`,
      expect.stringMatching(/^articles\/2026\/plain\.md:5 section: "sport" is not a section of this site/),
    ]);
  });

  it("check:content exits 1 with the bomb's line, and no ReferenceError or stack", async () => {
    const fixture = await site();
    await writeContent(fixture, "articles/2026/bomb.md", `---\n${bomb()}\nheadline: *l15\n---\nText.\n`);
    const result = await runCheckContent(fixture);
    expect(result.code).toBe(1);
    expect(result.out).toContain(`content/articles/2026/bomb.md:3 front matter: ${COPIES}`);
    expect(result.out).not.toMatch(/ReferenceError|resource exhaustion/);
    expect(result.out).not.toMatch(STACK_FRAME);
  });
});

describe("Markdown that markdown-it would drop", () => {
  const md = createMarkdown();
  const dropped = (source: string) => findDroppedContent(md.parse(source, {})).map((found) => `${found.line}: ${found.message.split(" (")[0]}`);

  it("marks the first line nested past the limit, in quotes and in lists", () => {
    expect(dropped(`Intro.\n\n${">".repeat(MAX_NESTING + 5)} lost`)).toEqual([`2: is nested more than ${MAX_NESTING} levels deep here`]);
    const list = Array.from({ length: MAX_NESTING / 2 + 2 }, (_, i) => `${"  ".repeat(i)}- item ${i}`).join("\n");
    // A list level is two (the list and its item): item 49 is the first markdown-it drops.
    expect(dropped(list)).toEqual([`${MAX_NESTING / 2 - 1}: is nested more than ${MAX_NESTING} levels deep here`]);
    expect(md.render(list)).toContain("item 48");
    expect(md.render(list)).not.toContain("item 49");
    expect(dropped(`${">".repeat(MAX_NESTING - 1)} kept`)).toEqual([]);
    // What was marked is what markdown-it drops: the text is missing from the HTML.
    expect(md.render(`${">".repeat(MAX_NESTING + 5)} lost`)).not.toContain("lost");
  });

  it("marks table rows with more cells than the header, counting cells as markdown-it does", () => {
    const table = ["| a | b |", "|---|---|", "| 1 | 2 |", "| 1 | 2 | lost |", "| x \\| y | 2 |"].join("\n");
    expect(dropped(`Intro.\n\n${table}`)).toEqual(["5: this table row has 3 cells but the header has 2, and the extra cells would not be published"]);
    expect(md.render(table)).not.toContain("lost");
    expect([cellCount("| a | b |"), cellCount("a | b"), cellCount("| a \\| b |"), cellCount("|a||")]).toEqual([2, 2, 1, 2]);
  });

  it("reports both in an article and a bio, with the file's line", async () => {
    const fixture = await site();
    await writeContent(fixture, "articles/2026/deep.md", article("", ["Intro.", "", `${">".repeat(150)} lost`, "", "| a |", "|---|", "| 1 | 2 |"].join("\n")));
    await writeContent(fixture, "authors/li-wei.md", `---\nname: Li Wei\n---\nBio.\n\n${"- ".repeat(60)}lost\n`);
    expect(await problemLines(fixture)).toEqual([
      `articles/2026/deep.md:9 body: is nested more than ${MAX_NESTING} levels deep here (quotes and lists inside each other), and what follows would not be published (take out some > or indentation)`,
      "articles/2026/deep.md:13 body: this table row has 2 cells but the header has 1, and the extra cells would not be published (add columns to the header row, or join the cells; write \\| for a pipe inside a cell)",
      `authors/li-wei.md:6 body: is nested more than ${MAX_NESTING} levels deep here (quotes and lists inside each other), and what follows would not be published (take out some > or indentation)`,
    ]);
  });

  // Each is a whole article under the 1 MiB file limit, checked as `check:content` checks it. The time
  // limit is a hang guard, not a performance goal.
  const HOSTILE: [string, string, string[]][] = [
    ["10,000 nested quotes on one line", `${">".repeat(10_000)} deep`, [`7 body: is nested more than ${MAX_NESTING} levels deep here`]],
    ["10,000 lines of ever deeper quotes", Array.from({ length: 10_000 }, (_, i) => `${">".repeat(Math.min(i + 1, 100))} q`).join("\n"), [`106 body: is nested more than ${MAX_NESTING} levels deep here`]],
    ["a table 2,000 columns wide", `|${"a|".repeat(2000)}\n|${"-|".repeat(2000)}\n${`|${"b|".repeat(2000)}\n`.repeat(100)}`, []],
    ["a table 60,000 rows long", `|a|b|c|\n|-|-|-|\n${"|x|y|z|\n".repeat(60_000)}`, []],
    ["a single line of 900,000 characters", "word ".repeat(180_000), []],
    ["a 900,000-character word", "x".repeat(900_000), []],
    ["20,000 footnote-like references and their definitions", `${Array.from({ length: 20_000 }, (_, i) => `[^${i}]`).join(" ")}\n\n${Array.from({ length: 20_000 }, (_, i) => `[^${i}]: note`).join("\n")}`, []],
    ["20,000 reference links", `${Array.from({ length: 15_000 }, (_, i) => `[l${i}]`).join(" ")}\n\n${Array.from({ length: 15_000 }, (_, i) => `[l${i}]: https://e.org/${i}`).join("\n")}`, []],
    ["50,000 bare links", "https://a.org/x ".repeat(50_000), []],
  ];

  it.each(HOSTILE)("%s: checked in bounded time, with exactly the expected problems", async (_name, body, expected) => {
    const fixture = await site();
    await writeContent(fixture, "articles/2026/hostile.md", article("", body));
    const started = performance.now();
    const lines = await problemLines(fixture);
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(lines.map((line) => line.replace(/^articles\/2026\/hostile\.md:/, "").split(" (")[0])).toEqual(expected);
  });
});

describe("images that do not decode fully", () => {
  const harbour = path.join(FIXTURES, "base/articles/2026/harbour.jpg");
  const truncated = async () => {
    const bytes = await fs.readFile(harbour);
    return bytes.subarray(0, Math.floor(bytes.length / 2));
  };
  const DAMAGED = (file: string) => `"${file}" is damaged or truncated (premature end of JPEG image; export or download the photo again)`;

  it("names every use of a truncated photo: lead photo, figure, gallery photo, poster, headshot and logo", async () => {
    const fixture = await site("settings-logo-missing");
    const broken = await truncated();
    await writeContent(fixture, "articles/2026/harbour.jpg", broken);
    await writeContent(fixture, "authors/ana-ruiz.jpg", broken);
    await writeContent(fixture, "missing-logo.png", broken);
    await fs.copyFile(harbour, path.join(fixture.contentDir, "articles/2026/good.jpg"));
    const body = ["Text.", "", "```gallery", "title: Boats", "photos:", "  - src: good.jpg", "    alt: A", "    caption: A", "  - src: harbour.jpg", "    alt: B", "    caption: B", "```", "", "```embed", "type: youtube", "url: https://www.youtube.com/watch?v=dQw4w9WgXcQ", "title: Video", "poster: harbour.jpg", "```"].join("\n");
    await writeContent(fixture, "articles/2026/media.md", article("", body));
    expect(await problemLines(fixture)).toEqual([
      `articles/2026/harbour-vote.md:10 photo: ${DAMAGED("harbour.jpg")}`,
      `articles/2026/harbour-vote.md:31 figure src: ${DAMAGED("harbour.jpg")}`,
      `articles/2026/media.md:15 gallery photo 2 src: ${DAMAGED("harbour.jpg")}`,
      `articles/2026/media.md:24 embed poster: ${DAMAGED("harbour.jpg")}`,
      `authors/ana-ruiz.md:4 photo: ${DAMAGED("ana-ruiz.jpg")}`,
      `settings.yml:8 logo: ${DAMAGED("missing-logo.png")}`,
    ]);
  });

  it("refuses corrupt data a shrunken decode would miss, as strictly as the encoder, and too many pixels", async () => {
    // A 4000 px JPEG with 64 bytes flipped early on: a decode shrunk on load (what an 8 px thumbnail
    // gets) passes it; encoding it at 1600 px fails, and so must the check.
    const fixture = await site();
    const bytes = Buffer.from(await sharp(harbour).resize(4000).jpeg({ quality: 92 }).toBuffer());
    const at = Math.floor(bytes.length / 30);
    for (let i = at; i < at + 64; i++) bytes[i] = (bytes[i] ?? 0) ^ 0x5a;
    const file = path.join(fixture.contentDir, "articles/2026/harbour.jpg");
    await fs.writeFile(file, bytes);
    await expect(sharp(file).resize({ width: 8 }).raw().toBuffer()).resolves.toBeDefined();
    await expect(sharp(file).resize(1600).jpeg().toBuffer()).rejects.toThrow(/Corrupt JPEG data/);
    const { width = 0, height = 0 } = await sharp(file).metadata();
    expect(await findDecodeProblem(file, { width, height, format: "jpeg" })).toMatch(/^is damaged or truncated \(Corrupt JPEG data: .+; export or download the photo again\)$/);
    expect(await findDecodeProblem(file, { width: 20_000, height: 15_000, format: "jpeg" })).toBe(
      `is 20000×15000 pixels (300 megapixels), more than the ${Math.floor(MAX_INPUT_PIXELS / 1e6)} megapixels the image encoder reads (export it smaller; 3,000 pixels wide is plenty)`,
    );
    expect(decodeReason(new Error(`${file}: bad seek to 30664\n${file}: bad seek`), file)).toBe("bad seek to 30664");
  });

  it("check:content exits 1 naming the article and the photo, where it passed before, and remembers the decode by content hash", async () => {
    const fixture = await site();
    const imageDir = await isolateImageCache(fixture);
    const broken = await truncated();
    await writeContent(fixture, "articles/2026/harbour.jpg", broken);
    const result = await runCheckContent(fixture);
    expect(result.code).toBe(1);
    expect(result.out).toContain(`content/articles/2026/harbour-vote.md:10 photo: ${DAMAGED("harbour.jpg")}`);
    expect(result.out).not.toMatch(STACK_FRAME);
    const manifest = JSON.parse(await fs.readFile(path.join(imageDir, "manifest.json"), "utf8")) as { outputs: Record<string, { info?: unknown }> };
    expect(manifest.outputs[createHash("sha256").update(broken).digest("base64url")]?.info).toEqual({ problem: DAMAGED("harbour.jpg").replace('"harbour.jpg" ', "") });
  });

  it("trusts a decode already made of the same bytes (by content hash, whatever the mtime), and an encode that still fails names the article and the photo", async () => {
    const fixture = await site();
    const imageDir = await isolateImageCache(fixture);
    const broken = await truncated();
    const file = path.join(fixture.contentDir, "articles/2026/harbour.jpg");
    await fs.writeFile(file, broken);
    // A cache from another machine that decoded these very bytes and vouches for them, under another
    // mtime (a fresh clone): validation must take its word rather than decode again, so the
    // damaged photo reaches the encoder, whose failure must still read like a content error.
    const hash = createHash("sha256").update(broken).digest("base64url");
    const real = await fs.realpath(file);
    await fs.writeFile(
      path.join(imageDir, "manifest.json"),
      JSON.stringify({ version: 2, sources: { [real]: { size: broken.length, mtimeMs: 1, hash } }, outputs: { [hash]: { info: { format: "jpeg", width: 1200, height: 800 } } } }),
    );
    const message = await buildError(fixture);
    expect(message.split("\n").filter((line) => line.includes("harbour.jpg"))).toEqual([
      expect.stringMatching(/\/content\/articles\/2026\/harbour-vote\.md:10 photo: "harbour\.jpg" could not be encoded \(.*premature end of JPEG image; export the image again, and if it opens fine, delete the image cache folder and build again\)$/),
    ]);
    expect(message).toMatch(/^Content has 1 problem; nothing was published\./);
    // The failed build returned only once its other encodes had settled: no half-written file left.
    expect((await fs.readdir(imageDir)).filter((name) => name.endsWith(".partial") || name.startsWith(".staging-"))).toEqual([]);
    // And through `npm run build`: the same line, exit 1, no libvips stack.
    const cli = await runBuildCli(fixture);
    expect(cli.status).toBe(1);
    expect(cli.output).toMatch(/content\/articles\/2026\/harbour-vote\.md:10 photo: "harbour\.jpg" could not be encoded/);
    expect(cli.output).not.toMatch(STACK_FRAME);
  });

  it("an encode error names its source file", () => {
    const error = new ImageEncodeError("/c/articles/a.jpg", new Error("/c/articles/a.jpg: VipsJpeg: premature end of JPEG image\nmore"));
    expect([error.message, error.reason]).toEqual(["[images] could not encode /c/articles/a.jpg: premature end of JPEG image", "premature end of JPEG image"]);
  });
});
