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
  const bytes = gunzipSync(fs.readFileSync(file));
  if (bytes.toString("utf8", 0, SIGNATURE.length) !== SIGNATURE) throw new Error(`${file} is not a Pagefind file (no ${SIGNATURE} signature)`);
  return decodeCbor(bytes.subarray(SIGNATURE.length));
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
