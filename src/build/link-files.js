// Hard links, copied where the file system cannot link: one rule for the build's thread
// (src/build/store.ts) and the link thread (src/build/link-worker.js). Plain JavaScript, which both
// can import.
import fs from "node:fs";

/** Errors of a file system that cannot link (another device, no links allowed, too many): then the file is copied. */
export const COPY_INSTEAD = new Set(["EXDEV", "EPERM", "ENOTSUP", "EMLINK"]);

/**
 * Links `from` at `to`, or copies it where the file system cannot link. Any other error is thrown
 * (`to` existing, `from` gone).
 * @param {string} from
 * @param {string} to
 */
export function linkOrCopySync(from, to) {
  try {
    fs.linkSync(from, to);
  } catch (error) {
    if (!COPY_INSTEAD.has(/** @type {NodeJS.ErrnoException} */ (error).code ?? "")) throw error;
    fs.copyFileSync(from, to);
  }
}
