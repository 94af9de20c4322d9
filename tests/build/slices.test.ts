// src/build/slices.ts: how a site is cut into slices and how a merge checks them. A slice holds whole
// search shards with their article pages, balanced by work (articles and their photos), and a share
// of the other pages by their path; the same on every runner. A merge accepts only every slice of
// one build, of its own code and content.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { articleWork, assignSlices, checkSlices, contentDigest, imageSlice, parseSlice, planSlice, sliceSearch, SliceError, type SliceManifest, type SliceWork } from "../../src/build/slices.ts";
import { planBuild, planSearch } from "../../src/build/plan.ts";
import { buildId } from "../../src/build/apply.ts";
import { page } from "../../src/site/page.ts";
import { withDigest } from "../../src/build/digest.ts";
import type { Teaser } from "../../src/content/types.ts";

const shell = withDigest({ site: "A" });
/** Each article page as much work as any other page (2 units, as src/build/slices.ts weighs a page), no images. */
const pagesOnly: SliceWork = { article: () => 2, images: () => 0 };
const teaser = (path: string) => ({ path }) as Teaser;
const article = (path: string) => page("article", path, { shell, article: withDigest({ headline: path }) }, () => path);

/** Shards named by year with `sizes[i]` articles each, a front page and `others` tag pages. */
function site(sizes: number[], others = 0) {
  const shards = sizes.map((size, i) => ({ id: String(2026 - i), teasers: Array.from({ length: size }, (_, n) => teaser(`/${2026 - i}/${n}/`)) }));
  const tags = Array.from({ length: others }, (_, n) => page("tag", `/tags/t${n}/`, { text: String(n) }, () => String(n)));
  return { pages: [...shards.flatMap((shard) => shard.teasers.map((item) => article(item.path))), page("front", "/", { text: "front" }, () => "front"), ...tags], shards };
}

describe("parseSlice", () => {
  it("reads K/N", () => {
    expect(parseSlice("2/4")).toEqual({ index: 2, count: 4 });
    expect(parseSlice("1/1")).toEqual({ index: 1, count: 1 });
  });
  it.each(["0/3", "4/3", "2", "a/b", "1/0", "-1/2", "1/2/3", ""])("refuses %j", (text) => {
    expect(() => parseSlice(text)).toThrow(SliceError);
    expect(() => parseSlice(text)).toThrow("is not K/N with 1 ≤ K ≤ N");
  });
});

describe("assignSlices", () => {
  it("puts the heaviest shards first into the lightest slice, so the slices' work is close", () => {
    const plan = planBuild(site([100, 90, 60, 50, 40, 30, 20, 10]), { code: "c" });
    const assigned = assignSlices(plan.shards, [0, 0, 0], (planned) => planned.shard.teasers.length);
    const loads = [0, 0, 0];
    for (const planned of plan.shards) {
      const slice = assigned.get(planned.shard.id) ?? 0;
      loads[slice] = (loads[slice] ?? 0) + planned.shard.teasers.length;
    }
    expect(loads.reduce((a, b) => a + b, 0)).toBe(400);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(10);
  });

  it("deals a story's images apart from its page: a year of share cards is drawn by every slice, and the slices' work stays even", () => {
    // The newest stories without a photo all have a card, and they share a shard: with the images
    // counted in their shard, one slice drew every card (~12 s longer at 100,000 stories).
    const plan = planBuild(site([400, 400, 400, 400], 2000), { code: "c" });
    const work: SliceWork = { article: () => 2, images: (path) => (path.startsWith("/2026/") ? 13 : 0) };
    const slices = [1, 2, 3, 4].map((index) => planSlice(plan, { index, count: 4 }, work));
    const cards = slices.map((slice) => slice.images.size);
    expect(cards.reduce((a, b) => a + b, 0)).toBe(400);
    expect(Math.min(...cards)).toBeGreaterThan(60);
    // Each story's images in exactly one slice: the one its path hashes to, wherever its page is.
    slices.forEach((slice, i) => {
      for (const sitePath of slice.images) expect(imageSlice(sitePath, 4)).toBe(i);
    });
    const loads = slices.map((slice) => 2 * slice.plan.pages.length + 13 * slice.images.size);
    expect(loads.reduce((a, b) => a + b, 0)).toBe(2 * (1600 + 2001) + 13 * 400);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(13);
  });

  it("is the same for the same content, and every shard and article page lands in exactly one slice", () => {
    const plan = planBuild(site([7, 3, 9, 1, 4]), { code: "c" });
    const slices = [1, 2, 3].map((index) => planSlice(plan, { index, count: 3 }, pagesOnly));
    expect(slices.map((slice) => slice.manifest)).toEqual([1, 2, 3].map((index) => planSlice(planBuild(site([7, 3, 9, 1, 4]), { code: "c" }), { index, count: 3 }, pagesOnly).manifest));
    const pages = slices.flatMap((slice) => slice.plan.pages.map((planned) => planned.spec.path));
    expect(pages.sort()).toEqual(plan.pages.map((planned) => planned.spec.path).sort());
    // An article page goes with its search shard.
    for (const slice of slices) {
      const articles = slice.plan.pages.filter((planned) => planned.spec.kind === "article").map((planned) => planned.spec.path);
      expect(articles.sort()).toEqual(slice.plan.shards.flatMap((planned) => planned.shard.teasers.map((item) => item.path)).sort());
    }
    expect(slices.flatMap((slice) => slice.plan.shards).length).toBe(5);
    // More slices than shards: the extra slices hold no shard, not an error, and all seven still hold every page.
    const seven = [1, 2, 3, 4, 5, 6, 7].map((index) => planSlice(plan, { index, count: 7 }, pagesOnly).plan);
    expect(seven.filter((part) => part.shards.length === 0).length).toBe(2);
    expect(seven.flatMap((part) => part.pages).length).toBe(plan.pages.length);
  });
});

