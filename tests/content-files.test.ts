// Issue 14: content is data, never code. Nothing in content/ runs (templates, data files, a
// settings.ts), only expected kinds of files may be there, every file read is a regular file whose
// real path is inside content/, and settings.yml is read as YAML with the lines of its document.
// Most cases run check:content's validation; one runs the real build, one the real CLI.
import fs from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { buildError, leavesMarker, REPO, runBuildCli, sitesRemovedAfterEach, writeContent, type FixtureSite } from "./helpers/site.ts";
import { validateNewsroom } from "../src/content/load.ts";
import { checkContent } from "../src/cli/check-content.ts";
import { loadSettings } from "../src/content/load-settings.ts";
import { MAX_CONTENT_BYTES, readText } from "../src/content/read-text.ts";
import { listMarkdown } from "../src/content/files.ts";
import { checkEntry } from "../src/content/inventory.ts";
import { formatProblem, sortProblems } from "../src/content/errors.ts";

const site = sitesRemovedAfterEach();

/** The problem lines `check:content` prints for this site, paths from `content/`. */
async function problemLines(fixture: FixtureSite): Promise<string[]> {
  const { problems } = await validateNewsroom(fixture.contentDir);
  return sortProblems(problems).map((problem) => formatProblem(problem).replace(`${fixture.root}/`, ""));
}

const CODE = "is code (or data Eleventy would run as code); nothing in content/ is ever run (delete it)";
const SETTINGS_CODE = "is code, which is never run: site settings are settings.yml now (convert this file to YAML, the same fields, then delete it; see docs/editing.md)";
const OUTSIDE = "links outside the content folder (copy the file into content/ instead of linking to it)";
const SPECIAL = "is not an ordinary file but a device, pipe or socket (content files must be ordinary files; delete it)";

