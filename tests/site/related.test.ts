// src/site/related.ts: related stories rank shared topics, then the section, then closeness in time,
// and look only at an article's neighbours in time: a new story changes the related lists of recent
// stories, never of the whole archive. A build keeps the ranking for the next, which reuses it only
// for the same stories.
import { describe, expect, it } from "vitest";
import { rankRelatedStories, relatedOf } from "../../src/site/related.ts";
import { parseMoment } from "../../src/dates.ts";
import type { Teaser } from "../../src/content/types.ts";
import { newestFirst, sections, teaser } from "../helpers/teasers.ts";

/** Every story's related stories, ranked anew. */
const relatedStories = (teasers: readonly Teaser[], limit?: number, window?: number) => relatedOf(teasers, rankRelatedStories(teasers, undefined, limit, window));

describe("rankRelatedStories", () => {
  it("ranks shared topics, then the same section, then closeness in time, never the article itself, at most `limit`", () => {
    const a = teaser("a", "2026-03-10", { tags: ["harbour", "ferry"] });
    const both = teaser("both", "2026-01-01", { tags: ["harbour", "ferry"], section: sections.sport });
    const near = teaser("near", "2026-03-11", { tags: ["harbour"] });
    const far = teaser("far", "2026-02-01", { tags: ["ferry"] });
    const sameSection = teaser("same-section", "2026-03-09");
    const unrelated = teaser("unrelated", "2026-03-10", { section: sections.sport });
    const related = relatedStories(newestFirst([a, both, near, far, sameSection, unrelated]), 4);
    expect(related.get(a)?.map((t) => t.id)).toEqual(["both", "near", "far", "same-section"]);
    expect(relatedStories(newestFirst([a, both, near]), 1).get(a)?.map((t) => t.id)).toEqual(["both"]);
    expect(related.get(unrelated)).toEqual([both]);
  });

  it("picks, of every candidate, the same four as ranking them all (random archives)", () => {
    let seed = 7;
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    for (let round = 0; round < 20; round++) {
      const archive = Array.from({ length: 60 }, (_, i) =>
        teaser(`r${i}`, "2024-01-01", {
          tags: ["harbour", "ferry", "council", "storm"].filter(() => random(3) === 0),
          section: random(2) ? sections.news : sections.sport,
          published: { ...parseMoment("2024-01-01", "UTC"), epoch: Date.UTC(2024, 0, 1) + random(40) * 86_400_000 },
        }),
      );
      // A window wider than the archive: every story is a candidate, ranked here independently.
      const related = relatedStories(newestFirst(archive), 4, 1000);
      for (const story of archive) {
        const expected = archive
          .filter((other) => other !== story)
          .map((other) => ({ other, shared: other.tags.filter((tag) => story.tags.includes(tag)).length, same: other.section === story.section ? 1 : 0, distance: Math.abs(other.published.epoch - story.published.epoch) }))
          .filter((candidate) => candidate.shared > 0 || candidate.same === 1)
          .sort((a, b) => b.shared - a.shared || b.same - a.same || a.distance - b.distance || b.other.published.epoch - a.other.published.epoch || a.other.path.localeCompare(b.other.path))
          .slice(0, 4)
          .map((candidate) => candidate.other.id);
        expect(related.get(story)?.map((t) => t.id), story.id).toEqual(expected);
      }
    }
  });

  it("takes as candidates exactly the neighbours within the window in each topic and the section (random archives)", () => {
    let seed = 11;
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const topics = ["harbour", "ferry", "council", "storm", "Harbour"];
    for (let round = 0; round < 10; round++) {
      const archive = newestFirst(
        Array.from({ length: 120 }, (_, i) =>
          teaser(`w${i}`, "2024-01-01", {
            tags: topics.filter(() => random(3) === 0),
            section: random(3) ? sections.news : sections.sport,
            published: { ...parseMoment("2024-01-01", "UTC"), epoch: Date.UTC(2024, 0, 1) + random(90) * 3_600_000 + i },
          }),
        ),
      );
      const window = 1 + random(6);
      const related = relatedStories(archive, 3, window);
      // Each topic's and section's stories oldest first, as the function keeps them: a story's
      // candidates are those within `window` places of it in any of its lists.
      const oldestFirst = [...archive].reverse();
      const slugs = (story: Teaser) => [...new Set(story.tags.map((tag) => tag.toLowerCase()))];
      const neighbours = (list: Teaser[], story: Teaser) => {
        const at = list.indexOf(story);
        return list.filter((other, i) => other !== story && Math.abs(i - at) <= window);
      };
      for (const story of archive) {
        const candidates = new Set([
          ...slugs(story).flatMap((slug) => neighbours(oldestFirst.filter((other) => slugs(other).includes(slug)), story)),
          ...neighbours(oldestFirst.filter((other) => other.section.slug === story.section.slug), story),
        ]);
        const expected = [...candidates]
          .map((other) => ({ other, shared: slugs(other).filter((slug) => slugs(story).includes(slug) && neighbours(oldestFirst.filter((item) => slugs(item).includes(slug)), story).includes(other)).length, same: other.section.slug === story.section.slug ? 1 : 0, distance: Math.abs(other.published.epoch - story.published.epoch) }))
          .filter((candidate) => candidate.shared > 0 || candidate.same === 1)
          .sort((a, b) => b.shared - a.shared || b.same - a.same || a.distance - b.distance || b.other.published.epoch - a.other.published.epoch || a.other.path.localeCompare(b.other.path))
          .slice(0, 3)
          .map((candidate) => candidate.other.id);
        expect(related.get(story)?.map((t) => t.id), `${story.id}, window ${window}`).toEqual(expected);
      }
    }
  });

  it("is local in time: a new story changes only the lists of its neighbours", () => {
    const archive = Array.from({ length: 400 }, (_, i) => teaser(`s${i}`, `2020-01-01T00:00:00Z`, { tags: ["harbour"], published: { ...parseMoment("2020-01-01", "UTC"), epoch: Date.UTC(2020, 0, 1) + i * 3_600_000 } }));
    const before = relatedStories(newestFirst(archive));
    // Published an hour after the newest story of the archive.
    const fresh = teaser("fresh", "2020-01-01", { tags: ["harbour"], published: { ...parseMoment("2020-01-01", "UTC"), epoch: Date.UTC(2020, 0, 1) + 400 * 3_600_000 } });
    const after = relatedStories(newestFirst([...archive, fresh]));
    const changed = archive.filter((item) => JSON.stringify(before.get(item)?.map((t) => t.id)) !== JSON.stringify(after.get(item)?.map((t) => t.id)));
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.length).toBeLessThanOrEqual(50);
    expect(changed.every((item) => Number(item.id.slice(1)) >= 350)).toBe(true);
  });
});

