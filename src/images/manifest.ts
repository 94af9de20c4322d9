// What the image cache already knows, kept beside the cached files as `manifest.json`: for each
// source path its size and mtime → content hash and header (format, size), and for each content the
// files already encoded from it. With it a warm build only `stat`s its photos: no read, no hash, no
// sharp. Stale or broken knowledge only costs work, never wrong output: an entry whose size or mtime
// differs is recomputed, an unreadable manifest is ignored, and outputs are checked against the
// cache folder's listing before use.
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { mapLimit } from "./limit.ts";

export const MANIFEST_FILE = "manifest.json";
/** Stats of sources a build did not look at, at once (see save). */
const STAT_CONCURRENCY = 64;
// Bump when the shape changes: an older manifest is then ignored, not misread. Version 2: a source's
// `info` comes from a full decode (src/images/verify.ts), and is kept by content hash as well.
const VERSION = 2;

/**
 * A short fingerprint of encoder options, part of every output key: changing how a photo is
 * encoded (quality, sizes) must not serve the files the old options made.
 */
export function fingerprint(options: unknown): string {
  return createHash("sha256").update(JSON.stringify(options)).digest("base64url").slice(0, 10);
}

export interface ImageInfo {
  format: string;
  width: number;
  height: number;
}

/** What the manifest keys a source by: its identity on disk. */
export interface FileStat {
  size: number;
  mtimeMs: number;
}

/** A source file as last seen: its identity on disk, its content hash and what its header said. */
export interface SourceRecord {
  size: number;
  mtimeMs: number;
  /** SHA-256 of the file's bytes (base64url): the key of everything derived from it. */
  hash: string;
  /** Absent when the file was only hashed (an audio file), not inspected as an image. */
  info?: ImageInfo | { problem: string };
}

/** One encoded file in the cache folder. */
export interface StoredVariant {
  name: string;
  width: number;
  height: number;
}

/** An encoded set: per format (in the pipeline's order), its files, smallest first. */
export type StoredSet = { format: string; variants: StoredVariant[] }[];

/** Crop name → cached file name. */
export type StoredCrops = Record<string, string>;

/** A single derived file (the logo, a published media file); sizes only for images. */
export interface StoredFile {
  name: string;
  width?: number;
  height?: number;
}

interface ContentOutputs {
  /** What reading and fully decoding this content found: its header, or why it cannot be published. */
  info?: ImageInfo | { problem: string };
  /** Keyed by the widths asked for and a fingerprint of the encoder options, e.g. "480,960,1600@…". */
  sets?: Record<string, StoredSet>;
  /** Keyed by a fingerprint of the crop sizes and encoding. */
  crops?: Record<string, StoredCrops>;
  /** Keyed by purpose and a fingerprint of its encoding: "logo@…", "publish:<name>@…". */
  files?: Record<string, StoredFile>;
}

/** What a manifest learnt since loading: the records it would add to the file. */
export interface ManifestLearnt {
  sources: Record<string, SourceRecord>;
  outputs: Record<string, ContentOutputs>;
}

interface ManifestFile {
  version: number;
  sources: Record<string, SourceRecord>;
  outputs: Record<string, ContentOutputs>;
}

/** Counters for the build summary and the tests: how much of the work the manifest saved. */
export interface ManifestCounters {
  /** Lookups answered from the manifest (a source's hash and header, a set, the crops). */
  hits: number;
  /** Source images opened: hashed, inspected or decoded. Zero on a warm build. */
  sourceReads: number;
}

