// Reading content files and resolving the files they point at, inside the content folder only.
import fs from "node:fs/promises";
import path from "node:path";
import { inspectSource, type FileStat, type ImageInfo } from "../images/index.ts";
import { mapLimit } from "../images/limit.ts";

/** A content Markdown file: `.md`, not hidden (editors' tools leave dotfiles beside articles). */
export function isMarkdownFile(file: string): boolean {
  return file.endsWith(".md") && !path.basename(file).startsWith(".");
}

/** Markdown files under `dir`, sorted so every build sees them in one order. */
export async function listMarkdown(dir: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = await fs.readdir(dir, { recursive: true });
  } catch {
    return [];
  }
  return entries
    .filter(isMarkdownFile)
    .map((entry) => path.join(dir, entry))
    .sort();
}

/** Files worked on at once: enough to keep the disk busy, far below the open-file limit. */
export const FILE_CONCURRENCY = 64;

/**
 * `items.map(work)` with at most `limit` calls in flight, results in the items' order. Starting one
 * read per file at once fails with EMFILE ("too many open files") on a 100,000-article archive.
 */
export function mapFiles<T, R>(items: readonly T[], work: (item: T) => Promise<R>, limit = FILE_CONCURRENCY): Promise<R[]> {
  return mapLimit(items, work, limit);
}

export type ResolvedImage = { ok: true; file: string; info: ImageInfo } | { ok: false; message: string };

type ResolvedFile = { ok: true; file: string; stat: FileStat } | { ok: false; message: string };

/** Resolves a file path written in `fromFile`, refusing anything outside `contentDir`. */
export async function resolveFile(contentDir: string, fromFile: string, written: string): Promise<ResolvedFile> {
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
  if (!stat.isFile()) return { ok: false, message: `"${written}" is a folder, not a file` };
  return { ok: true, file: real, stat };
}

/** Resolves an image path written in `fromFile`, refusing anything outside `contentDir` and anything not a photo. */
/** `imageCacheDir`: the image cache whose manifest already knows the photos (a build passes its own). */
export async function resolveImage(contentDir: string, fromFile: string, written: string, imageCacheDir?: string): Promise<ResolvedImage> {
  const resolved = await resolveFile(contentDir, fromFile, written);
  if (!resolved.ok) return resolved.message.endsWith("is a folder, not a file") ? { ok: false, message: `"${written}" is a folder, not an image file` } : resolved;
  // The stat just taken keys the image cache's manifest: a known photo is not read again.
  const info = await inspectSource(resolved.file, resolved.stat, imageCacheDir);
  if ("problem" in info) return { ok: false, message: `"${written}" ${info.problem}` };
  return { ok: true, file: resolved.file, info };
}

function isInside(dir: string, file: string): boolean {
  const relative = path.relative(dir, file);
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
}
