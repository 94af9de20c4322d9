// Issue 16: a large archive's articles are checked on every core, by worker threads. Forced onto two
// threads here (DATELINE_CHECK_THREADS), a check finds exactly what one thread finds, in the same
// order, and the photos the workers decoded are remembered in the image cache as a one-thread check
// remembers them (a later check decodes nothing).
import fs from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkContent } from "../src/cli/check-content.ts";
import { checkThreads, PARALLEL_FROM, THREADS_VARIABLE } from "../src/content/article-pool.ts";
import { MANIFEST_FILE } from "../src/images/manifest.ts";
import { isolateImageCache, sitesRemovedAfterEach } from "./helpers/site.ts";

const makeSite = sitesRemovedAfterEach();
const saved = { threads: process.env[THREADS_VARIABLE], cache: process.env["DATELINE_CACHE_DIR"] };
afterEach(() => {
  for (const [name, value] of [[THREADS_VARIABLE, saved.threads], ["DATELINE_CACHE_DIR", saved.cache]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

async function check(contentDir: string, threads: number) {
  process.env[THREADS_VARIABLE] = String(threads);
  return checkContent({ contentDir, format: "text" });
}

describe("checking articles on several threads", () => {
  it("uses every core from PARALLEL_FROM articles on, one thread below, and what DATELINE_CHECK_THREADS says", () => {
    expect(checkThreads(PARALLEL_FROM - 1, {})).toBe(1);
    expect(checkThreads(PARALLEL_FROM, {})).toBeGreaterThanOrEqual(1);
    expect(checkThreads(10, { [THREADS_VARIABLE]: "2" })).toBe(2);
    expect(checkThreads(1, { [THREADS_VARIABLE]: "4" })).toBe(1);
  });

  it("finds the same problems, in the same order, as one thread", async () => {
    const site = await makeSite("several-broken-files");
    const one = await check(site.contentDir, 1);
    const two = await check(site.contentDir, 2);
    expect(one.ok).toBe(false);
    expect(one.lines.length).toBeGreaterThan(2);
    expect(two.lines).toEqual(one.lines);
    expect(two.summary.replace(/checked in [\d.]+ s/, "")).toBe(one.summary.replace(/checked in [\d.]+ s/, ""));
  });

  it("remembers the photos the worker threads decoded", async () => {
    const site = await makeSite("base");
    const cache = await isolateImageCache(site);
    process.env["DATELINE_CACHE_DIR"] = site.cacheDir;
    const first = await check(site.contentDir, 2);
    expect(first.lines).toEqual([]);
    const manifest = JSON.parse(await fs.readFile(path.join(cache, MANIFEST_FILE), "utf8")) as { sources: Record<string, unknown> };
    expect(Object.keys(manifest.sources).map((file) => path.basename(file)).sort()).toEqual(["ana-ruiz.jpg", "harbour.jpg"]);
  });
});
