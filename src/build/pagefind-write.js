// A shard's search index written by Dateline itself: the files Pagefind 1.6 writes for the same pages
// (docs/architecture.md, "Search"), from each page as Pagefind reads it (pagefind-fossick.js). Pagefind
// spent ~4 CPU-s a thousand stories, three of them compressing every file at zlib's best level, and
// held ~0.45 MB a page until it wrote; this writes the same bytes (the fragments compressed at level
// 5 on libuv's threads; the word chunks, filters and metadata unzipped, as the store keeps a shard's:
// only the join reads them), page by page as the pages come: each page's fragment at once, each
// word's pages encoded as Pagefind stores them, so that a shard's index is a few bytes a word and
// page until its chunks are cut. Only Pagefind's scripts and WebAssembly come from Pagefind: it is
// asked for them once per language (`LanguageAssets`).
// Plain JavaScript: it runs in an indexer's worker thread.
import { Buffer } from "node:buffer";
import fs from "node:fs";
import fsPromises from "node:fs/promises";
import path from "node:path";
import { CborWriter } from "./pagefind-cbor.js";
import { byBytes, FRAGMENT_SUFFIX, Names, PAGEFIND_VERSION, WordChunks, writeIndexMeta } from "./pagefind-merge.js";

/**
 * @typedef {import("./pagefind-fossick.js").FossickedPage} FossickedPage
 * @typedef {import("./pagefind-fossick.js").WordSink} WordSink
 * @typedef {{ files: { path: string; content: Uint8Array }[]; wasm: string; includeCharacters: string[] }} LanguageAssets
 *   what Pagefind writes for any index of a language besides its pages: scripts, styles and
 *   WebAssembly (`files`, paths relative to the index), the WebAssembly's name and the characters it
 *   counts as parts of words
 */

/**
 * Writes the index of a shard into `out` (a new folder): pages are read into it one after another,
 * in the index's order (`fossick(url, html, writer.sink)`, then `add`), and `finish` writes the rest.
 */
export class PagefindIndexWriter {
  /**
   * @param {string} out
   * @param {(language: string) => Promise<LanguageAssets>} assets
   */
  constructor(out, assets) {
    this.out = out;
    this.assets = assets;
    /** @type {Map<string, LanguageIndex>} */
    this.languages = new Map();
    this.staged = new StagedWords();
    /** The sink to read a page into (`fossick`'s third argument); `add` takes what it staged. @type {WordSink} */
    this.sink = this.staged;
    /** Whether the pages have a body (data-pagefind-body): Pagefind leaves out pages without one once any has one. @type {boolean | undefined} */
    this.bodies = undefined;
    /** @type {[string, string][]} */
    this.ids = [];
    this.made = false;
  }

  /**
   * Adds the page just read into `sink` (`page` is what `fossick` returned for it).
   * @param {FossickedPage} page
   */
  async add(page) {
    const staged = this.staged;
    try {
      if (this.bodies === undefined) this.bodies = page.hasBody;
      else if (page.hasBody !== this.bodies) {
        if (!page.hasBody) return;
        throw new Error(`${page.fragment.url} has a data-pagefind-body where the pages before it have none: Pagefind would leave those out (a Dateline defect)`);
      }
      if (!this.made) {
        await fsPromises.mkdir(this.out, { recursive: true });
        this.made = true;
      }
      let language = this.languages.get(page.language);
      if (!language) this.languages.set(page.language, (language = new LanguageIndex(page.language, this.out)));
      this.ids.push([page.fragment.url, await language.add(page, staged)]);
    } finally {
      staged.clear();
    }
  }

  /** Waits for the files being written, dropping the index (its pages go to Pagefind instead). */
  async abandon() {
    await Promise.allSettled([...this.languages.values()].map((language) => language.names.done()));
  }

  /** Writes the words, filters and metadata of every language, and Pagefind's scripts: how many pages the index holds, and each page's id (its fragment's name) by URL. */
  async finish() {
    if (!this.made) await fsPromises.mkdir(this.out, { recursive: true });
    /** @type {Record<string, { hash: string; wasm: string; page_count: number }>} */
    const languages = {};
    /** @type {string[]} */
    let includeCharacters = [];
    /** @type {Set<string>} */
    const written = new Set();
    for (const name of [...this.languages.keys()].sort(byBytes)) {
      const language = /** @type {LanguageIndex} */ (this.languages.get(name));
      const shared = await this.assets(name);
      for (const file of shared.files) {
        if (written.has(file.path)) continue;
        written.add(file.path);
        await fsPromises.writeFile(path.join(this.out, file.path), file.content);
      }
      includeCharacters = shared.includeCharacters;
      languages[name] = { hash: await language.finish(), wasm: shared.wasm, page_count: language.pages.length };
    }
    fs.writeFileSync(path.join(this.out, "pagefind-entry.json"), JSON.stringify({ version: PAGEFIND_VERSION, languages, include_characters: includeCharacters }));
    return { pages: this.ids.length, ids: this.ids };
  }
}

