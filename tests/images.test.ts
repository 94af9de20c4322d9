// Photos go through sharp: every srcset file exists at its stated width, and a second build with
// the same photos and cache encodes nothing.
import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inspectImage } from "../src/images/index.ts";
import { listPages, makeSite, readPage, removeSite, runBuildCli, type FixtureSite } from "./helpers/site.ts";

let site: FixtureSite;
let firstRun: ReturnType<typeof runBuildCli>;

beforeAll(async () => {
  site = await makeSite();
  firstRun = runBuildCli(site);
});
afterAll(() => removeSite(site));

async function snapshotCache(dir: string): Promise<Map<string, number>> {
  const names = await fs.readdir(dir);
  const entries = await Promise.all(names.map(async (name) => [name, (await fs.stat(path.join(dir, name))).mtimeMs] as const));
  return new Map(entries);
}

describe("images", () => {
  it("writes every srcset and src file at the width it claims, in AVIF, WebP and JPEG", async () => {
    expect(firstRun.status, firstRun.output).toBe(0);
    let checked = 0;
    for (const page of await listPages(site)) {
      const $ = await readPage(site, page);
      const candidates: { url: string; width?: number }[] = [];
      $("source[srcset], img[srcset]").each((_, element) => {
        for (const candidate of (element.attribs["srcset"] ?? "").split(",")) {
          const [url, descriptor] = candidate.trim().split(/\s+/);
          candidates.push({ url: url ?? "", width: Number(descriptor?.replace("w", "")) });
        }
      });
      $("img").each((_, element) => {
        candidates.push({ url: element.attribs["src"] ?? "", width: Number(element.attribs["width"]) });
      });
      for (const { url, width } of candidates) {
        const info = await inspectImage(path.join(site.outputDir, url));
        expect("problem" in info, `${page}: ${url}`).toBe(false);
        if (!("problem" in info)) expect(info.width, `${page}: ${url}`).toBe(width);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
    const formats = new Set((await fs.readdir(path.join(site.outputDir, "img"))).map((name) => path.extname(name)));
    expect([...formats].sort()).toEqual([".avif", ".jpeg", ".webp"]);
  });

  it("keeps the lead photo's aspect ratio in width and height", async () => {
    const $ = await readPage(site, "/2026/03/05/harbour-vote/");
    const img = $(".figure--lead img");
    expect(Number(img.attr("width")) / Number(img.attr("height"))).toBeCloseTo(1000 / 625, 2);
  });

  it("encodes nothing on a second build with the same photos, even into a fresh output folder", async () => {
    expect(firstRun.stdout).toMatch(/images: [1-9]\d* encoded/);
    const before = await snapshotCache(site.cacheDir);
    await fs.rm(site.outputDir, { recursive: true });
    const second = runBuildCli(site);
    expect(second.status, second.output).toBe(0);
    expect(second.stdout).toMatch(/images: 0 encoded, [1-9]\d* reused/);
    expect(await snapshotCache(site.cacheDir)).toEqual(before);
    const published = await fs.readdir(path.join(site.outputDir, "img"));
    expect(published.length).toBeGreaterThan(0);
    expect(published.every((name) => before.has(name))).toBe(true);
  });

  it("publishes only the image files the site uses", async () => {
    await fs.writeFile(path.join(site.cacheDir, "stale-000.jpeg"), "old");
    const run = runBuildCli(site);
    expect(run.status, run.output).toBe(0);
    expect(await fs.readdir(path.join(site.outputDir, "img"))).not.toContain("stale-000.jpeg");
  });
});
