import fsSync from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { execFile } from "node:child_process";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { SearchIndexer } from "../../src/build/search-index.ts";
import { REPO } from "../helpers/paths.ts";
import { indexedUrls, pagefindIndex } from "../helpers/pagefind.ts";
import { gunzipSync, gzipSync } from "node:zlib";
import { decodeCbor, readPagefindFile } from "../../src/build/pagefind-cbor.js";
import { byBytes, chunkBounds, PAGEFIND_VERSION } from "../../src/build/pagefind-merge.js";
import { fossick, type WordSink } from "../../src/build/pagefind-fossick.js";
import { PagefindIndexWriter } from "../../src/build/pagefind-write.js";

const document = (title: string, words: string, language = "en") =>
  `<html lang="${language}"><body><article data-pagefind-body><h1>${title}</h1><p>${words}</p><span data-pagefind-meta="title">${title}</span></article></body></html>`;
/** A document in Finnish, a language whose words Dateline cannot find as Pagefind does (src/build/pagefind-fossick.js): its shard is indexed by Pagefind itself. */
const finnish = (title: string, words: string) => document(title, words, "fi");

let dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.map((dir) => fs.rm(dir, { recursive: true, force: true })));
  dirs = [];
});

/** Runs `run` with an indexer of one Pagefind process and a new folder; closes the indexer after. */
async function withIndexer(run: (indexer: SearchIndexer, dir: string) => Promise<void>): Promise<void> {
  const dir = await tempDir();
  const indexer = new SearchIndexer(1);
  try {
    await run(indexer, dir);
  } finally {
    await indexer.close();
  }
}

async function tempDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "dateline-search-index-"));
  dirs.push(dir);
  return dir;
}

