// The newsroom's fenced blocks in an article body (```figure, ```gallery, ```embed): each block's
// YAML validated with file:line problems, its files found, and photo text completed from the file.
import type { Token } from "markdown-it";
import { embedSchema, figureSchema, gallerySchema, videoId, type FigureFields } from "./schema.ts";
import { parseYamlFields, type YamlFields } from "./front-matter.ts";
import { problemsFromSchema } from "./problems.ts";
import { resolveFile, resolveImage } from "./files.ts";
import type { ContentProblem } from "./errors.ts";
import { parseMoment, type Moment } from "../dates.ts";
import { EMBED_INFO, FIGURE_INFO, findFigureBlocks, GALLERY_INFO } from "../markdown/markdown.ts";
import { readEmbeddedText } from "../images/metadata.ts";
import { findInvisible } from "./text-hygiene.ts";

/** A photo with its text complete: from the Markdown, else from the file's own IPTC/XMP/EXIF fields. */
export interface PhotoSource {
  file: string;
  alt: string;
  caption: string;
  credit?: string;
  /** The fields that were read from the file rather than written by the editor. */
  fromFile: ("alt" | "caption" | "credit")[];
}

export interface GallerySource {
  title: string;
  photos: PhotoSource[];
}

/** An ```embed block, checked: a video by id, a quoted post, or a local audio file. */
export type EmbedSource =
  | { type: "youtube" | "vimeo"; id: string; url: string; title: string; posterFile?: string }
  | { type: "x" | "bluesky" | "mastodon"; url: string; author: string; text: string; date: Moment }
  | { type: "audio"; file: string; title: string };

export interface BodyBlocks {
  figures: PhotoSource[];
  galleries: GallerySource[];
  embeds: EmbedSource[];
  problems: ContentProblem[];
}

export interface BlockContext {
  /** The article file, for problems. */
  file: string;
  /** File line of the body's first line. */
  bodyLine: number;
  contentDir: string;
  /** The site's time zone, for posts' dates. */
  timeZone: string;
  /** The image cache whose manifest knows the photos. */
  imageCacheDir?: string | undefined;
}

/** Reads every ```figure, ```gallery and ```embed block of a parsed body, collecting every problem. */
export async function readBodyBlocks(tokens: readonly Token[], context: BlockContext): Promise<BodyBlocks> {
  const { file, contentDir } = context;
  const problems: ContentProblem[] = [];
  const figures: PhotoSource[] = [];
  const galleries: GallerySource[] = [];
  const embeds: EmbedSource[] = [];
  /** Each block's YAML; a block that does not parse is reported and skipped. */
  const blocks = (info: typeof FIGURE_INFO | typeof GALLERY_INFO | typeof EMBED_INFO) =>
    findFigureBlocks(tokens, info).flatMap((block) => {
      const yaml = parseYamlFields(block.content, context.bodyLine + block.line + 1, info);
      if (yaml.ok) return [yaml.fields];
      problems.push({ file, ...yaml.problem });
      return [];
    });
  const schemaProblems = (error: Parameters<typeof problemsFromSchema>[0], yaml: YamlFields, known: string[], prefix: string) =>
    problems.push(...problemsFromSchema(error, file, yaml.lineOf, known).map((p) => ({ ...p, field: `${prefix} ${p.field}` })));
  /** A figure-shaped photo inside a block: its file found and its text complete, else problems at `at`. */
  const blockPhoto = async (fields: FigureFields, yaml: YamlFields, at: PropertyKey[], prefix: string): Promise<PhotoSource | undefined> => {
    const image = await resolveImage(contentDir, file, fields.src, context.imageCacheDir);
    if (!image.ok) {
      problems.push({ file, line: yaml.lineOf([...at, "src"]), field: `${prefix} src`, message: image.message });
      return undefined;
    }
    const complete = await completePhoto(image.file, fields, "in the block");
    if (complete.ok) return complete.photo;
    for (const missing of complete.missing) problems.push({ file, line: yaml.lineOf([...at, missing.field]), field: `${prefix} ${missing.field}`, message: missing.message });
    return undefined;
  };

  for (const yaml of blocks(FIGURE_INFO)) {
    const figure = figureSchema.safeParse(yaml.data);
    if (!figure.success) {
      schemaProblems(figure.error, yaml, Object.keys(figureSchema.shape), "figure");
      continue;
    }
    const done = await blockPhoto(figure.data, yaml, [], "figure");
    if (done) figures.push(done);
  }

  for (const yaml of blocks(GALLERY_INFO)) {
    const gallery = gallerySchema.safeParse(yaml.data);
    if (!gallery.success) {
      schemaProblems(gallery.error, yaml, [...Object.keys(gallerySchema.shape), ...Object.keys(figureSchema.shape)], "gallery");
      continue;
    }
    const photos = await Promise.all(gallery.data.photos.map((fields, index) => blockPhoto(fields, yaml, ["photos", index], `gallery photo ${index + 1}`)));
    const complete = photos.filter((done): done is PhotoSource => done !== undefined);
    if (complete.length === photos.length) galleries.push({ title: gallery.data.title, photos: complete });
  }

  for (const yaml of blocks(EMBED_INFO)) {
    const embed = embedSchema.safeParse(yaml.data);
    if (!embed.success) {
      schemaProblems(embed.error, yaml, ["type", "url", "title", "poster", "author", "text", "date", "src"], "embed");
      continue;
    }
    const data = embed.data;
    if (data.type === "youtube" || data.type === "vimeo") {
      const video: EmbedSource = { type: data.type, id: videoId(data.type, data.url) ?? "", url: data.url, title: data.title };
      if (data.poster) {
        const poster = await resolveImage(contentDir, file, data.poster, context.imageCacheDir);
        if (!poster.ok) problems.push({ file, line: yaml.lineOf(["poster"]), field: "embed poster", message: poster.message });
        else video.posterFile = poster.file;
      }
      embeds.push(video);
    } else if (data.type === "audio") {
      const audio = resolveFile(contentDir, file, data.src);
      if (!audio.ok) problems.push({ file, line: yaml.lineOf(["src"]), field: "embed src", message: audio.message });
      else embeds.push({ type: "audio", file: audio.file, title: data.title });
    } else if ("author" in data) {
      embeds.push({ type: data.type, url: data.url, author: data.author, text: data.text, date: parseMoment(data.date, context.timeZone) });
    }
  }
  return { figures, galleries, embeds, problems };
}

