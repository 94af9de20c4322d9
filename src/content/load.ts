// The one loader: settings, authors, articles and editors' notes, every file read as data, parsed and
// validated, every problem collected before anything is encoded or rendered. `check:content`, the
// build, the preview and `npm run edition` all load through here.
import path from "node:path";
import { SETTINGS_FILE, loadSettings } from "./load-settings.ts";
import { takeInventory } from "./inventory.ts";
import { readAuthors } from "./load-authors.ts";
import { readArticle, readArticles, type ArticleContext, type ArticleSource } from "./load-articles.ts";
import type { ArticleSourceCache } from "./source-cache.ts";
import { digestOf } from "../build/digest.ts";
import { resolveImage } from "./files.ts";
import { ContentError } from "./errors.ts";
import { readEditorNotes } from "./load-notes.ts";
import { readPages } from "./load-pages.ts";
import { createMarkdown } from "../markdown/markdown.ts";
import type { TemplateKeeper } from "../render/body-template.ts";

/** Validates everything without encoding images or rendering: what `check:content` needs. */
export interface LoadOptions {
  /** Articles checked by an earlier load, reused while their files are unchanged (the live preview). */
  articleCache?: ArticleSourceCache | undefined;
  /** The image cache whose manifest knows the photos (a build's own); default DATELINE_CACHE_DIR's. */
  imageCacheDir?: string | undefined;
  /** The code version (src/build/code.ts): a cached article checked by other code is checked again. */
  codeVersion?: string | undefined;
  /** Only the problems are wanted (`check:content`): articles are checked, not prepared for pages. */
  problemsOnly?: boolean | undefined;
  /** Where the articles' body templates are kept until they are rendered (a build's spill); default: in memory. */
  templates?: TemplateKeeper | undefined;
  /** The article files to check, of all of them in order (a checked part's share); default: all. */
  selectArticles?: ((files: readonly string[]) => readonly string[]) | undefined;
}

export async function validateNewsroom(contentDir: string, { articleCache, imageCacheDir, codeVersion = "", problemsOnly, templates, selectArticles }: LoadOptions = {}) {
  const dir = path.resolve(contentDir);
  const { site, problems, lineOf } = await loadSettings(dir);
  // Anything in the folder that is not an expected kind of file, by path: code is never run, only named.
  problems.push(...(await takeInventory(dir)).problems);
  const authors = await readAuthors(dir, imageCacheDir);
  problems.push(...authors.problems);
  if (!site) return { problems };
  const md = createMarkdown(site.language);
  const authorIds = new Set([...authors.authors.map((author) => author.id), ...authors.problems.map((p) => path.basename(p.file, ".md"))]);
  const context: ArticleContext = { contentDir: dir, site, authorIds, md, imageCacheDir, problemsOnly, templates };
  // What an article's check reads besides its own file and the files it shows; and where the content
  // is, as a checked article names its files by absolute path (a workspace at another path, as a CI
  // runner may have, checks every article again rather than name files gone). Not where the image
  // cache is: it only remembers what a photo's decode found, which follows from the photo's bytes,
  // and each job of a build in slices has a cache folder of its own (src/build/check-part.ts).
  articleCache?.begin(digestOf({ site, authors: [...authorIds].sort(), code: codeVersion, contentDir: dir }));
  const articles = await readArticles(context, articleCache, selectArticles);
  problems.push(...articles.problems);
  const pages = await readPages({ contentDir: dir, site, md, imageCacheDir });
  problems.push(...pages.problems);
  const notes = await readEditorNotes(dir, site.newsletters.map((newsletter) => newsletter.id));
  problems.push(...notes.problems);
  // Promo thumbnails are images like the logo: inside the content folder, and decodable.
  const promoFiles: (string | undefined)[] = [];
  for (const [index, promo] of (site.promos ?? []).entries()) {
    if (promo.image === undefined) {
      promoFiles.push(undefined);
      continue;
    }
    const resolved = await resolveSettingsImage(dir, promo.image, lineOf?.(["promos", index, "image"]) ?? 1, `promos[${index}].image`, imageCacheDir);
    if (!resolved.ok) problems.push(resolved.problem);
    promoFiles.push(resolved.ok ? resolved.file : undefined);
  }
  const logo = site.logo === undefined ? undefined : await resolveSettingsImage(dir, site.logo, lineOf?.(["logo"]) ?? 1, "logo", imageCacheDir);
  if (logo && !logo.ok) problems.push(logo.problem);
  /** An article's body template again, for one that came from a cache without it; its text must not have changed meanwhile. */
  const reread = async (source: ArticleSource): Promise<NonNullable<ArticleSource["template"]>> => {
    const again = await readArticle(source.file, context);
    if (again.article?.sourceDigest !== source.sourceDigest || !again.article.template) {
      throw new ContentError(again.problems.length > 0 ? again.problems : [{ file: source.file, line: 1, field: "file", message: "changed while the site was being built; build again" }]);
    }
    return again.article.template;
  };
  return { site, md, authorIds, authors: authors.authors, articles: articles.articles, pages: pages.pages, notes: notes.notes, logoFile: logo?.ok ? logo.file : undefined, promoFiles, reread, problems };
}

/** An image a setting names (the logo, a promo's thumbnail), relative to the content folder and checked like any photo. */
async function resolveSettingsImage(contentDir: string, written: string, line: number, field: string, imageCacheDir: string | undefined) {
  const settingsFile = path.join(contentDir, SETTINGS_FILE);
  const resolved = await resolveImage(contentDir, settingsFile, written, imageCacheDir);
  if (resolved.ok) return { ok: true as const, file: resolved.file };
  return { ok: false as const, problem: { file: settingsFile, line, field, message: resolved.message } };
}

/** The newsroom's content, valid; throws one ContentError listing every problem otherwise. */
export async function loadContent(contentDir: string, options: LoadOptions = {}) {
  const checked = await validateNewsroom(contentDir, options);
  if (checked.problems.length > 0 || !checked.site || !checked.md) throw new ContentError(checked.problems);
  return { ...checked, site: checked.site, md: checked.md };
}

export type LoadedContent = Awaited<ReturnType<typeof loadContent>>;