describe("articleWork", () => {
  it("weighs a story's page alike, and its images by the photos it shows and its share card: the newest photo-less stories are not free", () => {
    const none = { figures: [], galleries: [], embeds: [] };
    const photo = { file: "harbour.jpg" } as unknown as NonNullable<Parameters<typeof articleWork>[0][number]["photo"]>;
    const work = articleWork(
      [{ path: "/brief/", ...none }, { path: "/carded/", ...none }, { path: "/photo/", photo, ...none }],
      [{ path: "/brief/" }, { path: "/carded/", card: { src: "/img/x-card.jpeg", width: 1200, height: 630 } as never }, { path: "/photo/" }],
    );
    expect(work.images("/brief/")).toBe(0);
    expect(work.images("/brief/")).toBeLessThan(work.images("/carded/"));
    expect(work.images("/carded/")).toBeLessThan(work.images("/photo/"));
    expect(work.images("/unknown/")).toBe(0);
    expect(new Set(["/brief/", "/carded/", "/photo/", "/unknown/"].map((path) => work.article(path))).size).toBe(1);
  });
});

describe("sliceSearch", () => {
  it("gives each slice the shards planSlice gives it, from the search plan alone (a slice indexes them before it plans its pages)", () => {
    const built = site([40, 12, 33, 5, 27, 18]);
    const plan = planBuild(built, { code: "c" });
    const search = planSearch(built.shards, () => [shell], { code: "c" });
    const work: SliceWork = { article: () => 2, images: (path) => (path.startsWith("/2024/") || path === "/2021/3/" ? 100 : 0) };
    for (const count of [1, 2, 3, 5]) {
      for (let index = 1; index <= count; index++) {
        const early = sliceSearch(search, { index, count }, work).shards.map((planned) => planned.shard.id);
        expect(early).toEqual(planSlice(plan, { index, count }, work).plan.shards.map((planned) => planned.shard.id));
      }
    }
  });
});

describe("planSlice", () => {
  it("deals the other pages out to even the slices' work (a listing takes as long as an article page, rendered and indexed)", () => {
    const plan = planBuild(site([100, 90, 60, 50], 400), { code: "c" });
    const work = [1, 2, 3, 4].map((index) => planSlice(plan, { index, count: 4 }, pagesOnly).plan.pages.length);
    expect(work.reduce((a, b) => a + b, 0)).toBe(300 + 401);
    expect(Math.max(...work) - Math.min(...work)).toBeLessThanOrEqual(1);
  });

  it("keeps nearly every other page in its slice when a publish adds pages", () => {
    const before = planBuild(site([100, 90, 60, 50], 400), { code: "c" });
    const after = planBuild(site([103, 90, 60, 50], 404), { code: "c" });
    const slices = (plan: typeof before) => new Map([1, 2, 3, 4].flatMap((index) => planSlice(plan, { index, count: 4 }, pagesOnly).plan.pages.map((planned) => [planned.spec.path, index] as const)));
    const [was, is] = [slices(before), slices(after)];
    const moved = [...was].filter(([sitePath, index]) => sitePath.startsWith("/tags/") && is.get(sitePath) !== index);
    expect(moved.length).toBeLessThanOrEqual(20);
  });
});

