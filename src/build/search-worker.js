// A search indexer in a worker thread: two index two shards at once, one on each core (src/build/
// search-index.ts). Each page's document is read as Pagefind reads it (pagefind-fossick.js) as soon
// as the build hands it over (or from the store), and the shard's files are written as Pagefind writes
// them (pagefind-write.js); a shard with a page in a language Dateline cannot read as Pagefind does is
// given to Pagefind itself (one indexing process per module instance, so one per worker).
// Plain JavaScript: worker threads do not share the TypeScript loader the build runs with.
import { parentPort, workerData } from "node:worker_threads";
import { Buffer } from "node:buffer";
import fsSync from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";
import { fragmentUrl } from "./pagefind-cbor.js";
import { fossick, UnsupportedLanguage } from "./pagefind-fossick.js";
import { mergeIndexes } from "./pagefind-merge.js";
import { PagefindIndexWriter } from "./pagefind-write.js";
import { keepContents, keepFolder } from "./stored-shards.js";

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
/**
 * Shards kept in the store by all the build's indexers so far (`keep` of an index job), in memory they
 * share: the join of the whole index waits for as many as the build dealt out (its `after`), without
 * a turn of the build's thread, which may be busy planning or rendering for seconds.
 * @type {Int32Array}
 */
const kept = workerData.kept;
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

/** Pages the build has written, by site path; and a shard's feed waiting for one, given its document. */
const arrived = new Set();
/** @type {Map<string, (html: string | undefined) => void>} */
const waiting = new Map();

/**
 * Once the build has written the page's document: the document when it was handed over as the
 * shard waited for it, else undefined (it is read from its file).
 * @param {string} url
 * @returns {Promise<string | undefined>}
 */
function whenArrived(url) {
  if (arrived.has(url)) return Promise.resolve(undefined);
  return new Promise((resolve) => waiting.set(url, resolve));
}

/**
 * @param {string} url
 * @param {string} [html]
 */
function arrive(url, html) {
  arrived.add(url);
  waiting.get(url)?.(html);
  waiting.delete(url);
}

/** Folders of the store this worker has made. */
const madeDirs = new Set();

/**
 * Keeps a page's search document in the store, for later builds, from this thread: the build's
 * thread hands it over instead of writing it (10,000 files at ~0.3 ms each, measured, were a tenth
 * of its time).
 * @param {string} file
 * @param {string} html
 */
function keepDocument(file, html) {
  const dir = path.dirname(file);
  if (!madeDirs.has(dir)) {
    fsSync.mkdirSync(dir, { recursive: true });
    madeDirs.add(dir);
  }
  fsSync.writeFileSync(file, html);
}

/**
 * One shard: each page is read as Pagefind reads it (pagefind-fossick.js) once it is at hand, then the
 * shard's files are written as Pagefind writes them (pagefind-write.js). A page in a language the
 * reader does not carry (no stemmer it has checked against Pagefind's, or a script Pagefind segments)
 * sends the shard to Pagefind itself.
 * @param {{ id: number; pages: ShardPage[]; dir: string }} job
 */
