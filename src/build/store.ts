// The persistent build cache (`<cache>/build/`, restored in CI like the image cache): every output
// a build wrote, stored under its fingerprint, every search shard under its own, and the record of
// the last build. A later build hard-links what did not change into its output instead of rendering
// it again. Stored files are shared with the output by hard links: never edit a built site in place.
import fsSync from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import v8 from "node:v8";
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from "node:worker_threads";
import type { BuildRecord } from "./plan.ts";
import type { ShardContents } from "./search-amendments.ts";
import { mapLimit } from "../images/limit.ts";
import { isFingerprint, isShardId, isSitePath } from "./stored-names.ts";
import { partialPath, writeFileAtomically } from "./leftovers.ts";
import { COPY_INSTEAD, linkOrCopySync } from "./link-files.js";

const RECORD_FILE = "record.v8";
/** A search document is stored beside the pages, as `<key>.search`. */
const DOCUMENT_SUFFIX = ".search";
/** Beside a stored shard's folder: what it holds (`shardContentsFile`). */
const CONTENTS_SUFFIX = ".contents.json";
/** Beside a stored shard's folder: where each word's pages end in its chunks (`shardPostingsFile`). */
const POSTINGS_SUFFIX = ".postings";
/** Files removed at once by `remove`. */
const REMOVE_CONCURRENCY = 64;
/** Bump when the record's shape changes: an older one is then ignored, never misread. */
const RECORD_VERSION = 2;

interface StoredRecord {
  version: number;
  /** Each page's site path, fingerprint and inputs by name with short digests (`PlannedPage.inputs`, for the next summary). */
  pages: [string, string, string?][];
  shards: [string, string][];
  /** The whole build's id (absent for a slice's record, and in records saved before it was kept). */
  id?: string;
  /** `BuildRecord.related` (a whole build's), as it is. */
  related?: BuildRecord["related"];
}

/** A stored record's related stories, when they have the shape a build wrote (the ranking checks them against its stories). */
function keptRanking(stored: unknown): BuildRecord["related"] {
  const { code, ranking } = (typeof stored === "object" && stored !== null ? stored : {}) as { code?: unknown; ranking?: { key?: unknown; starts?: unknown; places?: unknown } };
  if (typeof code !== "string" || typeof ranking !== "object" || ranking === null) return undefined;
  const { key, starts, places } = ranking;
  if (typeof key !== "string" || !(starts instanceof Int32Array) || !(places instanceof Int32Array)) return undefined;
  return { code, ranking: { key, starts, places } };
}

/**
 * Characters of a fingerprint that name its folder in the store: 64 folders. Two characters made
 * 4,096 folders of a few files each, whose listing took ~0.1 s of the build's thread before every
 * plan at 10,000 stories, in the way of an edit's search index; a folder of thousands of names is
 * nothing to the file system's indexed folders.
 */
const FOLDER_CHARACTERS = 1;

