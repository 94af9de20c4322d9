// The door to Pagefind (with src/build/search-worker.js, the one file that imports it): builds the
// search index of the site's shards (src/site/search.ts) from the article pages a build rendered or reused.
import os from "node:os";
import { Worker } from "node:worker_threads";

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
 * The search indexers of one build: a few Pagefind processes (one per worker thread, src/build/
 * search-worker.js), each indexing one shard at a time while the build renders on, so shards are
 * indexed on every core the build is not using. Pages are held in memory only until an indexer
 * has read them: at most MAX_IN_FLIGHT per shard.
 */
const MAX_IN_FLIGHT = 200;

interface WorkerReply {
  type: "added" | "written" | "closed";
  id: number;
  errors?: string[];
  pages?: number;
}

class IndexWorker {
  readonly worker = new Worker(new URL("./search-worker.js", import.meta.url));
  readonly waiting = new Map<number, ((reply: WorkerReply) => void)[]>();
  open = 0;
  private closed: (() => void) | undefined;

  constructor() {
    this.worker.on("message", (reply: WorkerReply) => {
      if (reply.type === "closed") return this.closed?.();
      this.waiting.get(reply.id)?.shift()?.(reply);
    });
  }

  /** Sends a message and resolves with the worker's reply to it. */
  ask(message: { type: string; id: number; url?: string; html?: string; dir?: string }): Promise<WorkerReply> {
    return new Promise((resolve) => {
      let queue = this.waiting.get(message.id);
      if (!queue) this.waiting.set(message.id, (queue = []));
      queue.push(resolve);
      this.worker.postMessage(message);
    });
  }

  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => (this.closed = resolve));
    this.worker.postMessage({ type: "close", id: 0 });
    await closed;
    await this.worker.terminate();
  }
}

export class SearchIndexer {
  private readonly workers: IndexWorker[] = [];
  private next = 1;

  /** `indexers`: Pagefind processes at most (default: one per core, at most two). */
  constructor(private readonly indexers = Math.min(2, Math.max(1, os.availableParallelism()))) {}

  /** A new shard index, on the indexer with the fewest open ones. */
  open(): ShardIndex {
    if (this.workers.length < this.indexers && this.workers.every((worker) => worker.open > 0)) this.workers.push(new IndexWorker());
    const worker = this.workers.reduce((best, candidate) => (candidate.open < best.open ? candidate : best));
    return new ShardIndex(worker, this.next++);
  }

  /** Stops every indexer: once the build has written its last shard. */
  async close(): Promise<void> {
    await Promise.all(this.workers.splice(0).map((worker) => worker.close()));
  }
}

export class ShardIndex {
  private readonly added: Promise<string[]>[] = [];
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];
  pages = 0;

  constructor(
    private readonly worker: IndexWorker,
    private readonly id: number,
  ) {
    worker.open++;
    worker.worker.postMessage({ type: "create", id });
  }

  /** Sends a page to the indexer; resolves at once unless MAX_IN_FLIGHT pages are still queued. */
  async add(page: BuiltPage): Promise<void> {
    this.inFlight++;
    this.pages++;
    const done = this.worker.ask({ type: "add", id: this.id, url: page.url, html: page.html }).then((reply) => reply.errors ?? []);
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
    try {
      const errors = (await Promise.all(this.added)).flat();
      const written = await this.worker.ask({ type: "write", id: this.id, dir });
      if (errors.length > 0) throw new SearchIndexError("index every page", errors);
      if (written.errors && written.errors.length > 0) throw new SearchIndexError(`write ${dir}`, written.errors);
      return written.pages ?? 0;
    } finally {
      this.worker.open--;
    }
  }
}
