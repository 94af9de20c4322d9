// One Pagefind index of the whole site, written from the indexes of its shards (docs/architecture.md,
// "Search"). A build indexes only the shards whose stories changed; this joins them, without the
// outdated entries of amended shards, into the files Pagefind itself writes for one index of all
// their pages: its pages in the shards' order, each word's pages from every shard, the filters'
// values, and the word chunks cut as Pagefind cuts them; only each page's id differs, naming its
// fragment in its shard's folder. The search page loads this one index, so it
// ranks and matches a query exactly as one index of the site does: the statistics are the site's.
// Pagefind's files are CBOR (pagefind-cbor.js reads them); the postings are copied as they are, only
// the page numbers change. Plain JavaScript: it runs in an indexer's worker thread.
import crypto from "node:crypto";
import fs from "node:fs";
import fsPromises from "node:fs/promises";
import path from "node:path";
import { CborReader, CborWriter, decodeCbor, fragmentUrl, holdsPagefindFile, packPagefindFile, readPagefindFile, storePagefindFile } from "./pagefind-cbor.js";
import { linkOrCopySync } from "./link-files.js";
import { POSTINGS_FIELDS, readPostingsIndex, writePostingsIndex } from "./postings-index.js";

/** The Pagefind whose files this writes (package.json pins it): another version's may differ. */
export const PAGEFIND_VERSION = "1.6.0";
/** Pagefind starts a new chunk of words once its words' pages, their locations (in the text and the meta fields) and the words' forms reach this many. */
const CHUNK_LOCATIONS = 20000;
const ENTRY = "pagefind-entry.json";
/** A page's file: the one part of a shard readers fetch. */
export const FRAGMENT_SUFFIX = ".pf_fragment";

/**
 * @typedef {{ dir: string; path: string; hidden?: readonly string[]; contents?: string | undefined; postings?: string | undefined }} MergeShard
 *   a shard's written index; the URL path from the whole index's folder to the shard's as published
 *   ("../2024/"), where its pages' fragments stay; the Pagefind page ids of its entries left out (an
 *   amended shard's outdated ones); and a file of what it holds, `{ documents: [url, key, id][] }`
 *   (src/build/search-amendments.ts), which names its pages' URLs without their fragments being read;
 *   and a file beside a stored shard of where each word's pages end in its chunks (postings-index.js),
 *   read when it is there, written by the join that stepped over the shard without it
 */

/**
 * Writes into `out` (a new folder) one Pagefind index of `shards`' pages: in their order, or in the
 * order of their URLs in `order` (every page's URL, from what its shard holds or else its fragment,
 * must be in it). A file
 * that comes out the same as the one of that name in `previous` (an earlier index this wrote) is
 * linked from it, not compressed again: an edit changes a few of a large index's chunks.
 * @param {readonly MergeShard[]} shards
 * @param {string} out
 * @param {{ order?: readonly string[] | undefined; previous?: string | undefined }} [options]
 * @returns {Promise<{ pages: number }>}
 */
export async function mergeIndexes(shards, out, { order, previous } = {}) {
  const ranks = order && new Map(order.map((url, rank) => [url, rank]));
  const entries = shards.map((shard) => {
    const entry = readEntry(shard.dir);
    if (entry.version !== PAGEFIND_VERSION) throw new Error(`${path.join(shard.dir, ENTRY)} was written by Pagefind ${entry.version}; Dateline joins the indexes of Pagefind ${PAGEFIND_VERSION} (pin it in package.json)`);
    return entry;
  });
  fs.mkdirSync(out, { recursive: true });
  // Pagefind's scripts and each language's WebAssembly: the same in every shard.
  for (const shard of shards) {
    for (const name of fs.readdirSync(shard.dir)) {
      const from = path.join(shard.dir, name);
      if (name === ENTRY || name.endsWith(".pf_meta") || !fs.statSync(from).isFile()) continue;
      linkOnce(from, path.join(out, name));
    }
  }
  /** @type {Record<string, { hash: string; wasm: string; page_count: number }>} */
  const languages = {};
  const names = [...new Set(entries.flatMap((entry) => Object.keys(entry.languages ?? {})))].sort();
  let pages = 0;
  // What each shard holds, read once for all its languages (only to put its pages in the order asked).
  const urls = shards.map((shard) => (ranks && shard.contents !== undefined && fs.existsSync(shard.contents) ? urlsById(shard.contents) : undefined));
  const postings = shards.map((shard) => (shard.postings === undefined ? undefined : readPostingsIndex(shard.postings)));
  /** Each shard's languages whose lists this join writes down. @type {{ language: string; record: NonNullable<Part["record"]> }[][]} */
  const recorded = shards.map(() => []);
  for (const language of names) {
    const parts = shards.flatMap((shard, n) => {
      const info = entries[n]?.languages?.[language];
      if (!info) return [];
      const hash = fileName(info.hash, path.join(shard.dir, ENTRY), `the ${language} index's hash`);
      const meta = `pagefind.${hash}.pf_meta`;
      // Where the shard's lists end, when a join wrote it down from this very index (its metadata names every chunk by its hash).
      const kept = postings[n]?.get(language);
      const lists = kept && kept.meta === meta ? { file: /** @type {string} */ (shard.postings), values: kept.values, at: 0 } : undefined;
      const record = lists === undefined && shard.postings !== undefined ? { meta, values: /** @type {number[]} */ ([]), complete: false } : undefined;
      if (record) recorded[n]?.push({ language, record });
      return [{ dir: shard.dir, path: shard.path, hidden: new Set(shard.hidden ?? []), urls: urls[n], meta: readMeta(path.join(shard.dir, meta)), wasm: info.wasm, lists, record }];
    });
    const merged = await mergeLanguage(language, parts, out, ranks, previous);
    languages[language] = { hash: merged.hash, wasm: parts[0]?.wasm ?? language, page_count: merged.pages };
    pages += merged.pages;
  }
  const first = entries[0] ?? { version: PAGEFIND_VERSION };
  fs.writeFileSync(path.join(out, ENTRY), JSON.stringify({ version: first.version, languages, include_characters: first.include_characters ?? [] }));
  // Where the lists end in each shard stepped over (in every language it has), for its next join;
  // not when one language's pages went page by page (its meta fields numbered otherwise).
  for (const [n, shard] of shards.entries()) {
    const mine = recorded[n] ?? [];
    if (shard.postings === undefined || mine.length === 0 || !mine.every((entry) => entry.record.complete)) continue;
    await writePostingsIndex(shard.postings, mine.map(({ language, record }) => ({ language, meta: record.meta, values: record.values })));
  }
  return { pages };
}

