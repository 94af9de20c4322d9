// src/build/write.ts: Eleventy renders the plan's pages in runs bounded by the stories they print in
// full, so a run of feeds (twenty whole stories each) holds no more than a run of article pages.
import { describe, expect, it } from "vitest";
import { bodiesDoneAfter, pageWeight, runsOf } from "../../src/build/write.ts";

const pageOf = (name: string, stories = 0) => ({ name, spec: stories > 0 ? { bodies: Array.from({ length: stories }, (_, i) => ({ id: `${name}-${i}` })) } : {} });

describe("pageWeight", () => {
  it("weighs a page by the stories it prints whole, and any page at least one", () => {
    expect(pageWeight({})).toBe(1);
    expect(pageWeight({ bodies: [] })).toBe(1);
    expect(pageWeight({ bodies: [{ id: "a" }] })).toBe(1);
    expect(pageWeight({ bodies: Array.from({ length: 20 }, (_, i) => ({ id: String(i) })) })).toBe(20);
  });
});

describe("runsOf", () => {
  it("keeps the pages' order and cuts runs at the weight, counting a feed's stories", () => {
    const pages = [pageOf("a1", 1), pageOf("a2", 1), pageOf("front"), pageOf("feed1", 3), pageOf("feed2", 3), pageOf("robots")];
    const runs = runsOf(pages, 4);
    expect(runs.map((run) => run.map((page) => page.name))).toEqual([["a1", "a2", "front"], ["feed1"], ["feed2", "robots"]]);
    expect(runs.flat()).toEqual(pages);
  });

  it("gives a page heavier than a run a run of its own, and makes no empty runs", () => {
    const runs = runsOf([pageOf("small"), pageOf("huge", 50), pageOf("after")], 10);
    expect(runs.map((run) => run.map((page) => page.name))).toEqual([["small"], ["huge"], ["after"]]);
    expect(runsOf([], 10)).toEqual([]);
  });

  it("fills every run but the last to the weight when pages weigh one", () => {
    const pages = Array.from({ length: 2501 }, (_, i) => pageOf(`p${i}`));
    expect(runsOf(pages, 1000).map((run) => run.length)).toEqual([1000, 1000, 501]);
  });
});

describe("bodiesDoneAfter", () => {
  it("keeps a story's body for the next run that prints it too, forgets it otherwise, and every body by the end", () => {
    const shows = (...ids: string[]) => ({ spec: { bodies: ids.map((id) => ({ id })) } });
    const runs = [[shows("a"), shows("b")], [{ spec: {} }, shows("c")], [shows("a", "c"), shows("c", "d")]];
    const done = bodiesDoneAfter(runs);
    // "a" is printed in runs 1 and 3: forgotten after run 1, rendered again for run 3.
    expect(done.map((ids) => ids.map((body) => body.id).sort())).toEqual([["a", "b"], [], ["a", "c", "d"]]);
    expect(bodiesDoneAfter([])).toEqual([]);
  });
});
