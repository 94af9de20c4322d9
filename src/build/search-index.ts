// The search indexers (src/build/search-worker.js, the one file that imports Pagefind): build the
// search index of the site's shards (src/site/search.ts) from the article pages a build rendered or
// reused, in Pagefind's files, written by Dateline (src/build/pagefind-fossick.js, pagefind-write.js)
// or, for a language Dateline cannot read as Pagefind does, by Pagefind itself.
import os from "node:os";
import { Worker } from "node:worker_threads";

/** A shard's index could not be written (a page unreadable, Pagefind failing, a full disk). */
export class SearchIndexError extends Error {
  constructor(step: string, errors: string[]) {
    super(`[search] could not ${step}:\n${errors.map((error) => `  ${error}`).join("\n")}`);
    this.name = "SearchIndexError";
  }
}

/**
 * A page of a shard: its site path ("/2026/03/05/flood/", without the prefix) and its search
 * document (src/site/pages.ts `searchDocument`), given or in a file. A file the build has yet to
 * write is marked `wait`: the indexer waits for `arrived` to name it.
 */
export type ShardPage = { url: string; html: string } | { url: string; file: string; wait?: boolean };

export interface ShardJob {
  /** The shard's pages, in the order its index holds them (Pagefind's files depend on it). */
  pages: readonly ShardPage[];
  /** A new folder for the index. */
  dir: string;
  /**
   * Where the indexer keeps the written index in the store (moved there from `dir`: src/build/
   * stored-shards.js), and the file of what it holds with each page's search document key, in order;
   * the shard then counts among those a join waits for (`WholeIndexOptions.after`).
   */
  keep?: { dir: string; contents?: { file: string; keys: [string, string][] } } | undefined;
}

/**
 * A shard's written index, for the index of the whole site: its id, its folder, the URL path from the
 * whole index's folder to the shard's as published ("../2024/": its pages' fragments stay there), and
 * the Pagefind page ids of entries left out (outdated ones of amended shards).
 */
export interface WholeIndexShard {
  id: string;
  dir: string;
  path: string;
  hidden: readonly string[];
  /** The file of what it holds (`BuildStore.shardContentsFile`), when kept: its pages' URLs by id. */
  contents?: string | undefined;
  /** Where each word's pages end in its chunks (`BuildStore.shardPostingsFile`), for a stored shard: read when there, else written by the join. */
  postings?: string | undefined;
}

/** How the whole index is joined (src/build/pagefind-merge.js `mergeIndexes`): its pages in the order of their URLs in `order`, else shard after shard; the files of a `previous` one that come out the same linked. */
export interface WholeIndexOptions {
  order?: readonly string[] | undefined;
  previous?: string | undefined;
  /** Joined once this many shards are kept (`ShardJob.keep`) by the indexers: posted with them, it needs no turn of the build's thread. */
  after?: number | undefined;
  /** Where the indexer keeps the joined index in the store (moved there from its folder). */
  keep?: string | undefined;
}

/** A shard written: how many pages its index holds, and Pagefind's page id of each, by URL. */
export interface IndexedShard {
  pages: number;
  ids: ReadonlyMap<string, string>;
}

interface WorkerReply {
  type: "written" | "closed" | "loaded";
  id: number;
  errors?: string[];
  pages?: number;
  ids?: [string, string][];
}

/** One indexer, a worker thread of its own (and, for a shard Pagefind writes, a Pagefind process); it indexes the shards dealt to it one after another. */
class IndexWorker {
  private readonly worker: Worker;
  private readonly jobs = new Map<number, { resolve: (reply: WorkerReply) => void; reject: (error: Error) => void; pages: number }>();
  private closed: (() => void) | undefined;
  /** Once the thread has loaded its modules (or ended): see `stop`. */
  private readonly loaded: Promise<void>;
  /** Pages of the shards dealt to it and not yet written. */
  queued = 0;

