import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { SearchIndexer } from "../../src/build/search-index.ts";
import { chunkWords, decodeCbor, indexWords } from "../../src/build/pagefind-words.js";

const document = (title: string, words: string) =>
  `<html lang="en"><body><article data-pagefind-body><h1>${title}</h1><p>${words}</p><span data-pagefind-meta="title">${title}</span></article></body></html>`;

/** The site paths an index holds, from its entry and fragment files as Pagefind wrote them. */
async function indexedUrls(dir: string): Promise<string[]> {
  const entry = JSON.parse(await fs.readFile(path.join(dir, "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
  expect(Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0)).toBeGreaterThan(0);
  const { gunzipSync } = await import("node:zlib");
  const urls: string[] = [];
  for (const name of await fs.readdir(path.join(dir, "fragment"))) {
    // Pagefind's files are gzip streams behind a "pagefind_dcd" signature.
    const data = gunzipSync(await fs.readFile(path.join(dir, "fragment", name))).toString("utf8").replace(/^pagefind_dcd/, "");
    urls.push((JSON.parse(data) as { url: string }).url);
  }
  return urls.sort();
}

let dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.map((dir) => fs.rm(dir, { recursive: true, force: true })));
  dirs = [];
});

async function tempDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "dateline-search-index-"));
  dirs.push(dir);
  return dir;
}

