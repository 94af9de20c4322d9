// src/site/collections.ts: pure selections over teasers.
import { describe, expect, it } from "vitest";
import { archiveMonths, collectTags, listingPath, paginate, paginateStable, teasersByAuthor } from "../../src/site/collections.ts";
import { planFront } from "../../src/site/front-page.ts";
import type { Teaser } from "../../src/content/types.ts";
import { newestFirst, sections, teaser } from "../helpers/teasers.ts";

describe("pagination and listings", () => {
  it("pages a list from its base, keeping an empty first page", () => {
    const items = Array.from({ length: 5 }, (_, i) => i);
    expect(paginate(items, 2, "/news/").map((listing) => [listing.path, listing.items, listing.pageNumber, listing.newer, listing.older])).toEqual([
      ["/news/", [0, 1], undefined, undefined, "/news/page/2/"],
      ["/news/page/2/", [2, 3], 2, "/news/", "/news/page/3/"],
      ["/news/page/3/", [4], 3, "/news/page/2/", undefined],
    ]);
    expect(paginate([], 20, "/tags/x/")).toEqual([{ items: [], first: true, path: "/tags/x/", links: [] }]);
    expect(listingPath("/", 1)).toBe("/");
  });

  it("pages stories in pages that stay put: counted from the oldest, the newest on the first page", () => {
    const stories = (count: number) => Array.from({ length: count }, (_, i) => count - i); // newest first: count … 1
    const shape = (count: number) => paginateStable(stories(count), 2, "/news/").map((listing) => [listing.path, listing.items]);
    expect(shape(0)).toEqual([["/news/", []]]);
    expect(shape(3)).toEqual([["/news/", [3, 2, 1]]]);
    expect(shape(5)).toEqual([["/news/", [5, 4, 3]], ["/news/page/1/", [2, 1]]]);
    expect(shape(6)).toEqual([["/news/", [6, 5]], ["/news/page/2/", [4, 3]], ["/news/page/1/", [2, 1]]]);
    const [first, second, third] = paginateStable(stories(6), 2, "/news/");
    expect([first?.first, first?.pageNumber, first?.newer, first?.older]).toEqual([true, undefined, undefined, "/news/page/2/"]);
    expect([second?.first, second?.pageNumber, second?.newer, second?.older]).toEqual([false, 2, "/news/", "/news/page/1/"]);
    expect([third?.pageNumber, third?.newer, third?.older]).toEqual([1, "/news/page/2/", undefined]);
    expect(first?.links).toEqual([
      { label: "first", path: "/news/", current: true },
      { label: 2, path: "/news/page/2/", current: false },
      { label: 1, path: "/news/page/1/", current: false },
    ]);
  });

  it("keeps every numbered page as it was when stories arrive, but for the few next to the newest", () => {
    // A page is rendered again only if its listing changed: this is what keeps an hourly publish small.
    for (const size of [1, 2, 3, 20]) {
      let before = new Map(paginateStable(Array.from({ length: 7 }, (_, i) => 7 - i), size, "/t/").map((listing) => [listing.path, listing]));
      for (let count = 8; count <= 140; count++) {
        const listings = paginateStable(Array.from({ length: count }, (_, i) => count - i), size, "/t/");
        const numbered = listings.filter((listing) => !listing.first);
        // Every story once, newest first, and numbered pages hold exactly `size`.
        expect(listings.flatMap((listing) => listing.items)).toEqual(Array.from({ length: count }, (_, i) => count - i));
        for (const listing of numbered) expect(listing.items).toHaveLength(size);
        expect(listings[0]?.items.length).toBeLessThan(2 * size);
        let changed = 0;
        for (const listing of numbered) {
          const old = before.get(listing.path);
          if (old === undefined) continue;
          expect(listing.items, `${listing.path} at ${count} stories, ${size} a page`).toEqual(old.items);
          if (JSON.stringify(listing) !== JSON.stringify(old)) changed++;
        }
        // Only the pages within reach of the newest one's links can change (their page lists).
        expect(changed, `${count} stories, ${size} a page`).toBeLessThanOrEqual(3);
        before = new Map(listings.map((listing) => [listing.path, listing]));
      }
    }
  });

  it("groups tags by slug and months by day in the site zone", () => {
    const one = teaser("one", "2026-03-01T23:30:00-06:00", { tags: ["COVID-19"] });
    const two = teaser("two", "2026-02-28", { tags: ["Covid 19"], featured: true });
    const three = teaser("three", "2026-02-27", { tags: ["covid 19"] });
    const list = newestFirst([one, two, three]);
    // One spelling each: the first in alphabetical order names the page.
    expect(collectTags(list).map((tag) => [tag.slug, tag.name, tag.teasers.length])).toEqual([["covid-19", "covid 19", 3]]);
    const twice = [...list, teaser("four", "2026-02-26", { tags: ["COVID-19"] })];
    expect(collectTags(twice)[0]?.name).toBe("COVID-19");
    expect(archiveMonths(list).map((month) => [month.path, month.teasers.length])).toEqual([["/archive/2026/03/", 1], ["/archive/2026/02/", 2]]);
  });

  it("lists each author's stories in the newsroom's order, a story once even when its byline names them twice", () => {
    const ana = { id: "ana", name: "Ana", path: "/authors/ana/" };
    const ben = { id: "ben", name: "Ben", path: "/authors/ben/" };
    const list = newestFirst([teaser("one", "2026-03-03", { authors: [ana] }), teaser("two", "2026-03-02", { authors: [ben, ana, ana] }), teaser("three", "2026-03-01", { authors: [ben] }), teaser("wire", "2026-02-28")]);
    const byAuthor = teasersByAuthor(list);
    expect([...byAuthor].map(([id, teasers]) => [id, teasers.map((t) => t.id)])).toEqual([["ana", ["one", "two"]], ["ben", ["two", "three"]]]);
    expect(byAuthor.get("nobody")).toBeUndefined();
  });
});

