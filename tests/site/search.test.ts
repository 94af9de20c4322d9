// src/site/search.ts: the search index's shards are whole periods, newest first, split only where a
// period holds more than the indexer should hold at once; an edit changes one shard.
import { describe, expect, it } from "vitest";
import { planSearchShards } from "../../src/site/search.ts";
import { parseMoment } from "../../src/dates.ts";
import type { Teaser } from "../../src/content/types.ts";

const at = (day: string, n = 0) => ({ path: `/${day}/${n}/`, published: parseMoment(day, "UTC") }) as Teaser;
const days = (month: string, count: number) => Array.from({ length: count }, (_, i) => at(`${month}-${String((i % 28) + 1).padStart(2, "0")}`, i)).reverse();

describe("planSearchShards", () => {
  it("makes one shard per year while years are small, newest first", () => {
    const shards = planSearchShards([...days("2026-02", 3), ...days("2025-07", 2)], 10);
    expect(shards.map((shard) => [shard.id, shard.teasers.length])).toEqual([["2026", 3], ["2025", 2]]);
  });

  it("splits a busy year into quarters, a busy quarter into months, a busy month into runs counted from its oldest story", () => {
    const busy = [...days("2026-11", 7), ...days("2026-10", 2), ...days("2026-05", 2), ...days("2025-01", 1)];
    const shards = planSearchShards(busy, 4);
    expect(shards.map((shard) => [shard.id, shard.teasers.length])).toEqual([
      ["2026-11-2", 3],
      ["2026-11-1", 4],
      ["2026-10", 2],
      ["2026-q2", 2],
      ["2025", 1],
    ]);
  });

  it("has one empty shard for a site without articles, so the search page always works", () => {
    expect(planSearchShards([])).toEqual([{ id: "none", teasers: [] }]);
  });
});
