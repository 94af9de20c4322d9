// Search amendments (src/build/search-amendments.ts): a large shard whose stories changed a little
// keeps its index, the changed stories go into a small amendments shard, and the search page hides
// the outdated entries. The site is the same as a clean build's, byte for byte, outside the search
// index and the search page; and a reader's searches find the same stories on both, in Chromium.
import fs from "node:fs/promises";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { build } from "../src/build/build.ts";
import { chooseAmendments, type AmendCandidate, type AmendPolicy, type ShardContents } from "../src/build/search-amendments.ts";
import type { Teaser } from "../src/content/types.ts";
import { buildNow } from "../src/now.ts";
import { buildFromScratch, makeSite, removeSite, writeContent, type FixtureSite } from "./helpers/site.ts";
import { launchChromium, serveSite, type StaticServer } from "./helpers/browser.ts";
import { hashTree } from "./helpers/tree.ts";
import { indexedPages, indexedUrls } from "./helpers/pagefind.ts";
import { apply, edit, EDIT_WORDS } from "./helpers/edits.ts";

const teaser = (path: string) => ({ path }) as Teaser;

describe("choosing the shards to amend", () => {
  const policy: AmendPolicy = { minBase: 4, fraction: 0.5, most: 10 };
  /** A shard of stories a–f stored with keys "1" and ids "id-<story>"; now with `keys` (a missing story is gone). */
  const candidate = (id: string, keys: Record<string, string>, stored = ["a", "b", "c", "d", "e", "f"]): AmendCandidate => ({
    shard: { id, teasers: Object.keys(keys).map(teaser) },
    base: `base-${id}`,
    contents: { documents: stored.map((story): ShardContents["documents"][number] => [story, "1", `${id}-${story}`]) },
    keys: new Map(Object.entries(keys)),
  });
  const idsOf = (...candidates: AmendCandidate[]) => new Map<string, number>(candidates.flatMap((c) => c.contents.documents.map(([, , id]) => [id, 1] as const)));

  it("amends a shard with its new and changed stories, and hides its changed and removed entries", () => {
    // "g" is new, "b" changed, "e" gone: 2 stories to index and 2 entries to hide, within 0.7 of 6.
    const shard = candidate("2025", { g: "1", a: "1", b: "2", c: "1", d: "1", f: "1" });
    const [amended, ...rest] = chooseAmendments([shard], idsOf(shard), { ...policy, fraction: 0.7 });
    expect(rest).toEqual([]);
    expect(amended?.base).toBe("base-2025");
    expect(amended?.teasers.map((story) => story.path)).toEqual(["g", "b"]);
    expect(amended?.hidden).toEqual(["2025-b", "2025-e"]);
  });

  it("indexes again a shard smaller than the policy's least, or changed past its share", () => {
    const small = candidate("2024", { a: "2", b: "1", c: "1" }, ["a", "b", "c"]);
    // 2 changed + 2 hidden = 4 of 6 > half.
    const changed = candidate("2025", { a: "2", b: "2", c: "1", d: "1", e: "1", f: "1" });
    expect(chooseAmendments([small, changed], idsOf(small, changed), policy)).toEqual([]);
  });

  it("never hides an id another stored entry shares (Pagefind's ids are short hashes)", () => {
    const shard = candidate("2025", { a: "2", b: "1", c: "1", d: "1", e: "1", f: "1" });
    const ids = idsOf(shard);
    ids.set("2025-a", 2);
    expect(chooseAmendments([shard], ids, policy)).toEqual([]);
  });

  it("indexes again the shards with the most changes when the amendments would pass the policy's most", () => {
    const shards = ["2021", "2022", "2023"].map((id, n) => candidate(id, { a: "2", b: n > 0 ? "2" : "1", c: n > 1 ? "2" : "1", d: "1", e: "1", f: "1" }));
    const chosen = chooseAmendments(shards, idsOf(...shards), { ...policy, fraction: 1, most: 3 });
    expect(chosen.map((amendment) => amendment.shard.id)).toEqual(["2021", "2022"]);
  });
});

