// Eleventy plugin: before each build, load and validate the whole newsroom from the input folder
// and expose it as the `newsroom` global data; after the build, copy the images it used and print
// a short summary of what was published and what was left out.
import fs from "node:fs/promises";
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { buildLoadOptions, imageCacheDir, loadNewsroomForBuild } from "./load-for-build.ts";
import { ArticleCache, articlesDir } from "./article-cache.ts";
import { diffNewsrooms, setPreviewChanges } from "./preview-changes.ts";
import { ContentError } from "./errors.ts";
import type { Newsroom } from "./types.ts";
import { tagSlug } from "../collections.ts";
import { buildPart } from "../parts/plan.ts";

/** What a build did besides loading the newsroom, for its summary. */
export interface BuildFacts {
  /** HTML pages Eleventy wrote (or rendered, for an in-memory build). */
  pages: number;
  written: boolean;
  elapsedMs: number;
}

/** Articles named on a "skipped" line before "and N more": the summary stays one screen. */
const SKIPPED_NAMED = 5;

/**
 * The few lines after each build: what was published, what the images cost, what was left out.
 *
 *     [dateline] 10 articles, 5 authors, 5 sections, 23 tags; 87 pages written in 3.4 s; no warnings
 *     [dateline] images: 0 encoded, 42 reused
 *     [dateline] 1 draft skipped: articles/2026/budget.md; 2 scheduled skipped: articles/2026/a.md, …
 */
export function summarizeBuild(newsroom: Newsroom, facts: BuildFacts): string {
  const { encoded, reused } = newsroom.images.getStats();
  const tags = new Set(newsroom.articles.flatMap((article) => article.tags.map(tagSlug))).size;
  const warnings = countWarnings(newsroom);
  const fromFiles = newsroom.articles.reduce((sum, article) => sum + article.fieldsFromFiles, 0);
  const totals = [
    count(newsroom.articles.length, "article"),
    count(newsroom.authors.length, "author"),
    count(newsroom.site.sections.length, "section"),
    count(tags, "tag"),
  ].join(", ");
  const pages = `${count(facts.pages, "page")} ${facts.written ? "written" : "rendered"} in ${(facts.elapsedMs / 1000).toFixed(1)} s`;
  const lines = [
    `${totals}; ${pages}; ${warnings === 0 ? "no warnings" : count(warnings, "warning")}`,
    `images: ${encoded} encoded, ${reused} reused${fromFiles > 0 ? `; ${count(fromFiles, "caption/credit/alt field")} read from the photos' own metadata` : ""}`,
  ];
  const skipped = [
    describeSkipped(newsroom.skippedDrafts, "draft", "drafts"),
    describeSkipped(newsroom.skippedScheduled, "scheduled", "scheduled"),
  ].filter((part) => part !== "");
  if (skipped.length > 0) lines.push(skipped.join("; "));
  return lines.map((line) => `[dateline] ${line}`).join("\n");
}

function describeSkipped(articles: readonly { id: string }[], one: string, many: string): string {
  if (articles.length === 0) return "";
  const named = articles.slice(0, SKIPPED_NAMED).map((article) => article.id);
  const more = articles.length > SKIPPED_NAMED ? ` and ${articles.length - SKIPPED_NAMED} more` : "";
  return `${articles.length} ${articles.length === 1 ? one : many} skipped: ${named.join(", ")}${more}`;
}

