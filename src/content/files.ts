// Reading content files and resolving the files they point at, inside the content folder only.
import fs from "node:fs/promises";
import path from "node:path";
import { inspectImage, type ImageInfo } from "../images/index.ts";

/** Markdown files under `dir`, sorted so every build sees them in one order. */
export async function listMarkdown(dir: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = await fs.readdir(dir, { recursive: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.endsWith(".md") && !path.basename(entry).startsWith("."))
    .map((entry) => path.join(dir, entry))
    .sort();
}

export type ResolvedImage = { ok: true; file: string; info: ImageInfo } | { ok: false; message: string };

/** Resolves an image path written in `fromFile`, refusing anything outside `contentDir`. */
export async function resolveImage(contentDir: string, fromFile: string, written: string): Promise<ResolvedImage> {
  const file = path.resolve(path.dirname(fromFile), written);
  if (!isInside(contentDir, file)) {
    return { ok: false, message: `"${written}" points outside the content folder (keep images next to the file that uses them)` };
  }
  let real: string;
  try {
    real = await fs.realpath(file);
  } catch {
    return { ok: false, message: `"${written}" not found (looked for ${path.relative(contentDir, file)} in the content folder)` };
  }
  if (!isInside(await fs.realpath(contentDir), real)) {
    return { ok: false, message: `"${written}" links outside the content folder (copy the image next to the file instead)` };
  }
  const stat = await fs.stat(real);
  if (!stat.isFile()) return { ok: false, message: `"${written}" is a folder, not an image file` };
  const info = await inspectImage(real);
  if ("problem" in info) return { ok: false, message: `"${written}" ${info.problem}` };
  return { ok: true, file: real, info };
}

function isInside(dir: string, file: string): boolean {
  const relative = path.relative(dir, file);
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
}
