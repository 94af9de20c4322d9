// Drafts and scheduled (future-dated) articles: shown and bannered in the live preview (`npm start`),
// left out of production builds and named in the build summary.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { load } from "cheerio";
import { makeSite, removeSite, REPO, runBuildCli, writeContent, type FixtureSite } from "./helpers/site.ts";

const NOW = "2026-03-10T12:00:00-06:00";
let site: FixtureSite;

beforeAll(async () => {
  site = await makeSite();
  await writeContent(site, "articles/2026/draft.md", "---\nheadline: Draft story\nbyline: li-wei\ndate: 2026-03-08\nsection: news\ndraft: true\n---\nNot ready.\n");
  // 06:00 at -06:00 is 7:00 CDT in Chicago: daylight saving time began on March 8.
  await writeContent(site, "articles/2026/tomorrow.md", "---\nheadline: Embargoed story\nbyline: li-wei\ndate: 2026-03-11T06:00:00-06:00\nsection: news\n---\nUnder embargo.\n");
});
afterAll(() => removeSite(site));

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe("production build", () => {
  it("leaves drafts and scheduled articles out and says so in the summary", async () => {
    const run = runBuildCli(site, { DATELINE_NOW: NOW });
    expect(run.status, run.output).toBe(0);
    expect(run.stdout).toMatch(/1 draft skipped: articles\/2026\/draft\.md/);
    expect(run.stdout).toMatch(/1 scheduled skipped: articles\/2026\/tomorrow\.md/);
    for (const page of ["2026/03/08/draft", "2026/03/11/tomorrow"]) {
      await expect(fs.access(path.join(site.outputDir, page, "index.html"))).rejects.toThrow();
    }
    const feed = await fs.readFile(path.join(site.outputDir, "feed.xml"), "utf8");
    expect(feed).not.toContain("Embargoed story");
  });

  it("publishes a scheduled article once its time has come", async () => {
    const run = runBuildCli(site, { DATELINE_NOW: "2026-03-11T06:00:00-06:00" });
    expect(run.status, run.output).toBe(0);
    await expect(fs.access(path.join(site.outputDir, "2026/03/11/tomorrow/index.html"))).resolves.toBeUndefined();
  });
});

describe("live preview (npm start)", () => {
  let server: ChildProcess | undefined;
  afterAll(() => server?.kill("SIGTERM"));

  it("shows drafts and scheduled articles, each bannered", async () => {
    const port = await freePort();
    server = spawn(
      process.execPath,
      ["--import", "tsx", "node_modules/@11ty/eleventy/cmd.cjs", "--config=.eleventy.ts", `--input=${site.contentDir}`, `--output=${path.join(site.root, "preview")}`, "--serve", `--port=${port}`, "--quiet"],
      { cwd: REPO, env: { ...process.env, DATELINE_CACHE_DIR: site.cacheDir, DATELINE_NOW: NOW }, stdio: "pipe" },
    );
    let log = "";
    server.stdout?.on("data", (chunk) => (log += chunk));
    server.stderr?.on("data", (chunk) => (log += chunk));
    const fetchPage = async (page: string) => {
      for (let attempt = 0; attempt < 100; attempt++) {
        const response = await fetch(`http://127.0.0.1:${port}${page}`).catch(() => undefined);
        if (response?.ok) return load(await response.text());
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      throw new Error(`preview never served ${page}:\n${log}`);
    };
    const draft = await fetchPage("/2026/03/08/draft/");
    expect(draft(".article__draft").text()).toBe("Draft: not published");
    const scheduled = await fetchPage("/2026/03/11/tomorrow/");
    expect(scheduled(".article__draft").text()).toBe("Scheduled for March 11, 2026 at 7:00 AM CDT: not published yet");
    const published = await fetchPage("/2026/03/05/harbour-vote/");
    expect(published(".article__draft")).toHaveLength(0);
  });
});
