// Content files must be UTF-8 and of a sane size: anything else would publish mojibake or stall the
// build, so it is refused by name before parsing.
import fs from "node:fs/promises";

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** An article or author file may be at most 1 MiB: about 150,000 words, far past any real story. */
export const MAX_CONTENT_BYTES = 1024 * 1024;

export async function readText(file: string): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  const bytes = await fs.readFile(file);
  if (bytes.length > MAX_CONTENT_BYTES) {
    const size = (bytes.length / (1024 * 1024)).toFixed(1);
    return { ok: false, message: `is ${size} MiB; a content file may be at most 1 MiB (split the story, or move tables and data out of it)` };
  }
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    return { ok: false, message: "is not UTF-8 text (save the file as UTF-8 in your editor)" };
  }
}
