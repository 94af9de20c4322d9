// What may be read from the content folder: a regular file whose real path is inside it. Links are
// followed only that far, so no file an editor commits (a link to /etc/passwd, /dev/zero, a folder
// elsewhere) can make a command read outside content/ or read without end. Nothing here reads a file.
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import type { Stats } from "node:fs";

/** Why a file may not be read; each has one message, shared by every command that meets it. */
export type Refusal = "missing" | "outside" | "folder" | "special";

export type ConfinedFile = { ok: true; file: string; stat: Stats } | { ok: false; reason: Refusal };

/** The editor-facing explanation of a refusal, for a line that names the file itself. */
export const REFUSALS: Record<Refusal, string> = {
  missing: "does not exist (it was moved or deleted while it was being read; check the file and try again)",
  outside: "links outside the content folder (copy the file into content/ instead of linking to it)",
  folder: "is a folder, not a file",
  special: "is not an ordinary file but a device, pipe or socket (content files must be ordinary files; delete it)",
};

/** True when `file` is `dir` itself or anything below it. */
export function isWithin(dir: string, file: string): boolean {
  const relative = path.relative(dir, file);
  return !relative.startsWith("..") && !path.isAbsolute(relative);
}

/** True when `file` is below `dir` (not `dir` itself). */
export function isInside(dir: string, file: string): boolean {
  return path.relative(dir, file) !== "" && isWithin(dir, file);
}

/**
 * The real path and stat of `file` when it is a regular file whose real path (links followed) is
 * inside `contentDir`. Taken before any byte is read, so a device or an outside file is never opened.
 * Synchronous calls: a loader confines thousands of files, and through fs/promises
 * each call was a round trip through libuv's threads that left the loading thread waiting
 * (docs/performance.md, "2026-12-07, night").
 */
export function confineFile(contentDir: string, file: string, realRoot?: string): ConfinedFile {
  let real: string;
  let root: string;
  try {
    // A loader reading thousands of files resolves the content folder once and says so (`realRoot`).
    real = fs.realpathSync.native(file);
    root = realRoot ?? fs.realpathSync.native(contentDir);
  } catch {
    return { ok: false, reason: "missing" };
  }
  if (!isInside(root, real)) return { ok: false, reason: "outside" };
  const stat = statOrNothing(real);
  if (!stat) return { ok: false, reason: "missing" };
  if (stat.isDirectory()) return { ok: false, reason: "folder" };
  if (!stat.isFile()) return { ok: false, reason: "special" };
  return { ok: true, file: real, stat };
}

function statOrNothing(file: string): Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

/** What an entry of the content folder is; for a link, what it resolves to. */
export type EntryKind = "file" | "folder" | "special" | "outside" | "dangling";

export interface ContentEntry {
  /** The path as listed, through any linked folder: the path problems name and loaders read. */
  path: string;
  /** Relative to the content folder, "/"-separated. */
  name: string;
  kind: EntryKind;
  /** The entry is a symbolic link; `kind` is what it resolves to ("outside" and "dangling" only links are). */
  link: boolean;
  /** For a link outside the content folder: whether it points at a folder. */
  outsideFolder?: boolean;
}

/**
 * Names starting with a dot are editors' and tools' files (.DS_Store, .obsidian/, .git/): never
 * listed or read. Eleventy's own (.eleventy.js, .eleventyignore) are listed, so they can be refused.
 */
export function isHidden(name: string): boolean {
  return name.startsWith(".") && !name.startsWith(".eleventy");
}

export interface WalkOptions {
  /** The folder to list, inside the content folder (default: the content folder itself). */
  from?: string;
  /** Whether to list what a folder holds (default: every folder). */
  descend?: (entry: ContentEntry) => boolean;
}

/**
 * Every entry under `from` (hidden ones left out), sorted by name, without reading a file. Links are
 * resolved: one that leads outside `contentDir` or nowhere is listed as such and not followed. A
 * linked folder is followed after every real one, and only when no other path lists it and it does
 * not hold `from` itself, so a folder is listed under its own path, once, and a link makes no loop.
 */
export async function walkContent(contentDir: string, options: WalkOptions = {}): Promise<ContentEntry[]> {
  const from = options.from ?? contentDir;
  const descend = options.descend ?? (() => true);
  const [root, start] = await Promise.all([fsp.realpath(contentDir).catch(() => undefined), fsp.realpath(from).catch(() => undefined)]);
  if (!root || !start || !isWithin(root, start)) return [];
  const entries: ContentEntry[] = [];
  const listed = new Set<string>();
  const linkedFolders: { path: string; real: string }[] = [];

  const list = async (dir: string, realDir: string): Promise<void> => {
    if (listed.has(realDir)) return;
    listed.add(realDir);
    const dirents = await fsp.readdir(dir, { withFileTypes: true }).catch(() => []);
    const folders: { path: string; real: string }[] = [];
    for (const dirent of dirents) {
      if (isHidden(dirent.name)) continue;
      const file = path.join(dir, dirent.name);
      const entry: ContentEntry = { path: file, name: path.relative(contentDir, file).split(path.sep).join("/"), kind: "file", link: false };
      entries.push(entry);
      if (dirent.isSymbolicLink()) {
        entry.link = true;
        const target = await resolveLink(root, file);
        entry.kind = target.kind;
        if (target.outsideFolder) entry.outsideFolder = true;
        if (target.kind === "folder" && !isWithin(target.real, start) && descend(entry)) linkedFolders.push({ path: file, real: target.real });
        continue;
      }
      entry.kind = dirent.isDirectory() ? "folder" : dirent.isFile() ? "file" : "special";
      if (entry.kind === "folder" && descend(entry)) folders.push({ path: file, real: path.join(realDir, dirent.name) });
    }
    for (const folder of folders) await list(folder.path, folder.real);
  };

  await list(from, start);
  for (let next = linkedFolders.shift(); next; next = linkedFolders.shift()) await list(next.path, next.real);
  return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

async function resolveLink(root: string, file: string): Promise<{ kind: EntryKind; real: string; outsideFolder?: boolean }> {
  const real = await fsp.realpath(file).catch(() => undefined);
  if (real === undefined) return { kind: "dangling", real: "" };
  const stat = await fsp.stat(real).catch(() => undefined);
  if (!stat) return { kind: "dangling", real };
  if (!isWithin(root, real)) return stat.isDirectory() ? { kind: "outside", real, outsideFolder: true } : { kind: "outside", real };
  return { kind: stat.isDirectory() ? "folder" : stat.isFile() ? "file" : "special", real };
}
