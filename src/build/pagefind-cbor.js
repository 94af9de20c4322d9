// Pagefind's files as Dateline reads and writes them: each is gzipped "pagefind_dcd" and CBOR (RFC 8949), the
// index's metadata (`pagefind.<language>_<hash>.pf_meta`), its word chunks (`index/*.pf_index`) and
// its filters (`filter/*.pf_filter`); a shard in the build's store keeps those unzipped
// (`storePagefindFile`). src/build/pagefind-merge.js joins shards' indexes from them and writes the
// whole's with `CborWriter`.
// Plain JavaScript: the search worker reads them too.
import { Buffer } from "node:buffer";
import fs from "node:fs";
import { promisify } from "node:util";
import { constants, crc32, gunzipSync, gzip } from "node:zlib";

const SIGNATURE = Buffer.from("pagefind_dcd");

/**
 * A Pagefind file's CBOR: unzipped, without its signature. Its errors name the file.
 * @param {string} file
 */
export function readPagefindFile(file) {
  try {
    const read = fs.readFileSync(file);
    // A shard's own file kept unzipped (`storePagefindFile`), else gzipped as Pagefind writes it.
    const bytes = read.subarray(0, SIGNATURE.length).equals(SIGNATURE) ? read : gunzipSync(read);
    if (!bytes.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error(`no ${SIGNATURE} signature`);
    return bytes.subarray(SIGNATURE.length);
  } catch (error) {
    throw new Error(`${file} is not a Pagefind index file Dateline can read: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

const gzipped = promisify(gzip);
/** A file this large or larger is gzipped with zlib's largest hash table (`packPagefindFile`). */
const LARGE_FILE = 32 * 1024;

/**
 * A Pagefind file's bytes for its CBOR: "pagefind_dcd" and the CBOR, gzipped on libuv's threads. At
 * level 5, not zlib's (and Pagefind's) 6: over a 10,000-story index's word chunks, 0.7 % more bytes
 * for readers to fetch in 56 % of the time (1.0 against 1.8 s; level 4 was 4.6 % more). A file of 32
 * KiB or more (a chunk of words) with zlib's largest hash table (`memLevel` 9, 8 by default): 0.94–0.96×
 * the time over the word chunks of a 10,000-story site's index and shards, 0.05 % fewer bytes; no
 * gain for a fragment (docs/performance.md, "2026-12-07, later").
 * @param {Buffer} cbor
 * @returns {Promise<Buffer>}
 */
export function packPagefindFile(cbor) {
  // Room for the whole output at once: in zlib's 16 KiB a chunk of words (~200 KB, ~85 KB gzipped in
  // a 100,000-story index) went to a thread and back six times; a fragment gets no more than it needs.
  return gzipped(Buffer.concat([SIGNATURE, cbor]), { level: 5, memLevel: cbor.length >= LARGE_FILE ? 9 : 8, chunkSize: Math.min(cbor.length + 1024, 1 << 20) });
}

/**
 * A Pagefind file's bytes as a shard keeps them in the build's store: "pagefind_dcd" and the CBOR,
 * not gzipped. Only the join of the whole index reads a shard's word chunks, filters and metadata
 * (readers load the whole index, and only the fragments of a shard's folder), and unzipping them was
 * a fifth of the join's thread in an edit, their compression ~1 CPU-s of a cold 10,000-story build
 * (docs/performance.md).
 * @param {Buffer} cbor
 * @returns {Buffer}
 */
export function storePagefindFile(cbor) {
  return Buffer.concat([SIGNATURE, cbor]);
}

const TRAILER = Buffer.alloc(8);

/**
 * Whether a gzipped Pagefind file holds `cbor`, read from its last 8 bytes: gzip's CRC-32 and
 * length of what it unzips to. For a file whose name already carries 28 bits or more of the SHA-1
 * of `cbor` (an earlier index's file of the same name), that leaves a chance of about 2^-60 of
 * taking another file for it; unzipping it to compare cost the join of an edit a decompression for
 * each chunk it kept (~230 of 615 at 10,000 stories). False when the file is not there or unreadable.
 * @param {string} file
 * @param {Buffer} cbor
 */
export function holdsPagefindFile(file, cbor) {
  let fd;
  try {
    fd = fs.openSync(file, "r");
  } catch {
    return false;
  }
  try {
    const size = fs.fstatSync(fd).size;
    if (size < 18 || fs.readSync(fd, TRAILER, 0, 8, size - 8) !== 8) return false;
  } catch {
    // An earlier index's file it cannot read is one it does not keep: the file is written anew.
    return false;
  } finally {
    fs.closeSync(fd);
  }
  return TRAILER.readUInt32LE(4) === (SIGNATURE.length + cbor.length) % 2 ** 32 && TRAILER.readUInt32LE(0) === crc32(cbor, crc32(SIGNATURE));
}

/** The opening of a fragment's text: "pagefind_dcd{"url":"/2026/03/05/flood/",…". */
const URL_FIRST = /^pagefind_dcd\{"url":("(?:[^"\\]|\\.)*")/;
const HEAD = Buffer.alloc(512);

/**
 * The URL of a fragment file (a page of an index): its gzipped text ("pagefind_dcd" and the page's
 * JSON) names it first. Only the first bytes are read and unpacked, synchronously: ~0.015 ms a page,
 * where reading whole files took ~0.16 ms (timed alone over a built 10,000-story site's fragments).
 * A file whose URL is not in its first bytes is read whole; undefined if it names none.
 * @param {string} file
 * @returns {string | undefined}
 */
export function fragmentUrl(file) {
  const fd = fs.openSync(file, "r");
  let read;
  try {
    read = fs.readSync(fd, HEAD, 0, HEAD.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  const start = URL_FIRST.exec(gunzipSync(HEAD.subarray(0, read), { finishFlush: constants.Z_SYNC_FLUSH }).toString("utf8"));
  if (start?.[1]) return JSON.parse(start[1]);
  const text = gunzipSync(fs.readFileSync(file)).toString("utf8");
  const fragment = JSON.parse(text.slice(text.indexOf("{")));
  return typeof fragment.url === "string" ? fragment.url : undefined;
}

/** Reads CBOR (RFC 8949, definite lengths, as Pagefind writes it), or steps over it without building what it steps over. */
export class CborReader {
  /** @param {Buffer} bytes */
  constructor(bytes) {
    this.bytes = bytes;
    this.at = 0;
    /** What `posting()` read: the page's number counted from the one before, where it starts, and where what follows it starts. */
    this.page = 0;
    this.number = 0;
    this.rest = 0;
  }

  /** The length or value an item's head gives, after its major type. */
  length() {
    if (this.at >= this.bytes.length) throw new Error("CBOR: ends too soon");
    const info = this.bytes[this.at++] & 31;
    if (info < 24) return info;
    if (info < 28 && this.at + 2 ** (info - 24) > this.bytes.length) throw new Error("CBOR: ends too soon");
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
    if (this.at + size > this.bytes.length) throw new Error("CBOR: ends too soon");
    return this.bytes.toString("utf8", this.at, (this.at += size));
  }

  /**
   * Steps over one page of a word's list, `[page, locations, meta locations]` (a join of a large
   * archive's index reads tens of millions): `page` is its number counted from the one before,
   * `number` and `rest` where that number and what follows it start; how many locations (text and
   * meta) it holds. The position kept in a local, the locations stepped over in one loop.
   */
  posting() {
    const bytes = this.bytes;
    const end = bytes.length;
    let at = this.at;
    const head = at < end ? /** @type {number} */ (bytes[at]) : 0;
    // Pagefind writes a page's entry as an array of 2 or 3 items.
    if (head < 0x82 || head > 0x97) throw new Error(`CBOR: a page of a word expected at byte ${at}`);
    const fields = head - 0x80;
    this.at = at + 1;
    this.number = this.at;
    this.page = this.uint();
    this.rest = this.at;
    let found = 0;
    for (let field = 1; field < fields && field < 3; field++) {
      const count = this.arrayLength();
      at = this.at;
      for (let item = 0; item < count; item++) {
        const byte = at < end ? /** @type {number} */ (bytes[at]) : 0xff;
        if (byte >= 0x40) throw new Error(at < end ? `CBOR: an integer expected at byte ${at}` : "CBOR: ends too soon");
        const info = byte & 31;
        if (info < 24) at += 1;
        else if (info < 28) at += 1 + (1 << (info - 24));
        else throw new Error(`CBOR: unknown length ${info} at byte ${at}`);
      }
      if (at > end) throw new Error("CBOR: ends too soon");
      this.at = at;
      found += count;
    }
    for (let field = 3; field < fields; field++) this.skip();
    return found;
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

/** Writes CBOR (RFC 8949, definite lengths, as Pagefind writes it) into a growing buffer. */
export class CborWriter {
  constructor(capacity = 1 << 16) {
    this.buffer = Buffer.allocUnsafe(capacity);
    this.at = 0;
  }

  /** Starts again at the beginning of its buffer (what `bytes()` gave before is overwritten). */
  reset() {
    this.at = 0;
  }

  /** @param {number} bytes */
  room(bytes) {
    if (this.at + bytes <= this.buffer.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.at + bytes));
    this.buffer.copy(bigger, 0, 0, this.at);
    this.buffer = bigger;
  }

  /**
   * @param {number} major
   * @param {number} value
   */
  head(major, value) {
    this.room(9);
    const type = major << 5;
    if (value < 24) this.buffer[this.at++] = type | value;
    else if (value < 0x100) (this.buffer[this.at++] = type | 24), (this.buffer[this.at++] = value);
    else if (value < 0x10000) (this.buffer[this.at++] = type | 25), (this.at = this.buffer.writeUInt16BE(value, this.at));
    else if (value < 0x100000000) (this.buffer[this.at++] = type | 26), (this.at = this.buffer.writeUInt32BE(value, this.at));
    else (this.buffer[this.at++] = type | 27), (this.at = this.buffer.writeBigUInt64BE(BigInt(value), this.at));
    return this;
  }

  /** @param {number} value */
  uint(value) {
    return this.head(0, value);
  }

  /** @param {number} value */
  int(value) {
    return value < 0 ? this.head(1, -1 - value) : this.head(0, value);
  }

  /** @param {string} value */
  text(value) {
    const size = Buffer.byteLength(value);
    this.head(3, size);
    this.room(size);
    this.at += this.buffer.write(value, this.at);
    return this;
  }

  /** @param {number} length */
  array(length) {
    return this.head(4, length);
  }

  /**
   * `bytes` from `start` to `end`: CBOR already encoded.
   * @param {Buffer} bytes
   * @param {number} start
   * @param {number} end
   */
  copy(bytes, start, end) {
    this.room(end - start);
    this.at += bytes.copy(this.buffer, this.at, start, end);
    return this;
  }

  /** @param {Buffer} bytes CBOR already encoded */
  raw(bytes) {
    this.room(bytes.length);
    this.at += bytes.copy(this.buffer, this.at);
    return this;
  }

  /** A string, number, boolean or null as it came (a page's third field). @param {unknown} value */
  value(value) {
    if (typeof value === "string") return this.text(value);
    if (typeof value === "number" && Number.isInteger(value)) return this.int(value);
    if (value === null || typeof value === "boolean") {
      this.room(1);
      this.buffer[this.at++] = value === null ? 0xf6 : value ? 0xf5 : 0xf4;
      return this;
    }
    throw new Error(`an index value Dateline cannot write again: ${JSON.stringify(value)}`);
  }

  bytes() {
    return this.buffer.subarray(0, this.at);
  }
}