/**
 * The files outside the search index's shards (and the output's marker, which names the build by all
 * it wrote): every page, and the words, filters and scripts of the index of the whole site the search
 * page loads. Its metadata names each page's fragment in the shard that holds it: see `wholeIndexPages`.
 */
const outsideShards = (files: Record<string, string>) =>
  Object.entries(files).filter(([file]) => (!file.startsWith("pagefind/") || (file.startsWith("pagefind/all/") && !file.endsWith(".pf_meta") && !file.endsWith("pagefind-entry.json"))) && file !== ".dateline-output");

/** The pages of the whole index in `output`, in its order: each one's URL, its word count and its fragment's id in its shard. */
async function wholeIndexPages(output: string): Promise<[string | undefined, number, string][]> {
  return (await indexedPages(path.join(output, "pagefind/all"))).map(({ id, words, url }) => [url, words, path.basename(id)]);
}

/** Twelve stories of 2026, each with a word of its own. */
const WORDS = ["walrus", "quokka", "heron", "bittern", "gannet", "osprey", "curlew", "plover", "dunlin", "avocet", "shrike", "wryneck"];
const storyFile = (word: string) => `articles/2026/${word}-story.md`;
/** Story `word` of WORDS (its day of February), about `about`. */
const story = (word: string, about = word, body = `The ${about} was seen by the harbour.`) =>
  `---\nheadline: A ${about} at the harbour\nbyline: ana-ruiz\ndate: 2026-02-${String(WORDS.indexOf(word) + 1).padStart(2, "0")}T09:00:00-06:00\nsection: news\n---\n${body}\n`;

/** Amend a shard of any size: a change of up to half its stories. */
const TEST_POLICY: AmendPolicy = { minBase: 1, fraction: 0.5, most: 100 };

