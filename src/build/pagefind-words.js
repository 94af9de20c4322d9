// The words a written Pagefind index holds (its stems, as its search matches them), read from its own
// files: `pagefind.<language>_<hash>.pf_meta` lists the pages, `index/*.pf_index` the words and the
// pages each is on. Both are gzipped "pagefind_dcd" + CBOR. The vocabulary index is built from them
// (src/build/search-vocabulary.ts). Plain JavaScript: the search worker reads them too.
import fs from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";

const SIGNATURE = "pagefind_dcd";

/**
 * The words of the index in `dir`, each once, in the index's order; without the words that only
 * `hidden` pages (Pagefind page ids, the outdated entries of an amended shard) hold. A file that is
 * not what Pagefind writes is named in the error.
 * @param {string} dir
 * @param {ReadonlySet<string>} [hidden]
 * @returns {string[]}
 */
export function indexWords(dir, hidden = new Set()) {
  const meta = fs.readdirSync(dir).find((name) => name.endsWith(".pf_meta"));
  if (!meta) {
    // An index of no pages (a site without articles) has no language, so no metadata.
    const entry = JSON.parse(fs.readFileSync(path.join(dir, "pagefind-entry.json"), "utf8"));
    if (Object.keys(entry.languages ?? {}).length === 0) return [];
    throw new Error(`${dir} holds no Pagefind metadata (.pf_meta) for its languages`);
  }
  // [version, pages [[id, word count, …]], chunks [[from, to, file]], filters, sorts, meta fields]
  const [, pages, chunks] = /** @type {[string, [string][], [string, string, string][]]} */ (inFile(path.join(dir, meta), (bytes) => decodeCbor(bytes)));
  /** @type {Set<number>} */
  const hiddenPages = new Set();
  pages.forEach(([id], n) => hidden.has(id) && hiddenPages.add(n));
  return chunks.flatMap(([, , file]) => inFile(path.join(dir, "index", `${file}.pf_index`), (bytes) => chunkWords(bytes, hiddenPages)));
}

/**
 * `read` of a Pagefind file's CBOR (unzipped, without its signature); its errors name the file.
 * @template T
 * @param {string} file
 * @param {(bytes: Buffer) => T} read
 * @returns {T}
 */