describe("nothing in content/ runs", () => {
  it("a *.11ty.js template, a _data/ file and a settings.ts stop the build, each named, and none of them runs", async () => {
    const fixture = await site();
    const marker = (name: string) => path.join(fixture.root, `ran-${name}`);
    await writeContent(fixture, "articles/2026/widget.11ty.js", leavesMarker(marker("template")));
    await writeContent(fixture, "_data/site.js", leavesMarker(marker("data")));
    await writeContent(fixture, "settings.ts", `${leavesMarker(marker("settings"))}module.exports.default = { name: "Hijacked" };\n`);
    const message = await buildError(fixture);
    const lines = message.split("\n");
    expect(lines[0]).toBe("Content has 3 problems; nothing was published. Fix and build again:");
    expect(lines.slice(1).map((line) => line.replace(`${fixture.root}/`, ""))).toEqual([
      "content/_data:1 folder: is an Eleventy data or layout folder, whose files would run as code; nothing in content/ is ever run (delete it; site settings go in settings.yml)",
      `content/articles/2026/widget.11ty.js:1 file: ${CODE}`,
      `content/settings.ts:1 file: ${SETTINGS_CODE}`,
    ]);
    for (const name of ["template", "data", "settings"]) expect(existsSync(marker(name)), `${name} ran`).toBe(false);
    expect(existsSync(fixture.outputDir)).toBe(false);
    // check:content says the same, and runs nothing either.
    const checked = await checkContent({ contentDir: fixture.contentDir, format: "text" });
    expect(checked.ok).toBe(false);
    expect(checked.lines.map((line) => line.replace(`${fixture.root}/`, ""))).toEqual(lines.slice(1).map((line) => line.replace(`${fixture.root}/`, "")));
    for (const name of ["template", "data", "settings"]) expect(existsSync(marker(name)), `${name} ran`).toBe(false);
  });

  it("nor does a template left in the cache's Eleventy input folder (a CI cache is restored from elsewhere): the build empties it first", async () => {
    const fixture = await site();
    const marker = path.join(fixture.root, "ran-cached");
    const input = path.join(fixture.cacheDir, "build", "eleventy-input");
    await fs.mkdir(input, { recursive: true });
    await fs.writeFile(path.join(input, "planted.11ty.js"), leavesMarker(marker));
    const run = await runBuildCli(fixture);
    expect(run.status, run.output).toBe(0);
    expect(existsSync(marker), "the planted template ran").toBe(false);
    expect(await fs.readdir(input)).toEqual([]);
  });

  it("a settings.ts without settings.yml: the missing file names the code to convert, which never runs", async () => {
    const fixture = await site();
    const marker = path.join(fixture.root, "ran-settings");
    await fs.rm(path.join(fixture.contentDir, "settings.yml"));
    await writeContent(fixture, "settings.ts", `require("node:fs").writeFileSync(${JSON.stringify(marker)}, "ran");\nexport default { name: "Old" };\n`);
    expect(await problemLines(fixture)).toEqual([
      `content/settings.ts:1 file: ${SETTINGS_CODE}`,
      "content/settings.yml:1 settings: file is missing, and settings.ts is never run: convert it to settings.yml (the same fields, as YAML; see docs/editing.md), then delete settings.ts",
    ]);
    expect(existsSync(marker)).toBe(false);
  });

  it("refuses every unexpected file or folder by path, accepts media next to articles, ignores hidden files", async () => {
    const fixture = await site();
    const files = {
      "README.md": "# Our content\n",
      "settings.json": "{}",
      "settings.yaml": "name: x\n",
      "banner.png": "not read",
      "misc/notes.txt": "notes",
      "_includes/base.njk": "{{ content }}",
      ".eleventy.js": "module.exports = {};",
      ".eleventyignore": "*.md",
      ".DS_Store": "",
      ".obsidian/plugins/x/main.js": "run()",
      "articles/2026/notes.txt": "notes",
      "articles/2026/data.json": "{}",
      "articles/2026/page.html": "<script>alert(1)</script>",
      "articles/2026/clip.mp3": "audio",
      "articles/2026/.hidden.md": "not an article",
      "authors/helper.mjs": "export {}",
      "newsletter/2026-03-05.11tydata.json": "{}",
    };
    for (const [name, text] of Object.entries(files)) await writeContent(fixture, name, text);
    const folderOf = (top: string) => `is not a file Dateline reads (${top}/ holds Markdown files with their images and audio; move it out of content/)`;
    const holds = "content/ holds articles/, authors/, pages/ and newsletter/, settings.yml and the logo; move it out of content/";
    expect(await problemLines(fixture)).toEqual([
      "content/_includes:1 folder: is an Eleventy data or layout folder, whose files would run as code; nothing in content/ is ever run (delete it; site settings go in settings.yml)",
      "content/.eleventy.js:1 file: is an Eleventy configuration or ignore file; nothing in content/ configures or runs the build (delete it)",
      "content/.eleventyignore:1 file: is an Eleventy configuration or ignore file; nothing in content/ configures or runs the build (delete it)",
      `content/articles/2026/data.json:1 file: ${CODE}`,
      `content/articles/2026/notes.txt:1 file: ${folderOf("articles")}`,
      `content/articles/2026/page.html:1 file: ${folderOf("articles")}`,
      `content/authors/helper.mjs:1 file: ${CODE}`,
      `content/misc:1 folder: is not a folder Dateline reads (${holds})`,
      `content/newsletter/2026-03-05.11tydata.json:1 file: ${CODE}`,
      `content/README.md:1 file: is not a file Dateline reads (${holds})`,
      `content/settings.json:1 file: ${SETTINGS_CODE}`,
      "content/settings.yaml:1 file: is not read: the settings file is settings.yml (rename it)",
    ]);
  });

  it("checkEntry: the rules by place", () => {
    const file = (name: string) => checkEntry({ name, kind: "file" });
    expect(file("logo.png")).toBeUndefined();
    expect(file("settings.yml")).toBeUndefined();
    expect(file("articles/2026/x.md")).toBeUndefined();
    expect(file("articles/2026/x.JPG")).toBeUndefined();
    expect(file("pages/about.md")).toBeUndefined();
    expect(file("articles/x.11ty.cjs")?.message).toBe(CODE);
    expect(file("articles/x.11ty.tsx")?.message).toBe(CODE);
    expect(file("articles/x.11ty.liquid")?.message).toBe(CODE);
    expect(file("article.md")?.message).toMatch(/^is not a file Dateline reads/);
    expect(checkEntry({ name: "articles/2026/old", kind: "folder" })).toBeUndefined();
    expect(checkEntry({ name: "media", kind: "folder" })?.field).toBe("folder");
    expect(checkEntry({ name: "articles/x", kind: "outside", outsideFolder: true })).toEqual({
      field: "folder",
      message: "links to a folder outside the content folder (move the files into content/ instead of linking to them)",
    });
  });
});

