// Where each word's pages end in a stored shard's word chunks, kept beside the shard for the join of
// the whole index (pagefind-merge.js). A chunk holds each word's pages as CBOR arrays of entries that
// carry no length in bytes: to copy a word's pages, the join had to step over every entry of every
// stored shard, most of which it copies unchanged (at 100,000 stories, ~3.8 s of an edit's 9.6 s
// join). A join that steps over a shard writes down, for each list of pages in the order it reads
// them (a word's, then its forms'), where the list ends, its last page and how many locations it
// holds; the next join of that shard reads them instead. A stored shard never changes (it is named
// by its fingerprint), so neither does this file, written once beside it.
//
// The file: a JSON line `{"version":1,"languages":[{"language","meta","lists"}]}` naming, for each
// language of the shard, the metadata file it was read from (which names every chunk by its hash)
// and how many lists it holds; then, from the next multiple of 4 bytes, three 32-bit integers a list
// (its end in its chunk's bytes, its last page, its locations), language after language.
// Plain JavaScript: it runs in an indexer's worker thread.
import { Buffer } from "node:buffer";
import fs from "node:fs";
import { writeFileAtomically } from "./partial-files.js";

const VERSION = 1;

/** Integers a list: its end, its last page, its locations. */
export const POSTINGS_FIELDS = 3;

/**
 * @typedef {{ meta: string; values: Int32Array }} LanguagePostings one language's lists, and the
 *   metadata file of the shard's index they were read from (`pagefind.<hash>.pf_meta`)
 */

/**
 * The lists of a shard's languages, by language; undefined when there is no such file or it is not
 * one this writes (the join then steps over the shard and writes it anew).
 * @param {string} file
 * @returns {Map<string, LanguagePostings> | undefined}
 */
export function readPostingsIndex(file) {
  let bytes;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return undefined;
  }
  try {
    const line = bytes.indexOf(0x0a);
    if (line < 0) return undefined;
    const head = JSON.parse(bytes.toString("utf8", 0, line));
    if (head?.version !== VERSION || !Array.isArray(head.languages)) return undefined;
    let at = alignedAfter(line);
    /** @type {Map<string, LanguagePostings>} */
    const languages = new Map();
    for (const { language, meta, lists } of head.languages) {
      if (typeof language !== "string" || typeof meta !== "string" || !Number.isInteger(lists) || lists < 0) return undefined;
      const size = lists * POSTINGS_FIELDS * 4;
      if (at + size > bytes.length) return undefined;
      // Copied out: the file's bytes need not start on a multiple of 4 in memory.
      const values = new Int32Array(lists * POSTINGS_FIELDS);
      Buffer.from(values.buffer).set(bytes.subarray(at, at + size));
      languages.set(language, { meta, values });
      at += size;
    }
    return at === bytes.length ? languages : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Writes the lists of a shard's languages (in the order given) into `file`, whole or not at all
 * (src/build/partial-files.js): a join that stops half-way leaves no half-written file behind.
 * @param {string} file
 * @param {readonly { language: string; meta: string; values: readonly number[] }[]} languages
 * @returns {Promise<void>}
 */
export function writePostingsIndex(file, languages) {
  const head = Buffer.from(`${JSON.stringify({ version: VERSION, languages: languages.map(({ language, meta, values }) => ({ language, meta, lists: values.length / POSTINGS_FIELDS })) })}\n`);
  const start = alignedAfter(head.length - 1);
  const total = languages.reduce((sum, { values }) => sum + values.length, 0);
  const bytes = Buffer.alloc(start + total * 4);
  head.copy(bytes);
  const values = new Int32Array(total);
  let at = 0;
  for (const language of languages) {
    values.set(language.values, at);
    at += language.values.length;
  }
  Buffer.from(values.buffer).copy(bytes, start);
  return writeFileAtomically(file, bytes);
}

/** The first multiple of 4 after the byte at `line` (the head's newline). */
function alignedAfter(/** @type {number} */ line) {
  return Math.ceil((line + 1) / 4) * 4;
}
