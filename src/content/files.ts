// Reading content files and resolving the files they point at, inside the content folder only.
import path from "node:path";
import { inspectSource, type FileStat, type ImageInfo } from "../images/index.ts";
import { mapLimit } from "../images/limit.ts";
import { confineFile, isInside, walkContent } from "./confine.ts";

/** A content Markdown file: `.md`, not hidden (editors' tools leave dotfiles beside articles). */
export function isMarkdownFile(file: string): boolean {
  return file.endsWith(".md") && !path.basename(file).startsWith(".");
}

/**
 * Markdown files under `dir`, sorted so every build sees them in one order. Only regular files whose
 * real path is inside `contentDir` (by default the folder above `dir`, as in `content/articles`):
 * a link elsewhere, a device or a pipe is left out here and reported by the inventory (inventory.ts).
 */
export async function listMarkdown(dir: string, contentDir = path.dirname(dir)): Promise<string[]> {
  const entries = await walkContent(contentDir, { from: dir });
  return entries
    .filter((entry) => entry.kind === "file" && isMarkdownFile(entry.path))
    .map((entry) => entry.path)
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
export function resolveFile(contentDir: string, fromFile: string, written: string): ResolvedFile {
  const file = path.resolve(path.dirname(fromFile), written);
  if (!isInside(contentDir, file)) {
    return { ok: false, message: `"${written}" points outside the content folder (keep images next to the file that uses them)` };
  }
  const confined = confineFile(contentDir, file);
  if (confined.ok) return confined;
  const messages = {
    missing: `"${written}" not found (looked for ${path.relative(contentDir, file)} in the content folder)`,
    outside: `"${written}" links outside the content folder (copy the image next to the file instead)`,
    folder: `"${written}" is a folder, not a file`,
    special: `"${written}" is not an ordinary file but a device, pipe or socket (use an image file)`,
  };
  return { ok: false, message: messages[confined.reason] };
}

/** Resolves an image path written in `fromFile`, refusing anything outside `contentDir` and anything not a photo. */
/** `imageCacheDir`: the image cache whose manifest already knows the photos (a build passes its own). */
export async function resolveImage(contentDir: string, fromFile: string, written: string, imageCacheDir?: string): Promise<ResolvedImage> {
  const resolved = resolveFile(contentDir, fromFile, written);
  if (!resolved.ok) return resolved.message.endsWith("is a folder, not a file") ? { ok: false, message: `"${written}" is a folder, not an image file` } : resolved;
  // The stat just taken keys the image cache's manifest: a known photo is not read again.
  const info = await inspectSource(resolved.file, resolved.stat, imageCacheDir);
  if ("problem" in info) return { ok: false, message: `"${written}" ${info.problem}` };
  return { ok: true, file: resolved.file, info };
}
