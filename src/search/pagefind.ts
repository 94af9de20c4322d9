// The one module that imports Pagefind: it indexes the pages a build wrote into `<output>/pagefind/`.
// The index is written to a scratch folder and moved into place only when complete, so a failed
// run leaves the previous index (or none), never half of one.
import fs from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";

/** Folder of the index inside the output; also the site path the search page loads it from. */
export const PAGEFIND_DIR = "pagefind";

/** Pagefind could not start, read a page or write its files. */
export class SearchIndexError extends Error {
  constructor(step: string, errors: string[]) {
    super(`[search] Pagefind could not ${step}:\n${errors.map((error) => `  ${error}`).join("\n")}`);
    this.name = "SearchIndexError";
  }
}

/** A built HTML page. */
export interface BuiltPage {
  /** Site path without the prefix, as Eleventy gives it: "/2026/03/05/flood/". */
  url: string;
  html: string;
}

export interface IndexPagesOptions {
  /** Stop Pagefind's background process afterwards (a one-off build); keep it for the next rebuild when serving. */
  close: boolean;
}

/**
 * Indexes `pages` and swaps the result in as `<outputDir>/pagefind/`. Pagefind keeps only the
 * elements marked `data-pagefind-body` (less any `data-pagefind-ignore`), drops pages without one,
 * and files each page under the language of its `<html lang>`. Returns the number of pages indexed.
 */
export async function indexPages(outputDir: string, pages: Iterable<BuiltPage>, { close }: IndexPagesOptions): Promise<number> {
  const { index, errors } = await pagefind.createIndex({});
  try {
    if (!index) throw new SearchIndexError("start", errors);
    for (const page of pages) {
      const added = await index.addHTMLFile({ url: page.url, content: indexedHtml(page.html) });
      if (added.errors.length > 0) throw new SearchIndexError(`index ${page.url}`, added.errors);
    }
    return await writeIndex(index, outputDir);
  } finally {
    await index?.deleteIndex();
    if (close) await pagefind.close();
  }
}

/**
 * An index fed while the build is still rendering (a one-off build): Pagefind's indexer is its own
 * process, so it reads each article page on the other core while Eleventy renders the next ones,
 * instead of starting on all of them after the last page is written.
 */
const MAX_IN_FLIGHT = 200;

export class StreamingIndex {
  private readonly index = pagefind.createIndex({}).then(({ index, errors }) => {
    if (!index) throw new SearchIndexError("start", errors);
    return index;
  });
  private readonly added: Promise<string[]>[] = [];
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];

  constructor() {
    // A failed start is reported by finish(); until then nobody awaits this promise.
    this.index.catch(() => {});
  }

  /**
   * Sends a page to the indexer. Resolves at once unless MAX_IN_FLIGHT pages are still queued: the
   * indexer is slower than rendering, and every queued page is held in memory until it is read.
   */
  async add(page: BuiltPage): Promise<void> {
    this.inFlight++;
    const content = indexedHtml(page.html);
    const added = this.index.then((index) => index.addHTMLFile({ url: page.url, content }));
    const done = added.then(
      (result) => result.errors.map((error) => `${page.url}: ${error}`),
      (error: unknown) => [`${page.url}: ${String(error)}`],
    );
    this.added.push(
      done.finally(() => {
        this.inFlight--;
        this.waiting.shift()?.();
      }),
    );
    if (this.inFlight > MAX_IN_FLIGHT) await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  /** Waits for every page, writes the index into `<outputDir>/<dir>/` and stops the indexer. */
  async finish(outputDir: string, dir = PAGEFIND_DIR): Promise<number> {
    try {
      const index = await this.index;
      const errors = (await Promise.all(this.added)).flat();
      if (errors.length > 0) throw new SearchIndexError("index every page", errors);
      try {
        return await writeIndex(index, outputDir, dir);
      } finally {
        await index.deleteIndex();
      }
    } finally {
      await pagefind.close();
    }
  }
}

