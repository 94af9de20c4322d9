// A Pagefind indexer of its own, in a worker thread: Pagefind keeps one indexing process per module
// instance, so two workers index two shards at once, one on each core (src/build/search-index.ts).
// The worker reads the pages' documents itself, as the build writes them: the build's thread only
// says which have arrived, so indexing never waits for it to be idle.
// Plain JavaScript: worker threads do not share the TypeScript loader the build runs with.
import { parentPort, workerData } from "node:worker_threads";
import fsSync from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";
import { fragmentUrl } from "./pagefind-cbor.js";
import { mergeIndexes } from "./pagefind-merge.js";

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
 * Pagefind's page id of every page of a written shard, by URL: the name of its fragment file, and the
 * URL its text names (`fragmentUrl`). One that names no URL leaves its page without an id, and the
 * shard is then never amended.
 * @param {string} dir
 * @returns {[string, string][]}
 */
function pageIds(dir) {
  const folder = path.join(dir, "fragment");
  // A shard without pages (a site without articles) has no fragments.
  const names = fsSync.existsSync(folder) ? fsSync.readdirSync(folder).sort() : [];
  return names.flatMap((name) => {
    const url = fragmentUrl(path.join(folder, name));
    return url === undefined ? [] : [[url, name.replace(/\.pf_fragment$/, "")]];
  });
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
 * @param {{ id: number; pages: ({ url: string; html: string } | { url: string; file: string; wait?: boolean; ready?: boolean })[]; dir: string }} job
 */
async function indexShard({ id, pages, dir }) {
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
    return { type: "written", id, pages: count, ids: pageIds(dir), errors: [] };
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
 * The index of the whole site: the shards' indexes joined (src/build/pagefind-merge.js), each without
 * its hidden entries. No Pagefind process: the files are joined as they are.
 * @param {{ id: number; shards: { dir: string; hidden: string[] }[]; dir: string; order?: string[]; previous?: string }} job
 */
async function joinShards({ id, shards, dir, order, previous }) {
  try {
    await fs.rm(dir, { recursive: true, force: true });
    const { pages } = await mergeIndexes(shards, dir, { order, previous });
    return { type: "written", id, pages, errors: [] };
  } catch (error) {
    return { type: "written", id, pages: 0, errors: [error instanceof Error ? error.message : String(error)] };
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
  if (message.type === "whole") queue = queue.then(async () => parentPort?.postMessage(await joinShards(message)));
  if (message.type === "close") {
    queue = queue.then(async () => {
      await pagefind.close();
      parentPort?.postMessage({ type: "closed" });
    });
  }
});
