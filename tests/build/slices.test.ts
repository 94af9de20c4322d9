// src/build/slices.ts: how an archive is cut into slices and how a merge checks them. Slices are
// whole search shards, balanced by work (articles and their photos), the same on every runner; a
// merge accepts only every slice of exactly its own build.
import { describe, expect, it } from "vitest";
import { assignSlices, checkSlices, parseSlice, planSlice, SliceError, type SliceManifest } from "../../src/build/slices.ts";
import { planBuild } from "../../src/build/plan.ts";
import { buildId } from "../../src/build/apply.ts";
import { page } from "../../src/site/page.ts";
import { withDigest } from "../../src/build/digest.ts";
import type { Teaser } from "../../src/content/types.ts";

const shell = withDigest({ site: "A" });
const teaser = (path: string) => ({ path }) as Teaser;
const article = (path: string) => page("article", path, { shell, article: withDigest({ headline: path }) }, () => path);

/** Shards named by year with `sizes[i]` articles each, and a front page. */
function site(sizes: number[]) {
  const shards = sizes.map((size, i) => ({ id: String(2026 - i), teasers: Array.from({ length: size }, (_, n) => teaser(`/${2026 - i}/${n}/`)) }));
  return { pages: [...shards.flatMap((shard) => shard.teasers.map((item) => article(item.path))), page("front", "/", { text: "front" }, () => "front")], shards };
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
    const assigned = assignSlices(plan.shards, 3, (planned) => planned.shard.teasers.length);
    const loads = [0, 0, 0];
    for (const planned of plan.shards) {
      const slice = assigned.get(planned.shard.id) ?? 0;
      loads[slice] = (loads[slice] ?? 0) + planned.shard.teasers.length;
    }
    expect(loads.reduce((a, b) => a + b, 0)).toBe(400);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(10);
  });

  it("counts photos as work: a year of photo stories weighs more than a year of briefs", () => {
    const plan = planBuild(site([50, 50, 50]), { code: "c" });
    const photos = (path: string) => (path.startsWith("/2026/") ? ["a.jpg", "b.jpg", "c.jpg"] : []);
    const first = planSlice(plan, { index: 1, count: 2 }, photos);
    const second = planSlice(plan, { index: 2, count: 2 }, photos);
    expect(first.plan.shards.map((planned) => planned.shard.id)).toEqual(["2026"]);
    expect(second.plan.shards.map((planned) => planned.shard.id)).toEqual(["2025", "2024"]);
  });

  it("is the same for the same content, and every shard and article page lands in exactly one slice", () => {
    const plan = planBuild(site([7, 3, 9, 1, 4]), { code: "c" });
    const slices = [1, 2, 3].map((index) => planSlice(plan, { index, count: 3 }, () => []));
    expect(slices.map((slice) => slice.manifest)).toEqual([1, 2, 3].map((index) => planSlice(planBuild(site([7, 3, 9, 1, 4]), { code: "c" }), { index, count: 3 }, () => []).manifest));
    const pages = slices.flatMap((slice) => slice.plan.pages.map((planned) => planned.spec.path));
    expect(pages.sort()).toEqual(plan.pages.filter((planned) => planned.spec.kind === "article").map((planned) => planned.spec.path).sort());
    expect(slices.flatMap((slice) => slice.plan.shards).length).toBe(5);
    // More slices than shards: the extra slices are empty, not an error.
    expect(planSlice(plan, { index: 7, count: 7 }, () => []).plan.pages.length).toBeGreaterThanOrEqual(0);
  });
});

describe("checkSlices", () => {
  const plan = planBuild(site([3, 2, 2]), { code: "c" });
  const id = buildId(plan.record);
  const manifests = (count: number, build = id) => new Map([...Array.from({ length: count }, (_, i) => [`s${i + 1}`, { ...planSlice(plan, { index: i + 1, count }, () => []).manifest, build }] as [string, SliceManifest])]);

  it("accepts every slice of its own build", () => {
    expect(() => checkSlices(manifests(3), plan, id)).not.toThrow();
  });
  it("refuses a missing slice, a slice given twice, mixed counts, another build", () => {
    const two = manifests(3);
    two.delete("s2");
    expect(() => checkSlices(two, plan, id)).toThrow("--merge: slice 2 of 3 is missing");
    const twice = manifests(2);
    twice.set("again", twice.get("s1") as SliceManifest);
    expect(() => checkSlices(twice, plan, id)).toThrow("--merge: a slice of 2 is given twice");
    const mixed = manifests(2);
    mixed.set("s3", { ...(manifests(3).get("s3") as SliceManifest) });
    expect(() => checkSlices(mixed, plan, id)).toThrow("--merge: s3 is slice 3 of 3, the others are of 2");
    expect(() => checkSlices(manifests(2, "other"), plan, id)).toThrow("--merge: s1 (slice 1/2) was built from other content, code or time than this merge");
    expect(() => checkSlices(new Map(), plan, id)).toThrow("--merge needs the folders of every slice");
  });
});