  /** `writing`: the pages being written by all the build's indexers, at most `writingPages`; `kept`: the shards they kept (src/build/search-worker.js). */
  constructor(writing: Int32Array, writingPages: number, kept: Int32Array) {
    // Plain JavaScript: without the build's TypeScript loader (`--import tsx/esm`, ~55 ms a start). V8's
    // flags (the build's young generation) are the process's, so the thread has them anyway.
    this.worker = new Worker(new URL("./search-worker.js", import.meta.url), { workerData: { writing, writingPages, kept }, execArgv: [] });
    let loaded = () => {};
    this.loaded = new Promise((resolve) => (loaded = resolve));
    this.worker.once("exit", loaded);
    this.worker.on("message", (reply: WorkerReply) => {
      if (reply.type === "loaded") return loaded();
      if (reply.type === "closed") return this.closed?.();
      const job = this.jobs.get(reply.id);
      this.jobs.delete(reply.id);
      if (job) this.queued -= job.pages;
      job?.resolve(reply);
    });
    this.worker.on("error", (error) => void this.stop(error));
  }

  run(id: number, job: Omit<ShardJob, "pages"> & { pages: readonly (ShardPage & { ready?: boolean })[] }): Promise<WorkerReply> {
    return this.post(id, job.pages.length, { type: "index", id, ...job });
  }

  whole(id: number, shards: readonly WholeIndexShard[], dir: string, options: WholeIndexOptions): Promise<WorkerReply> {
    return this.post(id, shards.length, { type: "whole", id, shards, dir, ...options });
  }

  private post(id: number, pages: number, message: object): Promise<WorkerReply> {
    return new Promise((resolve, reject) => {
      this.jobs.set(id, { resolve, reject, pages });
      this.queued += pages;
      this.worker.postMessage(message);
    });
  }

  arrived(url: string): void {
    this.worker.postMessage({ type: "arrived", url });
  }

  /** Asks the thread to fetch Pagefind's files for an index of `language` now, before a shard needs them. */
  expect(language: string): void {
    this.worker.postMessage({ type: "assets", language });
  }

  document(url: string, file: string, html: string): void {
    this.worker.postMessage({ type: "document", url, file, html });
  }

  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => (this.closed = resolve));
    this.worker.postMessage({ type: "close", id: 0 });
    await closed;
    await this.worker.terminate();
  }

  /**
   * Stops at once: every shard still dealt to it fails with `error`. The thread itself is ended once
   * it has loaded its modules: ended while it loads them (~0.1 s from its start), it brought the
   * whole process down, Node 22 and 26 alike (a V8 check failing: "(location_) != nullptr",
   * "!is_null()"), which a build that fails early met with the indexer it starts at once.
   */
  async stop(error: Error): Promise<void> {
    for (const job of this.jobs.values()) job.reject(error);
    this.jobs.clear();
    await this.loaded;
    await this.worker.terminate();
  }
}

/**
 * The search indexers of one build: a few worker threads (src/build/search-worker.js), each indexing
 * one shard at a time. Shards are dealt out when they are planned, to the indexer with the fewest
 * pages to go; each worker reads its pages' documents as the build renders them (handed over, or
 * from the store), so indexing runs on the other core while the build renders on, never waiting for
 * the build's thread.
 */
export class SearchIndexer {
  private readonly workers: IndexWorker[] = [];
  /** Pages whose documents the build has written, for shards dealt out later. */
  private readonly written = new Set<string>();
  /** Pages a dealt shard waits for, and the indexer that holds it. */
  private readonly awaited = new Map<string, IndexWorker>();
  /** Languages whose Pagefind files every indexer fetches as it starts (`expect`). */
  private readonly languages = new Set<string>();
  private next = 1;

  /**
   * `indexers`: worker threads at most (default: one per core, at most two). `writingPages`: pages
   * Pagefind processes write at once, at most, unless one shard is larger (Pagefind holds ~0.45 MB a
   * page while it writes: by default ~950-story years, like 100,000 stories' quarters, write one at a
   * time; a small newsroom's shards side by side). Only the shards of a language Dateline cannot
   * read as Pagefind does go to Pagefind; Dateline's own writer holds a few bytes a word and page.
   */
  constructor(
    private readonly indexers = Math.min(2, Math.max(1, os.availableParallelism())),
    private readonly writingPages = 1000,
    /** Shared with the indexers so they take turns: the pages being written at once, and 1 once they may all write (`writeSideBySide`). */
    private readonly writing = new Int32Array(new SharedArrayBuffer(8)),
  ) {}

  /** The shards the indexers kept in the store (`ShardJob.keep`), shared with them. */
  private readonly kept = new Int32Array(new SharedArrayBuffer(4));

  /** Pages being written right now, by all the indexers. */
  writingNow(): number {
    return Atomics.load(this.writing, 0);
  }

