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
 * `hidden` pages (Pagefind page ids, the outdated entries of an amended shard) hold.
 * @param {string} dir
 * @param {ReadonlySet<string>} [hidden]
 * @returns {string[]}
 */
export function indexWords(dir, hidden = new Set()) {
  const names = fs.readdirSync(dir);
  const meta = names.find((name) => name.endsWith(".pf_meta"));
  if (!meta) {
    // An index of no pages (a site without articles) has no language, so no metadata.
    const entry = JSON.parse(fs.readFileSync(path.join(dir, "pagefind-entry.json"), "utf8"));
    if (Object.keys(entry.languages ?? {}).length === 0) return [];
    throw new Error(`${dir} holds no Pagefind metadata (.pf_meta) for its languages`);
  }
  // [version, pages [[id, word count, …]], chunks [[from, to, file]], filters, sorts, meta fields]
  const [, pages, chunks] = /** @type {[string, [string][], [string, string, string][]]} */ (readPacked(path.join(dir, meta)));
  const hiddenPages = new Set();
  pages.forEach(([id], n) => hidden.has(id) && hiddenPages.add(n));
  /** @type {string[]} */
  const words = [];
  if (hidden.size === 0 || hiddenPages.size === 0) {
    // Every word is shown: read the words alone, stepping over their pages (most of each file).
    for (const [, , file] of chunks) words.push(...chunkWords(unpack(path.join(dir, "index", `${file}.pf_index`))));
    return words;
  }
  for (const [, , file] of chunks) {
    // [[word, its pages, [[a form of it with diacritics, its pages], …]], …], each list of pages
    // [[page number (counted from the one before), locations, meta locations], …].
    const [entries] = /** @type {[[string, [number][], [string, [number][]][]][]]} */ (readPacked(path.join(dir, "index", `${file}.pf_index`)));
    const shown = (/** @type {[number][]} */ onPages) => {
      let page = 0;
      return onPages.some(([delta]) => !hiddenPages.has((page += delta)));
    };
    for (const [word, onPages, forms = []] of entries) if (shown(onPages) || forms.some(([, formPages]) => shown(formPages))) words.push(word);
  }
  return words;
}

/** @param {string} file */
function readPacked(file) {
  return decodeCbor(unpack(file));
}

/**
 * The CBOR of a Pagefind file, unzipped and without its signature.
 * @param {string} file
 */
function unpack(file) {
  const bytes = gunzipSync(fs.readFileSync(file));
  if (bytes.toString("utf8", 0, SIGNATURE.length) !== SIGNATURE) throw new Error(`${file} is not a Pagefind file (no ${SIGNATURE} signature)`);
  return bytes.subarray(SIGNATURE.length);
}

/**
 * The words of an index chunk (`[[word, pages, forms], …]` inside an array of one), each that is on
 * a page or has a form that is: the pages are stepped over, never decoded.
 * @param {Buffer} bytes
 * @returns {string[]}
 */
export function chunkWords(bytes) {
  const reader = new CborReader(bytes);
  if (reader.arrayLength() < 1) return [];
  const count = reader.arrayLength();
  /** @type {string[]} */
  const words = [];
  for (let n = 0; n < count; n++) {
    const fields = reader.arrayLength();
    const word = reader.text();
    const onPages = bytes[reader.at] !== EMPTY_ARRAY;
    reader.skip();
    const withForms = fields > 2 && bytes[reader.at] !== EMPTY_ARRAY;
    for (let field = 2; field < fields; field++) reader.skip();
    if (onPages || withForms) words.push(word);
  }
  return words;
}

/** CBOR's empty array (major type 4, length 0). */
const EMPTY_ARRAY = 0x80;

/** Steps through CBOR without building what it steps over. */
class CborReader {
  /** @param {Buffer} bytes */
  constructor(bytes) {
    this.bytes = bytes;
    this.at = 0;
  }

  /** The length an item's head gives (or -1: indefinite), after its major type. */
  length() {
    const info = this.bytes[this.at++] & 31;
    if (info < 24) return info;
    if (info === 24) return this.bytes[this.at++];
    if (info === 25) return ((this.at += 2), this.bytes.readUInt16BE(this.at - 2));
    if (info === 26) return ((this.at += 4), this.bytes.readUInt32BE(this.at - 4));
    if (info === 27) return ((this.at += 8), Number(this.bytes.readBigUInt64BE(this.at - 8)));
    if (info === 31) return -1;
    throw new Error(`CBOR: unknown length ${info} at byte ${this.at - 1}`);
  }

  arrayLength() {
    if (this.bytes[this.at] >> 5 !== 4) throw new Error(`CBOR: an array expected at byte ${this.at}`);
    const size = this.length();
    if (size < 0) throw new Error(`CBOR: an array of unknown length at byte ${this.at}`);
    return size;
  }

  text() {
    if (this.bytes[this.at] >> 5 !== 3) throw new Error(`CBOR: a string expected at byte ${this.at}`);
    const size = this.length();
    return this.bytes.toString("utf8", this.at, (this.at += size));
  }

  /** Steps over one item: a loop over the items still to step over, not a call for each (there are millions). */
  skip() {
    const { bytes } = this;
    let pending = 1;
    while (pending > 0) {
      pending--;
      if (this.at >= bytes.length) throw new Error("CBOR: ends too soon");
      const major = bytes[this.at] >> 5;
      const size = this.length();
      if (size < 0) throw new Error(`CBOR: an item of unknown length at byte ${this.at - 1}`);
      if (major === 2 || major === 3) this.at += size;
      else if (major === 4) pending += size;
      else if (major === 5) pending += size * 2;
    }
  }
}

/**
 * Decodes the CBOR Pagefind writes (RFC 8949: integers, strings, arrays, maps, booleans, null).
 * @param {Buffer} bytes
 * @returns {unknown}
 */
export function decodeCbor(bytes) {
  let at = 0;
  const length = (info) => {
    if (info < 24) return info;
    if (info === 24) return bytes[at++];
    if (info === 25) return ((at += 2), bytes.readUInt16BE(at - 2));
    if (info === 26) return ((at += 4), bytes.readUInt32BE(at - 4));
    if (info === 27) return ((at += 8), Number(bytes.readBigUInt64BE(at - 8)));
    if (info === 31) return -1;
    throw new Error(`CBOR: unknown length ${info} at byte ${at}`);
  };
  /** @returns {unknown} */
  const item = () => {
    const head = bytes[at++];
    if (head === undefined) throw new Error("CBOR: ends too soon");
    const major = head >> 5;
    const size = length(head & 31);
    if (major === 0) return size;
    if (major === 1) return -1 - size;
    if (major === 2) return bytes.subarray(at, (at += size));
    if (major === 3) return bytes.toString("utf8", at, (at += size));
    if (major === 4 || major === 5) {
      const list = [];
      const items = major === 5 ? size * 2 : size;
      if (size === -1) {
        while (bytes[at] !== 0xff) list.push(item());
        at++;
      } else for (let n = 0; n < items; n++) list.push(item());
      if (major === 4) return list;
      const map = new Map();
      for (let n = 0; n < list.length; n += 2) map.set(list[n], list[n + 1]);
      return map;
    }
    if (major === 7 && (head & 31) <= 22) return [false, true, null][(head & 31) - 20];
    throw new Error(`CBOR: unsupported item ${head} at byte ${at - 1}`);
  };
  const value = item();
  if (at !== bytes.length) throw new Error(`CBOR: ${bytes.length - at} bytes after the value`);
  return value;
}
