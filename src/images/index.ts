// The only door to sharp and eleventy-img. Encodes photos into a persistent cache folder (so a
// clean `_site/` in CI costs no encoding), remembers in that folder's manifest what each source
// produced (so a warm build only `stat`s its photos), and hard-links the files a build uses into
// the output.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { imageLibraries, type EleventyImageResult } from "./libraries.ts";
import { ImageProgress } from "./progress.ts";
import { findDecodeProblem } from "./verify.ts";
import { encodeFailure } from "./encode-error.ts";
import { limiter, mapLimit } from "./limit.ts";
import { defaultCacheDir, fingerprint, manifestFor, releaseManifest, type FileStat, type ImageInfo, type ImageManifest, type SourceRecord, type StoredCrops, type StoredFile, type StoredSet } from "./manifest.ts";

export type { FileStat, ImageInfo } from "./manifest.ts";
export { defaultCacheDir } from "./manifest.ts";

export type ImageFormat = "avif" | "webp" | "jpeg";

export interface ImageVariant {
  url: string;
  width: number;
  height: number;
}

export interface ImageSource {
  format: ImageFormat;
  /** MIME type for `<source type>`. */
  type: string;
  variants: ImageVariant[];
}

/** One picture in every format and width, smallest first; `fallback` is the largest JPEG. */
export interface ImageSet {
  sources: ImageSource[];
  fallback: ImageVariant;
}

/** Widths per use. The lead photo fills the column on a wide screen at 2x. */
export const IMAGE_WIDTHS = {
  lead: [480, 960, 1600],
  inline: [480, 960, 1600],
  headshot: [96, 192],
  /** A promo's thumbnail in the "Around the web" block. */
  promo: [160, 320],
} as const;

/**
 * Fixed-size crops of a lead photo for structured data and link previews: the three aspect ratios
 * Google's article guidance asks for, each at least 1200 px wide. Smaller photos are enlarged.
 */
export const CROP_SIZES = {
  "16x9": { width: 1200, height: 675 },
  "4x3": { width: 1200, height: 900 },
  "1x1": { width: 1200, height: 1200 },
} as const;

export type CropName = keyof typeof CROP_SIZES;

/** One JPEG per crop, at exactly the size in CROP_SIZES. */
export type ImageCrops = Record<CropName, ImageVariant>;

/** A logo is published as PNG (transparency survives, every consumer reads it), at most this wide or tall. */
const LOGO_MAX = 1200;

// Part of each cached crop's and logo's name: change it whenever their encoding changes.
const CROP_ENCODING = { fit: "cover", position: "attention", format: "jpeg", quality: 78, progressive: true, version: 1 } as const;
const LOGO_ENCODING = { fit: "inside", max: LOGO_MAX, format: "png", compressionLevel: 9, version: 1 } as const;
const ICON_ENCODING = { fit: "contain", background: "#ffffff", format: "png", compressionLevel: 9, version: 1 } as const;

/** A generated share card: the size Open Graph and X's large card ask for. */
export const SHARE_CARD_SIZE = { width: 1200, height: 630 } as const;
const CARD_ENCODING = { format: "jpeg", quality: 84, ...SHARE_CARD_SIZE, logoMax: { width: 360, height: 72 }, version: 1 } as const;

/** The logo as a share card draws it: a PNG data URI fitted into CARD_ENCODING.logoMax. */
export interface CardLogo {
  src: string;
  width: number;
  height: number;
}

/** Site icons: the browser tab's icon and the one a phone puts on its home screen. */
export const ICON_SIZES = { favicon: 32, touch: 180 } as const;

export type SiteIcons = Record<keyof typeof ICON_SIZES, ImageVariant>;

/** A logo wider or taller than this (ratio of its sides) is unreadable as a square icon. */
const ICON_MAX_ASPECT = 1.25;

const FORMATS: readonly ImageFormat[] = ["avif", "webp", "jpeg"];
const MIME_TYPES: Record<ImageFormat, string> = { avif: "image/avif", webp: "image/webp", jpeg: "image/jpeg" };

/** eleventy-img's options for every photo; its output names hash the source with the encoder options. */
const SET_OPTIONS = {
  formats: [...FORMATS],
  // AVIF effort 1 keeps a cold 1600 px lead photo (9 files) near 0.7 s of CPU here; its files are
  // within ~7 % of effort 2 (measured with scripts/measure-cold-photo.ts).
  sharpAvifOptions: { effort: 1, quality: 55 },
  sharpWebpOptions: { quality: 75 },
  sharpJpegOptions: { quality: 78, progressive: true },
  fixOrientation: true,
  svgShortCircuit: false,
  // Its in-memory cache is keyed by path and size, so an edited photo of the same size would get
  // the old names in a watch rebuild; the manifest and the staging folders do the caching instead.
  useCache: false,
} as const;

