// Articles checked by an earlier load, reused while nothing they were checked against changed: their
// file's text (by digest; its size and mtime spare the read), the files they show (photos, posters,
// audio: size and mtime) and what validation reads besides the file (the settings, the authors, the
// code: one context digest). The live preview keeps one in memory across rebuilds; a build keeps one
// in its cache folder, so an hourly publish of a large archive parses only what changed.
import fs from "node:fs/promises";
import fsSync, { type Stats } from "node:fs";
import path from "node:path";
import v8 from "node:v8";
import { randomUUID } from "node:crypto";
import { digestText } from "../build/digest.ts";
import { writeFileAtomically } from "../build/leftovers.ts";
import { readText } from "./read-text.ts";
import type { ArticleSource } from "./load-articles.ts";
import type { ContentProblem } from "./errors.ts";
import { isSpilled, type KeptTemplate, type SpilledTemplate } from "../render/body-template.ts";

export type ArticleResult = { article?: ArticleSource; problems: ContentProblem[] };

/** Bump when the entries' shape or ArticleSource changes: an older file is then ignored. */
const FORMAT = 2;

interface Entry {
  size: number;
  mtimeMs: number;
  text: string;
  context: string;
  /** Every file the article shows, as [path, size, mtimeMs] when it was checked. */
  refs: [string, number, number][];
  source: ArticleSource;
}

interface StoredCache {
  format: number;
  entries: [string, Entry][];
  /** Names this writing of the file: the journal's records name the file they follow. */
  id?: string;
}

/**
 * Beside the cache's file, what changed since it was written whole: records of `[the file's id, article
 * id, entry or null (forgotten)]`, each v8-serialized after its length (4 bytes, little-endian).
 * Serializing a 10,000-story archive's every entry took ~0.1 s of each build's thread, for the one
 * article an edit changed (~1 s at 100,000; docs/performance.md, "2026-12-07, evening").
 */
const JOURNAL_SUFFIX = ".journal";

/** The file is written whole again once its journal holds more records than this many, or a sixteenth of its entries. */
const JOURNAL_RECORDS = 64;

/** The files an article shows: its photos, figures, gallery photos, posters and audio. */
function referencedFiles(source: ArticleSource): string[] {
  return [
    ...(source.photo ? [source.photo.file] : []),
    ...source.figures.map((figure) => figure.file),
    ...source.galleries.flatMap((gallery) => gallery.photos.map((photo) => photo.file)),
    ...source.embeds.flatMap((embed) => ("posterFile" in embed && embed.posterFile ? [embed.posterFile] : "file" in embed ? [embed.file] : [])),
  ];
}

/**
 * A file's size and mtime. Synchronous: a load stats every article (100,000 in a large archive's every
 * build), and a stat takes a few microseconds where a promise through the thread pool took ~7.
 */
