// A Pagefind indexer of its own, in a worker thread: Pagefind keeps one indexing process per module
// instance, so two workers index two shards at once, one on each core (src/build/search-index.ts).
// The worker reads the pages' documents itself, as the build writes them: the build's thread only
// says which have arrived, so indexing never waits for it to be idle.
// Plain JavaScript: worker threads do not share the TypeScript loader the build runs with.
import { parentPort, workerData } from "node:worker_threads";
import { Buffer } from "node:buffer";
import fsSync from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { constants, gunzipSync } from "node:zlib";
import * as pagefind from "pagefind";
import { indexWords } from "./pagefind-words.js";

/** Pages sent to Pagefind and not yet read by it, at most: the documents in memory stay few. */
const MAX_IN_FLIGHT = 200;

/**
 * Pages being written by all the build's indexers, counted in memory they share (src/build/
 * search-index.ts). Pagefind holds ~0.4 MB a page while it writes a shard's files, four times what it
 * holds while adding them: the indexers take turns so that at most `writingPages` write at once. A shard
 * larger than that writes alone, until the build lets them all write side by side (a slice, once its
 * pages are written). The turns are kept among the workers, so no write waits for the build's thread
 * to be free.
 * @type {Int32Array}
 */
const writing = workerData.writing;
/** @type {number} */
const writingPages = workerData.writingPages;
/** Whether the build has let every indexer write at once from now on (`writing[1]`, src/build/search-index.ts `writeSideBySide`). */
const sideBySide = () => Atomics.load(writing, 1) === 1;

/**
 * Waits for a turn to write `pages` pages; returns its release.
 * @param {number} pages
 */
async function writeTurn(pages) {
  for (;;) {
    const now = Atomics.load(writing, 0);
    if (now === 0 || sideBySide() || now + pages <= writingPages) {
      if (Atomics.compareExchange(writing, 0, now, now + pages) === now) break;
      continue;
    }
    await Atomics.waitAsync(writing, 0, now).value;
  }
  return () => {
    Atomics.sub(writing, 0, pages);
    Atomics.notify(writing, 0);
  };
}

/**
 * Marks a story's entry in the amendments shard (src/build/search-amendments.ts): its own fragment,
 * and so its own page id, even where its text is the same as the outdated entry it stands in for.
 */
const AMENDED_MARK = '<p data-pagefind-meta="amended:true" hidden></p>';

/** The index's own filters (src/site/search.ts `SEARCH_FILTERS`): a story's shard; the shard a vocabulary page lists the words of. */
const FILTERS = workerData.filters;

/**
 * Names a page's shard in a filter of its own: the search page keeps a query to the shards whose words
 * match it as one index's would (src/build/search-vocabulary.ts). Shard ids are "2026", "2026-q1", ….
 * @param {string} shard
 */
const shardFilter = (shard) => `<span data-pagefind-filter="${FILTERS.shard}:${shard}"></span>`;

/** The opening of a fragment's text: "pagefind_dcd{"url":"/2026/03/05/flood/",…". */
const URL_FIRST = /^pagefind_dcd\{"url":("(?:[^"\\]|\\.)*")/;

/**
 * Pagefind's page id of every page of a written shard, by URL: the name of its fragment file, whose
 * gzipped text ("pagefind_dcd" and the fragment's JSON) names the page first. Only the first bytes
 * of each file are read and unpacked, synchronously (this thread has nothing else to do meanwhile):
 * ~0.015 ms a page, where reading whole files took ~0.16 ms (timed alone over a built 10,000-story
 * site's fragments). A file whose URL is not in its first bytes is read whole; one that names no URL
 * leaves its page without an id, and the shard is then never amended.
 * @param {string} dir
 * @returns {[string, string][]}
 */
function pageIds(dir) {
  const folder = path.join(dir, "fragment");
  const head = Buffer.alloc(512);
  /** @type {[string, string][]} */
  const ids = [];
  // A shard without pages (a site without articles) has no fragments.
  const names = fsSync.existsSync(folder) ? fsSync.readdirSync(folder).sort() : [];
  for (const name of names) {
    const id = name.replace(/\.pf_fragment$/, "");
    const file = path.join(folder, name);
    const fd = fsSync.openSync(file, "r");
    let read;
    try {
      read = fsSync.readSync(fd, head, 0, head.length, 0);
    } finally {
      fsSync.closeSync(fd);
    }
    const start = URL_FIRST.exec(gunzipSync(head.subarray(0, read), { finishFlush: constants.Z_SYNC_FLUSH }).toString("utf8"));
    if (start?.[1]) {
      ids.push([JSON.parse(start[1]), id]);
      continue;
    }
    const text = gunzipSync(fsSync.readFileSync(file)).toString("utf8");
    const fragment = JSON.parse(text.slice(text.indexOf("{")));
    if (typeof fragment.url === "string") ids.push([fragment.url, id]);
  }
  return ids;
}

/** Pages the build has written, by site path; and a shard's feed waiting for one. */
const arrived = new Set();
/** @type {Map<string, () => void>} */
const waiting = new Map();

/** @param {string} url */
function whenArrived(url) {
  if (arrived.has(url)) return Promise.resolve();
  return new Promise((resolve) => waiting.set(url, () => resolve(undefined)));
}

/**
 * One shard: its pages are added in order, each once it is at hand, then its files are written.
 * @param {{ id: number; shard: string; pages: ({ url: string; html: string } | { url: string; file: string; wait?: boolean; ready?: boolean })[]; dir: string; amended?: boolean }} job
 */
