// Builds the site in parts (see plan.ts and docs/build-in-parts.md): the newsroom is checked and
// listed once, without article bodies; then one Eleventy run per part writes that part's article
// pages and search index, rendering only its bodies; a last run writes the front page, listings,
// feeds, sitemaps and everything else. Eleventy keeps every page of a run in memory until the run
// ends, so memory follows the largest part, not the archive.
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { loadNewsroomInParts } from "../content/newsroom.ts";
import { buildLoadOptions, imageCacheDir } from "../content/load-for-build.ts";
import { summarizeBuild } from "../content/plugin.ts";
import type { Article } from "../content/types.ts";
import { fullTextArticles } from "../feeds/feed.ts";
import { PART_INDEX_DIR, planArticleParts, setBuildPart, type BuildPart } from "./plan.ts";

export interface PartsBuildOptions {
  /** The content folder. */
  input: string;
  /** The output folder (empty or new). */
  output: string;
  /** The Eleventy configuration every run uses. */
  configPath: string;
  /** Most article pages per run. */
  maxArticles: number;
  /** Progress and summary lines; default: the console. */
  log?: (line: string) => void;
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

export async function buildInParts(options: PartsBuildOptions): Promise<{ parts: number; pages: number }> {
  const started = performance.now();
  const log = options.log ?? ((line: string) => console.log(line));
  const loaded = await loadNewsroomInParts(buildLoadOptions({ contentDir: options.input, includeDrafts: false, cacheDir: imageCacheDir() }));
  const { newsroom } = loaded;
  const plans = planArticleParts(newsroom.articles, options.maxArticles);
  const indexDirs = plans.map((plan) => `${PART_INDEX_DIR}/${plan.id}`).reverse();
  const runs = plans.length + 1;
  log(`[dateline] ${newsroom.articles.length} articles checked in ${seconds(started)}; building in ${runs} runs of at most ${options.maxArticles} articles`);

  let pages = 0;
  const run = async (part: Omit<BuildPart, "newsroom" | "report" | "searchIndexDirs">, bodies: readonly Article[]) => {
    const runStarted = performance.now();
    const withBodies = new Map((await loaded.withBodies(bodies)).map((article) => [article.id, article]));
    let written = 0;
    const buildPart: BuildPart = {
      ...part,
      newsroom: { ...newsroom, articles: newsroom.articles.map((article) => withBodies.get(article.id) ?? article) },
      searchIndexDirs: indexDirs,
      report: (count) => (written = count),
    };
    const eleventy = new Eleventy(path.resolve(options.input), options.output, {
      configPath: options.configPath,
      quietMode: true,
      config: (eleventyConfig: Parameters<typeof setBuildPart>[0]) => setBuildPart(eleventyConfig, buildPart),
    });
    await eleventy.write();
    pages += written;
    log(`[dateline] run ${part.id}: ${written} pages in ${seconds(runStarted)}`);
  };

  for (const plan of plans) {
    const paths = new Set(plan.articles.map((article) => article.path));
    await run({ id: plan.id, writesTemplate: (name) => name === "article", writesPath: (sitePath) => paths.has(sitePath), searchIndexDir: `${PART_INDEX_DIR}/${plan.id}` }, plan.articles);
  }
  // Feeds carry their newest articles' full text: the only bodies the last run shows.
  await run({ id: "listings", writesTemplate: (name) => name !== "article", writesPath: () => true }, fullTextArticles(newsroom));

  await newsroom.images.copyUsed(options.output);
  log(summarizeBuild(newsroom, { pages, written: true, elapsedMs: performance.now() - started }));
  return { parts: runs, pages };
}
