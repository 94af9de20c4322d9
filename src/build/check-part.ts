// `npm run build -- --check-part K/N`: the first jobs of a build in slices (docs/deploy.md, "Past one
// machine"). Every slice needs every article checked: its pages list stories from all of the archive,
// and all slices plan the same fingerprints. Checking them took a third of a slice at 100,000
// articles, the same in every slice. So N jobs each check a part of the articles (every Nth file) and
// keep them, body templates included, in a folder: a checked part. A slice takes in every part
// (`--checked <folder>`) through its article cache (src/content/source-cache.ts), where an article is
// reused only while its file, the files it shows and what its check read are unchanged, and checks
// whatever the parts do not hold, as it would without them. A part checked again over its previous
// output (CI restores it from its cache) checks only the articles that changed since.
import fs from "node:fs/promises";
import path from "node:path";
import { loadContent } from "../content/load.ts";
import { ArticleSourceCache } from "../content/source-cache.ts";
import { TemplateSpill } from "../render/template-spill.ts";
import { codeDigest } from "./code.ts";
import { checkOutputFolder, markOutputFolder, writeStaged } from "./output-folder.ts";
import { SliceError, type SliceSpec } from "./slices.ts";
import { count } from "./summary.ts";

/** A checked part's articles (an article cache file) and their body templates (a kept spill). */
export const PART_ARTICLES = "articles.v8";
export const PART_TEMPLATES = "templates.bin";

export interface CheckPartOptions {
  input: string;
  output: string;
  part: SliceSpec;
  /** The image cache that remembers the photos' decodes. */
  imageCacheDir: string;
  log?: (line: string) => void;
}

/** Part K of N of the articles, in the order they are listed: every Nth, so that each part has some of every year. */
export function partOf(files: readonly string[], part: SliceSpec): string[] {
  return files.filter((_, position) => position % part.count === part.index - 1);
}

/** Checks part `part` of the articles (and the rest of the content) and keeps them in `output`; a content problem throws its ContentError. */
export async function checkPart(options: CheckPartOptions): Promise<{ summary: string }> {
  const started = performance.now();
  const log = options.log ?? ((line: string) => console.log(line));
  await checkOutputFolder({ output: options.output, input: options.input });
  const output = path.resolve(options.output);
  let articles = 0;
  let checked = { checked: 0, reused: 0 };
  await writeStaged(output, async (staging) => {
    const articleCache = await ArticleSourceCache.open(path.join(staging, PART_ARTICLES));
    if (await holdsPart(output)) await articleCache.absorb(path.join(output, PART_ARTICLES), path.join(output, PART_TEMPLATES));
    const templates = new TemplateSpill(staging, { keepAs: path.join(staging, PART_TEMPLATES) });
    try {
      const content = await loadContent(options.input, { articleCache, imageCacheDir: options.imageCacheDir, codeVersion: await codeDigest(), templates, selectArticles: (files) => partOf(files, options.part) });
      articles = content.articles.length;
      // The bodies reused from the previous output are in its file, which this part replaces.
      await articleCache.keepTemplates(async (template) => templates.keep(await templates.read(template)));
    } finally {
      templates.close();
    }
    await articleCache.save({ keptIn: PART_TEMPLATES });
    await markOutputFolder(staging);
    checked = { checked: articleCache.checked, reused: articleCache.reused };
  });
  const summary = `[dateline] checked part ${options.part.index} of ${options.part.count}: ${count(articles, "article")} (${checked.checked} checked, ${checked.reused} unchanged since the last check) in ${((performance.now() - started) / 1000).toFixed(1)} s`;
  log(summary);
  return { summary };
}

/**
 * Takes the checked parts in `folder` (each a folder of its own, as CI downloads them, or `folder`
 * itself) into `cache`. A folder holding none is a SliceError: a slice told to use checked parts
 * that are not there would silently check everything.
 */
export async function takeCheckedParts(cache: ArticleSourceCache, folder: string): Promise<{ parts: number; articles: number }> {
  const entries = await fs.readdir(folder, { withFileTypes: true }).catch(() => []);
  const candidates = [folder, ...entries.filter((entry) => entry.isDirectory()).map((entry) => path.join(folder, entry.name))];
  let parts = 0;
  let articles = 0;
  for (const dir of candidates.sort()) {
    const file = path.join(dir, PART_ARTICLES);
    if (!(await holds(file))) continue;
    const templates = path.resolve(dir, PART_TEMPLATES);
    if (!(await holds(templates))) throw new SliceError(`--checked: ${dir} lacks ${PART_TEMPLATES}, which holds its articles' bodies (was the checked part copied whole?)`);
    parts++;
    articles += await cache.absorb(file, templates).catch((error: unknown) => {
      throw new SliceError(`--checked: ${file} cannot be read (${error instanceof Error ? error.message : String(error)}); check the part again with npm run build -- --check-part K/N`);
    });
  }
  if (parts === 0) throw new SliceError(`--checked: ${folder} holds no checked part (a folder with ${PART_ARTICLES}, made by npm run build -- --check-part K/N)`);
  return { parts, articles };
}

function holds(file: string): Promise<boolean> {
  return fs.stat(file).then(
    (stat) => stat.isFile(),
    () => false,
  );
}

/** Whether `dir` holds a whole checked part. */
async function holdsPart(dir: string): Promise<boolean> {
  return (await holds(path.join(dir, PART_ARTICLES))) && (await holds(path.join(dir, PART_TEMPLATES)));
}