describe("SearchIndexer", () => {
  it("stops an indexer at any moment of its start without bringing the process down", async () => {
    // Ended while it loaded its modules, an indexer's thread brought the whole process down (a V8
    // check failing, Node 22 and 26): a build that fails early stops the one it started at once. In a
    // process of its own, stopped again and again, 0–90 ms into its start.
    const dir = await tempDir();
    const script = path.join(dir, "warm-and-stop.mts");
    await fs.writeFile(
      script,
      [
        `import { SearchIndexer } from ${JSON.stringify(pathToFileURL(path.join(REPO, "src/build/search-index.ts")).href)};`,
        "for (let i = 0; i < 30; i++) {",
        "  const indexer = new SearchIndexer();",
        "  indexer.warm();",
        "  await new Promise((resolve) => setTimeout(resolve, (i % 10) * 10));",
        "  await indexer.stop();",
        "}",
        'process.stdout.write("stopped 30\\n");',
      ].join("\n"),
    );
    const run = await new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>((resolve) => {
      execFile(process.execPath, ["--import", "tsx/esm", script], { cwd: REPO, timeout: 120_000 }, (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, signal: error ? ((error as { signal?: NodeJS.Signals }).signal ?? null) : null, output: `${stdout}${stderr}` }),
      );
    });
    expect(run.output).not.toContain("Check failed");
    expect({ code: run.code, signal: run.signal }).toEqual({ code: 0, signal: null });
    expect(run.output).toContain("stopped 30");
  });

  it("indexes given documents and documents read from files, waiting for a file the build has yet to write", async () => {
    const dir = await tempDir();
    const later = path.join(dir, "later.search");
    const ready = path.join(dir, "ready.search");
    await fs.writeFile(ready, document("Harbour reopens", "ferries sail again"));
    const indexer = new SearchIndexer(1);
    try {
      const written = indexer.index({
        pages: [
          { url: "/given/", html: document("Council votes", "budget passes") },
          { url: "/ready/", file: ready },
          { url: "/later/", file: later, wait: true },
        ],
        dir: path.join(dir, "index"),
      });
      // Written only now: an indexer that did not wait for the announcement would fail to read it.
      await new Promise((resolve) => setImmediate(resolve));
      await fs.writeFile(later, document("Storm warning", "gales expected"));
      indexer.arrived("/later/");
      const { pages, ids } = await written;
      expect(pages).toBe(3);
      expect(await indexedUrls(path.join(dir, "index"))).toEqual(["/given/", "/later/", "/ready/"]);
      // Each page's id is the name of its fragment file: what the whole index leaves an outdated entry out by.
      const fragments = await fs.readdir(path.join(dir, "index", "fragment"));
      expect([...ids.keys()].sort()).toEqual(["/given/", "/later/", "/ready/"]);
      expect([...ids.values()].map((id) => `${id}.pf_fragment`).sort()).toEqual(fragments.sort());
    } finally {
      await indexer.close();
    }
  });

  it("takes a page announced before its shard is dealt out as written", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "early.search");
    await fs.writeFile(file, document("Early edition", "presses roll"));
    const indexer = new SearchIndexer(1);
    try {
      indexer.arrived("/early/");
      expect((await indexer.index({ pages: [{ url: "/early/", file, wait: true }], dir: path.join(dir, "index") })).pages).toBe(1);
    } finally {
      await indexer.close();
    }
  });

  it("fails a shard whose document cannot be read, with the page named", async () => {
    const dir = await tempDir();
    const indexer = new SearchIndexer(1);
    try {
      await expect(indexer.index({ pages: [{ url: "/missing/", file: path.join(dir, "missing.search") }], dir: path.join(dir, "index") })).rejects.toThrow(/missing\.search/);
    } finally {
      await indexer.close();
    }
  });

  it("names the page and its document's file when a page cannot go into the index", async () => {
    await withIndexer(async (indexer, dir) => {
      // Pagefind would leave out the pages without a body once one has one: Dateline's documents always have one.
      const bodiless = path.join(dir, "bodiless.search");
      const body = path.join(dir, "body.search");
      await fs.writeFile(bodiless, `<html lang="en"><body><p>No body here</p></body></html>`);
      await fs.writeFile(body, document("Harbour reopens", "ferries sail again"));
      const written = indexer.index({ pages: [{ url: "/bodiless/", file: bodiless }, { url: "/body/", file: body }], dir: path.join(dir, "index") });
      await expect(written).rejects.toThrow(`/body/ (search document ${body}): /body/ has a data-pagefind-body where the pages before it have none`);
    });
  });

  it("indexes a shard in a language it cannot read as Pagefind does with Pagefind: Pagefind's own index", async () => {
    await withIndexer(async (indexer, dir) => {
      const pages = [
        { url: "/uutiset/", html: document("Satama avautuu", "lautat liikennöivät taas") },
        { url: "/uutiset/satama/", html: finnish("Satama avautuu", "lautat liikennöivät taas satamassa") },
        { url: "/uutiset/myrsky/", html: finnish("Myrskyvaroitus", "kovaa tuulta odotetaan") },
      ];
      const { pages: count } = await indexer.index({ pages, dir: path.join(dir, "mine") });
      await pagefindIndex(pages, path.join(dir, "pagefind"));
      expect(count).toBe(3);
      const [mine, pagefinds] = [await indexFiles(path.join(dir, "mine")), await indexFiles(path.join(dir, "pagefind"))];
      expect([...mine.keys()].filter((name) => name.endsWith(".pf_meta"))).toHaveLength(2);
      expect([...mine.keys()]).toEqual([...pagefinds.keys()]);
      for (const [name, bytes] of pagefinds) expect(mine.get(name)?.equals(bytes), name).toBe(true);
    });
  });

  it("takes turns to write where Pagefind writes: shards larger than the pages allowed at once are written, one at a time, and every turn is given back", async () => {
    const dir = await tempDir();
    const indexer = new SearchIndexer(2, 2);
    const shard = (name: string, count: number) => ({
      shard: name,
      pages: Array.from({ length: count }, (_, i) => ({ url: `/${name}/${i}/`, html: finnish(`${name} ${i}`, `story ${name} number ${i}`) })),
      dir: path.join(dir, name),
    });
    try {
      const counts = await Promise.all([indexer.index(shard("north", 3)), indexer.index(shard("south", 3)), indexer.index(shard("east", 1)), indexer.index(shard("west", 1))]);
      expect(counts.map((written) => written.pages)).toEqual([3, 3, 1, 1]);
      expect(await indexedUrls(path.join(dir, "south"))).toEqual(["/south/0/", "/south/1/", "/south/2/"]);
      expect(indexer.writingNow()).toBe(0);
    } finally {
      await indexer.close();
    }
  });

  it("writes side by side once told: a shard waiting for another's turn to end is written at once", async () => {
    const dir = await tempDir();
    // Another indexer of the build holds a turn of 5 pages, beyond the 1 allowed at once, and keeps it.
    const writing = new Int32Array(new SharedArrayBuffer(8));
    writing[0] = 5;
    const indexer = new SearchIndexer(1, 1, writing);
    try {
      const written = indexer.index({ pages: [{ url: "/harbour/", html: finnish("Harbour reopens", "ferries sail again") }], dir: path.join(dir, "index") });
      indexer.writeSideBySide();
      // Taking turns, this shard would wait for the 5 pages' turn, which is never given back.
      expect((await written).pages).toBe(1);
      expect(await indexedUrls(path.join(dir, "index"))).toEqual(["/harbour/"]);
      expect(indexer.writingNow()).toBe(5);
    } finally {
      await indexer.close();
    }
  });

  it("stops at once when the build fails: a shard still waiting for a page fails with the build's error", async () => {
    const dir = await tempDir();
    const indexer = new SearchIndexer(1);
    const waiting = indexer.index({ pages: [{ url: "/never/", file: path.join(dir, "never.search"), wait: true }], dir: path.join(dir, "index") });
    const failure = new Error("the build failed");
    const failed = expect(waiting).rejects.toBe(failure);
    await indexer.abort(failure);
    await failed;
  });
});