describe("SearchIndexer", () => {
  it("indexes given documents and documents read from files, waiting for a file the build has yet to write", async () => {
    const dir = await tempDir();
    const later = path.join(dir, "later.search");
    const ready = path.join(dir, "ready.search");
    await fs.writeFile(ready, document("Harbour reopens", "ferries sail again"));
    const indexer = new SearchIndexer(1);
    try {
      const written = indexer.index({
        shard: "2026",
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
      // Each page's id is the name of its fragment file: what the search page hides an outdated entry by.
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
      expect((await indexer.index({ shard: "2026", pages: [{ url: "/early/", file, wait: true }], dir: path.join(dir, "index") })).pages).toBe(1);
    } finally {
      await indexer.close();
    }
  });

  it("marks the entries of the amendments shard: the same text gets a page id of its own", async () => {
    const dir = await tempDir();
    const indexer = new SearchIndexer(1);
    const pages = [{ url: "/harbour/", html: document("Harbour reopens", "ferries sail again") }];
    try {
      const plain = await indexer.index({ shard: "2026", pages, dir: path.join(dir, "plain") });
      const amended = await indexer.index({ shard: "2026", pages, dir: path.join(dir, "amended"), amended: true });
      expect(amended.ids.get("/harbour/")).toMatch(/^[\w-]+$/);
      expect(amended.ids.get("/harbour/")).not.toBe(plain.ids.get("/harbour/"));
    } finally {
      await indexer.close();
    }
  });

  it("fails a shard whose document cannot be read, with the page named", async () => {
    const dir = await tempDir();
    const indexer = new SearchIndexer(1);
    try {
      await expect(indexer.index({ shard: "2026", pages: [{ url: "/missing/", file: path.join(dir, "missing.search") }], dir: path.join(dir, "index") })).rejects.toThrow(/missing\.search/);
    } finally {
      await indexer.close();
    }
  });

  it("takes turns to write: shards larger than the pages allowed at once are written, one at a time, and every turn is given back", async () => {
    const dir = await tempDir();
    const indexer = new SearchIndexer(2, 2);
    const shard = (name: string, count: number) => ({
      shard: name,
      pages: Array.from({ length: count }, (_, i) => ({ url: `/${name}/${i}/`, html: document(`${name} ${i}`, `story ${name} number ${i}`) })),
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
      const written = indexer.index({ shard: "2026", pages: [{ url: "/harbour/", html: document("Harbour reopens", "ferries sail again") }], dir: path.join(dir, "index") });
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
    const waiting = indexer.index({ shard: "2026", pages: [{ url: "/never/", file: path.join(dir, "never.search"), wait: true }], dir: path.join(dir, "index") });
    const failure = new Error("the build failed");
    const failed = expect(waiting).rejects.toBe(failure);
    await indexer.abort(failure);
    await failed;
  });
});

describe("the words of a written index (src/build/pagefind-words.js)", () => {
  it("are its stems, each once, and leave out the words only hidden entries hold", async () => {
    const dir = await tempDir();
    const indexer = new SearchIndexer(1);
    try {
      const shard = path.join(dir, "2026");
      const written = await indexer.index({
        shard: "2026",
        pages: [
          { url: "/ferries/", html: document("Ferries sailing", "the harbourmaster counted ferries") },
          { url: "/quokka/", html: document("Quokka seen", "a quokka near the harbour") },
        ],
        dir: shard,
      });
      const words = indexWords(shard);
      // Stemmed as Pagefind's English search stems a query: "ferries" is "ferri", "sailing" is "sail".
      expect(words).toEqual(expect.arrayContaining(["ferri", "sail", "harbourmast", "quokka", "harbour"]));
      expect(new Set(words).size).toBe(words.length);
      expect(written.words).toEqual(words);
      const hidden = new Set([written.ids.get("/quokka/") ?? ""]);
      expect(indexWords(shard, hidden)).toEqual(expect.arrayContaining(["ferri", "sail", "harbourmast", "the"]));
      // Only on the hidden page: the story's words, including "harbour" (the other says "harbourmaster").
      for (const word of ["quokka", "seen", "near", "harbour"]) expect(indexWords(shard, hidden)).not.toContain(word);
    } finally {
      await indexer.close();
    }
  });

  it("are stepped through in a chunk without decoding its pages: a word on no page and with no form on one is left out", () => {
    // Pagefind's chunk: [[[word, [[page, locations, meta locations], …], [[form, pages], …]], …]].
    const chunk = [[["ab", [[1, [-25, 3], []], [2, [300], [-9, 70000]]], []], ["cafe", [], [["café", [[4, [12], []]]]]], ["ef", [], []]]];
    expect(chunkWords(encodeCbor(chunk))).toEqual(["ab", "cafe"]);
    expect(decodeCbor(encodeCbor(chunk))).toEqual(chunk);
    expect(() => chunkWords(encodeCbor([[["ab", [[1, [2]]]]]]).subarray(0, 7))).toThrow(/ends too soon/);
  });

  it("are read from Pagefind's CBOR: integers, strings, nested arrays and maps", () => {
    // [1, "ab", [-2, 300], {"k": true}, null]
    const bytes = Buffer.from([0x85, 0x01, 0x62, 0x61, 0x62, 0x82, 0x21, 0x19, 0x01, 0x2c, 0xa1, 0x61, 0x6b, 0xf5, 0xf6]);
    expect(decodeCbor(bytes)).toEqual([1, "ab", [-2, 300], new Map([["k", true]]), null]);
    expect(() => decodeCbor(Buffer.from([0x82, 0x01]))).toThrow(/ends too soon/);
    expect(() => decodeCbor(Buffer.from([0x01, 0x02]))).toThrow(/1 bytes after the value/);
  });
});

/** CBOR of numbers, strings and arrays, as Pagefind writes them (definite lengths, shortest heads). */
function encodeCbor(value: unknown): Buffer {
  const head = (major: number, size: number) => {
    if (size < 24) return Buffer.from([(major << 5) | size]);
    if (size < 256) return Buffer.from([(major << 5) | 24, size]);
    if (size < 65536) return Buffer.from([(major << 5) | 25, size >> 8, size & 255]);
    const bytes = Buffer.alloc(5);
    bytes[0] = (major << 5) | 26;
    bytes.writeUInt32BE(size, 1);
    return bytes;
  };
  if (typeof value === "number") return value < 0 ? head(1, -1 - value) : head(0, value);
  if (typeof value === "string") return Buffer.concat([head(3, Buffer.byteLength(value)), Buffer.from(value)]);
  if (Array.isArray(value)) return Buffer.concat([head(4, value.length), ...value.map(encodeCbor)]);
  throw new Error(`not encoded: ${String(value)}`);
}
