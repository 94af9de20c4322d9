// src/build/plan.ts: the plan is an explicit value. Without a previous build everything is new; with
// one, a page is rendered only when its fingerprint changed (or its stored copy is gone); removed
// pages are named; a shard is indexed only when what it indexes changed.
import { describe, expect, it } from "vitest";
import { describeRendered, DuplicateOutputError, planBuild, planSearch } from "../../src/build/plan.ts";
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
    expect(edited.pages.map((planned) => planned.changed)).toEqual([["article"], undefined, ["text"]]);
    expect(describeRendered(edited)).toEqual(["1 article (article changed)", "1 front (text changed)"]);
  });

  it("says which inputs of a page changed: its story, its related list, the site's shell, several, or the code", () => {
    const previous = planBuild(site(), { code: "c1" }).record;
    expect(describeRendered(planBuild(site("One", "y"), { code: "c1", previous }))).toEqual(["2 articles (related changed)"]);
    expect(describeRendered(planBuild(site("One, edited", "y"), { code: "c1", previous }))).toEqual(["2 articles (1 article and related changed, 1 related changed)"]);
    const otherShell = { ...site(), pages: [page("article", "/a/", { shell: withDigest({ site: "B" }), article: withDigest({ headline: "One" }), related: ["x"] }, ({ article }) => String(article.headline))], shards: [{ id: "2026", teasers: [teaser("/a/")] }] };
    expect(describeRendered(planBuild(otherShell, { code: "c1", previous }))).toEqual(["1 article (site changed)"]);
    expect(describeRendered(planBuild(site(), { code: "c2", previous }))).toEqual(["2 articles (code changed)", "1 front (code changed)"]);
    // A record kept by a build before inputs were recorded: the reason alone.
    const { inputs: _dropped, ...older } = previous;
    expect(describeRendered(planBuild(site("One, edited"), { code: "c1", previous: older }))).toEqual(["1 article (changed)"]);
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

  it("names each search document by what it is made from, so a related list's change keeps it", () => {
    const first = planBuild(site(), { code: "c1" });
    const related = planBuild(site("One", "y"), { code: "c1", previous: first.record });
    const edited = planBuild(site("One, edited"), { code: "c1", previous: first.record });
    const keys = (plan: typeof first) => ["/a/", "/b/"].map((path) => plan.documents.get(path)?.key);
    expect(keys(related)).toEqual(keys(first));
    expect(keys(edited)[0]).not.toBe(keys(first)[0]);
    expect(keys(edited)[1]).toBe(keys(first)[1]);
    expect(new Set(keys(first)).size).toBe(2);
  });

  it("renders an unchanged article page again whose search document is gone, and re-indexes nothing for it", () => {
    const first = planBuild(site(), { code: "c1" });
    const missing = first.documents.get("/b/")?.key;
    const plan = planBuild(site(), { code: "c1", previous: first.record, storedDocument: (key) => key !== missing });
    expect(plan.pages.map((planned) => [planned.spec.path, planned.reason])).toEqual([["/a/", "unchanged"], ["/b/", "not stored"], ["/", "unchanged"]]);
    expect(plan.documents.get("/b/")?.stored).toBe(false);
    expect(plan.shards[0]?.index).toBe(false);
  });

  it("plans search alike from the articles before the pages and from the article pages", () => {
    const previous = planBuild(site(), { code: "c1" }).record;
    const pages = site("One, edited");
    const inputs = new Map(pages.pages.filter((spec) => spec.kind === "article").map((spec) => [spec.path, spec.inputs as { shell: object; article: object }]));
    const early = planSearch(pages.shards, (path) => {
      const found = inputs.get(path);
      return found && [found.shell, found.article];
    }, { code: "c1", previous });
    const plan = planBuild(pages, { code: "c1", previous, search: early });
    expect(plan.shards).toBe(early.shards);
    expect(planBuild(pages, { code: "c1", previous }).shards.map((planned) => [planned.fingerprint, planned.index])).toEqual(early.shards.map((planned) => [planned.fingerprint, planned.index]));
    expect([...planBuild(pages, { code: "c1", previous }).documents]).toEqual([...early.documents]);
  });

  it("renders everything again for another version of the code", () => {
    const previous = planBuild(site(), { code: "c1" }).record;
    const plan = planBuild(site(), { code: "c2", previous });
    expect(plan.pages.every((planned) => planned.render)).toBe(true);
    expect(plan.shards.every((planned) => planned.index)).toBe(true);
  });

  it("refuses a search shard that holds a story without an article page (a defect, not silently indexed)", () => {
    const orphan = { ...site(), shards: [{ id: "2026", teasers: [teaser("/a/"), teaser("/gone/")] }] };
    expect(() => planBuild(orphan, { code: "c1" })).toThrow("[plan] search shard 2026 holds /gone/, which has no article page");
  });

  it("counts what it renders by kind, in the plural once (two corrections pages, not correctionss)", () => {
    const pages = [page("corrections", "/corrections/", { text: "1" }, render), page("corrections", "/corrections/page/2/", { text: "2" }, render), page("feed", "/feed.xml", { text: "f" }, render), page("feed", "/feed.json", { text: "j" }, render)];
    expect(describeRendered(planBuild({ pages, shards: [] }, { code: "c1" }))).toEqual(["2 corrections (new)", "2 feeds (new)"]);
  });

  it("refuses two pages at one path", () => {
    const twice = { pages: [page("front", "/", { text: "a" }, render), page("tag", "/", { text: "b" }, render)], shards: [] };
    expect(() => planBuild(twice, { code: "c1" })).toThrow(DuplicateOutputError);
  });
});
