// Photos go through sharp: every srcset file exists at its stated width, a second build with the
// same photos and cache encodes nothing, and the cache's manifest spares a warm build every read.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ImagePipeline, inspectImage } from "../src/images/index.ts";
import { loadNewsroom } from "../src/build/build.ts";
import { ImageManifest } from "../src/images/manifest.ts";
import { FIXTURES, isolateImageCache, listPages, makeSite, readPage, removeSite, runBuildCli, type FixtureSite } from "./helpers/site.ts";

let site: FixtureSite;
let firstRun: Awaited<ReturnType<typeof runBuildCli>>;
/** This site's own image cache, cold at first: these tests count what a build encodes. */
let imageDir = "";

beforeAll(async () => {
  site = await makeSite();
  imageDir = await isolateImageCache(site);
  firstRun = await runBuildCli(site);
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
    // Photos come in three formats; the site icons (tests/icons.test.ts) are PNGs beside them.
    const photos = (await fs.readdir(path.join(site.outputDir, "img"))).filter((name) => !/-icon-\d+\.png$/.test(name));
    const formats = new Set(photos.map((name) => path.extname(name)));
    expect([...formats].sort()).toEqual([".avif", ".jpeg", ".webp"]);
  });

  it("keeps the lead photo's aspect ratio in width and height", async () => {
    const $ = await readPage(site, "/2026/03/05/harbour-vote/");
    const img = $(".figure--lead img");
    expect(Number(img.attr("width")) / Number(img.attr("height"))).toBeCloseTo(1000 / 625, 2);
  });

  it("encodes nothing on a second build with the same photos, even into a fresh output folder", async () => {
    expect(firstRun.stdout).toMatch(/images: [1-9]\d* encoded/);
    const before = await snapshotCache(imageDir);
    await fs.rm(site.outputDir, { recursive: true });
    const second = await runBuildCli(site);
    expect(second.status, second.output).toBe(0);
    expect(second.stdout).toMatch(/images: 0 encoded, [1-9]\d* reused/);
    expect(await snapshotCache(imageDir)).toEqual(before);
    const published = await fs.readdir(path.join(site.outputDir, "img"));
    expect(published.length).toBeGreaterThan(0);
    expect(published.every((name) => before.has(name))).toBe(true);
  });

  it("publishes only the image files the site uses", async () => {
    await fs.writeFile(path.join(imageDir, "stale-000.jpeg"), "old");
    const run = await runBuildCli(site);
    expect(run.status, run.output).toBe(0);
    expect(await fs.readdir(path.join(site.outputDir, "img"))).not.toContain("stale-000.jpeg");
  });
});