describe("files outside content/ are never read", () => {
  it("refuses an article, an author and a folder of articles that link outside, with file and field, and reads none of them", async () => {
    const fixture = await site();
    const outside = path.join(fixture.root, "outside");
    // Outside: a valid article, and broken ones that would be reported if they were read.
    await fs.mkdir(path.join(outside, "more"), { recursive: true });
    await fs.writeFile(path.join(outside, "story.md"), "---\nheadline: Leaked\nbyline: li-wei\ndate: 2026-03-05\nsection: news\n---\nSecret draft.\n");
    await fs.writeFile(path.join(outside, "author.md"), "---\nname: Intruder\n---\nBio.\n");
    await fs.writeFile(path.join(outside, "more/broken.md"), "---\nheadlne: Broken\n---\n");
    await fs.symlink(path.join(outside, "story.md"), path.join(fixture.contentDir, "articles/2026/leaked.md"));
    await fs.symlink(path.join(outside, "author.md"), path.join(fixture.contentDir, "authors/intruder.md"));
    await fs.symlink(path.join(outside, "more"), path.join(fixture.contentDir, "articles/imported"));
    // A relative link that climbs out counts the same.
    await fs.symlink("../../../outside/story.md", path.join(fixture.contentDir, "articles/2026/relative.md"));
    expect(await problemLines(fixture)).toEqual([
      `content/articles/2026/leaked.md:1 file: ${OUTSIDE}`,
      `content/articles/2026/relative.md:1 file: ${OUTSIDE}`,
      "content/articles/imported:1 folder: links to a folder outside the content folder (move the files into content/ instead of linking to them)",
      `content/authors/intruder.md:1 file: ${OUTSIDE}`,
    ]);
    const checked = await validateNewsroom(fixture.contentDir);
    expect(checked.articles?.map((article) => article.id)).toEqual(["articles/2026/date-only.md", "articles/2026/harbour-vote.md"]);
    expect(checked.authors?.map((author) => author.id)).toEqual(["ana-ruiz", "li-wei"]);
  });

  it("follows links that stay inside content/: an author alias, a folder read anyway, a hidden folder, a loop", async () => {
    const fixture = await site();
    await fs.symlink("li-wei.md", path.join(fixture.contentDir, "authors/li.md"));
    await writeContent(fixture, ".archive/2025/old.md", "---\nheadline: From the archive\nbyline: li\ndate: 2025-06-01\nsection: news\n---\nOld news.\n");
    await fs.symlink("../.archive/2025", path.join(fixture.contentDir, "articles/2025"));
    await fs.symlink("2026", path.join(fixture.contentDir, "articles/also-2026"));
    await fs.symlink("../..", path.join(fixture.contentDir, "articles/2026/loop"));
    await fs.symlink("harbour.jpg", path.join(fixture.contentDir, "articles/2026/same-photo.jpg"));
    const checked = await validateNewsroom(fixture.contentDir);
    expect(checked.problems).toEqual([]);
    // Each article once, under its own path; the linked hidden folder's article by its link's path.
    expect(checked.articles?.map((article) => article.id)).toEqual(["articles/2025/old.md", "articles/2026/date-only.md", "articles/2026/harbour-vote.md"]);
    expect(checked.authors?.map((author) => author.id)).toEqual(["ana-ruiz", "li", "li-wei"]);
    expect(await listMarkdown(path.join(fixture.contentDir, "articles"))).toEqual(
      ["articles/2025/old.md", "articles/2026/date-only.md", "articles/2026/harbour-vote.md"].map((id) => path.join(fixture.contentDir, id)),
    );
  });

  it(
    "check:content gives one line at once for a link to /dev/zero and one for a pipe, reading neither (a child process, killed if it hangs)",
    async () => {
      const fixture = await site();
      await fs.symlink("/dev/zero", path.join(fixture.contentDir, "articles/2026/zero.md"));
      const fifo = spawnSync("mkfifo", [path.join(fixture.contentDir, "articles/2026/pipe.md")]);
      expect(fifo.status, String(fifo.stderr)).toBe(0);
      const run = spawnSync(process.execPath, ["--import", "tsx/esm", path.join(REPO, "src/cli/check-content.ts"), "--content", fixture.contentDir], {
        cwd: REPO,
        encoding: "utf8",
        timeout: 30_000,
        killSignal: "SIGKILL",
        maxBuffer: 1024 * 1024,
      });
      expect(run.signal, "check:content hung and was killed").toBeNull();
      expect(run.status).toBe(1);
      expect(run.stdout.trim().split("\n").map((line) => line.replace(`${fixture.root}/`, ""))).toEqual([
        `content/articles/2026/pipe.md:1 file: ${SPECIAL}`,
        `content/articles/2026/zero.md:1 file: ${OUTSIDE}`,
      ]);
    },
    40_000,
  );

  it("readText stats before it reads: a pipe, a device link, a missing file and a sparse 2 GiB file are refused without reading", async () => {
    const fixture = await site();
    const dir = fixture.contentDir;
    const file = (name: string) => path.join(dir, "articles/2026", name);
    expect(spawnSync("mkfifo", [file("pipe.md")]).status).toBe(0);
    await fs.symlink("/dev/zero", file("zero.md"));
    // Sparse: no disk used, but reading it whole would allocate 2 GiB.
    await fs.writeFile(file("huge.md"), "");
    await fs.truncate(file("huge.md"), 2 * 1024 * 1024 * 1024);
    const started = performance.now();
    expect(readText(dir, file("pipe.md"))).toMatchObject({ ok: false, reason: "special", message: SPECIAL });
    expect(readText(dir, file("zero.md"))).toMatchObject({ ok: false, reason: "outside", message: OUTSIDE });
    expect(readText(dir, file("gone.md"))).toMatchObject({ ok: false, reason: "missing" });
    expect(readText(dir, path.join(dir, "articles"))).toMatchObject({ ok: false, reason: "folder" });
    expect(readText(dir, file("huge.md"))).toMatchObject({
      ok: false,
      reason: "size",
      message: "is 2048.0 MiB; a content file may be at most 1 MiB (split the story, or move tables and data out of it)",
    });
    expect(performance.now() - started).toBeLessThan(2000);
    // At the limit it is read whole; one byte more is refused.
    await fs.writeFile(file("limit.md"), "x".repeat(MAX_CONTENT_BYTES));
    expect(readText(dir, file("limit.md"))).toMatchObject({ ok: true });
    await fs.appendFile(file("limit.md"), "x");
    expect(readText(dir, file("limit.md"))).toMatchObject({ ok: false, reason: "size" });
  });
});