/** Non-fatal notices the loader collected, if it collects any (none does yet): they are counted here. */
function countWarnings(newsroom: Newsroom): number {
  const warnings: unknown = (newsroom as unknown as { warnings?: unknown }).warnings;
  return Array.isArray(warnings) ? warnings.length : 0;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

export interface ContentPluginOptions {
  /** Persistent image cache; `DATELINE_CACHE_DIR` overrides it. Default `.cache/images`. */
  imageCacheDir?: string;
}

interface BuildEvent {
  directories: { input: string; output: string };
  runMode: "build" | "watch" | "serve";
  outputMode: "fs" | "json" | "ndjson";
  /** Set on eleventy.after: every template the build wrote (or rendered). */
  results?: { outputPath?: string | false }[];
}

export default function contentPlugin(eleventyConfig: UserConfig, options: ContentPluginOptions = {}): void {
  let newsroom: Newsroom | undefined;
  const cacheDir = imageCacheDir(process.env, options.imageCacheDir);

  // Content files are data, not templates, so Eleventy does not watch them by itself.
  const { input } = eleventyConfig.directories as { input: string };
  eleventyConfig.addWatchTarget(path.join(input, "**/*.{md,yml,jpg,jpeg,png,webp,avif,gif}"));

  // The live preview (--serve/--watch) keeps articles parsed and rendered between rebuilds, and
  // writes only the pages an article edit affects; see "Dev loop" in docs/performance.md.
  let cache: ArticleCache | undefined;
  /** The newsroom of the last successful preview build: what the pages in the output show. */
  let written: Newsroom | undefined;
  /** Set by the watcher: the files saved since the last build, when all of them are articles. */
  let savedArticles: string[] | undefined;
  eleventyConfig.on("eleventy.beforeWatch", (queue: string[]) => {
    const articles = articlesDir(input) + path.sep;
    const onlyArticles = queue.length > 0 && queue.every((file) => file.endsWith(".md") && path.resolve(file).startsWith(articles));
    savedArticles = onlyArticles ? [...queue] : undefined;
  });

  let started = 0;
  eleventyConfig.on("eleventy.before", async ({ directories, runMode }: BuildEvent) => {
    started = performance.now();
    newsroom = undefined;
    setPreviewChanges(eleventyConfig, undefined);
    // One run of a build in parts: the build loaded the newsroom once for all its runs.
    const part = buildPart(eleventyConfig);
    if (part) {
      newsroom = part.newsroom;
      return;
    }
    if (runMode === "build") {
      newsroom = await loadNewsroomForBuild({ contentDir: directories.input, includeDrafts: false, cacheDir });
      return;
    }
    cache ??= new ArticleCache(buildLoadOptions({ contentDir: directories.input, includeDrafts: true, cacheDir }));
    // Only article files saved since a successful build: the cache is reused. Otherwise settings,
    // authors, photos, notes or code changed, and everything may depend on them.
    const saved = written && savedArticles;
    savedArticles = undefined;
    if (!saved) cache.invalidate();
    try {
      newsroom = await cache.load(saved);
    } catch (error) {
      // Eleventy's watcher does not print an error marked as logged (ContentError is, for the CLI's
      // sake): print the problems here, or the preview would just stop updating.
      if (error instanceof ContentError) console.error(`[dateline] ${error.message}`);
      throw error;
    }
    setPreviewChanges(eleventyConfig, saved && written ? diffNewsrooms(written, newsroom) : undefined);
    if (written) await removeGonePages(directories.output, written, newsroom);
  });

  eleventyConfig.addGlobalData("newsroom", () => {
    if (!newsroom) throw new Error("[content] the newsroom was read before it was loaded");
    // Eleventy deep-copies plain global data into every template's data, but hands a frozen object
    // over as is: at 10,000 articles the copies cost more than the rest of a preview rebuild, and
    // 10 % of a production build's CPU (whose output is byte-identical either way).
    return Object.freeze(newsroom);
  });

  // The summary is the build's outcome, so Eleventy's --quiet (which `npm run build` and CI use, and
  // which silences its per-file lines) keeps it, as it keeps Eleventy's own "Wrote N files" line.
  eleventyConfig.on("eleventy.after", async ({ directories, outputMode, results = [] }: BuildEvent) => {
    if (!newsroom) return;
    const part = buildPart(eleventyConfig);
    const pages = results.filter((result) => typeof result.outputPath === "string" && result.outputPath.endsWith(".html")).length;
    // A build in parts publishes the images and prints the summary once, after its last run.
    if (part) return part.report({ pages, files: results.filter((result) => typeof result.outputPath === "string").length });
    written = newsroom;
    await newsroom.images.copyUsed(directories.output);
    console.log(summarizeBuild(newsroom, { pages, written: outputMode === "fs", elapsedMs: performance.now() - started }));
  });
}

/**
 * Deletes the pages of articles deleted (or moved to another URL) since the last preview build, so
 * the preview stops serving them. Eleventy never deletes output; a production build starts from an
 * empty folder.
 */
async function removeGonePages(outputDir: string, before: Newsroom, after: Newsroom): Promise<void> {
  const kept = new Set(after.articles.map((article) => article.path));
  const gone = before.articles.filter((article) => !kept.has(article.path));
  await Promise.all(gone.map((article) => fs.rm(path.join(outputDir, article.path, "index.html"), { force: true })));
}