/** A Pagefind file's bytes as Pagefind reads them: gunzipped ("pagefind_dcd" and its CBOR; a shard keeps its own but its fragments so already, `storePagefindFile`). */
const unzipped = (bytes: Buffer) => (bytes.subarray(0, 12).toString("latin1") === "pagefind_dcd" ? bytes : gunzipSync(bytes));

/** Every file of a Pagefind index by its path, as Pagefind reads it: unzipped, the JSON entry as it is. */
async function indexFiles(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const name of (await fs.readdir(dir, { recursive: true })).sort()) {
    const file = path.join(dir, name);
    if (!(await fs.stat(file)).isFile()) continue;
    const bytes = await fs.readFile(file);
    files.set(name, /\.pf_(meta|index|filter|fragment)$/.test(name) ? unzipped(bytes) : bytes);
  }
  return files;
}

/** A shard's files by whether they are gzipped: readers fetch only the fragments, which are; the join alone reads the rest, kept unzipped. */
async function gzippedOrNot(dir: string): Promise<{ gzipped: string[]; unzipped: string[] }> {
  const names = (await fs.readdir(dir, { recursive: true })).filter((name) => /\.pf_(meta|index|filter|fragment)$/.test(name)).sort();
  const gzipped = (await Promise.all(names.map(async (name) => ((await fs.readFile(path.join(dir, name))).readUInt16BE(0) === 0x1f8b ? name : undefined)))).filter((name) => name !== undefined);
  return { gzipped, unzipped: names.filter((name) => !gzipped.includes(name)) };
}

/**
 * `count` stories of 400 words each from a small vocabulary (so an index of them has several word
 * chunks), with diacritics, meta fields and filters, and two words many times over on every story
 * (they move the chunks' cuts: the hidden entries' test cuts a chunk where a word's forms count).
 */
function stories(count: number, from = 0): { url: string; html: string }[] {
  const syllables = ["ka", "lo", "mi", "ne", "ru", "sa", "te", "vo", "zu", "bré", "çu", "dö"];
  let seed = 7 + from;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  return Array.from({ length: count }, (_, n) => {
    const words = Array.from({ length: 400 }, () => syllables[next() % syllables.length]! + syllables[next() % syllables.length]! + (next() % 3 === 0 ? syllables[next() % syllables.length] : ""));
    const id = from + n;
    return {
      url: `/2026/story-${id}/`,
      html: `<html lang="en"><body><article data-pagefind-body><h1>Story ${id} of Tomás</h1><p>${words.join(" ")}</p><p>${"kalmi kalmo ".repeat(40)}</p><span data-pagefind-meta="title">Story ${id}</span><span data-pagefind-meta="byline">Zoë ${id % 4}</span><span data-pagefind-filter="section">${["News", "Business", "Sport"][id % 3]}</span></article></body></html>`,
    };
  });
}

/**
 * Compares the index of the whole site in `whole` with the index Pagefind wrote of the same pages in
 * `one`: every file of its words, filters and scripts the same by name and bytes once unzipped, its
 * metadata the same but for the pages' ids, each of which names, from `whole`, the very fragment of
 * `one` with its own id. Returns the ids.
 */
async function expectPagefindsIndex(whole: string, one: string): Promise<string[]> {
  const [mine, pagefinds] = [await indexFiles(whole), await indexFiles(one)];
  const metaOf = (files: Map<string, Buffer>) => {
    const name = [...files.keys()].find((file) => file.endsWith(".pf_meta"));
    return decodeCbor(readPagefindFile(path.join(files === mine ? whole : one, name ?? ""))) as [string, [string, number, string][], ...unknown[]];
  };
  const outsideMeta = (files: Map<string, Buffer>) => [...files.keys()].filter((name) => !name.startsWith("fragment/") && !name.endsWith(".pf_meta") && name !== "pagefind-entry.json");
  expect(outsideMeta(mine)).toEqual(outsideMeta(pagefinds));
  for (const name of outsideMeta(pagefinds)) expect(mine.get(name)?.equals(pagefinds.get(name) ?? Buffer.alloc(0)), name).toBe(true);
  // No fragment of its own: each page's stays in its shard's folder.
  expect([...mine.keys()].filter((name) => name.startsWith("fragment/"))).toEqual([]);
  const [myMeta, theirMeta] = [metaOf(mine), metaOf(pagefinds)];
  const ids = myMeta[1].map(([id]) => id);
  expect(myMeta[1].map(([id, ...rest]) => [path.basename(id), ...rest])).toEqual(theirMeta[1]);
  expect(myMeta.slice(2)).toEqual(theirMeta.slice(2));
  for (const id of ids) {
    const fragment = await fs.readFile(path.resolve(whole, "fragment", `${id}.pf_fragment`));
    expect(gunzipSync(fragment).equals(pagefinds.get(`fragment/${path.basename(id)}.pf_fragment`) ?? Buffer.alloc(0)), id).toBe(true);
  }
  return ids;
}