// Output keys in the manifest: a change to the options or sizes makes every entry miss.
const SET_KEY = fingerprint(SET_OPTIONS);
const CROPS_KEY = fingerprint({ CROP_ENCODING, CROP_SIZES });
const LOGO_KEY = `logo@${fingerprint(LOGO_ENCODING)}`;
const ICON_KEY = fingerprint({ ICON_ENCODING, ICON_SIZES });
const PUBLISH_ENCODING = { publish: "as-is", version: 1 } as const;

/** Source files hashed or inspected at once: far below the open-file limit. */
const READ_CONCURRENCY = 64;
/** Crops and eleventy-img calls at once: two cores, and each holds a decoded photo. */
const ENCODE_CONCURRENCY = 2;
const readLimit = limiter(READ_CONCURRENCY);
const ACCEPTED_FORMATS = new Set(["jpeg", "png", "webp", "avif", "gif", "tiff"]);


/**
 * What validation knows of a photo: its header, from the cache's manifest when the file's size and
 * mtime are the ones recorded (no read at all), else read, hashed and recorded for the pipeline.
 */
export async function inspectSource(file: string, stat: FileStat, cacheDir = defaultCacheDir()): Promise<ImageInfo | { problem: string }> {
  const manifest = await manifestFor(cacheDir);
  const known = manifest.source(file, stat);
  if (known?.info) return known.info;
  const record = await readSource(manifest, file, stat, true);
  return record.info ?? { problem: "is not an image (use a JPEG, PNG, WebP or AVIF file)" };
}

/**
 * Saves what validation learnt of the photos (hashes, headers, full decodes) into the cache's
 * manifest, for a command that validates without building (`check:content`): the next check or
 * build then decodes nothing it has seen.
 */
export async function rememberInspections(cacheDir = defaultCacheDir()): Promise<void> {
  await (await manifestFor(cacheDir)).save();
  releaseManifest(cacheDir);
}

/**
 * Hashes (and, for images, inspects and fully decodes) a source file and records it in the manifest.
 * Content already decoded under any path or mtime is only hashed.
 */
function readSource(manifest: ImageManifest, file: string, stat: FileStat, inspect: boolean): Promise<SourceRecord> {
  return readLimit(async () => {
    manifest.counters.sourceReads++;
    const hash = await hashFile(file).catch(() => undefined);
    // Unreadable (permissions, gone since the stat): said as a content problem, and not remembered.
    if (hash === undefined) return { size: stat.size, mtimeMs: stat.mtimeMs, hash: "", info: { problem: "cannot be read (check the file's permissions)" } };
    let info = inspect ? manifest.info(hash) : undefined;
    if (inspect && !info) {
      info = await inspectImage(file);
      manifest.setInfo(hash, info);
    }
    const record: SourceRecord = { size: stat.size, mtimeMs: stat.mtimeMs, hash, ...(info && { info }) };
    manifest.setSource(file, record);
    return record;
  });
}

/** SHA-256 of a file, streamed: a cold archive hashes thousands of photos without holding them. */
async function hashFile(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("base64url");
}

/**
 * Reads an image's header and decodes it in full, as the encoders will; a file that is not an image
 * we can encode, or one that is damaged, gives a reason instead.
 */
export async function inspectImage(file: string): Promise<ImageInfo | { problem: string }> {
  let info: ImageInfo;
  try {
    const { sharp } = await imageLibraries();
    const metadata = await sharp(file).metadata();
    // libvips names AVIF "heif"; other HEIF (an iPhone's HEIC) cannot be decoded by the prebuilt sharp.
    if (metadata.format === "heif" && metadata.compression !== "av1") return { problem: "is a HEIC photo, which cannot be published (export it as JPEG)" };
    const format = metadata.format === "heif" ? "avif" : metadata.format;
    if (!format || !ACCEPTED_FORMATS.has(format) || !metadata.width || !metadata.height) {
      return { problem: `is a ${metadata.format ?? "unknown"} file, not a photo (use JPEG, PNG, WebP or AVIF)` };
    }
    info = { format, width: metadata.width, height: metadata.height };
  } catch {
    return { problem: "is not an image (use a JPEG, PNG, WebP or AVIF file)" };
  }
  const damaged = await findDecodeProblem(file, info);
  return damaged ? { problem: damaged } : info;
}