  /**
   * From now on every indexer writes as soon as its shard is added, turns or not: for a build whose
   * pages are all written, on a runner of its own (a slice), where the turns would leave a core idle
   * while the last shards are written one after another. (An indexer that was just going to wait
   * when this is said waits for the write before it to end, as it would have.)
   */
  writeSideBySide(): void {
    Atomics.store(this.writing, 1, 1);
    Atomics.notify(this.writing, 0);
  }

  /**
   * Starts the first indexer now, before any shard is dealt out: a thread takes ~0.1–0.45 s to load
   * its modules, and a build's first shard (an edit's) is planned only after the content is loaded
   * and the newsroom prepared; started then, the join of an edit's whole index waited for it.
   */
  warm(): void {
    if (this.workers.length === 0) this.start();
  }

  /**
   * Every indexer, started or to be, fetches Pagefind's files for an index of `language` (the site's)
   * now, from a Pagefind process of its own (~50 ms): asked for when a shard was written, they were
   * on the way of an edit's join, which waits for the amendments shard (docs/performance.md,
   * "2026-12-07, evening").
   */
  expect(language: string): void {
    const code = language.toLowerCase();
    if (this.languages.has(code)) return;
    this.languages.add(code);
    for (const worker of this.workers) worker.expect(code);
  }

  private start(): IndexWorker {
    const worker = new IndexWorker(this.writing, this.writingPages, this.kept);
    for (const language of this.languages) worker.expect(language);
    this.workers.push(worker);
    return worker;
  }

  /**
   * The indexer with the fewest pages to go (a new one while there are fewer than `indexers` and all
   * are busy, unless `existing`: a join runs after the shards, on a thread already started).
   */
  private idlest(existing = false): IndexWorker {
    const busy = this.workers.length < this.indexers && this.workers.every((worker) => worker.queued > 0);
    if (this.workers.length === 0 || (busy && !existing)) this.start();
    return this.workers.reduce((best, candidate) => (candidate.queued < best.queued ? candidate : best));
  }

  /** Indexes one shard into `job.dir`; resolves once its files are written. */
  async index({ pages, dir, keep }: ShardJob): Promise<IndexedShard> {
    const worker = this.idlest();
    const ready = pages.map((page) => {
      if (!("wait" in page) || page.wait !== true) return page;
      if (!this.written.has(page.url)) this.awaited.set(page.url, worker);
      return { ...page, ready: this.written.has(page.url) };
    });
    const reply = await worker.run(this.next++, { pages: ready, dir, keep });
    if (reply.errors && reply.errors.length > 0) throw new SearchIndexError(`index ${dir}`, reply.errors);
    return { pages: reply.pages ?? 0, ids: new Map(reply.ids) };
  }

  /** Writes the index of the whole site, `shards` joined, into `dir` (src/build/search-whole.ts), on an indexer's thread. */
  async whole(shards: readonly WholeIndexShard[], dir: string, options: WholeIndexOptions = {}): Promise<void> {
    const reply = await this.idlest(true).whole(this.next++, shards, dir, options);
    if (reply.errors && reply.errors.length > 0) throw new SearchIndexError(`join the shards into ${dir}`, reply.errors);
  }

  /** The build wrote this page's search document into its file. */
  arrived(url: string): void {
    const worker = this.awaited.get(url);
    if (!worker) this.written.add(url);
    else {
      this.awaited.delete(url);
      worker.arrived(url);
    }
  }

  /**
   * A page's search document, as the build renders it, for the indexer whose shard waits for it: that
   * indexer keeps it in `file` (the store) and reads it at once. False when no shard waits for it:
   * then the build keeps it itself.
   */
  document(url: string, file: string, html: string): boolean {
    const worker = this.awaited.get(url);
    if (!worker) return false;
    this.awaited.delete(url);
    worker.document(url, file, html);
    return true;
  }

  /** Stops every indexer once it has written its shards. */
  async close(): Promise<void> {
    await Promise.all(this.workers.splice(0).map((worker) => worker.close()));
  }

  /** Stops any indexer still running without a shard to finish: one warmed for a build that failed before it dealt any out. */
  async stop(): Promise<void> {
    await this.abort(new Error("[search] the build ended before its shards were indexed"));
  }

  /** Stops every indexer at once (the build failed): shards not yet written fail with `error`. */
  async abort(error: Error): Promise<void> {
    await Promise.all(this.workers.splice(0).map((worker) => worker.stop(error)));
  }
}