/** @param {string} dir */
function readEntry(dir) {
  return JSON.parse(fs.readFileSync(path.join(dir, ENTRY), "utf8"));
}

/**
 * A shard's metadata: `[version, pages [[id, word count, fragment group]], chunks [[from, to, id]], filters
 * [[name, id]], sorts, meta fields]`.
 * @param {string} file
 * @returns {[string, [string, number, unknown][], [string, string, string][], [string, string][], unknown[], string[]]}
 */
function readMeta(file) {
  const meta = /** @type {any} */ (decodeCbor(readPagefindFile(file)));
  // Every file it names is read from the shard's folder, or named from the whole index's.
  for (const [n, page] of (meta?.[1] ?? []).entries()) {
    fileName(page?.[0], file, `page ${n}'s id`);
    if (typeof page?.[2] === "string" && page[2] !== "") fileName(page[2], file, `page ${n}'s fragment group`);
  }
  for (const [n, chunk] of (meta?.[2] ?? []).entries()) fileName(chunk?.[2], file, `chunk ${n}'s id`);
  for (const [n, filter] of (meta?.[3] ?? []).entries()) fileName(filter?.[1], file, `filter ${n}'s id`);
  return meta;
}

/** How Pagefind names its files ("en-us_1a2b3c4"): no name of another form is read or written. */
const FILE_NAME = /^[A-Za-z0-9_-]+$/;

/**
 * `name` as a stored index gives it for one of its files, checked to be a plain file name: a folder
 * restored from a CI cache cannot make the join read or point outside the index.
 * @param {unknown} name
 * @param {string} file the file that gives it
 * @param {string} what which of its fields
 * @returns {string}
 */
function fileName(name, file, what) {
  if (typeof name === "string" && FILE_NAME.test(name)) return name;
  throw new Error(`${file}: ${what} is ${JSON.stringify(name)}, not the name of a Pagefind file (letters, digits, "-" and "_"): the stored search index is damaged; delete the build cache (.cache/dateline, or DATELINE_CACHE_DIR) to index it again`);
}

/**
 * @typedef {{ dir: string; path: string; hidden: Set<string>; urls: Map<string, string> | undefined; meta: ReturnType<typeof readMeta>; lists?: { file: string; values: Int32Array; at: number } | undefined; record?: { meta: string; values: number[]; complete: boolean } | undefined }} Part
 *   one shard's index of one language, and its pages' URLs by id when it keeps what it holds; where
 *   its lists end, kept by an earlier join (`lists`, read in order), or written down by this one (`record`)
 */

/**
 * One language's index of `parts`, written into `out`; its metadata's id and its page count.
 * @param {string} language
 * @param {Part[]} parts
 * @param {string} out
 * @param {ReadonlyMap<string, number>} [ranks] each page's place in the whole, by URL
 * @param {string} [previous]
 */