export interface ImagePipelineOptions {
  /** Persistent folder for encoded files; cache it between CI runs. */
  cacheDir: string;
  /** Public URL path of the image folder, with the site's path prefix: "/img/" or "/news/img/". */
  urlPath: string;
}

export interface ImageStats {
  /** Files sharp actually wrote this build. */
  encoded: number;
  /** File uses satisfied by a file already in the cache (or encoded earlier in this build). */
  reused: number;
  /** Lookups the cache's manifest answered (a source's hash and header, a set, a crop, a logo). */
  manifestHits: number;
  /** Source files this module opened (hashed, inspected, decoded), validation included: 0 on a warm build. */
  sourceReads: number;
}

/** The result of work shared by every use in a build: only the first use counts its encodes. */
interface Produced<T> {
  value: T;
  encoded: number;
}

/** A share card to draw (or reuse): see `ImagePipeline.shareCard`. */
export interface ShareCardRequest {
  /** Everything the card shows; with the logo's content, its cache key. */
  key: unknown;
  logoFile?: string | undefined;
  /** The card's SVG; called only when the cache lacks this card. */
  draw: (logo: CardLogo | undefined) => Promise<string>;
  /** The article file the card belongs to: while it is deferred (`deferEncoding`), so is the card. */
  owner?: string | undefined;
}

export class ImagePipeline {
  private readonly used = new Set<string>();
  private existing: Promise<Set<string>> | undefined;
  /** Cached files being written now: a crop or logo needed twice at once is encoded once. */
  private readonly pending = new Map<string, Promise<void>>();
  /** Writes into the cache running now (`writing`), and whether `stop` forbids new ones. */
  private readonly writes = new Set<Promise<unknown>>();
  private stopped = false;
  /** Sets and crops being made now, by content: the same photo under two paths is encoded once. */
  private readonly jobs = new Map<string, Promise<Produced<unknown>>>();
  /** One `stat` per source path per build. */
  private readonly records = new Map<string, Promise<SourceRecord>>();
  private readonly stats = { encoded: 0, reused: 0 };
  private readonly progress = new ImageProgress();
  private readonly encodeLimit = limiter(ENCODE_CONCURRENCY);
  private readonly manifest: Promise<ImageManifest>;

  /** The manifest once loaded, for getStats (which is synchronous). */
  private loadedManifest: ImageManifest | undefined;
  /**
   * Sources whose files are made only when `publish` asks for them (a slice of a build encodes the
   * photos of its own articles): until then their names are known, nothing is encoded or published.
   */
  private readonly deferredFiles = new Set<string>();
  private readonly deferred = new Map<string, (() => Promise<void>)[]>();

  private readonly options: ImagePipelineOptions;

  constructor(options: ImagePipelineOptions) {
    this.options = options;
    this.manifest = manifestFor(options.cacheDir);
    // A rejected load is reported by the first use; it must not go unhandled before that.
    this.manifest.then((manifest) => (this.loadedManifest = manifest)).catch(() => undefined);
  }

  /**
   * For a build that failed: starts no more encodes and waits for those running. Work still queued
   * (other photos of a failed render) would otherwise write into the cache after the build returned,
   * while its caller removes or reuses the folder, and in a kept process for as long as it runs.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.allSettled(this.writes);
  }

  /** Runs one write into the cache folder, unless the build has stopped; `stop` waits for it. */
  private writing<T>(write: () => Promise<T>): Promise<T> {
    if (this.stopped) return Promise.reject(new Error("[images] not encoding: the build has stopped"));
    const job = write();
    this.writes.add(job);
    const forget = () => this.writes.delete(job);
    job.then(forget, forget);
    return job;
  }

  /** Encodes (or reuses) one source image at the given widths in AVIF, WebP and JPEG. */
  process(file: string, widths: readonly number[]): Promise<ImageSet> {
    return this.progress.track(this.processSet(file, widths)).catch(encodeFailure(file));
  }

