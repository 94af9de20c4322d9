// Issue 7: the editors' commands, run as `npm run` runs them (tests/helpers/commands.ts: in a working
// folder, with an environment and output of their own; each command's usage errors also in a fresh
// process) against temporary copies of fixture sites. `new` writes a draft only when the build would accept it, with
// the build's messages otherwise; `check:content` prints the build's lines or GitHub annotations.
import fs from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { runCommand, type CommandRun as Run } from "./helpers/commands.ts";
import { buildError, REPO, sitesRemovedAfterEach, runBuildCli, writeContent, type FixtureSite } from "./helpers/site.ts";
import { validateNewsroom } from "../src/content/load.ts";
import { parseFrontMatter } from "../src/content/front-matter.ts";
import { escapeAnnotationData, escapeAnnotationProperty, formatAnnotation } from "../src/cli/check-content.ts";
import { articleText } from "../src/cli/new-article.ts";
import { summarizeBuild } from "../src/build/summary.ts";
import type { BuildPlan } from "../src/build/plan.ts";
import { slugifyAscii } from "../src/slug.ts";
import { restartSettings } from "../src/cli/build-process.js";
import slugify from "@sindresorhus/slugify";
import type { Newsroom } from "../src/content/types.ts";

/** 09:31 in Chicago, the fixture site's zone. */
const NOW = "2026-11-25T15:31:27Z";

const makeTrackedSite = sitesRemovedAfterEach();

/** A fixture site laid out like a newsroom's repository: package.json next to content/. */
async function site(...scenarios: string[]): Promise<FixtureSite> {
  const made = await makeTrackedSite(...scenarios);
  await fs.writeFile(path.join(made.root, "package.json"), JSON.stringify({ type: "module" }));
  return made;
}

/** Runs a command as `npm run <name> -- …args` does, in `cwd`; with `ownProcess` in a fresh process. */
function run(name: "new" | "check:content", args: string[], cwd: string, env: Record<string, string> = {}, { ownProcess = false } = {}): Promise<Run> {
  return runCommand(name, args, { cwd, env: { DATELINE_NOW: NOW, ...env }, ownProcess });
}

const runNew = (fixture: FixtureSite, ...args: string[]) => run("new", args, fixture.root);

async function articleFiles(fixture: FixtureSite): Promise<string[]> {
  const entries = await fs.readdir(path.join(fixture.contentDir, "articles"), { recursive: true });
  return entries.filter((entry) => entry.endsWith(".md")).map((entry) => `articles/${entry.split(path.sep).join("/")}`).sort();
}

/** The build's explanation for `field` in a file of this site: what `new` must print too. */
async function buildMessage(fixture: FixtureSite, field: string): Promise<string[]> {
  const { problems } = await validateNewsroom(fixture.contentDir);
  return problems.filter((problem) => problem.field === field).map((problem) => problem.message);
}