export class ImageManifest {
  private readonly sources = new Map<string, SourceRecord>();
  private readonly outputs = new Map<string, ContentOutputs>();
  /** Sources this build looked at; the others are kept only while their file is unchanged on disk. */
  private readonly touched = new Set<string>();
  /** Something was learnt since loading: only then is the file rewritten (a warm build writes nothing). */
  private dirty = false;
  /** What was learnt since loading, by source file and content hash: what a worker thread hands back. */
  private readonly learntSources = new Set<string>();
  private readonly learntOutputs = new Set<string>();
  readonly counters: ManifestCounters = { hits: 0, sourceReads: 0 };

  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  /** The manifest in `dir`, or an empty one when it is missing, unreadable or of another version. */
  static async load(dir: string): Promise<ImageManifest> {
    const manifest = new ImageManifest(dir);
    let parsed: unknown;
    try {
      parsed = JSON.parse(await fs.readFile(path.join(dir, MANIFEST_FILE), "utf8"));
    } catch {
      return manifest;
    }
    if (!isManifestFile(parsed)) return manifest;
    for (const [file, record] of Object.entries(parsed.sources)) if (isSourceRecord(record)) manifest.sources.set(file, record);
    for (const [hash, outputs] of Object.entries(parsed.outputs)) if (outputs && typeof outputs === "object") manifest.outputs.set(hash, outputs);
    return manifest;
  }

  /** The record for `file` if the file on disk is still the one recorded (same size and mtime). */
  source(file: string, stat: FileStat): SourceRecord | undefined {
    this.touched.add(file);
    const record = this.sources.get(file);
    if (!record || record.size !== stat.size || record.mtimeMs !== stat.mtimeMs) return undefined;
    this.counters.hits++;
    return record;
  }

  setSource(file: string, record: SourceRecord): void {
    this.touched.add(file);
    this.sources.set(file, record);
    this.learntSources.add(file);
    this.dirty = true;
  }

  /** What this manifest learnt since it was loaded (a worker thread's inspections), as plain data. */
  learnt(): ManifestLearnt {
    const sources = Object.fromEntries([...this.learntSources].flatMap((file) => (this.sources.has(file) ? [[file, this.sources.get(file) as SourceRecord]] : [])));
    const outputs = Object.fromEntries([...this.learntOutputs].flatMap((hash) => (this.outputs.has(hash) ? [[hash, this.outputs.get(hash) as ContentOutputs]] : [])));
    return { sources, outputs };
  }

  /** Takes in what another manifest of the same folder learnt (a worker thread's), to save it with the rest. */
  absorb(learnt: ManifestLearnt): void {
    for (const [file, record] of Object.entries(learnt.sources)) if (isSourceRecord(record)) this.setSource(file, record);
    for (const [hash, outputs] of Object.entries(learnt.outputs)) if (isObject(outputs)) Object.assign(this.outputsOf(hash), outputs);
  }

  /**
   * What a full decode of this content found, whatever its path or mtime: a fresh clone in CI gives
   * every photo a new mtime, and this keeps it from decoding every photo again.
   */
  info(hash: string): ImageInfo | { problem: string } | undefined {
    const info: unknown = this.outputs.get(hash)?.info;
    if (!isObject(info)) return undefined;
    const { problem, format, width, height } = info;
    const known = typeof problem === "string" ? { problem } : typeof format === "string" && typeof width === "number" && typeof height === "number" ? { format, width, height } : undefined;
    if (known) this.counters.hits++;
    return known;
  }

  setInfo(hash: string, info: ImageInfo | { problem: string }): void {
    this.outputsOf(hash).info = info;
  }

  // The getters check shapes: a hand-edited or foreign manifest must not put garbage into pages.
  set(hash: string, widths: string): StoredSet | undefined {
    const set: unknown = this.outputs.get(hash)?.sets?.[widths];
    return Array.isArray(set) && set.every(isStoredFormat) ? (set as StoredSet) : undefined;
  }

  setSet(hash: string, widths: string, set: StoredSet): void {
    const outputs = this.outputsOf(hash);
    outputs.sets = { ...outputs.sets, [widths]: set };
  }

  crops(hash: string, key: string): StoredCrops | undefined {
    const crops: unknown = this.outputs.get(hash)?.crops?.[key];
    return isObject(crops) && Object.values(crops).every((name) => typeof name === "string") ? (crops as StoredCrops) : undefined;
  }

  setCrops(hash: string, key: string, crops: StoredCrops): void {
    const outputs = this.outputsOf(hash);
    outputs.crops = { ...outputs.crops, [key]: crops };
  }