  private async processSet(file: string, widths: readonly number[]): Promise<ImageSet> {
    const { hash } = await this.source(file);
    const manifest = await this.manifest;
    const key = `${widths.join(",")}@${SET_KEY}`;
    const names = (known: StoredSet) => known.flatMap((format) => format.variants.map((variant) => variant.name));
    const complete = (known: StoredSet) => (FORMATS.every((format) => known.some((entry) => entry.format === format)) ? names(known) : []);
    const make = async () => {
      const made = await this.once(`set:${hash}:${key}`, () => this.encodeLimit(() => this.encodeSet(file, widths)));
      manifest.setSet(hash, key, made.value);
      this.use(names(made.value), made.encoded);
      return made.value;
    };
    // Known, or made now, and marked as published; for a deferred photo, when `publish` asks for it.
    const produce = async () => {
      const known = await this.known(manifest.set(hash, key), complete);
      if (!known) return make();
      this.use(names(known), 0);
      return known;
    };
    // A deferred photo's names are the manifest's (files made on another machine still have them), else eleventy-img's.
    const set = await this.deferrable(file, produce, async () => {
      const stored = manifest.set(hash, key);
      return stored && complete(stored).length > 0 ? stored : (await this.once(`set-names:${hash}:${key}`, async () => ({ value: await this.setNames(file, widths), encoded: 0 }))).value;
    });
    const sources = FORMATS.map((format): ImageSource => {
      const stored = set.find((entry) => entry.format === format);
      return { format, type: MIME_TYPES[format], variants: (stored?.variants ?? []).map(({ name, width, height }) => ({ url: this.url(name), width, height })) };
    });
    const fallback = sources.find((source) => source.format === "jpeg")?.variants.at(-1);
    if (!fallback) throw new Error(`[images] no JPEG output for ${file}`);
    return { sources, fallback };
  }

  /** A photo's output names and sizes without encoding it: eleventy-img reads its header and hashes it. */
  private async setNames(file: string, widths: readonly number[]): Promise<StoredSet> {
    (await this.manifest).counters.sourceReads++;
    const { processImage } = await imageLibraries();
    return storedSet(await processImage(file, { ...SET_OPTIONS, widths: [...widths], outputDir: this.options.cacheDir, urlPath: "/", statsOnly: true }));
  }

  /**
   * Runs eleventy-img for one photo. First only for its output names (cheap: a read and a header);
   * when the cache lacks any of them, it encodes into a fresh staging folder inside the cache, whose
   * files are then renamed into place: nothing is ever written into an existing cached file (the
   * published copies are hard links to them) and an interrupted build leaves no partial file under
   * a final name.
   */
  private async encodeSet(file: string, widths: readonly number[]): Promise<Produced<StoredSet>> {
    const { cacheDir } = this.options;
    const names = await this.setNames(file, widths);
    const existing = await this.cachedNames();
    const all = names.flatMap((format) => format.variants.map((variant) => variant.name));
    if (all.every((name) => existing.has(name))) return { value: names, encoded: 0 };
    return this.writing(async () => {
      await fs.mkdir(cacheDir, { recursive: true });
      // Named with the pid, so a later run can tell a crashed run's folder from a running one's (src/build/leftovers.ts).
      const staging = await fs.mkdtemp(path.join(cacheDir, `.staging-${process.pid}-`));
      try {
        const { processImage } = await imageLibraries();
        const made = storedSet(await processImage(file, { ...SET_OPTIONS, widths: [...widths], outputDir: staging, urlPath: "/" }));
        const produced = made.flatMap((format) => format.variants.map((variant) => variant.name));
        for (const name of produced) {
          await fs.rename(path.join(staging, name), path.join(cacheDir, name));
          existing.add(name);
        }
        return { value: made, encoded: produced.length };
      } finally {
        await fs.rm(staging, { recursive: true, force: true });
      }
    });
  }

  /**
   * Crops (or reuses) one photo to every size in CROP_SIZES: sharp's attention strategy keeps the
   * most salient region (faces, contrast, saturated colour) when the ratio has to change.
   */
  crop(file: string): Promise<ImageCrops> {
    return this.progress.track(this.processCrops(file)).catch(encodeFailure(file));
  }

  private async processCrops(file: string): Promise<ImageCrops> {
    const { hash } = await this.source(file);
    const manifest = await this.manifest;
    const complete = (known: StoredCrops) => {
      const files = Object.keys(CROP_SIZES).map((name) => known[name]);
      return files.every((file): file is string => typeof file === "string") ? files : [];
    };
    const make = async () => {
      const made = await this.once(`crops:${hash}`, () => this.encodeLimit(() => this.encodeCrops(file)));
      manifest.setCrops(hash, CROPS_KEY, made.value);
      this.use(Object.values(made.value), made.encoded);
      return made.value;
    };
    const produce = async () => {
      const known = await this.known(manifest.crops(hash, CROPS_KEY), complete);
      if (!known) return make();
      this.use(complete(known), 0);
      return known;
    };
    const names = await this.deferrable(file, produce, async () => {
      const stored = manifest.crops(hash, CROPS_KEY);
      return stored && complete(stored).length > 0 ? stored : (await this.once(`crop-names:${hash}`, async () => ({ value: cropNames(await this.readSource(file)), encoded: 0 }))).value;
    });
    const crops = Object.entries(CROP_SIZES).map(([name, { width, height }]) => [name, { url: this.url(names[name] ?? ""), width, height }] as const);
    return Object.fromEntries(crops) as ImageCrops;
  }