describe("rankRelatedStories: the ranking a build keeps for the next", () => {
  const archive = newestFirst(
    Array.from({ length: 60 }, (_, i) =>
      teaser(`s${i}`, `2026-01-${String((i % 28) + 1).padStart(2, "0")}T${String(i % 24).padStart(2, "0")}:00:00Z`, {
        tags: i % 3 === 0 ? ["harbour"] : i % 3 === 1 ? ["ferry", "harbour"] : ["council"],
        section: i % 2 ? sections.sport : sections.news,
      }),
    ),
  );
  const lists = (related: Map<Teaser, Teaser[]>) => [...related].map(([story, list]) => [story.id, list.map((other) => other.id)]);
  const first = rankRelatedStories(archive);

  it("gives what ranking anew gives", () => {
    expect(lists(relatedOf(archive, first))).toEqual(lists(relatedStories(archive)));
    expect(first.starts).toHaveLength(archive.length + 1);
  });

  it("is reused for the same stories, whatever else of them changed (an edit's text, its headline)", () => {
    const edited = archive.map((story, i) => (i === 7 ? { ...story, headline: "A new headline", summary: "Rewritten." } : story));
    const again = rankRelatedStories(edited, first);
    expect(again).toBe(first);
    expect(lists(relatedOf(edited, again))).toEqual(lists(relatedStories(edited)));
  });

  it("is ranked again when what the ranking reads changed: a story's topics, section, date, address, a story more or less, the limit", () => {
    const at = (i: number, fields: Partial<Teaser>) => archive.map((story, n) => (n === i ? { ...story, ...fields } : story));
    const moved = archive[20] as Teaser;
    const changed: [string, Teaser[], number?][] = [
      ["topics", at(20, { tags: ["council"] })],
      ["a topic's spelling", at(20, { tags: moved.tags.map((tag) => tag.toUpperCase()) })],
      ["section", at(20, { section: moved.section.slug === "news" ? sections.sport : sections.news })],
      ["date", at(20, { published: { ...moved.published, epoch: moved.published.epoch + 60_000 } })],
      ["address", at(20, { path: `${moved.path}renamed/` })],
      ["a story less", archive.filter((_, n) => n !== 20)],
      ["a story more", newestFirst([...archive, teaser("fresh", "2026-02-01", { tags: ["harbour"] })])],
      ["the limit", archive, 2],
    ];
    for (const [what, stories, limit] of changed) {
      const again = rankRelatedStories(stories, first, limit);
      expect(again, what).not.toBe(first);
      expect(lists(relatedOf(stories, again)), what).toEqual(lists(relatedStories(stories, limit)));
    }
  });

  it("is ranked again when the kept one is damaged (a place past the stories, lists out of order, places cut short)", () => {
    const past = { ...first, places: first.places.map(() => archive.length) };
    const backwards = { ...first, starts: first.starts.map((start, i) => (i === 5 ? 0 : start)) };
    const short = { ...first, places: first.places.subarray(0, 10) };
    for (const damaged of [past, backwards, short, { ...first, starts: first.starts.subarray(1) }]) {
      const again = rankRelatedStories(archive, damaged);
      expect(again).not.toBe(damaged);
      expect(lists(relatedOf(archive, again))).toEqual(lists(relatedStories(archive)));
    }
  });
});