async function mergeLanguage(language, parts, out, ranks, previous) {
  if (parts.some((part) => part.meta[4].length > 0)) throw new Error(`${parts[0]?.dir}: an index with sort orders (data-pagefind-sort) cannot be joined`);
  const names = new Names(language, out, previous);
  // Meta fields by name, in order: a page's matches in them point at them by number.
  const fields = [...new Set(parts.flatMap((part) => part.meta[5]))].sort(byBytes);
  const fieldMaps = parts.map((part) => {
    const map = part.meta[5].map((field) => fields.indexOf(field));
    return map.every((to, from) => to === from) ? undefined : map;
  });
  // Pages, shard after shard (or in the order asked), without the hidden ones; `numbers[part][page]`
  // is its number in the whole, or -1.
  const kept = parts.flatMap((part, n) => part.meta[1].flatMap(([id, words, group], page) => (part.hidden.has(id) ? [] : [{ n, page, id, words, group, part, file: path.join(part.dir, "fragment", `${id}.pf_fragment`), rank: 0 }])));
  if (ranks) {
    for (const page of kept) {
      const url = page.part.urls?.get(page.id) ?? fragmentUrl(page.file);
      const rank = url === undefined ? undefined : ranks.get(url);
      if (rank === undefined) throw new Error(`${page.file} is a page the index of the whole site was not asked for (${url ?? "no URL"}): a Dateline defect`);
      page.rank = rank;
    }
    kept.sort((a, b) => a.rank - b.rank);
  }
  const numbers = parts.map((part) => new Int32Array(part.meta[1].length).fill(-1));
  // A page's fragment stays in its shard's folder: Pagefind fetches `<index>/fragment/<id>.pf_fragment`,
  // so the id names it from there ("../../2024/fragment/en-us_1a2b3c4"). Ids of two shards never meet.
  const fragment = (/** @type {Part} */ part, /** @type {string} */ id) => `../${part.path}fragment/${id}`;
  /** @type {[string, number, unknown][]} */
  const pages = kept.map(({ n, page, id, words, group, part }, number) => {
    /** @type {Int32Array} */ (numbers[n])[page] = number;
    // A page of a group of fragments (its third field) is fetched with its group's file.
    return [fragment(part, id), words, typeof group === "string" && group !== "" ? fragment(part, group) : group];
  });
  // Filters: each value's pages from every shard.
  /** @type {Map<string, Map<string, number[]>>} */
  const filters = new Map();
  parts.forEach((part, n) => {
    for (const [filter, id] of part.meta[3]) {
      const [, values] = /** @type {[string, [string, number[]][]]} */ (decodeCbor(readPagefindFile(path.join(part.dir, "filter", `${id}.pf_filter`))));
      let merged = filters.get(filter);
      if (!merged) filters.set(filter, (merged = new Map()));
      for (const [value, list] of values) {
        let pages = merged.get(value);
        if (!pages) merged.set(value, (pages = []));
        for (const page of list) {
          const number = numbers[n]?.[page] ?? -1;
          if (number >= 0) pages.push(number);
        }
      }
    }
  });
  /** @type {[string, string][]} */
  const filterIds = [...filters.keys()].sort(byBytes).map((filter) => {
    const values = [...(filters.get(filter) ?? [])].filter(([, list]) => list.length > 0).sort(([a], [b]) => byBytes(a, b));
    const writer = new CborWriter();
    writer.array(2).text(filter).array(values.length);
    for (const [value, list] of values) {
      writer.array(2).text(value).array(list.length);
      for (const page of list.sort((a, b) => a - b)) writer.uint(page);
    }
    return [filter, names.write(path.join(out, "filter"), ".pf_filter", writer.bytes())];
  });
  const chunks = await writeWords(parts, numbers, fieldMaps, names, out);
  const hash = await writeIndexMeta(names, { version: parts[0]?.meta[0] ?? PAGEFIND_VERSION, pages, chunks, filters: filterIds, fields });
  return { hash, pages: pages.length };
}

/**
 * Writes one language's metadata, `pagefind.<language>_<hash>.pf_meta`, once its other files are
 * named, and waits for them all: `[version, pages [[id, word count, group]], chunks [[from, to, id]],
 * filters [[name, id]], sorts (none), meta fields]`. Its id.
 * @param {Names} names
 * @param {{ version: string; pages: [string, number, unknown][]; chunks: [string, string, string][]; filters: [string, string][]; fields: string[] }} meta
 */
export async function writeIndexMeta(names, { version, pages, chunks, filters, fields }) {
  const { language, out } = names;
  const meta = new CborWriter();
  meta.array(6).text(version);
  meta.array(pages.length);
  for (const [id, words, group] of pages) meta.array(3).text(id).uint(words).value(group);
  meta.array(chunks.length);
  for (const [from, to, id] of chunks) meta.array(3).text(from).text(to).text(id);
  meta.array(filters.length);
  for (const [filter, id] of filters) meta.array(2).text(filter).text(id);
  meta.array(0).array(fields.length);
  for (const field of fields) meta.text(field);
  const bytes = meta.bytes();
  const hash = `${language}_${digest(bytes).slice(0, language.length + 8)}`;
  names.drained();
  await fsPromises.writeFile(path.join(out, `pagefind.${hash}.pf_meta`), await names.pack(bytes, ".pf_meta"));
  await names.done();
  return hash;
}