describe("npm run new", () => {
  it("writes a draft with the front matter filled in and prints its path", async () => {
    const fixture = await site();
    const result = await runNew(fixture, "Ferry service resumes", "--section", "news", "--byline", "ana-ruiz,li-wei");
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout.split("\n")[0]).toBe("Created content/articles/2026/ferry-service-resumes.md");
    expect(result.stdout).toContain("/2026/11/25/ferry-service-resumes/");

    const text = await fs.readFile(path.join(fixture.contentDir, "articles/2026/ferry-service-resumes.md"), "utf8");
    const parsed = parseFrontMatter(text);
    expect(parsed.ok && parsed.file.data).toEqual({
      headline: "Ferry service resumes",
      byline: ["ana-ruiz", "li-wei"],
      date: "2026-11-25T09:31:00-06:00",
      section: "news",
      draft: true,
    });
    expect(text).toContain("byline: [ana-ruiz, li-wei]\n");
    // The draft is valid content as it stands, and the build leaves it out.
    const checked = await validateNewsroom(fixture.contentDir);
    expect(checked.problems).toEqual([]);
    expect(checked.articles?.find((article) => article.slug === "ferry-service-resumes")?.fields.draft).toBe(true);
  });

  it("dates the article in the site's time zone, not the machine's or UTC", async () => {
    const fixture = await site();
    // 03:00 UTC on New Year's Day is still New Year's Eve in Chicago: the file goes in 2025.
    const result = await run("new", ["Fireworks over the harbour", "--section", "news", "--byline", "li-wei"], fixture.root, { DATELINE_NOW: "2026-01-01T03:00:00Z", TZ: "Asia/Tokyo" });
    expect(result.status, result.stderr).toBe(0);
    const text = await fs.readFile(path.join(fixture.contentDir, "articles/2025/fireworks-over-the-harbour.md"), "utf8");
    expect(text).toContain("\ndate: 2025-12-31T21:00:00-06:00\n");
    expect(text).toContain("\nbyline: li-wei\n");
  });

  it("quotes any headline safely for YAML", async () => {
    const fixture = await site();
    const headline = `Mayor: "We won't back down" — #1 & [final] {vote}: yes`;
    const result = await runNew(fixture, headline, "--section", "news", "--byline", "li-wei");
    expect(result.status, result.stderr).toBe(0);
    const [file] = (await articleFiles(fixture)).filter((name) => name.includes("mayor"));
    expect(file).toBe("articles/2026/mayor-we-wont-back-down-1-and-final-vote-yes.md");
    const parsed = parseFrontMatter(await fs.readFile(path.join(fixture.contentDir, file ?? ""), "utf8"));
    expect(parsed.ok && parsed.file.data["headline"]).toBe(headline);
    expect((await validateNewsroom(fixture.contentDir)).problems).toEqual([]);
  });

  it("writes front matter through the yaml package for values YAML would misread", () => {
    for (const headline of ["true", "2026-03-05", "null", "- a list?", "# not a comment", "@handle", "line\nbreak", "'quoted'"]) {
      const parsed = parseFrontMatter(articleText({ headline, byline: ["li-wei"], date: "2026-03-05T09:30:00-06:00", section: "news" }));
      expect(parsed.ok && parsed.file.data["headline"], headline).toBe(headline);
    }
  });

  it("gives an unknown section or author the build's own messages and writes nothing", async () => {
    const fixture = await site();
    const before = await articleFiles(fixture);
    const result = await runNew(fixture, "Rents rise again", "--section", "sports", "--byline", "li-wei,jdoe");
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(await articleFiles(fixture)).toEqual(before);

    // The same front matter written by hand fails the build with these messages.
    const broken = await site("article-unknown-section", "article-unknown-author");
    await writeContent(broken, "articles/2026/x.md", "---\nheadline: Rents rise again\nbyline: [li-wei, jdoe]\ndate: 2026-03-05\nsection: sports\n---\nBody.\n");
    const expected = [...(await buildMessage(broken, "byline")).map((m) => `--byline: ${m}`), ...(await buildMessage(broken, "section")).map((m) => `--section: ${m}`)];
    expect(expected).toEqual(['--byline: unknown author "jdoe" (known: ana-ruiz, li-wei)', '--section: "sports" is not a section of this site (sections: news, business)']);
    expect(result.stderr.split("\n").filter(Boolean)).toEqual([...expected, "Nothing was written."]);
  });

  it("suggests the author id an editor probably meant, as the build does", async () => {
    const fixture = await site();
    const result = await runNew(fixture, "Harbour dredging starts", "--section", "news", "--byline", "ana-ruz");
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('--byline: unknown author "ana-ruz"; did you mean "ana-ruiz"? (known: ana-ruiz, li-wei)\n');
  });

  it("refuses an empty headline, a missing section and a missing byline with the schema's messages", async () => {
    const fixture = await site();
    const before = await articleFiles(fixture);
    const empty = await runNew(fixture, "  ", "--section", "news", "--byline", "li-wei");
    expect(empty.status).toBe(1);
    expect(empty.stderr).toBe("headline: is empty (the headline, plain text)\nNothing was written.\n");
    const missing = await runNew(fixture, "Council meets");
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe("--byline: is required (an author id or a list of author ids)\n--section: is required (section slug)\nNothing was written.\n");
    expect(await articleFiles(fixture)).toEqual(before);
  });

  it("refuses a headline that makes no URL, and accepts it with --slug", async () => {
    const fixture = await site();
    for (const headline of ["🎉🎉🎉", "!!! ???"]) {
      const result = await runNew(fixture, headline, "--section", "news", "--byline", "li-wei");
      expect(result.status, headline).toBe(1);
      expect(result.stderr, headline).toBe(`headline: "${headline}" makes no URL (use a headline with letters or digits, or give one with --slug, e.g. --slug harbour-vote)\nNothing was written.\n`);
    }
    const badSlug = await runNew(fixture, "北京新闻", "--section", "news", "--byline", "li-wei", "--slug", "Bei Jing");
    expect(badSlug.stderr).toBe('--slug: "Bei Jing" is not a valid slug (lowercase letters of any script, digits and single hyphens, e.g. "city-hall" or "bei-jing")\nNothing was written.\n');
    expect(await articleFiles(fixture)).toEqual(["articles/2026/date-only.md", "articles/2026/harbour-vote.md"]);

    const withSlug = await runNew(fixture, "北京新闻", "--section", "news", "--byline", "li-wei", "--slug", "beijing-news");
    expect(withSlug.status, withSlug.stderr).toBe(0);
    const parsed = parseFrontMatter(await fs.readFile(path.join(fixture.contentDir, "articles/2026/beijing-news.md"), "utf8"));
    expect(parsed.ok && parsed.file.data).toMatchObject({ headline: "北京新闻", slug: "beijing-news" });
  });

  it("names a file from a headline in another script with its own letters (issue 20)", async () => {
    const fixture = await site();
    const result = await runNew(fixture, "مهرجان الفوانيس", "--section", "news", "--byline", "li-wei");
    expect(result.status, result.stderr).toBe(0);
    expect(await articleFiles(fixture)).toContain("articles/2026/مهرجان-الفوانيس.md");
  });

  it("never overwrites an existing file", async () => {
    const fixture = await site();
    const file = path.join(fixture.contentDir, "articles/2026/harbour-vote.md");
    const before = await fs.readFile(file, "utf8");
    const result = await runNew(fixture, "Harbour vote", "--section", "news", "--byline", "li-wei");
    expect(result.status).toBe(1);
    expect(result.stderr).toBe("content/articles/2026/harbour-vote.md already exists; it was left as it is (choose another headline, or give a slug with --slug)\nNothing was written.\n");
    expect(await fs.readFile(file, "utf8")).toBe(before);
  });

  it("refuses a slug another article already publishes at the same URL that day, with the build's message", async () => {
    const fixture = await site();
    // Filed in another folder under another name, but published at /2026/11/25/ferry-back/.
    await writeContent(fixture, "articles/2026/november/ferry.md", "---\nheadline: The ferry is back\nbyline: li-wei\ndate: 2026-11-25T07:00:00-06:00\nsection: news\nslug: ferry-back\n---\nBody.\n");
    const before = await articleFiles(fixture);
    const result = await runNew(fixture, "Ferry back", "--section", "news", "--byline", "li-wei");
    expect(result.status).toBe(1);
    expect(result.stderr).toBe("--slug: would be published at /2026/11/25/ferry-back/, the same URL as articles/2026/november/ferry.md (give one of them a different slug:)\nNothing was written.\n");
    expect(await articleFiles(fixture)).toEqual(before);
    // Another day is another URL.
    const tomorrow = await run("new", ["Ferry back", "--section", "news", "--byline", "li-wei"], fixture.root, { DATELINE_NOW: "2026-11-26T15:00:00Z" });
    expect(tomorrow.status, tomorrow.stderr).toBe(0);
    expect(await articleFiles(fixture)).toContain("articles/2026/ferry-back.md");
  });

  it("explains bad usage with the usage line and exit code 2", async () => {
    const fixture = await site();
    const unquoted = await run("new", ["Council", "votes", "--section", "news", "--byline", "li-wei"], fixture.root, {}, { ownProcess: true });
    expect(unquoted.status).toBe(2);
    expect(unquoted.stderr).toMatch(/^the headline must be one argument: put it in quotes \("Council votes"\)\nusage: npm run new -- "Headline" --section/);
    const typo = await runNew(fixture, "Council votes", "--sectoin", "news");
    expect(typo.status).toBe(2);
    expect(typo.stderr).toMatch(/^Unknown option '--sectoin'\nusage: /);
    expect(await articleFiles(fixture)).toEqual(["articles/2026/date-only.md", "articles/2026/harbour-vote.md"]);
  });
});