async function indexShard(job) {
  const writer = new PagefindIndexWriter(job.dir, languageAssets);
  /** The documents, once a page turns out to need Pagefind. @type {{ url: string; html: string }[] | undefined} */
  let documents;
  try {
    await fs.rm(job.dir, { recursive: true, force: true });
    for (const [n, page] of job.pages.entries()) {
      const html = await documentOf(page);
      if (!documents) {
        try {
          const read = fossick(page.url, html, writer.sink);
          if (read) await writer.add(read);
          continue;
        } catch (error) {
          if (!(error instanceof UnsupportedLanguage)) throw new Error(`${describe(page)}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
          await writer.abandon();
          documents = await Promise.all(job.pages.slice(0, n).map(async (before) => ({ url: before.url, html: await documentOf(before) })));
        }
      }
      documents.push({ url: page.url, html });
    }
    if (!documents) {
      const { pages, ids } = await writer.finish();
      return { type: "written", id: job.id, pages, ids, errors: [] };
    }
  } catch (error) {
    return { type: "written", id: job.id, pages: 0, errors: [error instanceof Error ? error.message : String(error)] };
  } finally {
    for (const page of job.pages) arrived.delete(page.url);
  }
  return indexShardWithPagefind({ id: job.id, pages: documents, dir: job.dir });
}

/**
 * @typedef {{ url: string; html: string } | { url: string; file: string; wait?: boolean; ready?: boolean }} ShardPage
 */

/**
 * A page as an error names it: its site path, and its document's file when it has one.
 * @param {ShardPage} page
 */
function describe(page) {
  return "file" in page ? `${page.url} (search document ${page.file})` : page.url;
}

/**
 * A page's search document: given, or read from its file once the build has written it.
 * @param {ShardPage} page
 */
async function documentOf(page) {
  if ("html" in page) return page.html;
  if (page.wait && !page.ready) {
    const html = await whenArrived(page.url);
    if (html !== undefined) return html;
  }
  return fs.readFile(page.file, "utf8");
}

/** @type {Map<string, Promise<import("./pagefind-write.js").LanguageAssets>>} */
const assets = new Map();

/**
 * What Pagefind writes for any index of `language` besides its pages (scripts, styles, WebAssembly),
 * asked of Pagefind once: the files of an index of one page, kept in memory.
 * @param {string} language
 */
function languageAssets(language) {
  let made = assets.get(language);
  if (!made) {
    made = (async () => {
      const { index, errors } = await pagefind.createIndex({});
      if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
      try {
        await index.addHTMLFile({ url: "/", content: `<html lang="${language.replace(/[^a-z0-9-]/gi, "")}"><body><p>dateline</p></body></html>` });
        const { files, errors: failed } = await index.getFiles();
        if (failed.length > 0) throw new Error(failed.join("; "));
        const entry = JSON.parse(Buffer.from(files.find((file) => file.path === "pagefind-entry.json")?.content ?? "{}").toString("utf8"));
        const wasm = entry.languages?.[language]?.wasm;
        if (typeof wasm !== "string") throw new Error(`Pagefind wrote no index of the language ${language}`);
        return {
          files: files.filter((file) => !file.path.includes("/") && file.path !== "pagefind-entry.json" && !file.path.endsWith(".pf_meta")),
          wasm,
          includeCharacters: entry.include_characters ?? [],
        };
      } finally {
        await index.deleteIndex();
        await pagefind.close();
      }
    })();
    assets.set(language, made);
  }
  return made;
}

/**
 * One shard indexed by Pagefind: its pages are added in order, each once it is at hand, then its files
 * are written.
 * @param {{ id: number; pages: ShardPage[]; dir: string }} job
 */
async function indexShardWithPagefind({ id, pages, dir }) {
  const created = await pagefind.createIndex({});
  const index = created.index;
  if (!index) return { type: "written", id, pages: 0, errors: created.errors };
  /** @type {string[]} */
  const errors = [];
  try {
    /** @type {Set<Promise<void>>} */
    const inFlight = new Set();
    for (const page of pages) {
      const html = await documentOf(page);
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
    // Pagefind's process keeps the memory of the largest shard it wrote (~0.4 MB a page) until it
    // exits: each shard gets a process of its own, ended once its files are written.
    await pagefind.close();
  }
}

/**
 * @typedef {{ dir: string; contents?: { file: string; keys: [string, string][] } }} Keep
 *   where a written shard is kept in the store (src/build/store.ts `shardDir`), and the file of what it
 *   holds (`shardContentsFile`, read by `readShardContents`) with each page's search document key, in its order
 */

/**
 * Keeps a shard written into `job.dir` in the store (`job.keep`): what it holds first (its pages'
 * URLs, document keys and Pagefind ids; not when a page has no id: the shard is then indexed again,
 * never amended), then the folder; then counts it among the shards kept.
 * @param {{ id: number; dir: string; keep?: Keep }} job
 * @param {{ type: string; id: number; pages: number; ids?: [string, string][]; errors: string[] }} reply
 */
async function keepShard(job, reply) {
  if (!job.keep || reply.errors.length > 0) return reply;
  try {
    const { contents, dir } = job.keep;
    if (contents) {
      const ids = new Map(reply.ids);
      const documents = contents.keys.map(([url, key]) => [url, key, ids.get(url) ?? ""]);
      if (documents.every(([, , pageId]) => pageId !== "")) await keepContents(contents.file, JSON.stringify({ documents }));
    }
    await keepFolder(job.dir, dir);
  } catch (error) {
    return { ...reply, pages: 0, errors: [`could not keep ${job.dir} as ${job.keep.dir}: ${error instanceof Error ? error.message : String(error)}`] };
  }
  Atomics.add(kept, 0, 1);
  Atomics.notify(kept, 0);
  return reply;
}

/**
 * The index of the whole site: the shards' indexes joined (src/build/pagefind-merge.js), each without
 * its hidden entries, once `after` shards are kept (by any of the build's indexers); then kept in the
 * store as `keep`. No Pagefind process: the files are joined as they are.
 * @param {{ id: number; shards: { dir: string; hidden: string[] }[]; dir: string; order?: string[]; previous?: string; after?: number; keep?: string }} job
 */
async function joinShards({ id, shards, dir, order, previous, after = 0, keep }) {
  try {
    for (let now = Atomics.load(kept, 0); now < after; now = Atomics.load(kept, 0)) await Atomics.waitAsync(kept, 0, now).value;
    await fs.rm(dir, { recursive: true, force: true });
    const { pages } = await mergeIndexes(shards, dir, { order, previous });
    if (keep !== undefined) await keepFolder(dir, keep);
    return { type: "written", id, pages, errors: [] };
  } catch (error) {
    return { type: "written", id, pages: 0, errors: [error instanceof Error ? error.message : String(error)] };
  }
}

// Shards are indexed one after another, in the order they were dealt; arrivals are noted at once.
let queue = Promise.resolve();
parentPort?.on("message", (message) => {
  if (message.type === "arrived") return arrive(message.url);
  // Fetched ahead (`SearchIndexer.expect`), in turn with the shards (they may run a Pagefind process
  // of their own); a failure is met again, and said, by the shard that needs them.
  if (message.type === "assets") queue = queue.then(() => languageAssets(message.language).then(() => undefined, () => undefined));
  if (message.type === "document") {
    keepDocument(message.file, message.html);
    return arrive(message.url, message.html);
  }
  if (message.type === "index") queue = queue.then(async () => parentPort?.postMessage(await keepShard(message, await indexShard(message))));
  if (message.type === "whole") queue = queue.then(async () => parentPort?.postMessage(await joinShards(message)));
  if (message.type === "close") {
    queue = queue.then(async () => {
      await pagefind.close();
      parentPort?.postMessage({ type: "closed" });
    });
  }
});
// Its modules are loaded: from now on the build may end this thread (src/build/search-index.ts `stop`).
parentPort?.postMessage({ type: "loaded" });