function statOf(file: string): { size: number; mtimeMs: number } | undefined {
  let stat: Stats | undefined;
  try {
    stat = fsSync.statSync(file, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
  return stat?.isFile() ? { size: stat.size, mtimeMs: stat.mtimeMs } : undefined;
}

export class ArticleSourceCache {
  private entries = new Map<string, Entry>();
  private seen = new Set<string>();
  /** The id of the file as it was read or last written whole (`StoredCache.id`): none, and the next save writes it whole. */
  private fileId: string | undefined;
  /** Records its journal held when read, and has had appended since. */
  private journaled = 0;
  /** Entries changed (undefined: forgotten) since the file or its journal was last written, by article id. */
  private readonly changed = new Map<string, Entry | undefined>();
  /** Files checked again by the last load (for the summary and the tests). */
  checked = 0;
  reused = 0;

  /**
   * `context`: digest of everything an article's check reads besides its own file and the files it
   * shows. `file`: where the cache is kept between processes (none: this process only). A persisted
   * entry keeps no body template (it would make the file as large as the archive): the render stage
   * reads the article again when it must render a reused one's body.
   */
  private constructor(
    private context: string,
    private readonly file: string | undefined,
  ) {}

  /** An empty cache kept in memory only (the live preview). */
  static inMemory(): ArticleSourceCache {
    return new ArticleSourceCache("", undefined);
  }

  /** The cache kept in `file`; an unreadable or older one starts empty. */
  static async open(file: string): Promise<ArticleSourceCache> {
    const cache = new ArticleSourceCache("", file);
    try {
      const stored = v8.deserialize(await fs.readFile(file)) as StoredCache;
      if (stored.format === FORMAT) {
        cache.entries = new Map(stored.entries);
        cache.fileId = stored.id;
      }
    } catch {
      // No cache yet, or one we cannot read: every article is checked.
    }
    if (cache.fileId !== undefined) cache.journaled = cache.replay(await fs.readFile(`${file}${JOURNAL_SUFFIX}`).catch(() => Buffer.alloc(0)));
    return cache;
  }

  /**
   * Applies the journal's records that follow this file, in order; how many. A record cut short (a
   * build stopped while it appended) ends it: every entry stands on its own (its file's size, time and
   * digest, its context), so a cache that misses the last changes only checks those articles again.
   */
  private replay(journal: Buffer): number {
    let records = 0;
    for (let at = 0; at + 4 <= journal.length; ) {
      const length = journal.readUInt32LE(at);
      if (at + 4 + length > journal.length) break;
      let record: [string, string, Entry | null];
      try {
        record = v8.deserialize(journal.subarray(at + 4, at + 4 + length)) as [string, string, Entry | null];
      } catch {
        break;
      }
      at += 4 + length;
      const [fileId, id, entry] = record;
      if (fileId !== this.fileId) continue;
      if (entry) this.entries.set(id, entry);
      else this.entries.delete(id);
      records++;
    }
    return records;
  }

  /** Sets (or, with none, forgets) an article's entry, to be saved. */
  private remember(id: string, entry: Entry | undefined): void {
    if (entry) this.entries.set(id, entry);
    else if (!this.entries.delete(id)) return;
    this.changed.set(id, entry);
  }

  /** Starts a load checked against `context` (a digest of the settings, the author ids, the code and the folders' places). */
  begin(context: string): void {
    this.context = context;
    this.seen = new Set();
    this.checked = 0;
    this.reused = 0;
  }

  /**
   * The articles at `files`, in order: each reused when unchanged; the others checked together by
   * `check` (which may spread them over every core), then remembered.
   */
  async readAll(contentDir: string, files: readonly string[], check: (files: readonly string[]) => Promise<ArticleResult[]>): Promise<ArticleResult[]> {
    const results = new Array<ArticleResult>(files.length);
    const misses: { index: number; id: string; stat: { size: number; mtimeMs: number } | undefined }[] = [];
    // Synchronous calls (stats and reads): see src/content/read-text.ts.
    for (const index of files.keys()) {
      const file = files[index] as string;
      const id = path.relative(contentDir, file);
      this.seen.add(id);
      const known = this.entries.get(id);
      const stat = statOf(file);
      // An article the cache does not hold is read by its check alone (a cold build's every one).
      if (!known || known.context !== this.context) {
        misses.push({ index, id, stat });
        continue;
      }
      if (stat && known.size === stat.size && known.mtimeMs === stat.mtimeMs && this.refsUnchanged(known)) {
        this.reused++;
        results[index] = { article: known.source, problems: [] };
        continue;
      }
      const text = readText(contentDir, file);
      if (!text.ok) {
        this.remember(id, undefined);
        results[index] = { problems: [{ file, line: 1, field: "file", message: text.message }] };
        continue;
      }
      if (stat && known.text === digestText(text.text) && this.refsUnchanged(known)) {
        // Touched, not changed (a checkout sets every file's mtime): remember the new identity.
        known.size = stat.size;
        known.mtimeMs = stat.mtimeMs;
        this.changed.set(id, known);
        this.reused++;
        results[index] = { article: known.source, problems: [] };
        continue;
      }
      misses.push({ index, id, stat });
    }
    // The misses' texts are not kept for `check`, which reads each file again: a cold build of a large
    // archive would otherwise hold every article's text at once (0.7 GB at 100,000).
    this.checked += misses.length;
    misses.sort((a, b) => a.index - b.index);
    const checked = await check(misses.map((miss) => files[miss.index] as string));
    for (const [position, { index, id, stat }] of misses.entries()) {
      const result = checked[position] as ArticleResult;
      results[index] = result;
      // The check's digest of the text it read (`sourceDigest`, what `digestText` gives) names the entry.
      if (!result.article?.sourceDigest || !stat) {
        this.remember(id, undefined);
        continue;
      }
      const refs: Entry["refs"] = [];
      for (const ref of referencedFiles(result.article)) {
        const refStat = statOf(ref);
        if (refStat) refs.push([ref, refStat.size, refStat.mtimeMs]);
      }
      this.remember(id, { size: stat.size, mtimeMs: stat.mtimeMs, text: result.article.sourceDigest, context: this.context, refs, source: result.article });
    }
    return results;
  }

  private refsUnchanged(entry: Entry): boolean {
    for (const [ref, size, mtimeMs] of entry.refs) {
      const stat = statOf(ref);
      if (!stat || stat.size !== size || stat.mtimeMs !== mtimeMs) return false;
    }
    return true;
  }

  /**
   * Takes in the articles a checked part kept (`--check-part`, src/build/check-part.ts): its cache
   * file, whose body templates are in `templates` (`keptIn` in `save`). They are reused like any
   * entry: only while their files and their check's context are unchanged. Returns how many.
   */
  async absorb(file: string, templates: string): Promise<number> {
    const stored = v8.deserialize(await fs.readFile(file)) as StoredCache;
    if (stored.format !== FORMAT) return 0;
    for (const [id, entry] of stored.entries) {
      const { template } = entry.source;
      const kept = template && isSpilled(template) && template.file !== undefined ? { ...template, file: templates } : undefined;
      this.remember(id, { ...entry, source: { ...entry.source, template: kept } });
    }
    return stored.entries.length;
  }

  /**
   * Gives each article the last load saw whose body template is in another spill's file (a checked
   * part's) the template `move` returns: a part checked again copies the bodies it reuses into its
   * new file.
   */
  async keepTemplates(move: (template: SpilledTemplate) => Promise<KeptTemplate>): Promise<void> {
    for (const [id, entry] of this.entries) {
      const { template } = entry.source;
      if (!this.seen.has(id)) continue;
      if (!template || !isSpilled(template) || template.file === undefined) continue;
      this.remember(id, { ...entry, source: { ...entry.source, template: await move(template) } });
    }
  }

  /**
   * Forgets articles the last load did not see (deleted files) and writes the cache, if it is kept in
   * a file: what changed since it was last written, appended to its journal, or the whole file (and no
   * journal) when the journal has grown long, the file has no id yet, or `keptIn` is given. Body
   * templates are left out (they would make the file as large as the archive), unless `keptIn` names
   * the file of the spill that holds them (a checked part's).
   */
  async save({ keptIn }: { keptIn?: string } = {}): Promise<void> {
    for (const id of [...this.entries.keys()]) if (!this.seen.has(id)) this.remember(id, undefined);
    if (!this.file) {
      this.changed.clear();
      return;
    }
    const template = (kept: ArticleSource["template"]) => (keptIn !== undefined && kept && isSpilled(kept) && kept.file === undefined ? { ...kept, file: keptIn } : undefined);
    const persisted = (entry: Entry): Entry => ({ ...entry, source: { ...entry.source, template: template(entry.source.template) } });
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    const journal = `${this.file}${JOURNAL_SUFFIX}`;
    const records = this.journaled + this.changed.size;
    if (keptIn === undefined && this.fileId !== undefined && records <= Math.max(JOURNAL_RECORDS, this.entries.size / 16)) {
      if (this.changed.size > 0) {
        const parts = [...this.changed].flatMap(([id, entry]) => {
          const record = v8.serialize([this.fileId, id, entry ? persisted(entry) : null]);
          const length = Buffer.alloc(4);
          length.writeUInt32LE(record.length);
          return [length, record];
        });
        await fs.appendFile(journal, Buffer.concat(parts));
        this.journaled = records;
      }
    } else {
      const id = randomUUID();
      const entries: [string, Entry][] = [...this.entries].map(([article, entry]) => [article, persisted(entry)]);
      await writeFileAtomically(this.file, v8.serialize({ format: FORMAT, entries, id } satisfies StoredCache));
      // The old journal follows the old file's id: left behind by a stop here, it is never read.
      await fs.rm(journal, { force: true });
      this.fileId = id;
      this.journaled = 0;
    }
    this.changed.clear();
  }
}