/**
 * What Pagefind reads of a page: the head (language, title) and the `data-pagefind-body` element
 * without its `data-pagefind-ignore="all"` parts. Pagefind drops the rest anyway; not sending it
 * cuts its reading time by a quarter, and the index is byte-identical (compared on 3,000 articles).
 * A page without a body element, or whose markup does not close as expected, is sent whole.
 */
export function indexedHtml(html: string): string {
  const bodyStart = html.search(/<[a-z][^<>]*\sdata-pagefind-body[\s=>]/);
  const head = html.indexOf("<body");
  const body = bodyStart < 0 ? undefined : elementAt(html, bodyStart);
  if (!body || head < 0 || head > bodyStart) return html;
  let inner = html.slice(bodyStart, body);
  const ignored = /<[a-z][^<>]*\sdata-pagefind-ignore="all"[^<>]*>/g;
  for (let found = ignored.exec(inner); found; found = ignored.exec(inner)) {
    const end = elementAt(inner, found.index);
    if (end === undefined) return html;
    inner = inner.slice(0, found.index) + inner.slice(end);
    ignored.lastIndex = found.index;
  }
  return `${html.slice(0, head)}<body>${inner}</body></html>`;
}

/** Where the element whose start tag begins at `start` ends (after its end tag); undefined if it does not close. */
function elementAt(html: string, start: number): number | undefined {
  const name = /^<([a-z][a-z0-9-]*)/.exec(html.slice(start, start + 40))?.[1];
  if (!name) return undefined;
  // Our pages are well-formed (Preact, and Markdown without raw HTML): count this tag name's opens and closes.
  const tags = new RegExp(`<(/?)${name}[\\s>/]`, "g");
  tags.lastIndex = start;
  let depth = 0;
  for (let tag = tags.exec(html); tag; tag = tags.exec(html)) {
    depth += tag[1] ? -1 : 1;
    if (depth === 0) {
      const close = html.indexOf(">", tag.index);
      return close < 0 ? undefined : close + 1;
    }
  }
  return undefined;
}

/** Writes the index into a scratch folder and swaps it in as `<outputDir>/<dir>/`; returns its page count. */
async function writeIndex(index: pagefind.PagefindIndex, outputDir: string, dir = PAGEFIND_DIR): Promise<number> {
  const target = path.join(outputDir, dir);
  await fs.mkdir(path.dirname(target), { recursive: true });
  // Scratch folders in the output (a rename never crosses file systems), cleared on every run, so
  // even a process killed mid-write leaves them only until the next build.
  const partial = path.join(outputDir, `.${PAGEFIND_DIR}-partial`);
  const previous = path.join(outputDir, `.${PAGEFIND_DIR}-previous`);
  await Promise.all([removeDir(partial), removeDir(previous)]);
  try {
    const written = await index.writeFiles({ outputPath: partial });
    if (written.errors.length > 0) throw new SearchIndexError(`write ${partial}`, written.errors);
    const count = await countIndexedPages(partial);
    await swapIn(partial, target, previous);
    return count;
  } finally {
    await removeDir(partial);
  }
}

/** Replaces `target` with `fresh`; the old folder stays whole until the new one is in place. */
async function swapIn(fresh: string, target: string, previous: string): Promise<void> {
  const hadOld = await fs.rename(target, previous).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return false;
      throw error;
    },
  );
  try {
    await fs.rename(fresh, target);
  } catch (error) {
    if (hadOld) await fs.rename(previous, target);
    throw error;
  }
  await removeDir(previous);
}

/** Pages in the index, over every language, from the bundle's entry file. */
async function countIndexedPages(bundle: string): Promise<number> {
  const entry = JSON.parse(await fs.readFile(path.join(bundle, "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

function removeDir(dir: string): Promise<void> {
  return fs.rm(dir, { recursive: true, force: true });
}