  /**
   * Defers the encoding of `files` (photos shown by articles) until `publish` asks for them: used by
   * a slice of a build, which encodes and publishes only its own articles' photos, and by the merge,
   * which takes them from the slices (src/build/slices.ts). Their names are known either way.
   */
  deferEncoding(files: Iterable<string>): void {
    for (const file of files) this.deferredFiles.add(file);
  }

  /** Encodes (or reuses) and publishes the deferred photos (and cards of deferred articles) among `files`; later uses are immediate. */
  async publish(files: Iterable<string>): Promise<void> {
    const jobs: (() => Promise<void>)[] = [];
    for (const file of files) {
      this.deferredFiles.delete(file);
      jobs.push(...(this.deferred.get(file) ?? []));
      this.deferred.delete(file);
    }
    await Promise.all(jobs.map((job) => job()));
  }

  /**
   * `produce()` now, or, while `file` is deferred, only `names()` (what the page needs to link the
   * files), leaving `produce` for `publish`: one rule for photo sets, crops and share cards.
   */
  private async deferrable<T>(file: string | undefined, produce: () => Promise<T>, names: () => Promise<T>): Promise<T> {
    if (file === undefined || !this.deferredFiles.has(file)) return produce();
    const named = await names();
    this.whenPublished(file, produce);
    return named;
  }

  /** Keeps `job` (making a deferred photo's files and marking them published) until `publish` asks for the photo. */
  private whenPublished(file: string, job: () => Promise<unknown>): void {
    let jobs = this.deferred.get(file);
    if (!jobs) this.deferred.set(file, (jobs = []));
    jobs.push(async () => {
      await this.progress.track(job()).catch(encodeFailure(file));
    });
  }

  private async readSource(file: string): Promise<Buffer> {
    (await this.manifest).counters.sourceReads++;
    return fs.readFile(file);
  }

  private async encodeCrops(file: string): Promise<Produced<StoredCrops>> {
    const { sharp } = await imageLibraries();
    const source = await this.readSource(file);
    const names = cropNames(source);
    const crops = await Promise.all(
      Object.entries(CROP_SIZES).map(async ([name, { width, height }]) => {
        const fileName = names[name] ?? "";
        const encoded = await this.encodeOnce(fileName, (target) =>
          sharp(source)
            .rotate()
            .resize(width, height, { fit: "cover", position: sharp.strategy.attention })
            .jpeg({ quality: CROP_ENCODING.quality, progressive: CROP_ENCODING.progressive })
            .toFile(target),
        );
        return encoded;
      }),
    );
    return { value: names, encoded: crops.filter(Boolean).length };
  }

  /** Publishes (or reuses) the site's logo as a PNG no larger than LOGO_MAX on either side. */
  async logo(file: string): Promise<ImageVariant> {
    const [logo] = await this.derive(file, [LOGO_KEY], hasSize, async (source) => {
      // sharp is loaded only to make the logo: a build whose logo is cached never loads it.
      const { sharp } = await imageLibraries();
      const name = await this.make(`${contentHash(source, LOGO_ENCODING)}-logo.png`, (target) =>
        sharp(source)
          .rotate()
          .resize(LOGO_MAX, LOGO_MAX, { fit: "inside", withoutEnlargement: true })
          .png({ compressionLevel: LOGO_ENCODING.compressionLevel })
          .toFile(target),
      );
      const { width, height } = await sharp(path.join(this.options.cacheDir, name)).metadata();
      return { name, width, height };
    }).catch(encodeFailure(file));
    return { url: this.url(logo.name), width: logo.width, height: logo.height };
  }

