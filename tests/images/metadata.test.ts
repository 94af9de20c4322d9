// Reading a photo's embedded text and details leaves no file open. exifr 7, given a path, reads
// through a FileHandle and on some paths leaves one for the garbage collector to close, which Node 26
// turns into a crash (ERR_INVALID_STATE) of the build, the preview or `npm run edition`.
import { readdirSync, readlinkSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readEmbeddedText, readPhotoDetails } from "../../src/images/metadata.ts";

// The photo that crashed `npm run edition` on Node 26.
const PHOTO = path.resolve(import.meta.dirname, "../fixtures/edition-day/articles/2026/edition/harbour.jpg");

/** This process's open file descriptors on `file` (Linux /proc). */
function openDescriptors(file: string): number {
  return readdirSync("/proc/self/fd").filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === file;
    } catch {
      return false;
    }
  }).length;
}

describe.runIf(process.platform === "linux")("photo metadata files", () => {
  it("are closed when the embedded caption, credit and alt have been read", async () => {
    expect(await readEmbeddedText(PHOTO)).toEqual({});
    expect(openDescriptors(PHOTO)).toBe(0);
  });

  it("are closed when the location and camera have been read", async () => {
    expect(await readPhotoDetails(PHOTO, { publishLocation: true, publishCamera: true })).toBeUndefined();
    expect(openDescriptors(PHOTO)).toBe(0);
  });
});