/** Where the editor can write each field a photo needs, and where the build can read it instead. */
const PHOTO_FIELD_HELP = {
  alt: (where: string) => `is required (a description of the image for screen readers: write alt: ${where}, or embed alt text in the photo file's IPTC "Alt Text (Accessibility)" field)`,
  caption: (where: string) => `is required (the caption printed under the image: write caption: ${where}, or embed a caption in the photo file's IPTC/XMP "Description" field)`,
} as const;

/**
 * Fills a photo's missing alt, caption or credit from the fields embedded in its file. Only these
 * text fields are read; location and camera data are never used, and no output image keeps them.
 */
export async function completePhoto(
  file: string,
  written: { alt?: string | undefined; caption?: string | undefined; credit?: string | undefined },
  where: string,
): Promise<{ ok: true; photo: PhotoSource } | { ok: false; missing: { field: "alt" | "caption" | "credit"; message: string }[] }> {
  const needsFile = written.alt === undefined || written.caption === undefined || written.credit === undefined;
  const embedded = needsFile ? await readEmbeddedText(file) : {};
  const fromFile: PhotoSource["fromFile"] = [];
  const pick = (field: "alt" | "caption" | "credit") => {
    if (written[field] !== undefined) return written[field];
    if (embedded[field] !== undefined) fromFile.push(field);
    return embedded[field];
  };
  const alt = pick("alt");
  const caption = pick("caption");
  const credit = pick("credit");
  // Text read from the file is published like text an editor wrote, so it is held to the same rule.
  const invisible = fromFile.flatMap((field) => {
    const found = findInvisible((field === "alt" ? alt : field === "caption" ? caption : credit) ?? "");
    return found ? [{ field, message: `comes from the photo file and ${found.message.replace(/\)$/, `; or write ${field}: ${where} to replace it)`)}` }] : [];
  });
  if (alt === undefined || caption === undefined || invisible.length > 0) {
    const missing = (["alt", "caption"] as const).filter((field) => (field === "alt" ? alt : caption) === undefined);
    return { ok: false, missing: [...missing.map((field) => ({ field, message: PHOTO_FIELD_HELP[field](where) })), ...invisible] };
  }
  const photo: PhotoSource = { file, alt, caption, fromFile };
  if (credit !== undefined) photo.credit = credit;
  return { ok: true, photo };
}

