// The live preview's loader (`npm start`): every article stays parsed and rendered across rebuilds
// in the same process, keyed by its file's mtime and size, so saving one article re-reads and
// re-renders that file only. Production builds never use it: they load through load-for-build.ts.
import fs from "node:fs";
import path from "node:path";
import type { MarkdownIt } from "markdown-it";
import { assembleNewsroom, renderArticle, renderNewsroomBase, validateNewsroom, type LoadOptions, type NewsroomBase } from "./newsroom.ts";
import { findDuplicateUrls, readArticle, type ArticleSource } from "./load-articles.ts";
import type { AuthorSource } from "./load-authors.ts";
import { isMarkdownFile, listMarkdown, mapFiles } from "./files.ts";
import { ContentError, type ContentProblem } from "./errors.ts";
import type { Article, Newsroom } from "./types.ts";
import { buildNow } from "../now.ts";
import type { Site } from "../site.ts";

/** Settings and authors: whatever every article is checked and rendered against. */
interface Base {
  site: Site;
  md: MarkdownIt;
  authorIds: ReadonlySet<string>;
  authorSources: readonly AuthorSource[];
  logoFile: string | undefined;
  /** Rendered by the first load that succeeds. */
  rendered?: NewsroomBase;
}

interface CachedArticle {
  mtimeMs: number;
  size: number;
  source: ArticleSource;
  /** Rendered on the first load that got this far; kept while the file is unchanged. */
  article?: Article;
}

interface FileStat {
  file: string;
  mtimeMs: number;
  size: number;
}

/** The articles folder, as `validateNewsroom` reads it. */
export function articlesDir(contentDir: string): string {
  return path.join(path.resolve(contentDir), "articles");
}

export class ArticleCache {
  private base: Base | undefined;
  private readonly files = new Map<string, CachedArticle>();

  constructor(private readonly options: LoadOptions) {
    // The preview shows drafts and scheduled articles, so nothing is skipped and no list of skipped
    // articles is kept: a production build (which skips them) loads through loadNewsroom.
    if (!options.includeDrafts) throw new Error("[content] the article cache is for the live preview, which includes drafts");
  }

  /** Forgets everything: the next load reads the whole folder (settings, authors, photos or code changed). */
  invalidate(): void {
    this.base = undefined;
    this.files.clear();
  }

  /**
   * The newsroom as `loadNewsroom` would load it with drafts included, reading only the article files
   * that changed since the last load. Content problems throw the same ContentError, with the same
   * messages, as a full load.
   *
   * `saved`: article files the watcher reported since the last load. With them, the folder is not
   * listed again (listing 10,000 files costs more than the rest of an edit): the files are the
   * cached ones plus these; a deleted one fails its stat. Without them, the folder is listed.
   */
  async load(saved?: readonly string[]): Promise<Newsroom> {
    const dir = path.resolve(this.options.contentDir);
    const files = this.base && saved ? knownFiles([...this.files.keys(), ...saved.map((file) => path.resolve(file))], articlesDir(dir)) : await listMarkdown(articlesDir(dir));
    // Stat before reading: a file saved while this load runs has a newer mtime, and is read next time.
    const stats = statFiles(files);
    const { base, sources, problems } = this.base ? await this.readChanged(this.base, dir, stats) : await this.readAll(dir, stats);
    if (problems.length > 0) throw new ContentError(problems);

    // A pipeline per load: its list of used images, which the content plugin copies into the
    // output, holds only what this load rendered (the rest is there from earlier builds).
    const images = this.options.images(base.site);
    // As loadNewsroom renders them (tests/dev-loop-cache.test.ts compares the two loads).
    base.rendered ??= await renderNewsroomBase(base.site, base.md, base.authorSources, base.logoFile, images);
    const { authors } = base.rendered;
    const now = buildNow().getTime();
    const articles = await Promise.all(
      sources.map(async (source) => {
        const entry = this.files.get(source.file);
        const scheduled = source.published.epoch > now;
        // An embargo that passed while the preview ran changes the article's banner: render it again.
        if (entry?.article && entry.article.scheduled === scheduled) return entry.article;
        const article = await renderArticle(source, base.site, base.md, authors, images, this.options, scheduled);
        if (entry) entry.article = article;
        return article;
      }),
    );
    return assembleNewsroom(base.site, articles, base.rendered, images, { drafts: [], scheduled: [] });
  }

  /** The first load, or one after settings or authors changed: the production validation, then the cache is filled. */
  private async readAll(dir: string, stats: readonly FileStat[]) {
    const checked = await validateNewsroom(dir);
    const inArticles = (problem: ContentProblem) => problem.file.startsWith(articlesDir(dir) + path.sep);
    if (!checked.site || !checked.md || !checked.problems.every(inArticles)) throw new ContentError(checked.problems);
    const base: Base = {
      site: checked.site,
      md: checked.md,
      authorIds: new Set((checked.authors ?? []).map((author) => author.id)),
      authorSources: checked.authors ?? [],
      logoFile: checked.logoFile,
    };
    this.base = base;
    const statOf = new Map(stats.map((stat) => [stat.file, stat]));
    for (const source of checked.articles ?? []) {
      const stat = statOf.get(source.file);
      // A file added after the listing has no stat: it is simply read again next time.
      if (stat) this.files.set(source.file, { mtimeMs: stat.mtimeMs, size: stat.size, source });
    }
    return { base, sources: checked.articles ?? [], problems: checked.problems };
  }

  /** Re-reads the files whose mtime or size changed, drops deleted ones, and redoes the cross-file checks. */
  private async readChanged(base: Base, dir: string, stats: readonly FileStat[]) {
    const context = { contentDir: dir, site: base.site, authorIds: base.authorIds, md: base.md };
    const present = new Set(stats.map((stat) => stat.file));
    for (const file of this.files.keys()) if (!present.has(file)) this.files.delete(file);
    const results = await mapFiles(stats, async ({ file, mtimeMs, size }): Promise<{ article?: ArticleSource; problems: ContentProblem[] }> => {
      const cached = this.files.get(file);
      if (cached && cached.mtimeMs === mtimeMs && cached.size === size) return { article: cached.source, problems: [] };
      this.files.delete(file);
      // As readArticles reads a file, so the messages are the same.
      const checked = await readArticle(file, context);
      if (checked.article) this.files.set(file, { mtimeMs, size, source: checked.article });
      return checked;
    });
    const sources = results.flatMap((result) => (result.article ? [result.article] : []));
    const problems = [...results.flatMap((result) => result.problems), ...findDuplicateUrls(sources)];
    return { base, sources, problems };
  }
}

/** Sync on purpose: 10,000 stats take ~50 ms this way and three times as long as promises. */
function statFiles(files: readonly string[]): FileStat[] {
  const stats: FileStat[] = [];
  for (const file of files) {
    // Deleted since it was listed or cached: gone.
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat?.isFile()) stats.push({ file, mtimeMs: stat.mtimeMs, size: stat.size });
  }
  return stats;
}

/** The Markdown files among `files` that `listMarkdown` would list, in its order. */
function knownFiles(files: readonly string[], dir: string): string[] {
  const inside = (file: string) => file.startsWith(dir + path.sep) && isMarkdownFile(file);
  return [...new Set(files)].filter(inside).sort();
}