  /**
   * The site's icons: the logo fitted on a white square when it is about square, else `fallbackSvg`
   * (a monogram: a wide masthead shrunk to 32 pixels reads as a smudge). A logo's icons are kept in
   * the manifest like its other outputs; the monogram is drawn from memory.
   */
  async icons(logoFile: string | undefined, fallbackSvg: string): Promise<SiteIcons> {
    const sizes = Object.entries(ICON_SIZES);
    const draw = async (source: Buffer, size: number): Promise<StoredFile> => ({
      name: await this.make(`${contentHash(source, { ...ICON_ENCODING, size })}-icon-${size}.png`, async (target) =>
        // Loaded only to draw an icon: a build whose icons are cached never loads sharp.
        (await imageLibraries()).sharp(source, { density: 288 })
          .resize(size, size, { fit: "contain", background: ICON_ENCODING.background })
          .flatten({ background: ICON_ENCODING.background })
          .png({ compressionLevel: ICON_ENCODING.compressionLevel })
          .toFile(target),
      ),
    });
    const icons =
      logoFile !== undefined && (await this.isSquarish(logoFile))
        ? await this.derive(logoFile, sizes.map(([name]) => `icon-${name}@${ICON_KEY}`), isStoredFile, (source, index) => draw(source, sizes[index]?.[1] ?? 0)).catch(encodeFailure(logoFile))
        : await Promise.all(sizes.map(([, size]) => draw(Buffer.from(fallbackSvg), size)));
    return Object.fromEntries(sizes.map(([name, size], index) => [name, { url: this.url(icons[index]?.name ?? ""), width: size, height: size }])) as SiteIcons;
  }

  /**
   * A share card (1200×630 JPEG) for a story without a photo. `key` is everything the card shows
   * (headline, section, name, the drawing's version); the logo is keyed by its content. `draw` makes
   * the card's SVG and is called only when the cache lacks this card: a warm build draws nothing.
   */
  shareCard(card: ShareCardRequest): Promise<ImageVariant> {
    return this.progress.track(this.makeCard(card)).catch(encodeFailure(card.logoFile ?? "share card"));
  }

  private async makeCard({ key, logoFile, draw, owner }: ShareCardRequest): Promise<ImageVariant> {
    const logoHash = logoFile === undefined ? undefined : (await this.source(logoFile)).hash;
    // The name is known before the card is drawn: a slice of a build draws only its own articles' cards.
    const name = `${fingerprint({ key, logoHash, CARD_ENCODING })}-card.jpeg`;
    const make = async () => {
      const encoded = await this.encodeLimit(() =>
        this.encodeOnce(name, async (target) => {
          const svg = await draw(logoFile === undefined ? undefined : await cardLogo(logoFile));
          const { sharp } = await imageLibraries();
          await sharp(Buffer.from(svg)).flatten({ background: "#ffffff" }).jpeg({ quality: CARD_ENCODING.quality, progressive: true }).toFile(target);
        }),
      );
      this.use([name], encoded ? 1 : 0);
    };
    await this.deferrable(owner, make, () => Promise.resolve());
    return { url: this.url(name), width: SHARE_CARD_SIZE.width, height: SHARE_CARD_SIZE.height };
  }

  /**
   * Publishes a media file (a recording for an audio embed) unchanged, under a content-hashed name
   * beside the images, so it is cached, copied and served like them.
   */
  async publishFile(file: string): Promise<string> {
    const purpose = `publish:${path.basename(file)}@${fingerprint(PUBLISH_ENCODING)}`;
    const slug = path.basename(file).toLowerCase().replace(/[^a-z0-9.]+/g, "-");
    const [published] = await this.derive(
      file,
      [purpose],
      isStoredFile,
      async (source) => ({ name: await this.make(`${contentHash(source, PUBLISH_ENCODING)}-${slug}`, (target) => fs.writeFile(target, source)) }),
      false,
    );
    return this.url(published.name);
  }

  /** Files encoded and files reused from the cache since this pipeline was made, and what the manifest saved. */
  getStats(): ImageStats {
    return { ...this.stats, manifestHits: this.counters().hits, sourceReads: this.counters().sourceReads };
  }

  /**
   * Publishes every image this build used into `<outputDir>/img/`, and nothing else, as hard links
   * to the cached files (copies where the file system refuses links); then saves the manifest, so
   * the next build knows what this one learnt.
   */
  async copyUsed(outputDir: string, { removeUnused = false }: { removeUnused?: boolean } = {}): Promise<void> {
    const target = path.join(outputDir, "img");
    await fs.mkdir(target, { recursive: true });
    await mapLimit([...this.used].sort(), (name) => publish(path.join(this.options.cacheDir, name), path.join(target, name)), READ_CONCURRENCY);
    // An output updated in place keeps only what this build uses, as a new one would hold.
    if (removeUnused) {
      const unused = (await fs.readdir(target)).filter((name) => !this.used.has(name));
      await mapLimit(unused, (name) => fs.rm(path.join(target, name), { force: true }), READ_CONCURRENCY);
    }
    const manifest = await this.manifest;
    await manifest.save();
    releaseManifest(this.options.cacheDir);
  }