/** A folder's names; none when it is not there; undefined when it is not a folder. */
function readdirOrNone(dir: string): string[] | undefined {
  try {
    return fsSync.readdirSync(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return [];
    if (code === "ENOTDIR") return undefined;
    throw error;
  }
}

/** What the store holds (`BuildStore.list`). */
export interface StoredListing {
  /** Every stored output and shard by fingerprint, and every stored search document by file name. */
  names: Set<string>;
  /** The names in each of the pages' folders (a fan-out by the fingerprint's first character), by folder. */
  folders: (readonly [string, string[]])[];
  /** What else the pages' folder holds (an older Dateline's two-character folders, a stray file): nothing a build names is in them. */
  strayFolders: string[];
  /** The names in the shards' folder (shards, what each holds, leftovers). */
  shards: string[];
}

export class BuildStore {
  readonly dir: string;
  private readonly pagesDir: string;
  private readonly shardsDir: string;
  /** Folders of the store this build has made: each once a build, not once a page (~0.5 s of `mkdir` at 10,000). */
  private readonly madeDirs = new Set<string>();

  /** Where the load keeps the articles it checked (src/content/source-cache.ts). */
  readonly sourcesFile: string;

  constructor(cacheDir: string) {
    this.dir = path.join(cacheDir, "build");
    this.sourcesFile = path.join(this.dir, "sources.v8");
    this.pagesDir = path.join(this.dir, "pages");
    this.shardsDir = path.join(this.dir, "search");
  }

  /**
   * An empty folder for Eleventy's input: a build hands Eleventy every page, so it must discover
   * nothing. Kept in the store, not made per run in the system's temporary folder: the build writes
   * nothing outside its output and caches, and a killed build leaves nothing behind.
   */
  async eleventyInput(): Promise<string> {
    const dir = path.join(this.dir, "eleventy-input");
    await this.makeOnce(dir, emptyFolder);
    return dir;
  }

  /**
   * Makes a folder of the store unless this build made it already. Two callers side by side may
   * each make one new to the build: a call too many, harmless.
   */
  private async makeOnce(dir: string, make: (folder: string) => Promise<unknown> = (folder) => fs.mkdir(folder, { recursive: true })): Promise<void> {
    if (this.madeDirs.has(dir)) return;
    await make(dir);
    this.madeDirs.add(dir);
  }

  /**
   * The last build's record, or undefined when there is none (or it cannot be read: then everything
   * is rendered). A record naming a page, a fingerprint or a shard that could lead out of the output
   * or the store (the cache may be restored from elsewhere; a build links, reads and removes files by
   * these names) cannot be read either.
   */
  async readRecord(): Promise<BuildRecord | undefined> {
    try {
      const stored = v8.deserialize(await fs.readFile(path.join(this.dir, RECORD_FILE))) as StoredRecord;
      if (stored.version !== RECORD_VERSION) return undefined;
      const names = (list: readonly (readonly unknown[])[], first: (name: string) => boolean) => list.every(([a, b]) => typeof a === "string" && typeof b === "string" && first(a) && isFingerprint(b));
      if (!names(stored.pages, isSitePath) || !names(stored.shards, isShardId)) return undefined;
      const pages = new Map<string, string>();
      const inputs = new Map<string, string>();
      for (const [sitePath, fingerprint, pageInputs] of stored.pages) {
        pages.set(sitePath, fingerprint);
        if (pageInputs !== undefined) inputs.set(sitePath, pageInputs);
      }
      const related = keptRanking(stored.related);
      return { pages, shards: new Map(stored.shards), ...(stored.id !== undefined && { id: stored.id }), ...(inputs.size > 0 && { inputs }), ...(related && { related }) };
    } catch {
      return undefined;
    }
  }

  /** Saves the record of a build whose outputs are all stored, with its id when it is a whole build's (`buildId`); written whole or not at all. */
  async writeRecord(record: BuildRecord, id?: string): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true });
    const pages = [...record.pages].map(([sitePath, fingerprint]): StoredRecord["pages"][number] => {
      const pageInputs = record.inputs?.get(sitePath);
      return pageInputs === undefined ? [sitePath, fingerprint] : [sitePath, fingerprint, pageInputs];
    });
    const data: StoredRecord = { version: RECORD_VERSION, pages, shards: [...record.shards], ...(id !== undefined && { id }), ...(record.related && { related: record.related }) };
    await writeFileAtomically(path.join(this.dir, RECORD_FILE), v8.serialize(data));
  }

  /**
   * What the store holds, listed once: a build asks it before it plans (what it may reuse) and, from
   * the same listing, what its record does not name (`unnamed`). Listing the store twice read its
   * page folders twice a build (docs/performance.md, "2026-12-07, evening"). Synchronous: 64 folders,
   * read in turn, are quicker than a round trip through libuv's threads each.
   */
  list(): StoredListing {
    const names = new Set<string>();
    const folders: (readonly [string, string[]])[] = [];
    const strayFolders: string[] = [];
    for (const prefix of readdirOrNone(this.pagesDir) ?? []) {
      const inFolder = prefix.length === FOLDER_CHARACTERS ? readdirOrNone(path.join(this.pagesDir, prefix)) : undefined;
      if (!inFolder) {
        strayFolders.push(path.join(this.pagesDir, prefix));
        continue;
      }
      for (const name of inFolder) names.add(name);
      folders.push([prefix, inFolder]);
    }
    const shards = readdirOrNone(this.shardsDir) ?? [];
    for (const name of shards) if (!name.includes(".")) names.add(name);
    return { names, folders, strayFolders, shards };
  }

  /** Where the output of `fingerprint` is stored. */
  pageFile(fingerprint: string): string {
    return path.join(this.pagesDir, fingerprint.slice(0, FOLDER_CHARACTERS), fingerprint);
  }

  /** Where the search shard of `fingerprint` is stored (a folder). */
  shardDir(fingerprint: string): string {
    return path.join(this.shardsDir, fingerprint);
  }

  /** Where the search document of `key` is stored (src/build/plan.ts `PlannedDocument`). */
  searchFile(key: string): string {
    return `${this.pageFile(key)}${DOCUMENT_SUFFIX}`;
  }

  /** Whether a set of `list()`'s names holds the search document of `key`. */
  static holdsDocument(stored: ReadonlySet<string>, key: string): boolean {
    return stored.has(`${key}${DOCUMENT_SUFFIX}`);
  }

  /**
   * Keeps freshly written outputs (`[file, fingerprint]`): a hard link to each under its fingerprint,
   * replacing one stored before. Synchronous calls in a loop: through fs/promises a cold build's
   * 17,000 links at 10,000 stories were each a round trip through libuv's threads, behind the
   * indexers' compression, that the build's thread waited for after every run of pages.
   */
  keepPages(pages: Iterable<readonly [file: string, fingerprint: string]>): void {
    for (const [file, fingerprint] of pages) {
      const stored = this.pageFile(fingerprint);
      const dir = path.dirname(stored);
      if (!this.madeDirs.has(dir)) {
        fsSync.mkdirSync(dir, { recursive: true });
        this.madeDirs.add(dir);
      }
      try {
        linkOrCopySync(file, stored);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
        const partial = partialPath(stored);
        fsSync.rmSync(partial, { force: true });
        linkOrCopySync(file, partial);
        fsSync.renameSync(partial, stored);
      }
    }
  }

  /**
   * Keeps a search document as its page is rendered, before Eleventy writes the page: synchronous,
   * so the search indexers (src/build/search-index.ts) can read it at once, however long the build's
   * thread stays busy rendering.
   */
  keepSearchDocumentNow(key: string, search: string): void {
    const file = this.searchFile(key);
    const dir = path.dirname(file);
    if (!this.madeDirs.has(dir)) {
      fsSync.mkdirSync(dir, { recursive: true });
      this.madeDirs.add(dir);
    }
    fsSync.writeFileSync(file, search);
  }

  /** Where what the search shard of `fingerprint` holds is kept (`ShardContents`): beside its folder, not in it, so the output never gets it. */
  shardContentsFile(fingerprint: string): string {
    return `${this.shardDir(fingerprint)}${CONTENTS_SUFFIX}`;
  }

  /** Where each word's pages end in a stored shard's chunks, written by the first join that reads it (src/build/postings-index.js). */
  shardPostingsFile(fingerprint: string): string {
    return `${this.shardDir(fingerprint)}${POSTINGS_SUFFIX}`;
  }

  /** What a stored shard holds, or undefined when it was not kept (a cache from before it was). */
  readShardContents(fingerprint: string): ShardContents | undefined {
    try {
      const stored = JSON.parse(fsSync.readFileSync(this.shardContentsFile(fingerprint), "utf8")) as ShardContents;
      return Array.isArray(stored.documents) ? stored : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * The stored outputs, shards and search documents `record` and `documents` do not name, for
   * `remove` once that build's record is saved (the cache holds one build): of `listing`, the store as
   * the build found it (`list`; else listed now). What the build adds meanwhile it names.
   */
  unnamed(record: BuildRecord, documents: Iterable<string> = [], listing: StoredListing = this.list()): string[] {
    const keep = new Set([...record.pages.values(), ...record.shards.values()]);
    const keepDocuments = new Set(documents);
    const { folders, strayFolders, shards } = listing;
    const kept = (name: string) => (name.endsWith(DOCUMENT_SUFFIX) ? keepDocuments.has(name.slice(0, -DOCUMENT_SUFFIX.length)) : keep.has(name));
    const listed = folders.flatMap(([prefix, names]) => names.filter((name) => !kept(name)).map((name) => path.join(this.pagesDir, prefix, name)));
    const beside = (name: string, suffix: string) => name.endsWith(suffix) && keep.has(name.slice(0, -suffix.length));
    const keptShard = (name: string) => keep.has(name) || beside(name, CONTENTS_SUFFIX) || beside(name, POSTINGS_SUFFIX);
    return [...listed, ...strayFolders, ...shards.filter((name) => !keptShard(name)).map((name) => path.join(this.shardsDir, name))];
  }

  /** Removes what `unnamed` listed (gone already is fine); how many. */
  async remove(unnamed: readonly string[]): Promise<number> {
    await mapLimit(unnamed, (file) => fs.rm(file, { recursive: true, force: true }), REMOVE_CONCURRENCY);
    return unnamed.length;
  }
}

/**
 * Hard-links `from` to `to` (the same file, no copy); copies when links are impossible (another file
 * system, a file system without them). An existing `to` is an error (`keepPages` replaces one).
 */
export async function linkOrCopy(from: string, to: string): Promise<void> {
  try {
    await fs.link(from, to);
    return;
  } catch (error) {
    if (!COPY_INSTEAD.has((error as NodeJS.ErrnoException).code ?? "")) throw error;
  }
  await fs.copyFile(from, to);
}

/** `[stored file, output file]`: a link to make. */
export type Link = readonly [string, string];

/**
 * Reused outputs linked into a new output folder by a thread of its own (src/build/link-worker.js),
 * while the build goes on. A build that knows the previous build's outputs links them ahead, while it
 * loads and plans; once planned, it settles them: what it renders or no longer writes is unlinked
 * before any page is rendered, and what it reuses and was not linked ahead is linked.
 */
export class Linker {
  private worker: Worker | undefined;
  private port: MessagePort | undefined;
  private settledNow: (() => void) | undefined;
  private failed: ((error: Error) => void) | undefined;
  private finished: ((count: number) => void) | undefined;
  /** Stored file by output file, of the links made ahead. */
  private readonly aheadOf: ReadonlyMap<string, string>;
  /** Resolves with the number of files linked; rejects with the first that could not be. */
  readonly done: Promise<number>;

  /** Starts linking `ahead` into `root` (none: the thread starts when settled). */
  constructor(
    private readonly root: string,
    private readonly ahead: readonly Link[] = [],
  ) {
    this.aheadOf = new Map(ahead.map(([from, to]) => [to, from]));
    this.done = new Promise<number>((resolve, reject) => {
      this.finished = resolve;
      this.failed = reject;
    });
    this.done.catch(() => undefined);
    if (ahead.length > 0) this.spawn();
  }

  private spawn(settled?: { drop: string[]; add: Link[] }): void {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(new URL("./link-worker.js", import.meta.url), { workerData: { ahead: this.ahead, settled, root: this.root, port: port2 }, transferList: [port2] });
    const fail = (error: Error) => {
      this.failed?.(error);
      void this.stop();
    };
    const receive = (reply: { settled?: boolean; linked?: number; error?: string }) => {
      if (reply.error !== undefined) return fail(new Error(`[build] could not link a reused file: ${reply.error}`));
      if (reply.settled) return this.settledNow?.();
      this.finished?.(reply.linked ?? 0);
      void this.stop();
    };
    port1.on("message", receive);
    this.worker.once("error", fail);
    this.worker.once("exit", () => {
      // Node delivers a worker's own port before its "exit", but not a port of ours: the thread's last
      // reply may still be queued when the build's thread was busy as it ended (CI saw it).
      for (let queued = receiveMessageOnPort(port1); queued; queued = receiveMessageOnPort(port1)) receive(queued.message as Parameters<typeof receive>[0]);
      fail(new Error("[build] the linking thread stopped"));
    });
  }

  /**
   * The plan is made, and `wanted` are all the links the output must hold: any other linked ahead is
   * unlinked, and those not linked ahead are linked. Resolves once no other file is linked, so that
   * the build may write the rest; `done` says when every wanted link is made.
   */
  async settle(wanted: readonly Link[]): Promise<void> {
    const want = new Map(wanted.map(([from, to]) => [to, from]));
    const drop = [...this.aheadOf].filter(([to, from]) => want.get(to) !== from).map(([to]) => to);
    const add = wanted.filter(([from, to]) => this.aheadOf.get(to) !== from);
    if (this.ahead.length === 0) {
      if (add.length === 0) return void this.finished?.(0);
      this.spawn({ drop: [], add });
      return;
    }
    const settled = new Promise<void>((resolve) => (this.settledNow = resolve));
    this.port?.postMessage({ drop, add });
    // The thread may fail before it settles (a stored file gone): then `done` rejects, and so does this.
    await Promise.race([settled, this.done]);
    await settled;
  }

  /** Stops linking (the build failed, or the links are made): resolves once no more links can land. */
  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.port?.close();
    if (worker) await worker.terminate();
  }
}

/**
 * Makes `dir` an empty folder, emptying it if it holds anything. An Eleventy input folder kept in a
 * cache must be: a cache is restored from elsewhere (a CI cache), and any template found in it
 * (`*.11ty.js`) would be run as code. The folder itself stays, for a build beside this one using it.
 */
export async function emptyFolder(dir: string): Promise<void> {
  // A link there is removed itself, never followed: what it points at is not ours to empty.
  const found = await fs.lstat(dir).catch(() => undefined);
  if (found && !found.isDirectory()) await fs.rm(dir, { force: true });
  await fs.mkdir(dir, { recursive: true });
  for (const name of await fs.readdir(dir)) await fs.rm(path.join(dir, name), { recursive: true, force: true });
}

/** Links every file of folder `from` into a new folder `to`, recursively. */
export async function linkTree(from: string, to: string): Promise<void> {
  await fs.mkdir(to, { recursive: true });
  for (const entry of await fs.readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) await linkTree(source, target);
    else if (entry.isFile()) await linkOrCopy(source, target);
  }
}