describe("checkSlices", () => {
  const plan = planBuild(site([3, 2, 2]), { code: "c" });
  const build = buildId(plan.record);
  const here = { code: "code", content: "content" };
  const manifests = (count: number, changes: Partial<SliceManifest> = {}) =>
    new Map(Array.from({ length: count }, (_, i): [string, SliceManifest] => [`s${i + 1}`, { ...planSlice(plan, { index: i + 1, count }, pagesOnly).manifest, build, ...here, ...changes }]));

  it("accepts every slice of one build of this code and content, and returns the build's record", () => {
    const record = checkSlices(manifests(3), here);
    expect(buildId(record)).toBe(build);
    expect(record.pages.size).toBe(plan.pages.length);
  });

  it("refuses a missing slice, a slice given twice, mixed counts", () => {
    const two = manifests(3);
    two.delete("s2");
    expect(() => checkSlices(two, here)).toThrow("--merge: slice 2 of 3 is missing");
    const twice = manifests(2);
    twice.set("again", twice.get("s1") as SliceManifest);
    expect(() => checkSlices(twice, here)).toThrow("--merge: a slice of 2 is given twice");
    const mixed = manifests(2);
    mixed.set("s3", manifests(3).get("s3") as SliceManifest);
    expect(() => checkSlices(mixed, here)).toThrow("--merge: s3 is slice 3 of 3, the others are of 2");
    expect(() => checkSlices(new Map(), here)).toThrow("--merge needs the folders of every slice");
  });

  it("refuses slices of other code, other content, another build, or a part of the build", () => {
    expect(() => checkSlices(manifests(2, { code: "old" }), here)).toThrow("--merge: s1 (slice 1/2) was built by another version of Dateline than this merge");
    expect(() => checkSlices(manifests(2, { content: "edited" }), here)).toThrow("--merge: s1 (slice 1/2) was built from other content than this merge's content folder");
    // The merge checks the rest first and the content once it has hashed the folder (while it links).
    expect(checkSlices(manifests(2, { content: "edited" }), { code: here.code }).pages.size).toBeGreaterThan(0);
    const other = manifests(2);
    other.set("s2", { ...(other.get("s2") as SliceManifest), build: "another" });
    expect(() => checkSlices(other, here)).toThrow("--merge: s2 (slice 2/2) is a slice of another build than slice 1/2");
    const part = manifests(2);
    const second = part.get("s2") as SliceManifest;
    part.set("s2", { ...second, pages: second.pages.slice(1) });
    expect(() => checkSlices(part, here)).toThrow("--merge: the slices do not hold the whole build between them");
  });
});

describe("contentDigest", () => {
  it("hashes the content folder's files by path and bytes, and names a link without reading through it (out of the folder, or round a loop)", async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), "dateline-digest-"));
    try {
      const content = path.join(root, "content");
      const outside = path.join(root, "outside");
      await fs.mkdir(path.join(content, "articles"), { recursive: true });
      await fs.mkdir(outside);
      await fs.writeFile(path.join(content, "articles/a.md"), "one");
      await fs.writeFile(path.join(outside, "secret.md"), "kept out");
      await fs.symlink(outside, path.join(content, "elsewhere"));
      await fs.symlink(content, path.join(content, "articles/loop"));
      const first = await contentDigest(content);
      // What lies outside is never read: changing it changes nothing.
      await fs.writeFile(path.join(outside, "secret.md"), "changed");
      expect(await contentDigest(content)).toBe(first);
      // A file of the folder does.
      await fs.writeFile(path.join(content, "articles/a.md"), "two");
      expect(await contentDigest(content)).not.toBe(first);
    } finally {
      await fs.rm(root, { recursive: true, force: true });
    }
  });
});