describe("a stopped image pipeline", () => {
  it("starts no encode once stopped (a failed build leaves nothing writing into the cache)", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "dateline-stopped-"));
    try {
      const images = new ImagePipeline({ cacheDir: dir, urlPath: "/img/" });
      const photo = images.process(path.join(FIXTURES, "base/articles/2026/harbour.jpg"), [320, 640]);
      await images.stop();
      await expect(photo).rejects.toThrow(/the build has stopped/);
      expect(await fs.readdir(dir)).toEqual([]);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it("returns from stop only once the encodes already running have finished", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "dateline-stopped-"));
    try {
      const images = new ImagePipeline({ cacheDir: dir, urlPath: "/img/" });
      // A share card whose drawing waits for the test: an encode caught running when the build stops.
      let started!: () => void;
      const drawing = new Promise<void>((resolve) => (started = resolve));
      let finishDrawing!: () => void;
      const gate = new Promise<void>((resolve) => (finishDrawing = resolve));
      const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="63"><rect width="120" height="63" fill="#123"/></svg>';
      const card = images.shareCard({ key: { test: "stop" }, draw: async () => (started(), await gate, svg) });
      await drawing;
      let stopped = false;
      const stopping = images.stop().then(() => (stopped = true));
      // Every callback queued so far runs first: had stop not waited for the encode, it would be done.
      await new Promise((resolve) => setImmediate(resolve));
      expect(stopped).toBe(false);
      finishDrawing();
      await stopping;
      // The card the build had started is whole, under its final name, and nothing else was written.
      const files = await fs.readdir(dir);
      expect(files).toEqual([expect.stringMatching(/-card\.jpeg$/)]);
      expect((await card).url).toBe(`/img/${files[0]}`);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

// The cache's manifest, in-process so the pipeline's counters can be read: a warm build only
// `stat`s its photos, the same content under two names is encoded once, an edited photo gets new
// files, and a broken manifest or a missing cached file costs work, never a wrong page.
describe("image cache manifest", () => {
  let cached: FixtureSite;
  /** This test's own image cache: it counts what a cold one encodes. */
  let imageDir = "";
  const build = async (target: FixtureSite) => {
    await fs.rm(target.outputDir, { recursive: true, force: true });
    // Load and render as every command does, with the site's own image cache.
    const { newsroom, images } = await loadNewsroom({ input: target.contentDir, cacheDir: target.cacheDir, now: new Date(), preview: false });
    await images.copyUsed(target.outputDir);
    const photo = (id: string) => newsroom.articles.find((article) => article.id.endsWith(id))?.photo;
    return { stats: images.getStats(), photo };
  };
  const urls = (photo: Awaited<ReturnType<typeof build>>["photo"] extends (id: string) => infer P ? P : never) =>
    photo ? [...photo.image.sources.flatMap((source) => source.variants.map((variant) => variant.url)), ...Object.values(photo.crops).map((crop) => crop.url)] : [];
  const cachedImages = async () => (await fs.readdir(imageDir)).filter((name) => name !== "manifest.json").sort();

  beforeAll(async () => {
    cached = await makeSite();
    imageDir = await isolateImageCache(cached);
    // The same photo under a second name, as newsrooms reuse file photos.
    const article = await fs.readFile(path.join(cached.contentDir, "articles/2026/harbour-vote.md"), "utf8");
    await fs.copyFile(path.join(cached.contentDir, "articles/2026/harbour.jpg"), path.join(cached.contentDir, "articles/2026/harbour-copy.jpg"));
    await fs.writeFile(
      path.join(cached.contentDir, "articles/2026/harbour-again.md"),
      article.replace("headline: Council backs harbour plan after long night", "headline: Harbour plan, the morning after").replace("photo: harbour.jpg", "photo: harbour-copy.jpg"),
    );
  });
  afterAll(() => removeSite(cached));

  it("encodes the same content under two paths once, and counts exactly the files it wrote", async () => {
    const cold = await build(cached);
    expect(cold.stats.encoded).toBeGreaterThan(0);
    expect(cold.stats.encoded).toBe((await cachedImages()).length);
    expect(urls(cold.photo("harbour-again.md"))).toEqual(urls(cold.photo("harbour-vote.md")));
    expect(urls(cold.photo("harbour-vote.md")).length).toBeGreaterThan(3);
  });

  it("reads no photo on a warm build and publishes hard links to the cached files", async () => {
    const cold = await build(cached);
    const warm = await build(cached);
    expect(warm.stats.encoded).toBe(0);
    expect(warm.stats.sourceReads).toBe(0);
    expect(warm.stats.manifestHits).toBeGreaterThan(0);
    expect(warm.stats.reused).toBe(cold.stats.encoded + cold.stats.reused);
    expect(urls(warm.photo("harbour-vote.md"))).toEqual(urls(cold.photo("harbour-vote.md")));
    const published = await fs.readdir(path.join(cached.outputDir, "img"));
    expect(published.length).toBeGreaterThan(0);
    for (const name of published) {
      const [output, cache] = await Promise.all([fs.stat(path.join(cached.outputDir, "img", name)), fs.stat(path.join(imageDir, name))]);
      expect(output.ino, name).toBe(cache.ino);
    }
  });

  it("re-encodes a photo edited in place under new names, leaving its old copy's files alone", async () => {
    const before = await build(cached);
    const file = path.join(cached.contentDir, "articles/2026/harbour.jpg");
    const published = path.join(cached.outputDir, "img", path.basename(before.photo("harbour-vote.md")?.image.fallback.url ?? ""));
    const publishedBytes = await fs.readFile(published);
    await sharp(await fs.readFile(file)).flop().jpeg({ quality: 80 }).toFile(`${file}.new`);
    await fs.rename(`${file}.new`, file);
    const later = new Date(Date.now() + 60_000);
    await fs.utimes(file, later, later);
    const after = await build(cached);
    expect(after.stats.encoded).toBeGreaterThan(0);
    const [oldUrls, newUrls] = [urls(before.photo("harbour-vote.md")), urls(after.photo("harbour-vote.md"))];
    expect(newUrls.filter((url) => oldUrls.includes(url))).toEqual([]);
    expect(urls(after.photo("harbour-again.md"))).toEqual(urls(before.photo("harbour-again.md")));
    // The cached file behind an earlier build's hard link was never rewritten.
    expect(await fs.readFile(path.join(imageDir, path.basename(published)))).toEqual(publishedBytes);
  });

  it("rebuilds a corrupt manifest without encoding, and re-encodes a cached file that went missing", async () => {
    const before = await build(cached);
    await fs.writeFile(path.join(imageDir, "manifest.json"), '{"version":1,"sources":');
    const corrupt = await build(cached);
    expect(corrupt.stats.encoded).toBe(0);
    expect(corrupt.stats.sourceReads).toBeGreaterThan(0);
    expect(urls(corrupt.photo("harbour-vote.md"))).toEqual(urls(before.photo("harbour-vote.md")));
    expect(JSON.parse(await fs.readFile(path.join(imageDir, "manifest.json"), "utf8"))).toMatchObject({ version: 2 });

    const lost = path.basename(before.photo("harbour-vote.md")?.image.fallback.url ?? "");
    await fs.rm(path.join(imageDir, lost));
    const repaired = await build(cached);
    expect(repaired.stats.encoded).toBeGreaterThan(0);
    expect(urls(repaired.photo("harbour-vote.md"))).toEqual(urls(before.photo("harbour-vote.md")));
    await fs.access(path.join(cached.outputDir, "img", lost));
    expect((await build(cached)).stats).toMatchObject({ encoded: 0, sourceReads: 0 });
  });
});

describe("image manifest file", () => {
  it("keeps what a build did not look at while the file is unchanged, and forgets deleted or edited files", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "dateline-manifest-"));
    try {
      const files = ["kept.jpg", "edited.jpg", "deleted.jpg"].map((name) => path.join(dir, name));
      for (const file of files) await fs.writeFile(file, file);
      const first = await ImageManifest.load(dir);
      for (const file of files) {
        const stat = await fs.stat(file);
        first.setSource(file, { size: stat.size, mtimeMs: stat.mtimeMs, hash: path.basename(file), info: { format: "jpeg", width: 1, height: 1 } });
      }
      await first.save();
      const [kept, edited, deleted] = files as [string, string, string];
      await fs.writeFile(edited, "longer content now");
      await fs.rm(deleted);
      // A build that looks at nothing (a live-preview reload of one article without photos).
      await (await ImageManifest.load(dir)).save();
      const saved = JSON.parse(await fs.readFile(path.join(dir, "manifest.json"), "utf8")) as { sources: Record<string, unknown> };
      expect(Object.keys(saved.sources)).toEqual([kept]);
      const stat = await fs.stat(kept);
      expect((await ImageManifest.load(dir)).source(kept, stat)?.hash).toBe("kept.jpg");
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