describe("an incremental build that amends the search index", () => {
  let site: FixtureSite;
  let browser: Browser;
  let page: Page;
  /** Each built site's server, by its output folder. */
  const served = new Map<string, Promise<StaticServer>>();
  const now = buildNow();
  const buildInto = (output: string, cacheDir: string, searchAmendments: AmendPolicy | false = TEST_POLICY) => build({ input: site.contentDir, output, cacheDir, now, log: () => {}, searchAmendments });
  const clean = (name: string) => buildFromScratch(site, name, { now });

  beforeAll(async () => {
    site = await makeSite("search-words");
    for (const word of WORDS) await writeContent(site, storyFile(word), story(word));
    browser = await launchChromium();
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([...served.values()].map(async (server) => (await server).close()));
    await removeSite(site);
  });

  /** What a reader's search finds on the site in `output`: result links, sorted. */
  async function found(output: string, query: string): Promise<string[]> {
    let server = served.get(output);
    if (!server) served.set(output, (server = serveSite(output, { pathPrefix: "/news/" })));
    const { origin } = await server;
    await page.goto(`${origin}/news/search/?q=${encodeURIComponent(query)}`);
    const status = page.locator("[data-search-status]");
    await status.filter({ hasText: /results? for '/ }).waitFor();
    // Every result, not the first ten: the two sites may rank them apart.
    const total = Number(/^(\d+)/.exec((await status.textContent()) ?? "")?.[1] ?? 0);
    const more = page.locator("[data-search-more] button");
    while ((await page.locator(".search-result").count()) < total) {
      const shown = await page.locator(".search-result").count();
      await more.click();
      await page.waitForFunction((before) => document.querySelectorAll(".search-result").length > before, shown);
    }
    const hrefs = await page.locator(".search-result a").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
    return hrefs.sort();
  }

  it("reuses the changed shard, indexes only the changed stories, and finds what a clean build finds", async () => {
    const first = await buildInto(site.outputDir, site.cacheDir);
    expect(first.summary).toContain("search: 1 of 1 shard indexed (15 pages), 0 reused");

    // An edit, a deletion, a new story and a renamed one: 3 stories to index, 3 outdated entries.
    await writeContent(site, storyFile("walrus"), story("walrus", "narwhal"));
    await fs.rm(path.join(site.contentDir, storyFile("quokka")));
    await writeContent(site, "articles/2026/pelican-story.md", story("heron", "pelican"));
    await fs.rename(path.join(site.contentDir, storyFile("heron")), path.join(site.contentDir, "articles/2026/grey-heron.md"));
    const amended = await buildInto(site.outputDir, site.cacheDir);
    expect(amended.summary).toContain("search: 1 of 2 shards indexed (3 pages), 1 reused (1 amended: 3 stories in the amendments shard, 3 outdated entries hidden)");
    const scratch = await clean("clean-1");
    const [incremental, fromScratch] = [await hashTree(site.outputDir), await hashTree(scratch)];
    // The amendments shard publishes its 3 stories' fragments; a clean build has no such shard.
    const amendedFiles = Object.keys(incremental).filter((name) => name.startsWith("pagefind/amended/"));
    expect(amendedFiles).toHaveLength(3);
    for (const name of amendedFiles) expect(name).toMatch(/^pagefind\/amended\/fragment\/[^/]+\.pf_fragment$/);
    expect(Object.keys(fromScratch).filter((name) => name.startsWith("pagefind/amended/"))).toEqual([]);
    // The index the search page loads too: without the 3 outdated entries, the new ones in their places.
    expect(outsideShards(incremental)).toEqual(outsideShards(fromScratch));
    expect(await wholeIndexPages(site.outputDir)).toEqual(await wholeIndexPages(scratch));
    expect(await indexedUrls(path.join(site.outputDir, "pagefind/all"))).toHaveLength(15);

    for (const query of ["narwhal", "walrus", "quokka", "pelican", "heron", "harbour", "osprey"]) {
      expect(await found(site.outputDir, query), query).toEqual(await found(scratch, query));
    }
    // What those searches must find: the new words, and never what was edited out or deleted.
    expect(await found(site.outputDir, "narwhal")).toEqual(["/news/2026/02/01/walrus-story/"]);
    expect(await found(site.outputDir, "walrus")).toEqual([]);
    expect(await found(site.outputDir, "quokka")).toEqual([]);
    expect(await found(site.outputDir, "heron")).toEqual(["/news/2026/02/03/grey-heron/"]);
  });

  it("amends again from the same base, and a fresh output folder from the cache is the same site", async () => {
    await writeContent(site, storyFile("walrus"), story("walrus", "okapi"));
    const again = await buildInto(site.outputDir, site.cacheDir);
    expect(again.summary).toContain("(1 amended: 3 stories in the amendments shard, 3 outdated entries hidden)");
    expect(await found(site.outputDir, "okapi")).toEqual(["/news/2026/02/01/walrus-story/"]);
    expect(await found(site.outputDir, "narwhal")).toEqual([]);
    expect(await found(site.outputDir, "okapi")).toEqual(await found(await clean("clean-2"), "okapi"));

    // A CI runner: the cache restored, no output yet. The same plan, so the same bytes.
    const ci = path.join(site.root, "ci-output");
    await buildInto(ci, site.cacheDir);
    expect(await hashTree(ci)).toEqual(await hashTree(site.outputDir));
  });

  it("indexes the shard again once its changes pass the policy's share, and then is a clean build byte for byte", async () => {
    for (const word of ["gannet", "osprey", "curlew", "plover"]) await writeContent(site, storyFile(word), story(word, word, `The ${word} left the harbour.`));
    const compacted = await buildInto(site.outputDir, site.cacheDir);
    expect(compacted.summary).toContain("search: 1 of 1 shard indexed (15 pages), 0 reused");
    expect(await fs.stat(path.join(site.outputDir, "pagefind/amended")).catch(() => undefined)).toBeUndefined();
    expect(await hashTree(site.outputDir)).toEqual(await hashTree(await clean("clean-3")));
  });
});

const RUNS = Number(process.env["DATELINE_PROPERTY_RUNS"] ?? 10);
const SEED = Number(process.env["DATELINE_PROPERTY_SEED"] ?? 20261205);

/**
 * What searching for each of `queries` finds on the site served at `origin`: every result's URL,
 * sorted, from the search page's own code (public/js/search.js `openSearch`: its shards, without the
 * entries it hides). Run from another page of the site, so the search page has not searched already.
 */
async function searchAll(page: Page, origin: string, queries: readonly string[]): Promise<Record<string, string[]>> {
  await page.goto(`${origin}/robots.txt`);
  return page.evaluate<Record<string, string[]>>(`(${SEARCH_IN_PAGE})(${JSON.stringify(queries)})`);
}

/** `searchAll` in the page: a string, as Vitest would rewrite the `import()` of a function. */
const SEARCH_IN_PAGE = `async (queries) => {
  const html = await (await fetch("/search/")).text();
  const root = new DOMParser().parseFromString(html, "text/html").querySelector("[data-search]");
  const { openSearch } = await import("/js/search.js");
  const search = await openSearch(root);
  const found = {};
  for (const query of queries) {
    const results = await Promise.all((await search(query)).map((result) => result.data()));
    found[query] = results.map((data) => data.url).sort();
  }
  return found;
}`;

describe("amended builds after any sequence of edits", () => {
  it("are a clean build but for the search shards (the index readers search included), and find what a clean build finds", async () => {
    const site = await makeSite();
    const browser = await launchChromium();
    const page = await browser.newPage();
    /** `searchAll` on the site in `output`, served for this search only. */
    const searchOn = async (output: string, queries: readonly string[]) => {
      const server = await serveSite(output);
      try {
        return await searchAll(page, server.origin, queries);
      } finally {
        await server.close();
      }
    };
    const now = new Date("2026-03-20T12:00:00Z");
    let amended = 0;
    try {
      // Twelve stories more than the base site's two: edits of one story or a few amend the shard.
      for (const word of WORDS) await writeContent(site, storyFile(word), story(word));
      await build({ input: site.contentDir, output: site.outputDir, cacheDir: site.cacheDir, now, log: () => {}, searchAmendments: TEST_POLICY });
      await fc.assert(
        fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 3 }), async (changes) => {
          for (const change of changes) {
            await apply(site, change);
            const incremental = await build({ input: site.contentDir, output: site.outputDir, cacheDir: site.cacheDir, now, log: () => {}, searchAmendments: TEST_POLICY });
            // Amended, and hiding what it outdated (an add alone hides nothing).
            if (incremental.plan.hidden.length > 0) amended++;
            const scratch = await buildFromScratch(site, "clean", { now });
            const step = JSON.stringify(change);
            expect(outsideShards(await hashTree(site.outputDir)), step).toEqual(outsideShards(await hashTree(scratch)));
            expect(await wholeIndexPages(site.outputDir), step).toEqual(await wholeIndexPages(scratch));
            // And as readers search it, quoted (exact words) and as they type them (a word no story has
            // finds a shorter one: "again" finding the "a" of every story only where one index would).
            const words = [...EDIT_WORDS, "story", "again", "renamed", "words", "paragraph"];
            const queries = [...words, ...words.map((word) => `"${word}"`)];
            expect(await searchOn(site.outputDir, queries), step).toEqual(await searchOn(scratch, queries));
          }
        }),
        { numRuns: RUNS, seed: SEED },
      );
      // The property is about amended builds: many of these must have been.
      expect(amended).toBeGreaterThan(RUNS / 2);
    } finally {
      await browser.close();
      await removeSite(site);
    }
  }, 600_000);
});