describe("a shard's index, written by Dateline (src/build/pagefind-fossick.js, pagefind-write.js)", () => {
  it("is the index Pagefind writes for the same pages: every file the same, by name and bytes, once unzipped", async () => {
    await withIndexer(async (indexer, dir) => {
      const pages = [...stories(240), ...edgeDocuments()];
      const { ids } = await indexer.index({ pages, dir: path.join(dir, "mine") });
      await pagefindIndex(pages, path.join(dir, "pagefind"));
      const [mine, pagefinds] = [await indexFiles(path.join(dir, "mine")), await indexFiles(path.join(dir, "pagefind"))];
      // Several chunks of words, a filter and meta fields: every part of an index is written.
      expect([...pagefinds.keys()].filter((name) => name.startsWith("index/")).length).toBeGreaterThan(4);
      expect([...mine.keys()]).toEqual([...pagefinds.keys()]);
      for (const [name, bytes] of pagefinds) expect(mine.get(name)?.equals(bytes), name).toBe(true);
      expect(ids.size).toBe(pages.length);
      const { gzipped, unzipped } = await gzippedOrNot(path.join(dir, "mine"));
      expect(gzipped.filter((name) => !name.startsWith("fragment/"))).toEqual([]);
      expect(gzipped).toEqual([...mine.keys()].filter((name) => name.startsWith("fragment/")));
      expect(unzipped.length).toBeGreaterThan(5);
      expect(unzipped.every((name) => !name.startsWith("fragment/"))).toBe(true);
    });
  });

  it("finds a word's list by the reader's number for it only within one numbering: a number given again in a new one is another word", async () => {
    const dir = await tempDir();
    const pages = [...stories(40), ...edgeDocuments()];
    const assets = () => Promise.resolve({ files: [], wasm: "wasm", includeCharacters: [] });
    /** Writes `pages` into `out`, each word's number and numbering as `renumber` gives them. */
    async function write(out: string, renumber?: () => (spelling: number, numbering: object) => [number, object]) {
      const writer = new PagefindIndexWriter(out, assets);
      for (const page of pages) {
        const given = renumber?.();
        const sink: WordSink = given ? { word: (key, form, text, textLength, meta, metaLength, spelling, numbering) => writer.sink.word(key, form, text, textLength, meta, metaLength, ...given(spelling, numbering)) } : writer.sink;
        const read = fossick(page.url, page.html, sink);
        if (read) await writer.add(read);
      }
      await writer.finish();
      return indexFiles(out);
    }
    const asRead = await write(path.join(dir, "as-read"));
    // Each page a numbering of its own, counted from 0 in the order its words come: the same numbers
    // on every page, each for other words.
    const renumbered = await write(path.join(dir, "renumbered"), () => {
      const numbering = {};
      let next = 0;
      return () => [next++, numbering];
    });
    expect([...renumbered.keys()]).toEqual([...asRead.keys()]);
    for (const [name, bytes] of asRead) expect(renumbered.get(name)?.equals(bytes), name).toBe(true);
  });
});

/** Documents with what a story's markup may hold besides plain words: headings, lists, figures, entities, compounds, diacritics, numbers, quotes. */
function edgeDocuments(): { url: string; html: string }[] {
  const bodies = [
    `<h2 id="the-vote">The vote, explained</h2><p>Well-known COVID19 résumés cost 7,664 dollars &amp; 3.5% more&nbsp;— a résumé: it&#8217;s the mayor’s “plan”, isn't it?</p><ul><li>Zürich</li><li>São Paulo's café</li></ul>`,
    `<figure><img src="/img/a.jpg" alt="A harbour"><figcaption>The <em>re</em>opened harbour<span data-pagefind-ignore="">Photo: Ana</span></figcaption></figure><blockquote><p>“We waited,” she said.</p></blockquote><h3>iPhone 3D e-mail</h3><p>snake_case and camelCase, 1990s–2000s, A/B tests, U.S. rules</p>`,
    `<p>Line<br>break and <strong>bold</strong><code>code_point</code></p><table><tr><td>Cell one</td><td>2,400</td></tr></table><div data-pagefind-ignore="all"><span data-pagefind-meta="hidden">never</span>gone</div><p data-pagefind-weight="3">weighted words</p>`,
  ];
  return bodies.map((body, n) => ({
    url: `/2026/edge-${n}/`,
    // Two in the stories' language (other meta fields: numbered anew in the whole), one in another (an index of its own).
    html: `<!DOCTYPE html><html lang="${n === 2 ? "en-US" : "en"}" dir="ltr"><head><title>Edge ${n} | Gazette</title></head><body><article data-pagefind-body="">${body}<div class="search-meta" data-pagefind-ignore=""><span data-pagefind-meta="title">Edge ${n}: Zoë’s café, a resumé</span><span data-pagefind-meta="section">Business news</span><span data-pagefind-filter="section">Business</span><span data-pagefind-filter="year">2026</span><span data-pagefind-meta="date">5 March 2026</span><span data-pagefind-meta="datetime:2026-03-05T10:00:00Z"></span><img src="/img/e${n}.webp" alt="Photo ${n}" width="320" height="180" data-pagefind-meta="image[src], image_alt[alt], image_width[width], image_height[height]"></div></article></body></html>`,
  }));
}

