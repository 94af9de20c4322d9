// The one module that imports Pagefind: it builds the search index of one shard of the site
// (src/site/search.ts) from the article pages a build rendered or reused.
import fs from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";

/** Pagefind could not start, read a page or write its files. */
export class SearchIndexError extends Error {
  constructor(step: string, errors: string[]) {
    super(`[search] Pagefind could not ${step}:\n${errors.map((error) => `  ${error}`).join("\n")}`);
    this.name = "SearchIndexError";
  }
}

/** A page for the index: its site path and its search document (src/site/pages.ts `searchDocument`). */
export interface BuiltPage {
  /** Site path without the prefix: "/2026/03/05/flood/". */
  url: string;
  html: string;
}

/**
 * One shard's index, fed while the build is still rendering: Pagefind's indexer is its own process,
 * so it reads each article page on the other core while the next ones are rendered. At most
 * MAX_IN_FLIGHT pages wait for it (each is held in memory until read).
 */
const MAX_IN_FLIGHT = 200;

export class ShardIndex {
  private readonly index = pagefind.createIndex({}).then(({ index, errors }) => {
    if (!index) throw new SearchIndexError("start", errors);
    return index;
  });
  private readonly added: Promise<string[]>[] = [];
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];
  pages = 0;

  constructor() {
    // A failed start is reported by write(); until then nobody awaits this promise.
    this.index.catch(() => {});
  }

  /** Sends a page to the indexer; resolves at once unless MAX_IN_FLIGHT pages are still queued. */
  async add(page: BuiltPage): Promise<void> {
    this.inFlight++;
    this.pages++;
    const added = this.index.then((index) => index.addHTMLFile({ url: page.url, content: page.html }));
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

  /** Waits for every page and writes the index into `dir` (a new folder); returns its page count. */
  async write(dir: string): Promise<number> {
    const index = await this.index;
    try {
      const errors = (await Promise.all(this.added)).flat();
      if (errors.length > 0) throw new SearchIndexError("index every page", errors);
      await fs.rm(dir, { recursive: true, force: true });
      const written = await index.writeFiles({ outputPath: dir });
      if (written.errors.length > 0) throw new SearchIndexError(`write ${dir}`, written.errors);
      return await countIndexedPages(dir);
    } finally {
      await index.deleteIndex();
    }
  }
}

/** Stops Pagefind's indexer process: once a build has written its last shard. */
export async function closeSearchIndexer(): Promise<void> {
  await pagefind.close();
}

/** Pages in the index, over every language, from the bundle's entry file. */
async function countIndexedPages(bundle: string): Promise<number> {
  const entry = JSON.parse(await fs.readFile(path.join(bundle, "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