  private counters() {
    return this.loadedManifest?.counters ?? { hits: 0, sourceReads: 0 };
  }

  /** The manifest's record of `file` if it is unchanged on disk, else a fresh one (read and hashed). */
  private source(file: string, inspect = true): Promise<SourceRecord> {
    let record = this.records.get(file);
    if (!record) {
      record = (async () => {
        const [stat, manifest] = await Promise.all([fs.stat(file), this.manifest]);
        return manifest.source(file, stat) ?? readSource(manifest, file, stat, inspect);
      })();
      this.records.set(file, record);
    }
    return record;
  }

  /**
   * Files derived from one source (the logo, its icons, a media file), one per purpose, remembered in
   * the manifest under the source's content: a warm build reads nothing, a cold one reads the source
   * once for all of them. `complete` rejects a stored entry that lacks what the caller needs.
   */
  private async derive<F extends StoredFile>(
    file: string,
    purposes: readonly string[],
    complete: (stored: StoredFile) => stored is F,
    make: (source: Buffer, index: number) => Promise<F>,
    inspect = true,
  ): Promise<[F, ...F[]]> {
    const { hash } = await this.source(file, inspect);
    const manifest = await this.manifest;
    const stored = purposes.map((purpose) => manifest.file(hash, purpose));
    const known = stored.every((entry): entry is F => entry !== undefined && complete(entry)) ? stored : undefined;
    if (await this.known(known, (files) => files.map((entry) => entry.name))) {
      this.use(
        (known as F[]).map((entry) => entry.name),
        0,
      );
      return known as [F, ...F[]];
    }
    manifest.counters.sourceReads++;
    const source = await fs.readFile(file);
    const made: F[] = await Promise.all(purposes.map((_, index) => make(source, index)));
    purposes.forEach((purpose, index) => manifest.setFile(hash, purpose, made[index] as F));
    return made as [F, ...F[]];
  }

  /** Makes (or reuses) one cached file for this build and counts it; its name. */
  private async make(fileName: string, encode: (target: string) => Promise<unknown>): Promise<string> {
    this.use([fileName], (await this.encodeOnce(fileName, encode)) ? 1 : 0);
    return fileName;
  }

  /** Whether a logo reads as a square icon, from its header as the manifest knows it. */
  private async isSquarish(file: string): Promise<boolean> {
    const { info } = await this.source(file);
    if (!info || "problem" in info) throw new Error(`[images] logo ${file} ${info?.problem ?? "has no known width and height"}`);
    return Math.max(info.width / info.height, info.height / info.width) <= ICON_MAX_ASPECT;
  }

  /**
   * What the manifest remembers, if every file it names is still in the cache folder: then nothing
   * is read (the caller marks them used). Otherwise undefined: make them again.
   */
  private async known<T>(stored: T | undefined, names: (stored: T) => string[]): Promise<T | undefined> {
    if (!stored) return undefined;
    const existing = await this.cachedNames();
    const files = names(stored);
    if (files.length === 0 || !files.every((name) => existing.has(name))) return undefined;
    (await this.manifest).counters.hits++;
    return stored;
  }

  /** Shares one job among every use in this build; only the first use reports its encodes. */
  private once<T>(key: string, make: () => Promise<Produced<T>>): Promise<Produced<T>> {
    const inFlight = this.jobs.get(key) as Promise<Produced<T>> | undefined;
    if (inFlight) return inFlight.then(({ value }) => ({ value, encoded: 0 }));
    const job = make();
    this.jobs.set(key, job);
    job.catch(() => this.jobs.delete(key));
    return job;
  }

  /** Marks files as published by this build and counts them: `encoded` of them were just made. */
  private use(names: readonly string[], encoded: number): void {
    for (const name of names) this.used.add(name);
    this.stats.encoded += encoded;
    this.stats.reused += names.length - encoded;
  }

  private url(name: string): string {
    const { urlPath } = this.options;
    return urlPath.endsWith("/") ? urlPath + name : `${urlPath}/${name}`;
  }

  private cachedNames(): Promise<Set<string>> {
    return (this.existing ??= listFiles(this.options.cacheDir));
  }