function inFile(file, read) {
  try {
    const bytes = gunzipSync(fs.readFileSync(file));
    if (bytes.toString("utf8", 0, SIGNATURE.length) !== SIGNATURE) throw new Error(`no ${SIGNATURE} signature`);
    return read(bytes.subarray(SIGNATURE.length));
  } catch (error) {
    throw new Error(`${file} is not a Pagefind index file Dateline can read: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/**
 * The words of an index chunk: `[[[word, pages, forms], …]]`, each list of pages `[[page number
 * (counted from the one before), locations, meta locations], …]` and each form (the word with its
 * diacritics) `[form, pages]`. A word is kept when a page not in `hiddenPages` holds it or a form of
 * it; everything else is stepped over, never decoded (most of each file).
 * @param {Buffer} bytes
 * @param {ReadonlySet<number>} [hiddenPages]
 * @returns {string[]}
 */
export function chunkWords(bytes, hiddenPages = new Set()) {
  const reader = new CborReader(bytes);
  if (reader.arrayLength() < 1) return [];
  const count = reader.arrayLength();
  /** Whether the list of pages at the reader holds a page not hidden; steps over it. */
  const shown = () => {
    if (hiddenPages.size === 0) {
      const any = bytes[reader.at] !== EMPTY_ARRAY;
      reader.skip();
      return any;
    }
    let page = 0;
    let any = false;
    for (let n = reader.arrayLength(); n > 0; n--) {
      const fields = reader.arrayLength();
      page += reader.uint();
      if (!hiddenPages.has(page)) any = true;
      for (let field = 1; field < fields; field++) reader.skip();
    }
    return any;
  };
  /** @type {string[]} */
  const words = [];
  for (let n = 0; n < count; n++) {
    const fields = reader.arrayLength();
    const word = reader.text();
    let kept = shown();
    if (fields > 2) {
      for (let forms = reader.arrayLength(); forms > 0; forms--) {
        const formFields = reader.arrayLength();
        reader.skip();
        if (shown()) kept = true;
        for (let field = 2; field < formFields; field++) reader.skip();
      }
    }
    for (let field = 3; field < fields; field++) reader.skip();
    if (kept) words.push(word);
  }
  return words;
}

/** CBOR's empty array (major type 4, length 0). */
const EMPTY_ARRAY = 0x80;

/** Reads CBOR (RFC 8949, definite lengths, as Pagefind writes it), or steps over it without building what it steps over. */
class CborReader {
  /** @param {Buffer} bytes */
  constructor(bytes) {
    this.bytes = bytes;
    this.at = 0;
  }

  /** The length or value an item's head gives, after its major type. */
  length() {
    if (this.at >= this.bytes.length) throw new Error("CBOR: ends too soon");
    const info = this.bytes[this.at++] & 31;
    if (info < 24) return info;
    if (info === 24) return this.bytes[this.at++];
    if (info === 25) return ((this.at += 2), this.bytes.readUInt16BE(this.at - 2));
    if (info === 26) return ((this.at += 4), this.bytes.readUInt32BE(this.at - 4));
    if (info === 27) return ((this.at += 8), Number(this.bytes.readBigUInt64BE(this.at - 8)));
    throw new Error(`CBOR: ${info === 31 ? "an item of unknown length" : `unknown length ${info}`} at byte ${this.at - 1}`);
  }

  /** @param {number} major */
  expect(major, what = "") {
    if (this.bytes[this.at] >> 5 !== major) throw new Error(`CBOR: ${what} expected at byte ${this.at}`);
    return this.length();
  }

  arrayLength() {
    return this.expect(4, "an array");
  }

  uint() {
    return this.expect(0, "a number");
  }

  text() {
    const size = this.expect(3, "a string");
    return this.bytes.toString("utf8", this.at, (this.at += size));
  }

  /** Steps over one item: a loop over the items still to step over, not a call for each (there are millions). */
  skip() {
    let pending = 1;
    while (pending > 0) {
      pending--;
      const major = this.bytes[this.at] >> 5;
      const size = this.length();
      if (major === 2 || major === 3) this.at += size;
      else if (major === 4) pending += size;
      else if (major === 5) pending += size * 2;
    }
  }

  /** Decodes one item: integers, strings, byte strings, arrays, maps, booleans, null. */
  value() {
    const head = this.bytes[this.at];
    const major = head >> 5;
    if (major === 7) {
      this.at++;
      const simple = head & 31;
      if (simple >= 20 && simple <= 22) return [false, true, null][simple - 20];
      throw new Error(`CBOR: unsupported item ${head} at byte ${this.at - 1}`);
    }
    const size = this.length();
    if (major === 0) return size;
    if (major === 1) return -1 - size;
    if (major === 2) return this.bytes.subarray(this.at, (this.at += size));
    if (major === 3) return this.bytes.toString("utf8", this.at, (this.at += size));
    if (major === 4) return Array.from({ length: size }, () => this.value());
    if (major === 5) {
      const map = new Map();
      for (let n = 0; n < size; n++) map.set(this.value(), this.value());
      return map;
    }
    throw new Error(`CBOR: unsupported item ${head} at byte ${this.at - 1}`);
  }
}

/**
 * Decodes one CBOR value that fills `bytes`.
 * @param {Buffer} bytes
 * @returns {unknown}
 */
export function decodeCbor(bytes) {
  const reader = new CborReader(bytes);
  const value = reader.value();
  if (reader.at !== bytes.length) throw new Error(`CBOR: ${bytes.length - reader.at} bytes after the value`);
  return value;
}