describe("npm run build's process", () => {
  /**
   * The build's command in a fresh process, with a module that says at each start of Node what it
   * runs with (on its main thread: a worker thread of the build starts it too).
   */
  async function startsOfBuild(fixture: FixtureSite, env: Record<string, string | undefined>, v8Flags: readonly string[] = [], hooks: readonly string[] = []) {
    const observer = path.join(fixture.root, "observe-start.mjs");
    await fs.writeFile(
      observer,
      [
        'import { isMainThread } from "node:worker_threads";',
        'import { registerHooks } from "node:module";',
        "if (isMainThread) {",
        '  process.stderr.write(`start pid=${process.pid} arenas=${process.env.MALLOC_ARENA_MAX} v8=${process.execArgv.filter((arg) => /semi-space|old-space/.test(arg)).join(",") || "default"}\\n`);',
        // Which start loads the command (compiled, or its TypeScript through tsx): only the one that runs it should.
        "  registerHooks({ load(url, context, next) { if (/\\/tsx\\/dist\\/esm\\/(api\\/)?index\\.mjs$|\\/src\\/cli\\/build-command\\.ts$|\\/build-command-[\\w-]+\\.mjs$/.test(url)) process.stderr.write(`loads pid=${process.pid} ${url.split(\"/\").slice(-2).join(\"/\")}\\n`); return next(url, context); } });",
        ...hooks.map((hook) => `  ${hook}`),
        "}",
        "",
      ].join("\n"),
    );
    const nodeOptions = [`--import=${pathToFileURL(observer).href}`, ...v8Flags].join(" ");
    const run = await runCommand("build", ["--input", "no such folder", "--output", path.join(fixture.root, "an output")], { cwd: fixture.root, env: { ...env, NODE_OPTIONS: nodeOptions }, ownProcess: true });
    const lines = run.stderr.split("\n");
    const starts = lines.filter((line) => line.startsWith("start "));
    const loads = lines.filter((line) => line.startsWith("loads "));
    return { run, starts, loads, pids: new Set(starts.map((line) => line.split(" ")[1])) };
  }

  it("starts again with two malloc arenas, a young generation of 32 MiB and an old one of 256 MiB to start, as the same process with the same arguments", async () => {
    const fixture = await site();
    const { run, starts, loads, pids } = await startsOfBuild(fixture, { MALLOC_ARENA_MAX: undefined });
    expect(starts.map((line) => line.split(" ").slice(2).join(" "))).toEqual(["arenas=undefined v8=default", "arenas=2 v8=--max-semi-space-size=32,--initial-old-space-size=256"]);
    expect(pids.size).toBe(1);
    // Started again by its first module, before the command loaded: the command compiled (src/cli/
    // compiled-command.js) loads once, after; tsx not at all.
    expect(loads.map((line) => line.split(" ").slice(2).join(" "))).toEqual([expect.stringMatching(/^dateline\/build-command-[\w-]+\.mjs$/)]);
    // Both arguments with a space reached the command that ran.
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("no such folder/settings.yml:1 settings: file is missing");
    expect(run.stderr).toContain(`The build failed; ${path.join(fixture.root, "an output")}/ was left as it was.`);
  });

  it("keeps the settings the newsroom made, and starts once when it made them all", async () => {
    const fixture = await site();
    // Only the arenas set: started again for V8's settings, the arenas kept.
    const arenas = await startsOfBuild(fixture, { MALLOC_ARENA_MAX: "4" });
    expect(arenas.starts.map((line) => line.split(" ").slice(2).join(" "))).toEqual(["arenas=4 v8=default", "arenas=4 v8=--max-semi-space-size=32,--initial-old-space-size=256"]);
    // The young generation set (in NODE_OPTIONS, which the process's own arguments do not show):
    // started again for the old one only (which NODE_OPTIONS may not hold).
    const young = await startsOfBuild(fixture, { MALLOC_ARENA_MAX: "4" }, ["--max-semi-space-size=8"]);
    expect(young.starts.map((line) => line.split(" ").slice(2).join(" "))).toEqual(["arenas=4 v8=default", "arenas=4 v8=--initial-old-space-size=256"]);
    // All of them made: never started again.
    expect(restartSettings({ MALLOC_ARENA_MAX: "4", NODE_OPTIONS: "--max-semi-space-size=8" }, "linux", ["--initial-old-space-size=64"])).toBeUndefined();
    expect(restartSettings({ MALLOC_ARENA_MAX: "4" }, "linux", ["--max_semi_space_size=8", "--initial_old_space_size=64"])).toBeUndefined();
    expect(restartSettings({ PATH: "/bin" }, "darwin", ["--import", "tsx/esm"])).toEqual({ env: { PATH: "/bin" }, execArgv: ["--max-semi-space-size=32", "--initial-old-space-size=256", "--import", "tsx/esm"] });
    expect(restartSettings({ PATH: "/bin" }, "linux", ["--max-semi-space-size=64"])).toEqual({ env: { PATH: "/bin", MALLOC_ARENA_MAX: "2" }, execArgv: ["--initial-old-space-size=256", "--max-semi-space-size=64"] });
  });

  it("runs the command's TypeScript through tsx when the compiled module is gone as it loads (another build compiled it again)", async () => {
    const fixture = await site();
    // Registered after the observer, so asked first: the compiled module is missing, as Node says it.
    const gone = 'registerHooks({ load(url, context, next) { if (/\\/build-command-[\\w-]+\\.mjs$/.test(url)) throw Object.assign(new Error(`Cannot find module ${url}`), { code: "ERR_MODULE_NOT_FOUND", url }); return next(url, context); } });';
    const { run, loads } = await startsOfBuild(fixture, {}, [], [gone]);
    expect(loads.map((line) => line.split(" ").slice(2).join(" "))).toEqual(["api/index.mjs", "cli/build-command.ts"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("no such folder/settings.yml:1 settings: file is missing");
  });
});

describe("npm run check:content", () => {
  it("accepts valid content quietly and says what it checked", async () => {
    const fixture = await site();
    const result = await run("check:content", [], fixture.root);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^\[dateline\] content is valid: 2 articles, 2 authors \(checked in [\d.]+ s\)\n$/);
  });

  it("prints exactly the build's problem lines and exits non-zero", async () => {
    const fixture = await site("several-broken-files");
    // Both from the repository, so both print the temporary site's paths the same way.
    const result = await run("check:content", ["--content", fixture.contentDir], REPO);
    expect(result.status).toBe(1);
    const built = await buildError(fixture);
    const buildLines = built.split("\n").filter((line) => line.startsWith(fixture.contentDir));
    expect(buildLines.length).toBeGreaterThanOrEqual(4);
    expect(result.stdout.split("\n").filter(Boolean)).toEqual(buildLines);
    expect(result.stderr).toMatch(/^\[dateline\] content has \d+ problems in 4 files; valid: 2 articles, 1 author \(checked in [\d.]+ s\)\n$/);
  });

  it("prints one GitHub annotation per problem, on the file's line, relative to the repository", async () => {
    const fixture = await site("several-broken-files");
    const result = await run("check:content", ["--format", "github"], fixture.root);
    expect(result.status).toBe(1);
    const { problems } = await validateNewsroom(fixture.contentDir);
    const annotations = result.stdout.split("\n").filter(Boolean).map(parseAnnotation);
    expect(annotations).toHaveLength(problems.length);
    const expected = problems.map((p) => ({ file: path.relative(fixture.root, p.file), line: p.line, title: p.field, message: p.message }));
    expect(annotations).toEqual(expect.arrayContaining(expected));
    expect(annotations.map((a) => a.file)).toEqual([...annotations.map((a) => a.file)].sort());
    expect(annotations).toContainEqual({ file: "content/articles/2026/b.md", line: 3, title: "byline", message: 'unknown author "jdoe" (known: ana-ruiz, li-wei)' });
  });

  it("escapes %, line breaks, commas and colons as GitHub requires", async () => {
    const fixture = await site();
    await writeContent(fixture, "articles/2026/sale 50%, today.md", '---\nheadline: Sale\nbyline: li-wei\ndate: 2026-03-05\nsection: "50%, off: now"\n---\nBody.\n');
    const result = await run("check:content", ["--format", "github"], fixture.root);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(
      '::error file=content/articles/2026/sale 50%25%2C today.md,line=5,title=section::"50%25, off: now" is not a valid section slug (lowercase letters, digits and single hyphens, e.g. "city-hall")\n',
    );
    expect(parseAnnotation(result.stdout.trim())).toMatchObject({ file: "content/articles/2026/sale 50%, today.md", message: expect.stringContaining('"50%, off: now"') });

    expect(escapeAnnotationData("100%\r\nnext")).toBe("100%25%0D%0Anext");
    expect(escapeAnnotationProperty("a,b:c%\n")).toBe("a%2Cb%3Ac%25%0A");
    expect(formatAnnotation({ file: "/repo/content/x.md", line: 2, field: "a:b,c", message: "two\nlines" }, "/repo")).toBe("::error file=content/x.md,line=2,title=a%3Ab%2Cc::two%0Alines");
  });

  it("finds every broken file among a thousand valid ones", async () => {
    const fixture = await site();
    for (let i = 0; i < 1000; i++) {
      const broken = i === 137 ? "byline: jdoe" : "byline: li-wei";
      const date = i === 802 ? "date: 2026-02-30" : `date: 2025-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`;
      await writeContent(fixture, `articles/2025/story-${i}.md`, `---\nheadline: Story ${i}\n${broken}\n${date}\nsection: news\ntags: [harbour, council]\n---\nParagraph ${i}.\n`);
    }
    const result = await run("check:content", ["--format", "github"], fixture.root);
    expect(result.status).toBe(1);
    expect(result.stdout.split("\n").filter(Boolean).map(parseAnnotation)).toEqual([
      { file: "content/articles/2025/story-137.md", line: 3, title: "byline", message: 'unknown author "jdoe" (known: ana-ruiz, li-wei)' },
      { file: "content/articles/2025/story-802.md", line: 4, title: "date", message: '"2026-02-30" is not a valid date (ISO 8601, e.g. 2026-03-05 or 2026-03-05T09:30:00-05:00)' },
    ]);
    expect(result.stderr).toMatch(/content has 2 problems in 2 files; valid: 1000 articles, 2 authors/);
  });

  it("slugifies ASCII tags on a short path that gives slugify's own result", () => {
    // slugify costs ~1 ms a call; 3,000 distinct tags cost check:content seconds without this path.
    const chars = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\t\n";
    const samples = ["COVID-19", "Covid 19", "City Council", "won't stop", "it's", "Rock & Roll", "a^b`c", "__init__", "  --x--  ", ""];
    for (const c of chars) samples.push(c, `x${c}y`, `it${c}s`, `it${c}t x`, `A${c}${c}B`);
    // 250,000 random strings agreed when this was written; a sample keeps the test at about a second.
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 1000; i++) samples.push(Array.from({ length: 1 + Math.floor(random() * 16) }, () => chars[Math.floor(random() * chars.length)]).join(""));
    const differing = samples.filter((text) => slugifyAscii(text) !== slugify(text, { decamelize: false }));
    expect(differing).toEqual([]);
  });

  it("explains bad usage with exit code 2", async () => {
    const fixture = await site();
    const result = await run("check:content", ["--format", "xml"], fixture.root, {}, { ownProcess: true });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('--format must be one of text, github, not "xml"\nusage: npm run check:content -- [--format text|github] [--content <dir>]\n');
  });
});