/**
 * The URL of each page a shard holds, by Pagefind's page id, from the file of what it holds.
 * @param {string} file
 * @returns {Map<string, string>}
 */
function urlsById(file) {
  const { documents } = /** @type {{ documents: [string, string, string][] }} */ (JSON.parse(fs.readFileSync(file, "utf8")));
  return new Map(documents.map(([url, , id]) => [id, url]));
}

/**
 * The words of every part, merged in Pagefind's order (by their UTF-8 bytes), each with its pages
 * from every part renumbered, written in chunks as Pagefind cuts them; the chunks' `[from, to, id]`.
 * @param {Part[]} parts
 * @param {Int32Array[]} numbers
 * @param {(number[] | undefined)[]} fieldMaps
 * @param {Names} names
 * @param {string} out
 * @returns {Promise<[string, string, string][]>}
 */
async function writeWords(parts, numbers, fieldMaps, names, out) {
  const streams = parts.map((part, n) => new WordStream(part, /** @type {Int32Array} */ (numbers[n]), fieldMaps[n]));
  const chunks = new WordChunks(names, path.join(out, "index"));
  const postings = new Postings();
  for (;;) {
    /** @type {string | undefined} */
    let next;
    for (const stream of streams) if (stream.word !== undefined && (next === undefined || byBytes(stream.word, next) < 0)) next = stream.word;
    if (next === undefined) break;
    postings.clear();
    /** @type {Map<string, Postings>} */
    const forms = new Map();
    for (const stream of streams) if (stream.word === next) stream.take(postings, forms);
    // Forms by the first page each is on, as Pagefind meets them.
    const formList = [...forms].filter(([, list]) => list.length > 0).sort(([, a], [, b]) => a.firstPage() - b.firstPage());
    if (postings.length === 0 && formList.length === 0) continue;
    const body = chunks.word(next);
    postings.writeTo(body);
    body.array(formList.length);
    for (const [form, list] of formList) list.writeTo(body.array(2).text(form));
    // Pagefind's measure of a chunk: each page of the word and of its forms, with its locations, and each form.
    let size = postings.weight() + formList.length;
    for (const [, list] of formList) size += list.weight();
    await chunks.written(size);
  }
  return chunks.finish();
}

/**
 * An index's word chunks, cut as Pagefind cuts them: each word's entry is written into the chunk
 * being filled (`word`), which is written out once its words' measure (`written`) reaches
 * `CHUNK_LOCATIONS`; `finish` gives each chunk's `[from, to, id]`, bounded as Pagefind bounds them.
 */
export class WordChunks {
  /**
   * @param {Names} names
   * @param {string} folder
   */
  constructor(names, folder) {
    this.names = names;
    this.folder = folder;
    this.body = new CborWriter();
    this.count = 0;
    this.first = "";
    this.last = "";
    this.size = 0;
    /** @type {[string, string, string][]} */
    this.chunks = [];
  }

  /**
   * The writer of a word's entry, its head written: `[word, pages, forms]`.
   * @param {string} word
   */
  word(word) {
    if (this.count === 0) this.first = word;
    this.last = word;
    this.count++;
    return this.body.array(3).text(word);
  }

  /**
   * The word's entry is written, with `size` of Pagefind's measure; the chunk is written out once full.
   * @param {number} size
   */
  async written(size) {
    this.size += size;
    if (this.size < CHUNK_LOCATIONS) return;
    this.flush();
    await this.names.room();
  }

  flush() {
    if (this.count === 0) return;
    const bytes = this.body.bytes();
    const writer = new CborWriter(bytes.length + 10);
    writer.array(1).array(this.count).raw(bytes);
    this.chunks.push([this.first, this.last, this.names.write(this.folder, ".pf_index", writer.bytes())]);
    this.body.reset();
    this.count = 0;
    this.size = 0;
  }

  /** @returns {[string, string, string][]} */
  finish() {
    this.flush();
    const bounds = chunkBounds(this.chunks.map(([from, to]) => [from, to]));
    return this.chunks.map(([, , id], n) => [.../** @type {[string, string]} */ (bounds[n]), id]);
  }
}

/**
 * A word's pages in the whole (or a form's), as the parts hold them, in units: a page, or a run of a
 * part's pages numbered one after another in the whole (`WordStream.segments`), copied as one range
 * of bytes with only its first page's number written anew. For each
 * unit: its first and last page's number in the whole, how many pages and how many locations it has
 * (text and meta fields), and where its bytes are in its part's chunk. A page alone also has where its
 * meta fields' locations start (`middle`), for a part whose meta fields are numbered differently in
 * the whole. Typed arrays, reused word after word: a large archive's index holds millions of them.
 */