/**
 * A page's words as `fossick` gives them, until `add` takes them: each call's key, form and where its
 * numbers are in two buffers shared by the page.
 * @implements {WordSink}
 */
class StagedWords {
  constructor() {
    /** @type {string[]} */
    this.keys = [];
    /** @type {(string | undefined)[]} */
    this.forms = [];
    /** Each call's spelling number, and the numbering they are of (see WordSink). */
    this.spellings = new Int32Array(256);
    /** @type {object | undefined} */
    this.numbering = undefined;
    /** Per call: where its text pairs start and end, and its meta pairs. */
    this.bounds = new Int32Array(256);
    this.text = new Int32Array(4096);
    this.textLength = 0;
    this.meta = new Int32Array(256);
    this.metaLength = 0;
  }

  /**
   * @param {string} key
   * @param {string | undefined} form
   * @param {Int32Array} text
   * @param {number} textLength
   * @param {Int32Array} meta
   * @param {number} metaLength
   * @param {number} spelling
   * @param {object} numbering
   */
  word(key, form, text, textLength, meta, metaLength, spelling, numbering) {
    const n = this.keys.length;
    this.keys.push(key);
    this.forms.push(form);
    if (n === this.spellings.length) this.spellings = grow(this.spellings, n + 1);
    this.spellings[n] = spelling;
    this.numbering = numbering;
    if (4 * n + 4 > this.bounds.length) this.bounds = grow(this.bounds, 4 * n + 4);
    if (this.textLength + textLength > this.text.length) this.text = grow(this.text, this.textLength + textLength);
    if (this.metaLength + metaLength > this.meta.length) this.meta = grow(this.meta, this.metaLength + metaLength);
    this.bounds[4 * n] = this.textLength;
    this.text.set(text.subarray(0, textLength), this.textLength);
    this.bounds[4 * n + 1] = this.textLength += textLength;
    this.bounds[4 * n + 2] = this.metaLength;
    this.meta.set(meta.subarray(0, metaLength), this.metaLength);
    this.bounds[4 * n + 3] = this.metaLength += metaLength;
  }

  clear() {
    this.keys.length = 0;
    this.forms.length = 0;
    this.textLength = 0;
    this.metaLength = 0;
  }
}

/**
 * @param {Int32Array} array
 * @param {number} needed
 */
function grow(array, needed) {
  let size = array.length * 2;
  while (size < needed) size *= 2;
  const bigger = new Int32Array(size);
  bigger.set(array);
  return bigger;
}

/** One language's index: its pages, fragments named as they come, words and filters. */
class LanguageIndex {
  /**
   * @param {string} language
   * @param {string} out
   */
  constructor(language, out) {
    this.out = out;
    this.names = new Names(language, out, undefined, { unzipped: true });
    /** Each page's id and word count, in order. @type {[string, number][]} */
    this.pages = [];
    /** @type {Map<string, Word>} */
    this.words = new Map();
    /**
     * Each word's list (or form's) by the reader's spelling number, for the numbering it is of: the map
     * of words is asked once a spelling and shard, not once a page: the indexers alone took 0.94× the
     * CPU (docs/performance.md, "2026-12-07"). Dense, so it stays an array.
     * @type {(Postings | undefined)[]}
     */
    this.bySpelling = [];
    /** @type {object | undefined} */
    this.numbering = undefined;
    /** @type {Map<string, Map<string, number[]>>} */
    this.filters = new Map();
    /** The meta fields met, numbered as met (`Postings.meta` holds these numbers until `finish`). @type {Map<string, number>} */
    this.fields = new Map();
  }