  file(hash: string, purpose: string): StoredFile | undefined {
    const file: unknown = this.outputs.get(hash)?.files?.[purpose];
    return isObject(file) && typeof file["name"] === "string" ? (file as unknown as StoredFile) : undefined;
  }

  setFile(hash: string, purpose: string, file: StoredFile): void {
    const outputs = this.outputsOf(hash);
    outputs.files = { ...outputs.files, [purpose]: file };
  }

  /**
   * Writes what is known of the sources that still exist, and their outputs, under a temporary name
   * renamed into place: a reader (another build sharing the cache) sees the old manifest or the new,
   * never half. A source this build did not look at (the live preview reloads only edited articles)
   * is kept if its file is unchanged, so deleted and replaced photos drop out and nothing else does.
   */
  async save(): Promise<void> {
    const untouched = [...this.sources.entries()].filter(([file]) => !this.touched.has(file));
    const gone = new Set<string>();
    await mapLimit(
      untouched,
      async ([file, record]) => {
        const stat = await fs.stat(file).catch(() => undefined);
        if (!stat || stat.size !== record.size || stat.mtimeMs !== record.mtimeMs) gone.add(file);
      },
      STAT_CONCURRENCY,
    );
    if (!this.dirty && gone.size === 0) return;
    const sources: Record<string, SourceRecord> = {};
    const outputs: Record<string, ContentOutputs> = {};
    // Sorted, so the same cache gives the same file.
    for (const file of [...this.sources.keys()].sort()) {
      const record = this.sources.get(file);
      if (!record || gone.has(file)) continue;
      sources[file] = record;
      const produced = this.outputs.get(record.hash);
      if (produced) outputs[record.hash] = produced;
    }
    const data: ManifestFile = { version: VERSION, sources, outputs };
    await fs.mkdir(this.dir, { recursive: true });
    const target = path.join(this.dir, MANIFEST_FILE);
    const partial = `${target}.${process.pid}.partial`;
    await fs.writeFile(partial, JSON.stringify(data));
    await fs.rename(partial, target);
    this.dirty = false;
  }

  private outputsOf(hash: string): ContentOutputs {
    this.dirty = true;
    this.learntOutputs.add(hash);
    let outputs = this.outputs.get(hash);
    if (!outputs) this.outputs.set(hash, (outputs = {}));
    return outputs;
  }
}

/**
 * One manifest per cache folder per build, shared by validation (which inspects every photo before
 * the pipeline exists) and the pipeline; `release` after saving, so the next build (a watch rebuild,
 * another test) reads the saved file again with fresh counters.
 */
const open = new Map<string, Promise<ImageManifest>>();

export function manifestFor(dir: string): Promise<ImageManifest> {
  const key = path.resolve(dir);
  let manifest = open.get(key);
  if (!manifest) open.set(key, (manifest = ImageManifest.load(key)));
  return manifest;
}

export function releaseManifest(dir: string): void {
  open.delete(path.resolve(dir));
}

/**
 * The image cache a command uses unless it is given one: `images/` in the cache folder
 * (`DATELINE_CACHE_DIR`, else `.cache/dateline`). A command with another folder stays correct, it
 * only reads its photos' headers once more.
 */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(path.resolve(env["DATELINE_CACHE_DIR"] ?? ".cache/dateline"), "images");
}

function isManifestFile(value: unknown): value is ManifestFile {
  if (!value || typeof value !== "object") return false;
  const file = value as Partial<ManifestFile>;
  return file.version === VERSION && isObject(file.sources) && isObject(file.outputs);
}

function isSourceRecord(value: unknown): value is SourceRecord {
  if (!isObject(value)) return false;
  const record = value as Partial<SourceRecord>;
  return typeof record.size === "number" && typeof record.mtimeMs === "number" && typeof record.hash === "string" && (record.info === undefined || isObject(record.info));
}

function isStoredFormat(value: unknown): boolean {
  if (!isObject(value) || typeof value["format"] !== "string" || !Array.isArray(value["variants"]) || value["variants"].length === 0) return false;
  return value["variants"].every((variant: unknown) => isObject(variant) && typeof variant["name"] === "string" && typeof variant["width"] === "number" && typeof variant["height"] === "number");
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