describe("planFront (issue 19)", () => {
  const photo = { image: { sources: [], fallback: { url: "/p.jpg", width: 480, height: 320, format: "jpeg" } }, alt: "A photo" } as unknown as NonNullable<Teaser["photo"]>;
  const ids = (teasers: readonly Teaser[]) => teasers.map((t) => t.id);

  it("leads with the featured story of the highest priority, else the window's highest priority, else the newest", () => {
    const one = teaser("one", "2026-03-01T23:30:00-06:00");
    const two = teaser("two", "2026-02-28", { featured: true });
    const three = teaser("three", "2026-02-27", { featured: true, priority: 5 });
    expect(planFront(newestFirst([one, two, three]), [sections.news]).lead).toBe(three);
    expect(planFront(newestFirst([one, two]), [sections.news]).lead).toBe(two);
    const urgent = teaser("urgent", "2026-02-20", { priority: 3 });
    expect(planFront(newestFirst([one, urgent]), [sections.news]).lead).toBe(urgent);
    expect(planFront([one], [sections.news]).lead).toBe(one);
    expect(planFront([], [sections.news])).toEqual({ lead: undefined, top: [], latest: [], rails: [] });
  });

  it("tops with four pictured stories, else two, by priority; shows every story once; rails keep the settings' order", () => {
    const list = newestFirst(Array.from({ length: 14 }, (_, i) => teaser(`s${i}`, `2026-03-${String(20 - i).padStart(2, "0")}`, { section: i % 2 ? sections.sport : sections.news, ...((i % 3 === 0 || i === 10) && { photo }), ...(i === 9 && { priority: 2 }), ...(i === 0 && { featured: true }) })));
    const plan = planFront(list, [sections.sport, sections.news]);
    // s0 leads (featured); pictured in the window of 12 after it: s3, s6, s9, s10 (s12 is outside) — four, the higher priority first.
    expect(plan.lead?.id).toBe("s0");
    expect(ids(plan.top)).toEqual(["s9", "s3", "s6", "s10"]);
    expect(ids(plan.latest)).toEqual(["s1", "s2", "s4", "s5", "s7", "s8"]);
    expect(plan.rails.map((rail) => [rail.section.slug, ids(rail.teasers)])).toEqual([["sport", ["s11", "s13"]], ["news", ["s12"]]]);
    const shown = [plan.lead, ...plan.top, ...plan.latest, ...plan.rails.flatMap((rail) => rail.teasers)].map((t) => t?.id);
    expect(new Set(shown).size).toBe(shown.length);
    // Three pictured stories make two, so the grid they fill has no hole; none, the next two by priority.
    expect(planFront(list.slice(0, 8), [sections.news]).top).toHaveLength(2);
    expect(ids(planFront(list.filter((t) => !t.photo), [sections.news]).top)).toEqual(["s2", "s4"]);
  });
});