  /**
   * Takes a page: its fragment written, its words' occurrences encoded; its id.
   * @param {FossickedPage} page
   * @param {StagedWords} staged
   */
  async add(page, staged) {
    const number = this.pages.length;
    const id = this.names.write(path.join(this.out, "fragment"), FRAGMENT_SUFFIX, Buffer.from(JSON.stringify(page.fragment)));
    this.pages.push([id, page.fragment.word_count]);
    for (const [filter, values] of Object.entries(page.fragment.filters)) {
      let byValue = this.filters.get(filter);
      if (!byValue) this.filters.set(filter, (byValue = new Map()));
      for (const value of values) {
        let list = byValue.get(value);
        if (!list) byValue.set(value, (list = []));
        list.push(number);
      }
    }
    const fieldNumbers = page.metaFields.map((field) => {
      let known = this.fields.get(field);
      if (known === undefined) this.fields.set(field, (known = this.fields.size));
      return known;
    });
    const { keys, forms, bounds, text, meta, spellings } = staged;
    if (staged.numbering !== this.numbering) {
      this.numbering = staged.numbering;
      this.bySpelling = [];
    }
    const bySpelling = this.bySpelling;
    for (let n = 0; n < keys.length; n++) {
      const spelling = /** @type {number} */ (spellings[n]);
      let list = spelling < bySpelling.length ? bySpelling[spelling] : undefined;
      if (list === undefined) {
        list = this.postingsOf(/** @type {string} */ (keys[n]), forms[n]);
        while (bySpelling.length <= spelling) bySpelling.push(undefined);
        bySpelling[spelling] = list;
      }
      const textFrom = /** @type {number} */ (bounds[4 * n]);
      const textTo = /** @type {number} */ (bounds[4 * n + 1]);
      const metaFrom = /** @type {number} */ (bounds[4 * n + 2]);
      const metaTo = /** @type {number} */ (bounds[4 * n + 3]);
      if (textTo === textFrom && metaTo === metaFrom) continue;
      list.add(number, text, textFrom, textTo, meta, metaFrom, metaTo, fieldNumbers);
    }
    await this.names.room();
    return id;
  }

  /**
   * The list of a word's own occurrences (`form` undefined) or of one of its forms, made where new.
   * @param {string} key
   * @param {string | undefined} form
   * @returns {Postings}
   */
  postingsOf(key, form) {
    let word = this.words.get(key);
    if (!word) this.words.set(key, (word = { own: undefined, forms: undefined }));
    if (form === undefined) return (word.own ??= new Postings());
    word.forms ??= new Map();
    let list = word.forms.get(form);
    if (!list) word.forms.set(form, (list = new Postings()));
    return list;
  }

  /** Writes the words, filters and metadata; the metadata's id. */
  async finish() {
    const { out, names } = this;
    // The meta fields in Pagefind's order (by name): what the pages' meta locations number them by.
    const fields = [...this.fields.keys()].sort(byBytes);
    const renumber = new Int32Array(this.fields.size);
    for (const [field, met] of this.fields) renumber[met] = fields.indexOf(field);
    /** @type {[string, string][]} */
    const filterIds = [...this.filters.keys()].sort(byBytes).map((filter) => {
      const values = [.../** @type {Map<string, number[]>} */ (this.filters.get(filter))].sort(([a], [b]) => byBytes(a, b));
      const writer = new CborWriter();
      writer.array(2).text(filter).array(values.length);
      for (const [value, list] of values) {
        writer.array(2).text(value).array(list.length);
        for (const page of list) writer.uint(page);
      }
      return [filter, names.write(path.join(out, "filter"), ".pf_filter", writer.bytes())];
    });
    const chunks = await this.writeWords(renumber);
    /** @type {[string, number, string][]} */
    const pages = this.pages.map(([id, words]) => [id, words, ""]);
    return writeIndexMeta(names, { version: PAGEFIND_VERSION, pages, chunks, filters: filterIds, fields });
  }

  /**
   * Every word in Pagefind's order (by UTF-8 bytes), with its pages and its forms' (in the order met),
   * in chunks cut as Pagefind cuts them; the chunks' `[from, to, id]`.
   * @param {Int32Array} renumber
   * @returns {Promise<[string, string, string][]>}
   */
  async writeWords(renumber) {
    const chunks = new WordChunks(this.names, path.join(this.out, "index"));
    for (const key of [...this.words.keys()].sort(byBytes)) {
      const word = /** @type {Word} */ (this.words.get(key));
      const body = chunks.word(key);
      let size = 0;
      if (word.own) size += word.own.writeTo(body, renumber);
      else body.array(0);
      // Forms in the order met: by the first page each is on, then in the page's order (pagefind-fossick.js).
      const forms = word.forms ? [...word.forms] : [];
      body.array(forms.length);
      for (const [form, list] of forms) size += list.writeTo(body.array(2).text(form), renumber) + 1;
      await chunks.written(size);
    }
    return chunks.finish();
  }
}

/** @typedef {{ own: Postings | undefined; forms: Map<string, Postings> | undefined }} Word */

/**
 * A word's pages (or a form's), encoded as they come as Pagefind's chunks hold them: for each page,
 * the CBOR of `[page counted from the one before, locations, meta locations]`, the text's locations
 * by weight, lightest first, each weight's run opened by -(weight + 1) and each position counted from
 * the one before it in the run. Meta locations (fields by number) are kept aside, their field numbers
 * being final only once every page is in: the bytes hold an empty array for them, replaced on writing.
 */