class Postings {
  constructor(capacity = 64) {
    /** Pages in all the units. */
    this.length = 0;
    this.units = 0;
    this.first = new Int32Array(capacity);
    this.last = new Int32Array(capacity);
    this.pages = new Int32Array(capacity);
    this.locations = new Int32Array(capacity);
    /** Where the unit's bytes start: its first page's array head. */
    this.from = new Int32Array(capacity);
    /** A run: where its first page's number starts; then, from `rest`, the bytes copied as they are. */
    this.number = new Int32Array(capacity);
    this.rest = new Int32Array(capacity);
    /** A page alone: where its meta fields' locations start. */
    this.middle = new Int32Array(capacity);
    this.to = new Int32Array(capacity);
    /** @type {Buffer[]} */
    this.bytes = [];
    /** @type {(number[] | undefined)[]} undefined for a run */
    this.fieldMaps = [];
    /** @type {boolean[]} */
    this.run = [];
  }

  clear() {
    this.length = 0;
    this.units = 0;
  }

  /** Room for one more unit; its index. */
  next() {
    if (this.units === this.first.length) {
      for (const name of /** @type {const} */ (["first", "last", "pages", "locations", "from", "number", "rest", "middle", "to"])) {
        const bigger = new Int32Array(this.units * 2);
        bigger.set(this[name]);
        this[name] = bigger;
      }
    }
    return this.units++;
  }

  /**
   * A new unit: its first and last page's number in the whole, how many pages and locations, and where
   * its bytes are (`from`–`to` in `bytes`); its index.
   * @param {number} first
   * @param {number} last
   * @param {number} pages
   * @param {number} locations
   * @param {Buffer} bytes
   * @param {number} from
   * @param {number} to
   */
  unit(first, last, pages, locations, bytes, from, to) {
    const n = this.next();
    this.first[n] = first;
    this.last[n] = last;
    this.pages[n] = pages;
    this.length += pages;
    this.locations[n] = locations;
    this.from[n] = from;
    this.to[n] = to;
    this.bytes[n] = bytes;
    return n;
  }

  /**
   * A page alone, with where its meta fields' locations start (`middle`) and how its part numbers them.
   * @param {number} page
   * @param {number} locations
   * @param {Buffer} bytes
   * @param {number} from
   * @param {number} middle
   * @param {number} to
   * @param {number[] | undefined} fieldMap
   */
  push(page, locations, bytes, from, middle, to, fieldMap) {
    const n = this.unit(page, page, 1, locations, bytes, from, to);
    this.middle[n] = middle;
    this.fieldMaps[n] = fieldMap;
    this.run[n] = false;
  }

  /**
   * A run of pages: from its first page's array head (`from`), its number (`number`), and the rest,
   * copied as it is (`rest`–`to`).
   * @param {number} first
   * @param {number} last
   * @param {number} pages
   * @param {number} locations
   * @param {Buffer} bytes
   * @param {number} from
   * @param {number} number
   * @param {number} rest
   * @param {number} to
   */
  pushRun(first, last, pages, locations, bytes, from, number, rest, to) {
    const n = this.unit(first, last, pages, locations, bytes, from, to);
    this.number[n] = number;
    this.rest[n] = rest;
    this.fieldMaps[n] = undefined;
    this.run[n] = true;
  }

  firstPage() {
    let first = Infinity;
    for (let n = 0; n < this.units; n++) first = Math.min(first, /** @type {number} */ (this.first[n]));
    return first;
  }

  /** Pagefind's measure of them: each page, and its locations. */
  weight() {
    let weight = this.length;
    for (let n = 0; n < this.units; n++) weight += /** @type {number} */ (this.locations[n]);
    return weight;
  }

  /**
   * `[[page (counted from the one before), locations, meta locations], …]`, in the whole's page order
   * (pages of shards put in the order asked may come from two parts; units never overlap): the
   * locations are copied as they are; the meta locations too, unless the fields are numbered
   * differently in the whole.
   * @param {CborWriter} writer
   */
  writeTo(writer) {
    const { first } = this;
    let sorted = true;
    for (let n = 1; n < this.units && sorted; n++) sorted = /** @type {number} */ (first[n]) > /** @type {number} */ (first[n - 1]);
    const order = sorted ? undefined : Array.from({ length: this.units }, (_, n) => n).sort((a, b) => /** @type {number} */ (first[a]) - /** @type {number} */ (first[b]));
    writer.array(this.length);
    let last = 0;
    for (let k = 0; k < this.units; k++) {
      const n = order ? /** @type {number} */ (order[k]) : k;
      const bytes = /** @type {Buffer} */ (this.bytes[n]);
      const from = /** @type {number} */ (this.from[n]);
      const to = /** @type {number} */ (this.to[n]);
      if (this.run[n]) {
        writer.copy(bytes, from, /** @type {number} */ (this.number[n]));
        writer.uint(/** @type {number} */ (first[n]) - last);
        writer.copy(bytes, /** @type {number} */ (this.rest[n]), to);
        last = /** @type {number} */ (this.last[n]);
        continue;
      }
      const middle = /** @type {number} */ (this.middle[n]);
      writer.array(3).uint(/** @type {number} */ (first[n]) - last);
      last = /** @type {number} */ (first[n]);
      writer.copy(bytes, from, middle);
      const fieldMap = this.fieldMaps[n];
      if (middle === to) writer.array(0);
      else if (!fieldMap) writer.copy(bytes, middle, to);
      else {
        // A field's locations follow its number, written as -(number + 1).
        const values = /** @type {number[]} */ (decodeCbor(bytes.subarray(middle, to)));
        writer.array(values.length);
        for (const value of values) writer.int(value < 0 ? -((fieldMap[-value - 1] ?? -value - 1) + 1) : value);
      }
    }
  }
}