describe("the index of the whole site (src/build/pagefind-merge.js)", () => {
  it("is joined by the indexers once the shards dealt out before it are kept, with no turn of the build's thread", async () => {
    const dir = await tempDir();
    const pages = stories(60, 700);
    const stored = (name: string) => path.join(dir, "store", name);
    // Two indexers: the join waits for a shard the other one keeps.
    const indexer = new SearchIndexer(2);
    try {
      const keys = (from: number, to: number) => pages.slice(from, to).map((page): [string, string] => [page.url, `key-${page.url}`]);
      const a = indexer.index({ pages: pages.slice(0, 30), dir: path.join(dir, "a.partial"), keep: { dir: stored("a"), contents: { file: stored("a.contents.json"), keys: keys(0, 30) } } });
      const b = indexer.index({ pages: pages.slice(30), dir: path.join(dir, "b.partial"), keep: { dir: stored("b") } });
      const shards = ["a", "b"].map((id) => ({ id, dir: stored(id), path: `../${id}/`, hidden: [] }));
      const whole = indexer.whole(shards, path.join(dir, "all.partial"), { after: 2, keep: stored("all") });
      // This thread busy, as a build's is while it plans and renders: it never turns its event loop.
      const pause = new Int32Array(new SharedArrayBuffer(4));
      const deadline = Date.now() + 30_000;
      while (!fsSync.existsSync(path.join(stored("all"), "pagefind-entry.json")) && Date.now() < deadline) Atomics.wait(pause, 0, 0, 20);
      expect(fsSync.existsSync(path.join(stored("all"), "pagefind-entry.json"))).toBe(true);
      const [first] = await Promise.all([a, b, whole]);
      // Each shard moved into the store; what the first holds kept beside it, each page with its document's key and its id.
      expect(fsSync.existsSync(path.join(dir, "a.partial")) || fsSync.existsSync(path.join(dir, "b.partial"))).toBe(false);
      const contents = JSON.parse(await fs.readFile(stored("a.contents.json"), "utf8"));
      expect(contents.documents).toEqual(pages.slice(0, 30).map((page) => [page.url, `key-${page.url}`, first.ids.get(page.url)]));
      expect(fsSync.existsSync(stored("b.contents.json"))).toBe(false);
      await pagefindIndex(pages, path.join(dir, "one"));
      expect(await expectPagefindsIndex(stored("all"), path.join(dir, "one"))).toHaveLength(60);
    } finally {
      await indexer.close();
    }
  });

  it("is the index Pagefind writes for all the shards' pages: every file the same, by name and bytes, once unzipped; the pages' fragments named in their shards", async () => {
    await withIndexer(async (indexer, dir) => {
    const pages = stories(240);
    const shards = [pages.slice(0, 80), pages.slice(80, 190), pages.slice(190)];
    // As a build publishes them: the shards beside the whole index, `pagefind/<id>/` and `pagefind/all/`.
    for (const [n, shardPages] of shards.entries()) await indexer.index({ pages: shardPages, dir: path.join(dir, String(n)) });
    await pagefindIndex(pages, path.join(dir, "one"));
    await indexer.whole(shards.map((_, n) => ({ id: String(n), dir: path.join(dir, String(n)), path: `../${n}/`, hidden: [] })), path.join(dir, "all"));
    const one = await indexFiles(path.join(dir, "one"));
    // Several chunks of words, a filter and meta fields: every part of an index is joined.
    expect([...one.keys()].filter((name) => name.startsWith("index/")).length).toBeGreaterThan(4);
    expect([...one.keys()].filter((name) => name.startsWith("filter/"))).toHaveLength(1);
    const ids = await expectPagefindsIndex(path.join(dir, "all"), path.join(dir, "one"));
    expect(ids[0]).toMatch(/^\.\.\/\.\.\/0\/fragment\/en_[0-9a-f]{7}$/);
    });
  });

  it("leaves out the hidden entries: the index of the other pages", async () => {
    await withIndexer(async (indexer, dir) => {
    const pages = stories(40, 100);
    const first = await indexer.index({ pages: pages.slice(0, 20), dir: path.join(dir, "a") });
    await indexer.index({ pages: pages.slice(20), dir: path.join(dir, "b") });
    // The whole's first page among them, and two side by side: the pages after them are copied in runs of their own.
    const hiddenUrls = [pages[0]!.url, pages[3]!.url, pages[4]!.url, pages[11]!.url];
    await pagefindIndex(pages.filter((page) => !hiddenUrls.includes(page.url)), path.join(dir, "one"));
    const hidden = hiddenUrls.map((url) => first.ids.get(url) ?? "");
    await indexer.whole(["a", "b"].map((id) => ({ id, dir: path.join(dir, id), path: `../${id}/`, hidden })), path.join(dir, "all"));
    expect(await expectPagefindsIndex(path.join(dir, "all"), path.join(dir, "one"))).toHaveLength(36);
    });
  });

  it("links a file of the index before that comes out the same, and only one that holds the same bytes (not merely its name and length)", async () => {
    await withIndexer(async (indexer, dir) => {
    const pages = stories(40, 300);
    await indexer.index({ pages: pages.slice(0, 20), dir: path.join(dir, "a") });
    await indexer.index({ pages: pages.slice(20), dir: path.join(dir, "b") });
    const shards = ["a", "b"].map((id) => ({ id, dir: path.join(dir, id), path: `../${id}/`, hidden: [] }));
    await indexer.whole(shards, path.join(dir, "before"));
    const chunks = (await fs.readdir(path.join(dir, "before", "index"))).sort();
    expect(chunks.length).toBeGreaterThan(1);
    // The first chunk of the index before: another word of the same length in it, under its name.
    const [changed, kept] = chunks.map((name) => path.join(dir, "before", "index", name)) as [string, string];
    const text = gunzipSync(await fs.readFile(changed));
    const other = Buffer.from(text);
    // A letter of its first word (after "pagefind_dcd" and the heads), another in its place.
    const at = other.findIndex((byte, n) => n > 12 && byte >= 0x61 && byte <= 0x7a);
    expect(at).toBeGreaterThan(12);
    other[at] = other[at] === 0x61 ? 0x62 : 0x61;
    await fs.writeFile(changed, gzipSync(other));
    await indexer.whole(shards, path.join(dir, "after"), { previous: path.join(dir, "before") });
    await indexer.whole(shards, path.join(dir, "fresh"));
    const after = (file: string) => path.join(dir, "after", "index", path.basename(file));
    expect(gunzipSync(await fs.readFile(after(changed))).equals(gunzipSync(await fs.readFile(path.join(dir, "fresh", "index", path.basename(changed)))))).toBe(true);
    expect(gunzipSync(await fs.readFile(after(changed))).equals(text)).toBe(true);
    expect((await fs.stat(after(changed))).ino).not.toBe((await fs.stat(changed)).ino);
    // The one left as it was is the same file, linked.
    expect((await fs.stat(after(kept))).ino).toBe((await fs.stat(kept)).ino);
    });
  });

  it("keeps apart two shards' pages that Pagefind gave the same id (seven hex digits of a hash: at 100,000 pages some meet)", async () => {
    await withIndexer(async (indexer, dir) => {
    await indexer.index({ pages: stories(2, 200), dir: path.join(dir, "a") });
    await fs.cp(path.join(dir, "a"), path.join(dir, "b"), { recursive: true });
    // "b" holds the same ids, one of them for another page.
    const [name] = (await fs.readdir(path.join(dir, "b", "fragment"))).sort();
    const fragment = path.join(dir, "b", "fragment", name!);
    const text = gunzipSync(await fs.readFile(fragment)).toString("utf8");
    const replaced = /"url":"([^"]*)"/.exec(text)?.[1];
    await fs.writeFile(fragment, gzipSync(Buffer.from(text.replace(/"url":"[^"]*"/, '"url":"/2026/other/"'))));
    const kept = ["/2026/story-200/", "/2026/story-201/"].filter((url) => url !== replaced);
    expect(kept).toHaveLength(1);
    await indexer.whole(["a", "b"].map((id) => ({ id, dir: path.join(dir, id), path: `../${id}/`, hidden: [] })), path.join(dir, "all"));
    // Each page found as the search page finds it: its id names its own shard's fragment.
    expect(await indexedUrls(path.join(dir, "all"))).toEqual(["/2026/other/", "/2026/story-200/", "/2026/story-201/", ...kept].sort());
    });
  });

  it("refuses the index of another Pagefind, naming its file", async () => {
    await withIndexer(async (indexer, dir) => {
    await indexer.index({ pages: stories(1, 300), dir: path.join(dir, "a") });
    const entryFile = path.join(dir, "a", "pagefind-entry.json");
    const entry = JSON.parse(await fs.readFile(entryFile, "utf8")) as { version: string };
    await fs.writeFile(entryFile, JSON.stringify({ ...entry, version: "1.5.2" }));
    await expect(indexer.whole([{ id: "a", dir: path.join(dir, "a"), path: "../a/", hidden: [] }], path.join(dir, "all"))).rejects.toThrow(`${entryFile} was written by Pagefind 1.5.2; Dateline joins the indexes of Pagefind ${PAGEFIND_VERSION}`);
    });
  });

  it("refuses a stored index that names a file outside its folder, naming the file and the field", async () => {
    await withIndexer(async (indexer, dir) => {
      await indexer.index({ pages: stories(3, 500), dir: path.join(dir, "a") });
      const shard = [{ id: "a", dir: path.join(dir, "a"), path: "../a/", hidden: [] }];
      // A chunk's id in the metadata, the same length, as a path out of the folder.
      const [metaName] = (await fs.readdir(path.join(dir, "a"))).filter((name) => name.endsWith(".pf_meta"));
      const metaFile = path.join(dir, "a", metaName!);
      const [chunk] = (await fs.readdir(path.join(dir, "a", "index"))).sort();
      const id = chunk!.replace(/\.pf_index$/, "");
      const outside = `../${"x".repeat(id.length - 3)}`;
      const meta = unzipped(await fs.readFile(metaFile));
      expect(meta.indexOf(id)).toBeGreaterThan(0);
      meta.write(outside, meta.indexOf(id));
      await fs.writeFile(metaFile, meta);
      await expect(indexer.whole(shard, path.join(dir, "all"))).rejects.toThrow(`${metaFile}: chunk 0's id is "${outside}", not the name of a Pagefind file`);
      // The language's hash in the entry, likewise.
      const entryFile = path.join(dir, "a", "pagefind-entry.json");
      const entry = JSON.parse(await fs.readFile(entryFile, "utf8")) as { languages: Record<string, { hash: string }> };
      for (const language of Object.values(entry.languages)) language.hash = "../../elsewhere";
      await fs.writeFile(entryFile, JSON.stringify(entry));
      await expect(indexer.whole(shard, path.join(dir, "all"))).rejects.toThrow(`${entryFile}: the en index's hash is "../../elsewhere", not the name of a Pagefind file`);
    });
  });

  it("names the shard's file it cannot read, kept unzipped or gzipped (as Pagefind writes it)", async () => {
    await withIndexer(async (indexer, dir) => {
      await indexer.index({ pages: stories(3, 400), dir: path.join(dir, "a") });
      const [chunk] = (await fs.readdir(path.join(dir, "a", "index"))).sort();
      const file = path.join(dir, "a", "index", chunk!);
      // A word chunk cut short: signed, its CBOR ending inside a word; as the store keeps it, then gzipped.
      const cut = unzipped(await fs.readFile(file)).subarray(0, 40);
      for (const bytes of [cut, gzipSync(cut)]) {
        await fs.writeFile(file, bytes);
        await expect(indexer.whole([{ id: "a", dir: path.join(dir, "a"), path: "../a/", hidden: [] }], path.join(dir, "all"))).rejects.toThrow(`${file} is not a Pagefind index file Dateline can read: CBOR: ends too soon`);
      }
      // Neither signed nor gzipped.
      await fs.writeFile(file, Buffer.from("not an index"));
      await expect(indexer.whole([{ id: "a", dir: path.join(dir, "a"), path: "../a/", hidden: [] }], path.join(dir, "all"))).rejects.toThrow(`${file} is not a Pagefind index file Dateline can read: incorrect header check`);
    });
  });

  it("steps over a stored shard's pages once: where each word's pages end is kept beside it, and the next join reads that, joining the same files", async () => {
    await withIndexer(async (indexer, dir) => {
      const pages = stories(240, 900);
      const ids = ["a", "b", "c"];
      const parts = [pages.slice(0, 80), pages.slice(80, 190), pages.slice(190)];
      for (const [n, id] of ids.entries()) await indexer.index({ pages: parts[n]!, dir: path.join(dir, id) });
      const postings = (id: string) => path.join(dir, `${id}.postings`);
      const shards = (hidden: string[] = []) => ids.map((id) => ({ id, dir: path.join(dir, id), path: `../${id}/`, hidden, postings: postings(id) }));
      const plain = ids.map((id) => ({ id, dir: path.join(dir, id), path: `../${id}/`, hidden: [] }));
      await indexer.whole(plain, path.join(dir, "walked"));
      expect(ids.some((id) => fsSync.existsSync(postings(id)))).toBe(false);
      // The first join steps over every shard and writes down where its lists end.
      await indexer.whole(shards(), path.join(dir, "first"));
      expect(ids.every((id) => fsSync.existsSync(postings(id)))).toBe(true);
      const kept = await Promise.all(ids.map((id) => fs.readFile(postings(id))));
      // A file written anew is renamed into place: the same inode means it was only read.
      const inodes = await Promise.all(ids.map(async (id) => (await fs.stat(postings(id))).ino));
      // The next reads them: the same files as the join that stepped over every page (several chunks, so their cuts are checked too).
      await indexer.whole(shards(), path.join(dir, "second"));
      const walked = await indexFiles(path.join(dir, "walked"));
      expect([...walked.keys()].filter((name) => name.startsWith("index/")).length).toBeGreaterThan(4);
      for (const joined of ["first", "second"]) {
        const files = await indexFiles(path.join(dir, joined));
        expect([...files.keys()]).toEqual([...walked.keys()]);
        for (const [name, bytes] of walked) expect(files.get(name)?.equals(bytes), `${joined}: ${name}`).toBe(true);
      }
      // Read, not written again.
      expect(await Promise.all(ids.map((id) => fs.readFile(postings(id))))).toEqual(kept);
      expect(await Promise.all(ids.map(async (id) => (await fs.stat(postings(id))).ino))).toEqual(inodes);
    });
  });

  it("steps over a shard with entries left out, and refuses a kept file that does not fit the shard, saying what to do", async () => {
    await withIndexer(async (indexer, dir) => {
      const pages = stories(60, 1200);
      const first = await indexer.index({ pages: pages.slice(0, 30), dir: path.join(dir, "a") });
      await indexer.index({ pages: pages.slice(30), dir: path.join(dir, "b") });
      const postings = (id: string) => path.join(dir, `${id}.postings`);
      const shards = (hidden: string[]) => ["a", "b"].map((id) => ({ id, dir: path.join(dir, id), path: `../${id}/`, hidden, postings: postings(id) }));
      await indexer.whole(shards([]), path.join(dir, "all"));
      const hidden = [first.ids.get(pages[2]!.url) ?? "", first.ids.get(pages[17]!.url) ?? ""];
      await indexer.whole(shards(hidden), path.join(dir, "hidden"));
      await indexer.whole(["a", "b"].map((id) => ({ id, dir: path.join(dir, id), path: `../${id}/`, hidden })), path.join(dir, "hidden-walked"));
      const [kept, walked] = [await indexFiles(path.join(dir, "hidden")), await indexFiles(path.join(dir, "hidden-walked"))];
      expect([...kept.keys()]).toEqual([...walked.keys()]);
      for (const [name, bytes] of walked) expect(kept.get(name)?.equals(bytes), name).toBe(true);
      // A file of another form is not read: the join steps over the shard and writes it anew.
      await fs.writeFile(postings("b"), "not a postings file");
      await indexer.whole(shards([]), path.join(dir, "again"));
      expect((await fs.readFile(postings("b"))).subarray(0, 12).toString()).toBe('{"version":1');
      // One whose lists end elsewhere than the shard's: refused, naming it.
      const bytes = await fs.readFile(postings("a"));
      const start = Math.ceil((bytes.indexOf(0x0a) + 1) / 4) * 4;
      bytes.writeInt32LE(bytes.readInt32LE(start) + 100_000, start);
      await fs.writeFile(postings("a"), bytes);
      await expect(indexer.whole(shards([]), path.join(dir, "damaged"))).rejects.toThrow(`${postings("a")} does not match the shard's`);
      await expect(indexer.whole(shards([]), path.join(dir, "damaged"))).rejects.toThrow("delete the build cache (.cache/dateline, or DATELINE_CACHE_DIR) to index it again");
    });
  });

  it("orders words by their code points, as Pagefind does, and bounds chunks by the shortest prefixes", () => {
    // UTF-16 puts an emoji (a surrogate pair) before U+FFFD; Pagefind's order (UTF-8 bytes) after.
    expect(["\u{1F600}", "\uFFFD", "b", "ab", "a"].sort(byBytes)).toEqual(["a", "ab", "b", "\uFFFD", "\u{1F600}"]);
    // Each chunk's first and last word: bounds as short as tell them apart, but never a last bound before the first.
    expect(chunkBounds([["apple", "apple"], ["apricot", "banana"], ["peach", "peach"]])).toEqual([["apple", "apple"], ["apr", "b"], ["p", "peach"]]);
    expect(chunkBounds([["fähre", "fähre"], ["fährmann", "haven"], ["hävn", "zoo"]])).toEqual([["fähre", "fähre"], ["fährm", "ha"], ["hä", "zoo"]]);
    expect(chunkBounds([["their", "they"], ["three", "time"]])).toEqual([["their", "they"], ["thr", "time"]]);
  });
});

describe("Pagefind's files (src/build/pagefind-cbor.js)", () => {
  it("are read from Pagefind's CBOR: integers, strings, nested arrays and maps", () => {
    // [1, "ab", [-2, 300], {"k": true}, null]
    const bytes = Buffer.from([0x85, 0x01, 0x62, 0x61, 0x62, 0x82, 0x21, 0x19, 0x01, 0x2c, 0xa1, 0x61, 0x6b, 0xf5, 0xf6]);
    expect(decodeCbor(bytes)).toEqual([1, "ab", [-2, 300], new Map([["k", true]]), null]);
    expect(() => decodeCbor(Buffer.from([0x82, 0x01]))).toThrow(/ends too soon/);
    expect(() => decodeCbor(Buffer.from([0x01, 0x02]))).toThrow(/1 bytes after the value/);
  });
});