describe("build summary", () => {
  it("ends every build with what was published, what was rendered and reused, the search index, the images and what was skipped", async () => {
    const fixture = await site();
    await writeContent(fixture, "articles/2026/budget.md", "---\nheadline: Budget draft\nbyline: li-wei\ndate: 2026-03-04\nsection: news\ndraft: true\n---\nBody.\n");
    const build = await runBuildCli(fixture);
    expect(build.status, build.output).toBe(0);
    const summary = build.stdout.split("\n").filter((line) => line.startsWith("[dateline]"));
    expect(summary).toEqual([
      expect.stringMatching(/^\[dateline\] 2 articles, 2 authors, 2 sections, 2 tags: \d+ files in \d+\.\d s$/),
      expect.stringMatching(/^\[dateline\] rendered \d+: 2 articles \(new\), 1 front \(new\), .*; reused 0 unchanged$/),
      "[dateline] search: 1 of 1 shard indexed (2 pages), 0 reused",
      expect.stringMatching(/^\[dateline\] images: \d+ encoded, \d+ reused$/),
      "[dateline] 1 draft skipped: articles/2026/budget.md",
    ]);
    // Nothing changed: every file is reused, and the summary says so.
    const again = await runBuildCli(fixture);
    expect(again.stdout).toMatch(/^\[dateline\] rendered 0; reused \d+ unchanged$/m);
    expect(again.stdout).toContain("[dateline] search: 0 of 1 shard indexed (0 pages), 1 reused");
    // One story's headline edited: the summary says which of each page's inputs changed.
    const story = path.join(fixture.contentDir, "articles/2026/harbour-vote.md");
    await fs.writeFile(story, (await fs.readFile(story, "utf8")).replace(/^headline: .*$/m, "headline: Harbour vote delayed a week"));
    const edited = await runBuildCli(fixture);
    expect(edited.stdout.split("\n").find((line) => line.startsWith("[dateline] rendered"))).toBe(
      "[dateline] rendered 25: 1 article (article changed), 1 front (lead changed), 1 section (listing changed), 2 tags (listing changed), 2 authors (listing changed), 1 archive (listing changed), 1 corrections (listing changed), 13 feeds (1 corrections changed, 12 stories changed), 1 edition (edition changed), 1 edition-archive (editions changed), 1 edition-feed (editions changed); reused 13 unchanged",
    );
  });

  it("lists scheduled articles, naming at most five, and says why each kind of page was rendered", () => {
    const skipped = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => ({ id: `articles/2026/${prefix}-${i + 1}.md`, headline: `${prefix} ${i + 1}` }));
    const newsroom = {
      site: { sections: [{ slug: "news" }] },
      articles: [{ fieldsFromFiles: 0 }],
      authors: [{ id: "li-wei" }],
      skippedDrafts: skipped(7, "draft"),
      skippedScheduled: skipped(1, "later"),
    } as unknown as Newsroom;
    const planned = (kind: string, reason: string, render = true, changed?: string[]) => ({ spec: { kind }, render, reason, ...(changed && { changed }) });
    const plan = {
      pages: [planned("article", "new"), planned("article", "changed", true, ["related"]), planned("tag", "changed"), planned("front", "unchanged", false)],
      shards: [{ reason: "unchanged" }, { reason: "amended", amendedStories: 2 }, { reason: "new" }],
      hidden: ["en_1", "en_2", "en_3"],
    } as unknown as BuildPlan;
    const written = { rendered: 3, reused: 1, shardsIndexed: 1, shardsReused: 2, indexedPages: 40 };
    expect(summarizeBuild(newsroom, { plan, written, images: { encoded: 3, reused: 4 }, topics: 2, elapsedMs: 1234 }).split("\n")).toEqual([
      "[dateline] 1 article, 1 author, 1 section, 2 tags: 4 files in 1.2 s",
      "[dateline] rendered 3: 2 articles (1 new, 1 related changed), 1 tag (changed); reused 1 unchanged",
      "[dateline] search: 1 of 3 shards indexed (40 pages), 2 reused (1 amended: 2 stories in the amendments shard, 3 outdated entries hidden)",
      "[dateline] images: 3 encoded, 4 reused",
      "[dateline] 7 drafts skipped: articles/2026/draft-1.md, articles/2026/draft-2.md, articles/2026/draft-3.md, articles/2026/draft-4.md, articles/2026/draft-5.md and 2 more; 1 scheduled skipped: articles/2026/later-1.md",
    ]);
  });
});

/** Reads `::error file=…,line=…,title=…::message` back, undoing GitHub's escapes. */
function parseAnnotation(line: string): { file: string; line: number; title: string; message: string } {
  const match = /^::error ([^:]*)::(.*)$/.exec(line);
  expect(match, line).not.toBeNull();
  const unescape = (text: string) => text.replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%3A/g, ":").replace(/%2C/g, ",").replace(/%25/g, "%");
  const properties = Object.fromEntries((match?.[1] ?? "").split(",").map((pair) => [pair.slice(0, pair.indexOf("=")), unescape(pair.slice(pair.indexOf("=") + 1))]));
  expect(Object.keys(properties)).toEqual(["file", "line", "title"]);
  return { file: properties["file"] ?? "", line: Number(properties["line"]), title: properties["title"] ?? "", message: unescape(match?.[2] ?? "") };
}