/** One part's words, in order, read a chunk at a time. */
class WordStream {
  /**
   * @param {Part} part
   * @param {Int32Array} numbers
   * @param {number[] | undefined} fieldMap
   */
  constructor(part, numbers, fieldMap) {
    this.part = part;
    this.numbers = numbers;
    this.fieldMap = fieldMap;
    // Its pages in runs that keep their order and neighbours in the whole (numbered one after another
    // there, with nothing of another part between): `segments[page]` numbers its run, -1 for a page
    // left out. A word's pages in one run are copied as one range of bytes, only the first one's
    // number written anew: a shard is a run or a few (an amended one is cut where its outdated
    // entries were, or where the amendments' pages go). Not when its meta fields are numbered
    // differently in the whole: then page by page.
    /** @type {Int32Array | undefined} */
    this.segments = undefined;
    /** Where each list ends, kept by an earlier join and read in order (`Part.lists`), or written down now (`Part.record`), when the shard is copied in runs. */
    this.lists = undefined;
    this.record = undefined;
    if (!fieldMap) {
      const segments = new Int32Array(numbers.length);
      let segment = -1;
      for (let page = 0; page < numbers.length; page++) {
        const number = /** @type {number} */ (numbers[page]);
        if (number < 0) segments[page] = -1;
        else {
          const before = page === 0 ? -1 : /** @type {number} */ (numbers[page - 1]);
          // A page left out (-1) ends a run: the one after it starts another, even numbered 0.
          if (before < 0 || number !== before + 1) segment++;
          segments[page] = segment;
        }
      }
      this.segments = segments;
      this.lists = part.lists;
      if (!part.lists && part.record) (this.record = part.record.values), (part.record.complete = true);
    }
    this.chunk = 0;
    /** The chunk file being read, and a reader over its CBOR. */
    this.file = "";
    /** @type {CborReader | undefined} */
    this.reader = undefined;
    /** How many fields the word being read has. */
    this.fields = 0;
    this.left = 0;
    /** @type {string | undefined} */
    this.word = undefined;
    this.advance();
  }

  /** Moves to the next word, opening the next chunk when this one is read. */
  advance() {
    while (this.left === 0) {
      const chunk = this.part.meta[2][this.chunk++];
      if (!chunk) {
        this.word = undefined;
        // Every list kept for the shard read, and no more: else the file is not this shard's.
        if (this.lists && this.lists.at !== this.lists.values.length) throw this.damagedLists(this.lists.file);
        return;
      }
      this.file = path.join(this.part.dir, "index", `${chunk[2]}.pf_index`);
      this.reader = new CborReader(readPagefindFile(this.file));
      this.reader.arrayLength();
      this.left = this.reader.arrayLength();
    }
    const reader = /** @type {CborReader} */ (this.reader);
    this.left--;
    try {
      this.fields = reader.arrayLength();
      this.word = reader.text();
    } catch (error) {
      throw this.unreadable(error);
    }
  }

