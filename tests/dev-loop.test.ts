// The live preview (`npm start`: --serve --incremental) after an edit: an article's body edit
// rewrites that page (and its feeds) only, a headline edit also the listings, a broken article
// stops the preview until fixed, and a deleted article is no longer served.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { load } from "cheerio";
import { snapshotProject } from "../scripts/bench/dev-loop.ts";
import { FIXTURES } from "./helpers/site.ts";

const ARTICLE = "content/articles/2026/harbour-vote.md";
const PAGE = "/2026/03/05/harbour-vote/";
let root: string;
let project: string;
let server: ChildProcess | undefined;
let log = "";
let port = 0;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const listener = net.createServer().listen(0, "127.0.0.1", () => {
      const { port: free } = listener.address() as net.AddressInfo;
      listener.close(() => resolve(free));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const builds = () => log.match(/\[11ty\] Watching/g)?.length ?? 0;
const changes = () => log.match(/\[11ty\] File changed/g)?.length ?? 0;

async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}:\n${log.slice(-4000)}`);
    await sleep(100);
  }
}

async function fetchPage(sitePath: string): Promise<{ status: number; text: string }> {
  const response = await fetch(`http://127.0.0.1:${port}${sitePath}`);
  return { status: response.status, text: await response.text() };
}

/** Writes a content file and waits for the rebuild it causes; returns that rebuild's log. */
async function save(relativePath: string, change: (text: string) => string): Promise<string> {
  const file = path.join(project, relativePath);
  const before = builds();
  const from = log.length;
  await fs.writeFile(file, change(await fs.readFile(file, "utf8")));
  await waitFor(() => builds() > before, `the rebuild after saving ${relativePath}`);
  return log.slice(from);
}

/** Site paths of the HTML pages a rebuild wrote, from Eleventy's "Writing" lines. */
const written = (rebuild: string) => [...rebuild.matchAll(/Writing \.\/_site(\S*\.html) from/g)].map((match) => (match[1] ?? "").replace(/index\.html$/, ""));

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "dateline-dev-loop-"));
  project = path.join(root, "project");
  // Eleventy's watcher sees edits only under a relative --input inside the working directory, as `npm start` runs.
  await snapshotProject(project);
  await fs.cp(path.join(FIXTURES, "base"), path.join(project, "content"), { recursive: true });
  port = await freePort();
  server = spawn(
    process.execPath,
    ["--import", "tsx", "node_modules/@11ty/eleventy/cmd.cjs", "--config=.eleventy.ts", "--input=content", "--serve", "--incremental", `--port=${port}`],
    { cwd: project, env: { ...process.env, DATELINE_CACHE_DIR: path.join(root, "image-cache") }, stdio: "pipe", detached: true },
  );
  server.stdout?.on("data", (chunk) => (log += chunk));
  server.stderr?.on("data", (chunk) => (log += chunk));
  await waitFor(async () => builds() >= 1 && (await fetchPage(PAGE).catch(() => undefined))?.status === 200, "the first build", 120_000);
  // "Watching…" comes before the watcher has registered every file: touch until it notices one.
  const settings = path.join(project, "content/settings.yml");
  const text = await fs.readFile(settings, "utf8");
  const buildsBefore = builds();
  await waitFor(async () => {
    await fs.writeFile(settings, text);
    await sleep(1000);
    return changes() > 0;
  }, "the watcher");
  await waitFor(() => builds() > buildsBefore, "the warm-up rebuild");
}, 180_000);

afterAll(async () => {
  if (process.env["DEV_LOOP_LOG"]) await fs.writeFile(process.env["DEV_LOOP_LOG"], log);
  if (server?.pid !== undefined && server.exitCode === null) process.kill(-server.pid, "SIGTERM");
  await sleep(300);
  await fs.rm(root, { recursive: true, force: true });
});

describe("live preview edits (npm start)", () => {
  it("rewrites only the edited article's page (and its feeds) when only its body changed", async () => {
    const rebuild = await save(ARTICLE, (text) => text.replace("that began in 2024.", "that began in 2024 and cost millions."));
    expect(load((await fetchPage(PAGE)).text)(".article__body").text()).toContain("that began in 2024 and cost millions.");
    expect(written(rebuild)).toEqual([PAGE]);
    expect(rebuild).toMatch(/Writing \.\/_site\/feed\.xml/);
    expect(rebuild).not.toMatch(/\[search\] indexed/);
  }, 60_000);

  it("also rewrites the pages listing the article when its headline changed", async () => {
    const rebuild = await save(ARTICLE, (text) => text.replace("headline: Council backs harbour plan after long night", "headline: Council approves harbour plan at dawn"));
    const pages = written(rebuild);
    for (const listing of ["/", "/news/", "/tags/harbour/", "/archive/2026/03/", "/authors/ana-ruiz/"]) {
      expect(pages).toContain(listing);
      expect((await fetchPage(listing)).text).toContain("Council approves harbour plan at dawn");
    }
    expect(pages).toContain(PAGE);
    // Pages that never show a headline are left alone.
    for (const untouched of ["/tags/", "/authors/", "/archive/", "/404.html", "/search/"]) expect(pages).not.toContain(untouched);
  }, 60_000);

  it("stops on a broken article with the same message as a build, and recovers once it is fixed", async () => {
    const broken = await save(ARTICLE, (text) => text.replace("section: news", "section: newz"));
    expect(broken).toMatch(/harbour-vote\.md:\d+ section: "newz" is not a section of this site; did you mean "news"\?/);
    expect(written(broken)).toEqual([]);
    const fixed = await save(ARTICLE, (text) => text.replace("section: newz", "section: news").replace("cost millions", "cost many millions"));
    expect(written(fixed)).toContain(PAGE);
    expect((await fetchPage(PAGE)).text).toContain("cost many millions");
  }, 60_000);

  it("stops serving a deleted article once the preview rebuilds", async () => {
    const gone = "/2026/03/05/date-only/";
    expect((await fetchPage(gone)).status).toBe(200);
    // Eleventy 3's watcher logs a deletion but does not rebuild: the next save does.
    await fs.rm(path.join(project, "content/articles/2026/date-only.md"));
    await waitFor(() => /File deleted: \.\/content\/articles\/2026\/date-only\.md/.test(log), "the watcher to see the deletion");
    const rebuild = await save(ARTICLE, (text) => text.replace("cost many millions", "cost millions"));
    expect(written(rebuild), "a deletion rebuilds every page").toContain("/archive/");
    expect((await fetchPage(gone)).status).toBe(404);
    expect((await fetchPage("/")).text).not.toContain(gone);
  }, 90_000);
});