async function indexShard({ id, shard, pages, dir, amended }) {
  const created = await pagefind.createIndex({});
  const index = created.index;
  if (!index) return { type: "written", id, pages: 0, errors: created.errors };
  /** @type {string[]} */
  const errors = [];
  try {
    /** @type {Set<Promise<void>>} */
    const inFlight = new Set();
    for (const page of pages) {
      let html;
      if ("html" in page) html = page.html;
      else {
        if (page.wait && !page.ready) await whenArrived(page.url);
        html = await fs.readFile(page.file, "utf8");
      }
      const marks = shardFilter(shard) + (amended ? AMENDED_MARK : "");
      const end = html.lastIndexOf("</article>");
      html = end < 0 ? html + marks : html.slice(0, end) + marks + html.slice(end);
      const added = index.addHTMLFile({ url: page.url, content: html }).then(
        (result) => void errors.push(...result.errors.map((error) => `${page.url}: ${error}`)),
        (error) => void errors.push(`${page.url}: ${String(error)}`),
      );
      inFlight.add(added);
      void added.then(() => inFlight.delete(added));
      if (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    if (errors.length > 0) return { type: "written", id, pages: 0, errors };
    await fs.rm(dir, { recursive: true, force: true });
    const release = await writeTurn(pages.length);
    const written = await index.writeFiles({ outputPath: dir }).finally(release);
    if (written.errors.length > 0) return { type: "written", id, pages: 0, errors: written.errors };
    const entry = JSON.parse(await fs.readFile(path.join(dir, "pagefind-entry.json"), "utf8"));
    /** @type {number} */
    const count = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
    // Its words, for the vocabulary (src/build/search-vocabulary.ts): read here, beside the build,
    // rather than all at once after the last shard.
    return { type: "written", id, pages: count, ids: pageIds(dir), words: indexWords(dir), errors: [] };
  } catch (error) {
    return { type: "written", id, pages: 0, errors: [...errors, String(error)] };
  } finally {
    await index.deleteIndex();
    for (const page of pages) arrived.delete(page.url);
    // Pagefind's process keeps the memory of the largest shard it wrote (~0.4 MB a page) until it
    // exits: each shard gets a process of its own, ended once its files are written.
    await pagefind.close();
  }
}

/**
 * The vocabulary index: a page for each shard, listing the words its index holds (without those only
 * its hidden entries hold), and a page of the words every shard holds, which names them all (two
 * fifths of the shards' words at 100,000 stories: those the shards' pages then need not list). Written
 * as "unknown" language, so Pagefind keeps the words as they are: they are stems already, and the
 * search page searches it, a word at a time, with the site's stemmer (public/js/search.js).
 * Each shard's words are read from their file, or else from the shard's folder.
 * @param {{ id: number; shards: { id: string; file?: string; dir?: string; hidden?: string[] }[]; dir: string }} job
 */
async function indexVocabulary({ id, shards, dir }) {
  const created = await pagefind.createIndex({ forceLanguage: "unknown" });
  const index = created.index;
  if (!index) return { type: "written", id, pages: 0, errors: created.errors };
  /** @type {string[]} */
  const errors = [];
  try {
    const lists = await Promise.all(shards.map((shard) => (shard.file === undefined ? indexWords(shard.dir ?? "", new Set(shard.hidden)) : fs.readFile(shard.file, "utf8").then((text) => (text === "" ? [] : text.split("\n"))))));
    /** @type {Map<string, number>} */
    const shardsOf = new Map();
    for (const words of lists) for (const word of words) shardsOf.set(word, (shardsOf.get(word) ?? 0) + 1);
    const everywhere = shards.length > 1 ? lists[0]?.filter((word) => shardsOf.get(word) === shards.length) ?? [] : [];
    const common = new Set(everywhere);
    /** @type {{ url: string; content: string; language: string; filters: Record<string, string[]> }[]} */
    const records = shards.map((shard, n) => ({ url: `/${shard.id}/`, content: (lists[n] ?? []).filter((word) => !common.has(word)).join(" "), language: "unknown", filters: { [FILTERS.vocabulary]: [shard.id] } }));
    if (everywhere.length > 0) records.push({ url: "/", content: everywhere.join(" "), language: "unknown", filters: { [FILTERS.vocabulary]: shards.map((shard) => shard.id) } });
    for (const record of records) {
      const added = await index.addCustomRecord(record);
      errors.push(...added.errors.map((error) => `${record.url}: ${error}`));
    }
    if (errors.length > 0) return { type: "written", id, pages: 0, errors };
    await fs.rm(dir, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath: dir });
    return { type: "written", id, pages: records.length, errors: written.errors };
  } catch (error) {
    return { type: "written", id, pages: 0, errors: [...errors, String(error)] };
  } finally {
    await index.deleteIndex();
    await pagefind.close();
  }
}

// Shards are indexed one after another, in the order they were dealt; arrivals are noted at once.
let queue = Promise.resolve();
parentPort?.on("message", (message) => {
  if (message.type === "arrived") {
    arrived.add(message.url);
    waiting.get(message.url)?.();
    waiting.delete(message.url);
    return;
  }
  if (message.type === "index") queue = queue.then(async () => parentPort?.postMessage(await indexShard(message)));
  if (message.type === "vocabulary") queue = queue.then(async () => parentPort?.postMessage(await indexVocabulary(message)));
  if (message.type === "close") {
    queue = queue.then(async () => {
      await pagefind.close();
      parentPort?.postMessage({ type: "closed" });
    });
  }
});