  /**
   * An error of reading this part's chunk file, naming the file.
   * @param {unknown} error
   */
  unreadable(error) {
    return new Error(`${this.file} is not a Pagefind index file Dateline can read: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }

  /**
   * Adds this word's pages and its forms' pages to the whole's, then moves on.
   * @param {Postings} postings
   * @param {Map<string, Postings>} forms
   */
  take(postings, forms) {
    const reader = /** @type {CborReader} */ (this.reader);
    try {
      this.postings(postings);
      const fields = this.fields;
      if (fields > 2) {
        for (let count = reader.arrayLength(); count > 0; count--) {
          const formFields = reader.arrayLength();
          const form = reader.text();
          let list = forms.get(form);
          if (!list) forms.set(form, (list = new Postings(8)));
          this.postings(list);
          for (let field = 2; field < formFields; field++) reader.skip();
        }
      }
      for (let field = 3; field < fields; field++) reader.skip();
    } catch (error) {
      throw this.unreadable(error);
    }
    this.advance();
  }

  /**
   * This word's (or form's) pages: in runs (`segments`: each run's bytes copied as they are, but its
   * first page's number), else page by page.
   * @param {Postings} into
   */
  postings(into) {
    const reader = /** @type {CborReader} */ (this.reader);
    const count = reader.arrayLength();
    if (count === 0) return;
    const { numbers, segments } = this;
    // A list within one run, where an earlier join wrote down that it ends: copied as one range.
    if (this.lists && this.keptList(into, count)) return;
    if (segments) {
      // The run being read: its segment (-1: none), where its bytes start, its first page's number
      // and what follows it, its first and last page, and how many pages and locations it has.
      let segment = -1;
      let from = 0;
      let number = 0;
      let rest = 0;
      let first = 0;
      let last = 0;
      let pages = 0;
      let locations = 0;
      let end = 0;
      let page = 0;
      let all = 0;
      for (let n = 0; n < count; n++) {
        const start = reader.at;
        const found = reader.posting();
        page += reader.page;
        all += found;
        const own = segments[page] ?? -1;
        if (own !== segment || own < 0) {
          if (segment >= 0) into.pushRun(/** @type {number} */ (numbers[first]), /** @type {number} */ (numbers[last]), pages, locations, reader.bytes, from, number, rest, end);
          segment = own;
          if (own < 0) continue;
          (from = start), (number = reader.number), (rest = reader.rest), (first = page), (pages = 0), (locations = 0);
        }
        last = page;
        pages++;
        locations += found;
        end = reader.at;
      }
      if (segment >= 0) into.pushRun(/** @type {number} */ (numbers[first]), /** @type {number} */ (numbers[last]), pages, locations, reader.bytes, from, number, rest, end);
      // The whole list's end, last page and locations, for the next join of this shard.
      this.record?.push(reader.at, page, all);
      return;
    }
    let page = 0;
    for (let n = count; n > 0; n--) {
      const fields = reader.arrayLength();
      page += reader.uint();
      const from = reader.at;
      const locations = reader.arrayLength();
      reader.at = from;
      reader.skip();
      const middle = reader.at;
      let metaLocations = 0;
      if (fields > 2) {
        metaLocations = reader.arrayLength();
        reader.at = middle;
        reader.skip();
      }
      const to = reader.at;
      for (let field = 3; field < fields; field++) reader.skip();
      const number = numbers[page] ?? -1;
      if (number >= 0) into.push(number, locations + metaLocations, reader.bytes, from, middle, to, this.fieldMap);
    }
  }

  /**
   * A list of `count` pages copied whole when its pages are all in one run (its first page read from
   * its first entry, its last from where an earlier join wrote down that the list ends): no entry
   * stepped over. False, nothing read, for a list across runs (an entry left out, or the amendments'
   * pages put between its pages): it is stepped over. Bounds are checked; a list that does not fit
   * its chunk means a damaged file beside the store's shard.
   * @param {Postings} into
   * @param {number} count
   */
  keptList(into, count) {
    const reader = /** @type {CborReader} */ (this.reader);
    const lists = /** @type {NonNullable<Part["lists"]>} */ (this.lists);
    const { numbers } = this;
    const segments = /** @type {Int32Array} */ (this.segments);
    const from = reader.at;
    const head = reader.bytes[from] ?? 0;
    if (lists.at + POSTINGS_FIELDS > lists.values.length || head < 0x82 || head > 0x97) throw this.damagedLists(lists.file);
    reader.at = from + 1;
    const first = reader.uint();
    const rest = reader.at;
    const end = /** @type {number} */ (lists.values[lists.at]);
    const last = /** @type {number} */ (lists.values[lists.at + 1]);
    const locations = /** @type {number} */ (lists.values[lists.at + 2]);
    lists.at += POSTINGS_FIELDS;
    if (!(end > rest && end <= reader.bytes.length && first <= last && last < numbers.length && locations >= 0)) throw this.damagedLists(lists.file);
    // Runs never rejoin: a list whose first and last pages are in one run has all its pages in it.
    const run = /** @type {number} */ (segments[first]);
    if (run < 0 || segments[last] !== run) {
      reader.at = from;
      return false;
    }
    reader.at = end;
    into.pushRun(/** @type {number} */ (numbers[first]), /** @type {number} */ (numbers[last]), count, locations, reader.bytes, from, from + 1, rest, end);
    return true;
  }

  /** @param {string} file */
  damagedLists(file) {
    return new Error(`${file} does not match the shard's ${this.file}: the stored search index is damaged; delete the build cache (.cache/dateline, or DATELINE_CACHE_DIR) to index it again`);
  }
}

/** Files at most being compressed and written at once: each holds a chunk of ~100 KB. */
const WRITING_AT_ONCE = 8;

/**
 * Names for the files of one language's index: `<language>_<hash>`, as Pagefind names them. The files
 * are compressed and written on libuv's threads while the next chunk is joined: a few at a time.
 */
export class Names {
  /**
   * @param {string} language
   * @param {string} out the index's folder
   * @param {string} [previous] an earlier index's folder, whose files are linked where they come out the same
   * @param {{ unzipped?: boolean }} [options] `unzipped`: a shard's index, whose files but the fragments are kept unzipped (`pack`)
   */
  constructor(language, out, previous, { unzipped = false } = {}) {
    this.language = language;
    this.out = out;
    this.previous = previous;
    this.unzipped = unzipped;
    /** @type {Set<string>} */
    this.taken = new Set();
    /** Folders made. @type {Set<string>} */
    this.folders = new Set();
    /** @type {Set<Promise<void>>} */
    this.writing = new Set();
    /** @type {unknown[]} */
    this.errors = [];
  }

