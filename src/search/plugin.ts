// Eleventy plugin: the Pagefind index of article bodies and the /search/ page.
// The index is built after each build from the pages that build wrote, never from whatever else
// sits in the output folder (such as a draft left by a preview). In the live preview it stays out
// of the edit loop: the first build waits for it, a full rebuild re-indexes in the background, and
// a rebuild narrowed to an article edit keeps the index it has (see "Dev loop" in docs/performance.md).
import { h } from "preact";
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { Newsroom } from "../content/types.ts";
import { addFile } from "../pages/virtual.ts";
import { renderPage } from "../pages/document.ts";
import { pageHead } from "../seo/head.ts";
import { siteUrl } from "../site.ts";
import { SearchPage } from "../../layouts/SearchPage.tsx";
import { indexPages, PAGEFIND_DIR, StreamingIndex, type BuiltPage } from "./pagefind.ts";
import { previewChanges } from "../content/preview-changes.ts";
import { buildPart } from "../parts/plan.ts";

/** Site path of the search page. */
export const SEARCH_PATH = "/search/";

interface BuildEvent {
  directories: { output: string };
  runMode: "build" | "watch" | "serve";
  outputMode: "fs" | "json" | "ndjson";
  incremental: boolean;
  results: { url: string | false; outputPath: string | false; content: string }[];
}

/** `indexDirs`: the search index folders in the output, newest first (one, unless the site was built in parts). */
export function renderSearchPage(newsroom: Newsroom, indexDirs: readonly string[] = [PAGEFIND_DIR]): string {
  const { site } = newsroom;
  const bundles = indexDirs.map((dir) => siteUrl(site, `/${dir}/`));
  const page = h(SearchPage, { site, action: siteUrl(site, SEARCH_PATH), bundles, script: siteUrl(site, "/js/search.js") });
  return renderPage(newsroom, { path: SEARCH_PATH, title: "Search", description: `Search the articles of ${site.name}.`, head: pageHead(newsroom) }, page);
}

export default function searchPlugin(eleventyConfig: UserConfig): void {
  addFile(eleventyConfig, "search", SEARCH_PATH, (newsroom) => renderSearchPage(newsroom, buildPart(eleventyConfig)?.searchIndexDirs));

  // HTML pages by output path. A narrowed preview rebuild reports only what it rewrote, so the
  // pages of earlier builds in this process stay until a full build replaces them.
  const built = new Map<string, BuiltPage>();
  // Only the preview indexes this way, and keeps Pagefind running between rebuilds.
  const index = async (outputDir: string) => {
    const pages = await indexPages(outputDir, [...built.values()], { close: false });
    console.log(`[search] indexed ${pages} page${pages === 1 ? "" : "s"}`);
  };
  /** The preview's background indexing: one run at a time, and only the newest pending one. */
  let running: Promise<void> | undefined;
  let pending: string | undefined;
  const indexInBackground = (outputDir: string) => {
    pending = outputDir;
    running ??= (async () => {
      while (pending !== undefined) {
        const dir = pending;
        pending = undefined;
        await index(dir).catch((error: unknown) => console.error(error instanceof Error ? error.message : error));
      }
      running = undefined;
    })();
  };
  let indexedOnce = false;

  // A one-off build feeds the indexer each article page as soon as it is rendered (the only pages
  // with data-pagefind-body: Pagefind would drop the others), so indexing overlaps rendering.
  let streaming: StreamingIndex | undefined;
  let stream = false;
  eleventyConfig.on("eleventy.before", ({ runMode, outputMode }: Pick<BuildEvent, "runMode" | "outputMode">) => {
    stream = runMode === "build" && outputMode === "fs";
    streaming = undefined;
  });
  eleventyConfig.addTransform("search-index", async function (this: { page: { url?: string | false; outputPath?: string | false } }, content: string) {
    const { url, outputPath } = this.page;
    if (stream && url && typeof outputPath === "string" && outputPath.endsWith(".html") && content.includes("data-pagefind-body")) {
      await (streaming ??= new StreamingIndex()).add({ url, html: content });
    }
    return content;
  });

  // Eleventy emits this only after every page was written; a failed build never reaches it.
  eleventyConfig.on("eleventy.after", async ({ directories, outputMode, results }: BuildEvent) => {
    if (outputMode !== "fs") return;
    if (stream) {
      // A build in parts: each run of article pages writes its own index; the other runs have none.
      const part = buildPart(eleventyConfig);
      if (part && !part.searchIndexDir) return;
      const pages = await (streaming ?? new StreamingIndex()).finish(directories.output, part?.searchIndexDir);
      streaming = undefined;
      console.log(`[search] indexed ${pages} page${pages === 1 ? "" : "s"}`);
      return;
    }
    const narrowed = previewChanges(eleventyConfig) !== undefined;
    if (!narrowed) built.clear();
    for (const { url, outputPath, content } of results) {
      if (url && outputPath && outputPath.endsWith(".html")) built.set(outputPath, { url, html: content });
    }
    // From here on, the live preview: the one-off build streamed above.
    if (!indexedOnce) {
      await index(directories.output);
      indexedOnce = true;
    } else if (!narrowed) {
      // The browser reloads only once this hook returns: indexing 10,000 pages takes a minute or two.
      indexInBackground(directories.output);
    }
  });
}
