// Content files must be UTF-8: anything else would publish mojibake, so it is refused by name.
import fs from "node:fs/promises";

const utf8 = new TextDecoder("utf-8", { fatal: true });

export async function readText(file: string): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  const bytes = await fs.readFile(file);
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    return { ok: false, message: "is not UTF-8 text (save the file as UTF-8 in your editor)" };
  }
}