  /**
   * Writes `bytes` (CBOR) as a Pagefind file in `folder`, named by its hash, seven digits or more:
   * as many as it takes to differ from the index's other files. The name at once; the file by `done()`.
   * @param {string} folder
   * @param {string} suffix
   * @param {Buffer} bytes
   */
  write(folder, suffix, bytes) {
    const hash = digest(bytes);
    let length = 7;
    while (this.taken.has(`${folder}/${this.language}_${hash.slice(0, length)}`)) length++;
    const name = `${this.language}_${hash.slice(0, length)}`;
    this.taken.add(`${folder}/${name}`);
    if (!this.folders.has(folder)) {
      fs.mkdirSync(folder, { recursive: true });
      this.folders.add(folder);
    }
    const file = path.join(folder, `${name}${suffix}`);
    if (this.previous !== undefined) {
      // The same name and the same bytes (a name is only seven digits of their hash).
      const before = path.join(this.previous, path.relative(this.out, file));
      if (holdsPagefindFile(before, bytes)) {
        linkOnce(before, file);
        return name;
      }
    }
    const written = this.pack(bytes, suffix).then((packed) => fsPromises.writeFile(file, packed));
    const tracked = written.then(
      () => void this.writing.delete(tracked),
      (error) => {
        this.writing.delete(tracked);
        this.errors.push(error);
      },
    );
    this.writing.add(tracked);
    return name;
  }

  /**
   * A file's bytes as this index keeps them: gzipped, as Pagefind writes them; a shard's own files
   * but its fragments unzipped (`unzipped`: only the join reads them).
   * @param {Buffer} bytes
   * @param {string} suffix
   * @returns {Promise<Buffer>}
   */
  pack(bytes, suffix) {
    return this.unzipped && suffix !== FRAGMENT_SUFFIX ? Promise.resolve(storePagefindFile(bytes)) : packPagefindFile(bytes);
  }

  /** Waits until fewer than `WRITING_AT_ONCE` files are being written; throws the first that failed. */
  async room() {
    while (this.writing.size >= WRITING_AT_ONCE) await Promise.race(this.writing);
    this.drained();
  }

  /** Throws the first write that failed. */
  drained() {
    if (this.errors.length > 0) throw this.errors[0];
  }

  /** Waits for every file; throws the first that failed. */
  async done() {
    await Promise.all(this.writing);
    this.drained();
  }
}

/** Pagefind's hash of a file: SHA-1, each byte in hex without its leading zero (as its `full_hash` writes it). @param {Buffer} bytes */
export function digest(bytes) {
  return Array.from(crypto.createHash("sha1").update(bytes).digest(), (byte) => byte.toString(16)).join("");
}

/** Links `from` to `to` unless `to` is there (a file the shards share); copies where the file system cannot link. */
function linkOnce(/** @type {string} */ from, /** @type {string} */ to) {
  if (!fs.existsSync(to)) linkOrCopySync(from, to);
}

/** Pagefind's order of words and names: by their UTF-8 bytes (Rust's), which is code point order. */
export function byBytes(/** @type {string} */ a, /** @type {string} */ b) {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let n = 0; n < length; n++) {
    const x = a.codePointAt(n) ?? 0;
    const y = b.codePointAt(n) ?? 0;
    if (x !== y) return x - y;
    if (x > 0xffff) n++;
  }
  return a.length - b.length;
}

/**
 * The bounds of chunks of words, from each one's first and last word: cut to the shortest prefixes that
 * tell neighbours apart (their common prefix and one character more), but a last word whose prefix
 * would sort before its chunk's first bound stays whole (Pagefind's `chunk_meta`).
 * @param {[string, string][]} chunks
 * @returns {[string, string][]}
 */
export function chunkBounds(chunks) {
  const bounds = chunks.map(([first, last]) => /** @type {[string, string]} */ ([first, last]));
  for (let n = 0; n + 1 < bounds.length; n++) {
    const chunk = /** @type {[string, string]} */ (bounds[n]);
    const next = /** @type {[string, string]} */ (bounds[n + 1]);
    const a = [...chunk[1]];
    const b = [...next[0]];
    let common = 0;
    while (common < a.length && common < b.length && a[common] === b[common]) common++;
    const to = a.slice(0, common + 1).join("");
    if (byBytes(to, chunk[0]) >= 0) chunk[1] = to;
    next[0] = b.slice(0, common + 1).join("");
  }
  return bounds;
}
