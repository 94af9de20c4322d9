// src/build/plan.ts: the plan is an explicit value. Without a previous build everything is new; with
// one, a page is rendered only when its fingerprint changed (or its stored copy is gone); removed
// pages are named; a shard is indexed only when what it indexes changed.
import { describe, expect, it } from "vitest";
import { describeRendered, DuplicateOutputError, planBuild } from "../../src/build/plan.ts";
import { page } from "../../src/site/page.ts";
import { withDigest } from "../../src/build/digest.ts";
import type { Teaser } from "../../src/content/types.ts";

const render = ({ text }: { text: string }) => text;
const shell = withDigest({ site: "A" });
const teaser = (path: string) => ({ path }) as Teaser;
const article = (path: string, headline: string, related: string) =>
  page("article", path, { shell, article: withDigest({ headline }), related: [related] }, ({ article }) => String(article.headline));

function site(headline = "One", related = "x", front = "front") {
  return {
    pages: [article("/a/", headline, related), article("/b/", "Two", related), page("front", "/", { text: front }, render)],
    shards: [{ id: "2026", teasers: [teaser("/a/"), teaser("/b/")] }],
  };
}

describe("planBuild", () => {
  it("renders every page as new without a previous build, and records every fingerprint", () => {
    const plan = planBuild(site(), { code: "c1" });
    expect(plan.pages.map((planned) => [planned.spec.path, planned.render, planned.reason])).toEqual([["/a/", true, "new"], ["/b/", true, "new"], ["/", true, "new"]]);
    expect([...plan.record.pages.keys()]).toEqual(["/a/", "/b/", "/"]);
    expect(plan.shards.map((planned) => [planned.shard.id, planned.index, planned.reason])).toEqual([["2026", true, "new"]]);
    expect(plan.removed).toEqual([]);
  });

  it("reuses what did not change and renders what did, for the reason it did", () => {
    const previous = planBuild(site(), { code: "c1" }).record;
    const same = planBuild(site(), { code: "c1", previous });
    expect(same.pages.every((planned) => !planned.render && planned.reason === "unchanged")).toBe(true);
    expect(same.shards.every((planned) => !planned.index)).toBe(true);
    const edited = planBuild(site("One, edited", "x", "front 2"), { code: "c1", previous });
    expect(edited.pages.map((planned) => [planned.spec.path, planned.reason])).toEqual([["/a/", "changed"], ["/b/", "unchanged"], ["/", "changed"]]);
    expect(edited.shards[0]?.index).toBe(true);
    expect(describeRendered(edited)).toEqual(["1 article (changed)", "1 front (changed)"]);
  });

  it("re-indexes no shard when only what the index ignores changed (the related stories)", () => {
    const previous = planBuild(site(), { code: "c1" }).record;
    const plan = planBuild(site("One", "y"), { code: "c1", previous });
    expect(plan.pages.filter((planned) => planned.render).map((planned) => planned.spec.path)).toEqual(["/a/", "/b/"]);
    expect(plan.shards[0]?.index).toBe(false);
  });

  it("renders a page again whose stored copy is gone, and names pages the new build no longer has", () => {
    const first = planBuild(site(), { code: "c1" });
    const stored = new Set([...first.record.pages.values()].filter((_, index) => index !== 1));
    const plan = planBuild({ ...site(), pages: site().pages.slice(0, 2) }, { code: "c1", previous: first.record, stored: (fingerprint) => stored.has(fingerprint) });
    expect(plan.pages.map((planned) => planned.reason)).toEqual(["unchanged", "not stored"]);
    expect(plan.removed).toEqual(["/"]);
  });

  it("renders everything again for another version of the code", () => {
    const previous = planBuild(site(), { code: "c1" }).record;
    const plan = planBuild(site(), { code: "c2", previous });
    expect(plan.pages.every((planned) => planned.render)).toBe(true);
    expect(plan.shards.every((planned) => planned.index)).toBe(true);
  });

  it("refuses two pages at one path", () => {
    const twice = { pages: [page("front", "/", { text: "a" }, render), page("tag", "/", { text: "b" }, render)], shards: [] };
    expect(() => planBuild(twice, { code: "c1" })).toThrow(DuplicateOutputError);
  });
});