class Postings {
  constructor() {
    this.bytes = new Uint8Array(32);
    this.used = 0;
    this.count = 0;
    this.last = 0;
    /** Pagefind's measure: pages and their locations (meta ones too). */
    this.size = 0;
    /** Pages with meta locations: where their empty array is in `bytes`, and their pairs (field as met, position). @type {{ at: number; pairs: number[] }[] | undefined} */
    this.meta = undefined;
  }

  /**
   * @param {number} page
   * @param {Int32Array} text pairs (position, weight), in Pagefind's order
   * @param {number} textFrom
   * @param {number} textTo
   * @param {Int32Array} meta pairs (the page's field, position), by field then position
   * @param {number} metaFrom
   * @param {number} metaTo
   * @param {number[]} fieldNumbers the page's fields as the index met them
   */
  add(page, text, textFrom, textTo, meta, metaFrom, metaTo, fieldNumbers) {
    // At most 9 bytes a number, and the heads.
    this.room(32 + 9 * (textTo - textFrom));
    this.byte(0x83);
    this.head(0, page - this.last);
    this.last = page;
    this.count++;
    // The locations' count first: the pairs and a marker for each change of weight.
    let locations = 0;
    let weight = -1;
    for (let n = textFrom; n < textTo; n += 2) {
      if (text[n + 1] !== weight) (weight = /** @type {number} */ (text[n + 1])), locations++;
      locations++;
    }
    this.head(4, locations);
    weight = -1;
    let position = 0;
    for (let n = textFrom; n < textTo; n += 2) {
      const at = /** @type {number} */ (text[n]);
      if (text[n + 1] !== weight) {
        weight = /** @type {number} */ (text[n + 1]);
        this.head(1, weight);
        position = 0;
      }
      this.head(0, at - position);
      position = at;
    }
    let metaLocations = 0;
    if (metaTo > metaFrom) {
      /** @type {number[]} */
      const pairs = [];
      let field = -1;
      for (let n = metaFrom; n < metaTo; n += 2) {
        const met = /** @type {number} */ (fieldNumbers[/** @type {number} */ (meta[n])]);
        if (met !== field) (field = met), metaLocations++;
        metaLocations++;
        pairs.push(met, /** @type {number} */ (meta[n + 1]));
      }
      (this.meta ??= []).push({ at: this.used, pairs });
    }
    this.byte(0x80);
    this.size += 1 + locations + metaLocations;
  }

  /**
   * Writes the list, its meta locations numbered as in `renumber`; its measure.
   * @param {CborWriter} writer
   * @param {Int32Array} renumber
   */
  writeTo(writer, renumber) {
    writer.array(this.count);
    const bytes = Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.used);
    if (!this.meta) {
      writer.raw(bytes);
      return this.size;
    }
    let from = 0;
    for (const { at, pairs } of this.meta) {
      writer.copy(bytes, from, at);
      const values = [];
      let field = -1;
      let position = 0;
      for (let n = 0; n < pairs.length; n += 2) {
        const number = /** @type {number} */ (renumber[/** @type {number} */ (pairs[n])]);
        if (number !== field) {
          field = number;
          values.push(-(number + 1));
          position = 0;
        }
        const at = /** @type {number} */ (pairs[n + 1]);
        values.push(at - position);
        position = at;
      }
      writer.array(values.length);
      for (const value of values) writer.int(value);
      // Past the empty array that stood for them.
      from = at + 1;
    }
    writer.copy(bytes, from, this.used);
    return this.size;
  }

  /** @param {number} needed */
  room(needed) {
    if (this.used + needed <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.used + needed) size *= 2;
    const bigger = new Uint8Array(size);
    bigger.set(this.bytes.subarray(0, this.used));
    this.bytes = bigger;
  }

  /** @param {number} value */
  byte(value) {
    this.bytes[this.used++] = value;
  }

  /**
   * A CBOR head: major type 0 (an unsigned number), 1 (the negative -1 - value) or 4 (an array of `value` items).
   * @param {number} major
   * @param {number} value
   */
  head(major, value) {
    const type = major << 5;
    const bytes = this.bytes;
    if (value < 24) bytes[this.used++] = type | value;
    else if (value < 0x100) (bytes[this.used++] = type | 24), (bytes[this.used++] = value);
    else if (value < 0x10000) (bytes[this.used++] = type | 25), (bytes[this.used++] = value >> 8), (bytes[this.used++] = value & 0xff);
    else {
      bytes[this.used++] = type | 26;
      bytes[this.used++] = (value >>> 24) & 0xff;
      bytes[this.used++] = (value >>> 16) & 0xff;
      bytes[this.used++] = (value >>> 8) & 0xff;
      bytes[this.used++] = value & 0xff;
    }
  }
}
