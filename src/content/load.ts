// The one loader: settings, authors, articles and editors' notes, every file read as data, parsed and
// validated, every problem collected before anything is encoded or rendered. `check:content`, the
// build, the preview and `npm run edition` all load through here.
import path from "node:path";
import { SETTINGS_FILE, loadSettings } from "./load-settings.ts";
import { takeInventory } from "./inventory.ts";
import { readAuthors } from "./load-authors.ts";
import { readArticles, type ArticleSourceCache } from "./load-articles.ts";
import { resolveImage } from "./files.ts";
import { ContentError } from "./errors.ts";
import { readEditorNotes } from "./load-notes.ts";
import { createMarkdown } from "../markdown/markdown.ts";

/** Validates everything without encoding images or rendering: what `check:content` needs. */
export interface LoadOptions {
  /** Articles checked by an earlier load, reused while their files are unchanged (the live preview). */
  articleCache?: ArticleSourceCache | undefined;
  /** The image cache whose manifest knows the photos (a build's own); default DATELINE_CACHE_DIR's. */
  imageCacheDir?: string | undefined;
  /** Only the problems are wanted (`check:content`): articles are checked, not prepared for pages. */
  problemsOnly?: boolean | undefined;
}

export async function validateNewsroom(contentDir: string, { articleCache, imageCacheDir, problemsOnly }: LoadOptions = {}) {
  const dir = path.resolve(contentDir);
  const { site, problems, lineOf } = await loadSettings(dir);
  // Anything in the folder that is not an expected kind of file, by path: code is never run, only named.
  problems.push(...(await takeInventory(dir)).problems);
  const authors = await readAuthors(dir, imageCacheDir);
  problems.push(...authors.problems);
  if (!site) return { problems };
  const md = createMarkdown(site.language);
  const authorIds = new Set([...authors.authors.map((author) => author.id), ...authors.problems.map((p) => path.basename(p.file, ".md"))]);
  const articles = await readArticles({ contentDir: dir, site, authorIds, md, imageCacheDir, problemsOnly }, articleCache);
  problems.push(...articles.problems);
  const notes = await readEditorNotes(dir);
  problems.push(...notes.problems);
  const logo = site.logo === undefined ? undefined : await resolveLogo(dir, site.logo, lineOf?.(["logo"]) ?? 1, imageCacheDir);
  if (logo && !logo.ok) problems.push(logo.problem);
  return { site, md, authorIds, authors: authors.authors, articles: articles.articles, notes: notes.notes, logoFile: logo?.ok ? logo.file : undefined, problems };
}

/** The settings' `logo`, checked like any photo: an image file inside the content folder. */
async function resolveLogo(contentDir: string, written: string, line: number, imageCacheDir: string | undefined) {
  const settingsFile = path.join(contentDir, SETTINGS_FILE);
  const resolved = await resolveImage(contentDir, settingsFile, written, imageCacheDir);
  if (resolved.ok) return { ok: true as const, file: resolved.file };
  return { ok: false as const, problem: { file: settingsFile, line, field: "logo", message: resolved.message } };
}

/** The newsroom's content, valid; throws one ContentError listing every problem otherwise. */
export async function loadContent(contentDir: string, options: LoadOptions = {}) {
  const checked = await validateNewsroom(contentDir, options);
  if (checked.problems.length > 0 || !checked.site || !checked.md) throw new ContentError(checked.problems);
  return { ...checked, site: checked.site, md: checked.md };
}

export type LoadedContent = Awaited<ReturnType<typeof loadContent>>;