describe("settings.yml", () => {
  /** The problems of this settings.yml, as `file:line field: message` with the file's name only. */
  async function settingsProblems(text: string): Promise<string[]> {
    const fixture = await site();
    await writeContent(fixture, "settings.yml", text);
    const { problems } = await loadSettings(fixture.contentDir);
    return sortProblems(problems).map((problem) => formatProblem(problem).replace(/^.*\/content\//, ""));
  }

  const minimal = ["name: The Gazette", "baseUrl: https://gazette.example.org/", "timeZone: America/Chicago", "sections: [{ slug: news, title: News }, { slug: business, title: Business }]", "newsletter: { action: https://newsletter.example.org/subscribe }"];

  it("reads the base fixture's settings as data", async () => {
    const fixture = await site();
    const { site: loaded, problems } = await loadSettings(fixture.contentDir);
    expect(problems).toEqual([]);
    expect(loaded?.name).toBe("The Fixture Gazette");
    expect(loaded?.sections.map((section) => section.slug)).toEqual(["news", "business"]);
  });

  it("names the line where the YAML stops parsing", async () => {
    const lines = [...minimal];
    lines.splice(1, 0, 'tagline: "Independent news');
    expect(await settingsProblems(lines.join("\n"))).toEqual([
      expect.stringMatching(/^settings\.yml:2 settings: YAML does not parse: .+ \(check quotes, colons and indentation; quote text that contains ": "\)$/),
    ]);
  });

  it("names each schema problem at its own line, nested ones included, and a missing field at line 1", async () => {
    const text = [
      "name: The Gazette", // 1
      "tagine: Local news", // 2
      "baseUrl: https://gazette.example.org/", // 3
      "sections:", // 4
      "  - slug: news", // 5
      "    title: News", // 6
      "  - slug: sport", // 7
      "    title: [Sport]", // 8
      "newsletter:", // 9
      "  action: https://newsletter.example.org/subscribe", // 10
      "  method: put", // 11
    ].join("\n");
    expect(await settingsProblems(text)).toEqual([
      expect.stringMatching(/^settings\.yml:1 timeZone: /),
      'settings.yml:2 tagine: is not a known field; did you mean "tagline"? (known fields: name, tagline, baseUrl, language, timeZone, sections, pageSize, newsletter, newsletters, support, social, logo, copyright, promos, robots, photos, shareCards, cms)',
      "settings.yml:8 sections[1].title: must be the section's title, not a list",
      'settings.yml:11 newsletter.method: Invalid option: expected one of "post"|"get"',
    ]);
  });

  it("refuses a document that is not `field: value` lines, and an empty one field by field", async () => {
    expect(await settingsProblems("- name: The Gazette\n")).toEqual(["settings.yml:1 settings: must be a list of `field: value` lines"]);
    expect((await settingsProblems("# nothing yet\n"))[0]).toBe("settings.yml:1 name: is required (the publication's name)");
  });

  it("is read like every content file: a link outside content/ is refused, once", async () => {
    const fixture = await site();
    const outside = path.join(fixture.root, "settings.yml");
    await fs.rename(path.join(fixture.contentDir, "settings.yml"), outside);
    await fs.symlink(outside, path.join(fixture.contentDir, "settings.yml"));
    expect(await problemLines(fixture)).toEqual([`content/settings.yml:1 file: ${OUTSIDE}`]);
  });

  it("points a logo problem at the logo's line", async () => {
    const fixture = await site();
    await writeContent(fixture, "settings.yml", [...minimal, "# The publisher logo.", "logo: brand/logo.png"].join("\n"));
    expect(await problemLines(fixture)).toEqual(['content/settings.yml:7 logo: "brand/logo.png" not found (looked for brand/logo.png in the content folder)']);
  });
});
