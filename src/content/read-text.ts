// Content files must be UTF-8 and of a sane size: anything else would publish mojibake or stall the
// build, so it is refused by name before parsing. The size is checked with stat before a byte is read
// and the read itself stops at the limit, so no file (not even one that grows) can exhaust memory.
import fs, { constants } from "node:fs";
import { confineFile, REFUSALS, type Refusal } from "./confine.ts";

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** An article or author file may be at most 1 MiB: about 150,000 words, far past any real story. */
export const MAX_CONTENT_BYTES = 1024 * 1024;

export type TextResult = { ok: true; text: string } | { ok: false; reason: Refusal | "size" | "encoding"; message: string };

/**
 * Reads `file`, a regular file inside `contentDir` (links followed only that far), as UTF-8 text;
 * `realRoot` is contentDir's real path when known. Synchronous calls, as `confineFile` makes: a file
 * took seven round trips through libuv's threads, and a loader reads thousands.
 */
export function readText(contentDir: string, file: string, limit = MAX_CONTENT_BYTES, realRoot?: string): TextResult {
  const confined = confineFile(contentDir, file, realRoot);
  if (!confined.ok) return { ok: false, reason: confined.reason, message: REFUSALS[confined.reason] };
  if (confined.stat.size > limit) return tooLarge(confined.stat.size, limit);
  let fd: number;
  try {
    // O_NONBLOCK: had the file been swapped for a pipe since the stat, opening it would wait for a writer.
    fd = fs.openSync(confined.file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch {
    return { ok: false, reason: "missing", message: REFUSALS.missing };
  }
  let bytes: Buffer;
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile() || stat.ino !== confined.stat.ino || stat.dev !== confined.stat.dev) return { ok: false, reason: "special", message: REFUSALS.special };
    bytes = readAtMost(fd, Math.min(stat.size, limit) + 1, limit + 1);
  } finally {
    fs.closeSync(fd);
  }
  if (bytes.length > limit) return tooLarge(bytes.length, limit);
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    return { ok: false, reason: "encoding", message: "is not UTF-8 text (save the file as UTF-8 in your editor)" };
  }
}

/** Up to `cap` bytes of the file, starting with a buffer of `expected` (its size when stat was taken, plus one). */
function readAtMost(fd: number, expected: number, cap: number): Buffer {
  let buffer = Buffer.allocUnsafe(Math.max(1, Math.min(expected, cap)));
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (buffer.length >= cap) break;
      // The file grew since its stat: keep reading, never past the cap.
      const larger = Buffer.allocUnsafe(Math.min(buffer.length * 2, cap));
      buffer.copy(larger, 0, 0, length);
      buffer = larger;
    }
    const bytesRead = fs.readSync(fd, buffer, length, buffer.length - length, length);
    if (bytesRead === 0) break;
    length += bytesRead;
  }
  return buffer.subarray(0, length);
}

function tooLarge(bytes: number, limit: number): TextResult {
  const size = (bytes / (1024 * 1024)).toFixed(1);
  const most = limit === MAX_CONTENT_BYTES ? "1 MiB" : `${limit} bytes`;
  return { ok: false, reason: "size", message: `is ${size} MiB; a content file may be at most ${most} (split the story, or move tables and data out of it)` };
}
