// Builds the site in parts (see plan.ts and docs/build-in-parts.md): the newsroom is checked and
// listed once, without article bodies; then one Eleventy run per part writes that part's article
// pages and search index, rendering only its bodies; then one run per other template writes the
// front page, each kind of listing, feeds, sitemaps and the rest. Eleventy keeps every page of a run
// in memory until the run ends, so memory follows the largest run, not the archive.
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { loadNewsroomInParts } from "../content/newsroom.ts";
import { buildLoadOptions, imageCacheDir } from "../content/load-for-build.ts";
import { summarizeBuild } from "../content/plugin.ts";
import type { Article } from "../content/types.ts";
import { fullTextArticles } from "../feeds/feed.ts";
import { PAGEFIND_DIR } from "../search/pagefind.ts";
import { planArticleParts, setBuildPart, type BuildPart } from "./plan.ts";

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
  const indexDirs = plans.map((plan) => `${PAGEFIND_DIR}/${plan.id}`).reverse();
  log(`[dateline] ${newsroom.articles.length} articles checked in ${seconds(started)}; building ${plans.length} parts of at most ${options.maxArticles} articles, then the other pages`);

  let pages = 0;
  /** Every template a run asked about: known after the first run, so the last stage can run them one by one. */
  const templates = new Set<string>();
  const run = async (part: Omit<BuildPart, "newsroom" | "report" | "searchIndexDirs">, articles: Article[]) => {
    const runStarted = performance.now();
    let written = { pages: 0, files: 0 };
    const buildPart: BuildPart = {
      ...part,
      writesTemplate: (name) => (templates.add(name), part.writesTemplate(name)),
      newsroom: { ...newsroom, articles },
      searchIndexDirs: indexDirs,
      report: (outputs) => (written = outputs),
    };
    const eleventy = new Eleventy(path.resolve(options.input), options.output, {
      configPath: options.configPath,
      quietMode: true,
      config: (eleventyConfig: Parameters<typeof setBuildPart>[0]) => setBuildPart(eleventyConfig, buildPart),
    });
    await eleventy.write();
    pages += written.pages;
    log(`[dateline] run ${part.id}: ${written.files} file${written.files === 1 ? "" : "s"} in ${seconds(runStarted)}`);
  };
  /** The listing with these articles' bodies rendered. */
  const withBodies = async (bodies: readonly Article[]) => {
    const rendered = new Map((await loaded.withBodies(bodies)).map((article) => [article.id, article]));
    return newsroom.articles.map((article) => rendered.get(article.id) ?? article);
  };

  for (const plan of plans) {
    const paths = new Set(plan.articles.map((article) => article.path));
    await run({ id: plan.id, writesTemplate: (name) => name === "article", writesPath: (sitePath) => paths.has(sitePath), searchIndexDir: `${PAGEFIND_DIR}/${plan.id}` }, await withBodies(plan.articles));
  }
  // The rest, one template per run: at 100,000 articles all listings in one run would hold ~35,000
  // pages at once. Feeds carry their newest articles' full text: the only bodies these runs show.
  const rest = await withBodies(fullTextArticles(newsroom));
  if (plans.length === 0) await run({ id: "templates", writesTemplate: () => false, writesPath: () => false }, rest);
  for (const name of [...templates].filter((template) => template !== "article")) {
    await run({ id: name, writesTemplate: (template) => template === name, writesPath: () => true }, rest);
  }

  await newsroom.images.copyUsed(options.output);
  log(summarizeBuild(newsroom, { pages, written: true, elapsedMs: performance.now() - started }));
  return { parts: plans.length, pages };
}
