// The only door to sharp and eleventy-img. Encodes photos into a persistent cache folder (so a
// clean `_site/` in CI costs no encoding) and copies the files a build uses into the output.
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import eleventyImage from "@11ty/eleventy-img";
import { ImageProgress } from "./progress.ts";

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

export interface ImageInfo {
  format: string;
  width: number;
  height: number;
}

/** Widths per use. The lead photo fills the column on a wide screen at 2x. */
export const IMAGE_WIDTHS = {
  lead: [480, 960, 1600],
  inline: [480, 960, 1600],
  headshot: [96, 192],
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

const FORMATS: readonly ImageFormat[] = ["avif", "webp", "jpeg"];
const ACCEPTED_FORMATS = new Set(["jpeg", "png", "webp", "avif", "gif", "tiff"]);

interface EleventyImageResult {
  format: string;
  width: number;
  height: number;
  url: string;
  sourceType: string;
  outputPath: string;
}

type EleventyImage = ((src: string, options: Record<string, unknown>) => Promise<Record<string, EleventyImageResult[]>>) & {
  concurrency: number;
};

const processImage = eleventyImage as unknown as EleventyImage;
// Two cores: more parallel encodes only fight over them.
processImage.concurrency = 2;
sharp.concurrency(1);

/** Reads an image's header; a file that is not an image we can encode gives a reason instead. */
export async function inspectImage(file: string): Promise<ImageInfo | { problem: string }> {
  try {
    const metadata = await sharp(file).metadata();
    // libvips names AVIF "heif"; other HEIF (an iPhone's HEIC) cannot be decoded by the prebuilt sharp.
    if (metadata.format === "heif") {
      if (metadata.compression !== "av1") return { problem: "is a HEIC photo, which cannot be published (export it as JPEG)" };
      return { format: "avif", width: metadata.width, height: metadata.height };
    }
    if (!metadata.format || !ACCEPTED_FORMATS.has(metadata.format) || !metadata.width || !metadata.height) {
      return { problem: `is a ${metadata.format ?? "unknown"} file, not a photo (use JPEG, PNG, WebP or AVIF)` };
    }
    return { format: metadata.format, width: metadata.width, height: metadata.height };
  } catch {
    return { problem: "is not an image (use a JPEG, PNG, WebP or AVIF file)" };
  }
}

export interface ImagePipelineOptions {
  /** Persistent folder for encoded files; cache it between CI runs. */
  cacheDir: string;
  /** Public URL path of the image folder, with the site's path prefix: "/img/" or "/news/img/". */
  urlPath: string;
}

export interface ImageStats {
  encoded: number;
  reused: number;
}

export class ImagePipeline {
  private readonly used = new Set<string>();
  private existing: Promise<Set<string>> | undefined;
  /** Cached files being written now: a photo used twice in one build is encoded once. */
  private readonly pending = new Map<string, Promise<void>>();
  private readonly stats: ImageStats = { encoded: 0, reused: 0 };
  private readonly progress = new ImageProgress();

  constructor(private readonly options: ImagePipelineOptions) {}

  /** Encodes (or reuses) one source image at the given widths in AVIF, WebP and JPEG. */
  process(file: string, widths: readonly number[]): Promise<ImageSet> {
    return this.progress.track(this.encodeSet(file, widths));
  }

  private async encodeSet(file: string, widths: readonly number[]): Promise<ImageSet> {
    const existing = await this.cachedNames();
    const result = await processImage(file, {
      widths: [...widths],
      formats: [...FORMATS],
      outputDir: this.options.cacheDir,
      urlPath: this.options.urlPath,
      // AVIF effort 1 keeps a cold 1600 px lead photo (9 files) near 0.7 s of CPU here; its files are
      // within ~7 % of effort 2 (measured with scripts/measure-cold-photo.ts).
      sharpAvifOptions: { effort: 1, quality: 55 },
      sharpWebpOptions: { quality: 75 },
      sharpJpegOptions: { quality: 78, progressive: true },
      fixOrientation: true,
      svgShortCircuit: false,
    });
    const sources = FORMATS.map((format) => {
      const entries = result[format] ?? [];
      for (const entry of entries) {
        const name = path.basename(entry.outputPath);
        this.used.add(name);
        if (existing.has(name)) this.stats.reused++;
        else {
          this.stats.encoded++;
          existing.add(name);
        }
      }
      return {
        format,
        type: entries[0]?.sourceType ?? `image/${format}`,
        variants: entries.map(({ url, width, height }) => ({ url, width, height })),
      };
    });
    const fallback = sources.find((source) => source.format === "jpeg")?.variants.at(-1);
    if (!fallback) throw new Error(`[images] no JPEG output for ${file}`);
    return { sources, fallback };
  }

  /**
   * Crops (or reuses) one photo to every size in CROP_SIZES: sharp's attention strategy keeps the
   * most salient region (faces, contrast, saturated colour) when the ratio has to change.
   */
  crop(file: string): Promise<ImageCrops> {
    return this.progress.track(this.encodeCrops(file));
  }

  private async encodeCrops(file: string): Promise<ImageCrops> {
    const source = await fs.readFile(file);
    const hash = contentHash(source, CROP_ENCODING);
    const crops = await Promise.all(
      Object.entries(CROP_SIZES).map(async ([name, { width, height }]) => {
        const fileName = `${hash}-${width}x${height}.jpeg`;
        await this.encodeOnce(fileName, (target) =>
          sharp(source)
            .rotate()
            .resize(width, height, { fit: "cover", position: sharp.strategy.attention })
            .jpeg({ quality: CROP_ENCODING.quality, progressive: CROP_ENCODING.progressive })
            .toFile(target),
        );
        return [name, { url: this.options.urlPath + fileName, width, height }] as const;
      }),
    );
    return Object.fromEntries(crops) as ImageCrops;
  }

  /** Publishes (or reuses) the site's logo as a PNG no larger than LOGO_MAX on either side. */
  async logo(file: string): Promise<ImageVariant> {
    const source = await fs.readFile(file);
    const fileName = `${contentHash(source, LOGO_ENCODING)}-logo.png`;
    await this.encodeOnce(fileName, (target) =>
      sharp(source)
        .rotate()
        .resize(LOGO_MAX, LOGO_MAX, { fit: "inside", withoutEnlargement: true })
        .png({ compressionLevel: LOGO_ENCODING.compressionLevel })
        .toFile(target),
    );
    const { width, height } = await sharp(path.join(this.options.cacheDir, fileName)).metadata();
    return { url: this.options.urlPath + fileName, width, height };
  }

  /**
   * Publishes a media file (a recording for an audio embed) unchanged, under a content-hashed name
   * beside the images, so it is cached, copied and served like them.
   */
  async publishFile(file: string): Promise<string> {
    const source = await fs.readFile(file);
    const fileName = `${contentHash(source, { publish: "as-is", version: 1 })}-${path.basename(file).toLowerCase().replace(/[^a-z0-9.]+/g, "-")}`;
    await this.encodeOnce(fileName, (target) => fs.writeFile(target, source));
    return this.options.urlPath + fileName;
  }

  /** Files encoded and files reused from the cache since this pipeline was made. */
  getStats(): ImageStats {
    return { ...this.stats };
  }

  /** Copies every image this build used into `<outputDir>/img/`, and nothing else. */
  async copyUsed(outputDir: string): Promise<void> {
    const target = path.join(outputDir, "img");
    await fs.mkdir(target, { recursive: true });
    await Promise.all([...this.used].map((name) => fs.copyFile(path.join(this.options.cacheDir, name), path.join(target, name))));
  }

  private cachedNames(): Promise<Set<string>> {
    return (this.existing ??= listFiles(this.options.cacheDir));
  }

  /**
   * Marks a cached file as used by this build, encoding it first if the cache lacks it. It is
   * written under a temporary name and renamed, so an interrupted build never leaves a partial file
   * that a later build would take for a finished one.
   */
  private async encodeOnce(fileName: string, encode: (target: string) => Promise<unknown>): Promise<void> {
    this.used.add(fileName);
    const existing = await this.cachedNames();
    const inFlight = this.pending.get(fileName);
    if (inFlight || existing.has(fileName)) {
      this.stats.reused++;
      return inFlight;
    }
    const target = path.join(this.options.cacheDir, fileName);
    const job = (async () => {
      await fs.mkdir(this.options.cacheDir, { recursive: true });
      const partial = `${target}.${process.pid}.partial`;
      await encode(partial);
      await fs.rename(partial, target);
    })();
    this.pending.set(fileName, job);
    this.stats.encoded++;
    try {
      await job;
      existing.add(fileName);
    } finally {
      this.pending.delete(fileName);
    }
  }
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