  /**
   * Makes a cached file unless the cache has it; true when this call encoded it. It is written under
   * a temporary name and renamed, so an interrupted build never leaves a partial file that a later
   * build would take for a finished one, and no existing (possibly hard-linked) file is rewritten.
   */
  private async encodeOnce(fileName: string, encode: (target: string) => Promise<unknown>): Promise<boolean> {
    const existing = await this.cachedNames();
    const inFlight = this.pending.get(fileName);
    if (inFlight) {
      await inFlight;
      return false;
    }
    if (existing.has(fileName)) return false;
    const target = path.join(this.options.cacheDir, fileName);
    const job = this.writing(async () => {
      await fs.mkdir(this.options.cacheDir, { recursive: true });
      const partial = `${target}.${process.pid}.partial`;
      await encode(partial);
      await fs.rename(partial, target);
    });
    this.pending.set(fileName, job);
    try {
      await job;
      existing.add(fileName);
    } finally {
      this.pending.delete(fileName);
    }
    return true;
  }
}

/** The logo fitted into a share card's logo box, as a PNG data URI for the card's drawing. */
async function cardLogo(file: string): Promise<CardLogo> {
  const { sharp } = await imageLibraries();
  const { data, info } = await sharp(file)
    .rotate()
    .resize(CARD_ENCODING.logoMax.width, CARD_ENCODING.logoMax.height, { fit: "inside" })
    .png()
    .toBuffer({ resolveWithObject: true });
  return { src: `data:image/png;base64,${data.toString("base64")}`, width: info.width, height: info.height };
}

/** eleventy-img's result as the manifest keeps it: file names and sizes per format, in our order. */
function storedSet(result: Record<string, EleventyImageResult[]>): StoredSet {
  return FORMATS.map((format) => ({
    format,
    variants: (result[format] ?? []).map((entry) => ({ name: entry.filename ?? path.basename(entry.outputPath), width: entry.width, height: entry.height })),
  }));
}

/** Errors for which a hard link is impossible here (another device, a file system without links). */
const LINK_REFUSED = new Set(["EXDEV", "EPERM", "ENOTSUP", "EMLINK", "EOPNOTSUPP"]);

/**
 * Puts a cached file at `to` as a hard link, or a copy where links are refused. An existing `to`
 * (an earlier build into the same folder) is replaced by renaming a fresh link or copy over it:
 * never written into, since it may itself be a link to a cached file.
 */
async function publish(from: string, to: string): Promise<void> {
  try {
    await fs.link(from, to);
    return;
  } catch (error) {
    if (!isCode(error, "EEXIST") && !isCode(error, ...LINK_REFUSED)) throw error;
  }
  // Already a link to the cached file (an edition into the built _site/): renaming another link to
  // the same file over it would do nothing, and leave the partial file behind to be published.
  const [source, existing] = await Promise.all([fs.stat(from), fs.stat(to).catch(() => undefined)]);
  if (existing && existing.ino === source.ino && existing.dev === source.dev) return;
  const partial = `${to}.${process.pid}.partial`;
  await fs.rm(partial, { force: true });
  try {
    await fs.link(from, partial);
  } catch (error) {
    if (!isCode(error, ...LINK_REFUSED)) throw error;
    await fs.copyFile(from, partial);
  }
  await fs.rename(partial, to);
}

function isCode(error: unknown, ...codes: string[]): boolean {
  return error instanceof Error && codes.includes((error as NodeJS.ErrnoException).code ?? "");
}

/** The cached file of each crop of a source: named by its content and the crop's encoding. */
function cropNames(source: Buffer): StoredCrops {
  const hash = contentHash(source, CROP_ENCODING);
  return Object.fromEntries(Object.entries(CROP_SIZES).map(([name, { width, height }]) => [name, `${hash}-${width}x${height}.jpeg`]));
}

/** A short name for a source file's content encoded with the given options. */
function contentHash(source: Buffer, encoding: object): string {
  return createHash("sha256").update(source).update(JSON.stringify(encoding)).digest("base64url").slice(0, 12);
}

async function listFiles(dir: string): Promise<Set<string>> {
  try {
    return new Set(await fs.readdir(dir));
  } catch {
    return new Set();
  }
}

function isStoredFile(stored: StoredFile): stored is StoredFile {
  return typeof stored.name === "string";
}

/** A stored image file with its size: the logo's entry is usable only with both. */
function hasSize(stored: StoredFile): stored is Required<StoredFile> {
  return Boolean(stored.width && stored.height);
}
