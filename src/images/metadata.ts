// Captions, credits and alt text that photographers and agencies embed in the file (IPTC Core in
// XMP, EXIF), read with exifr so an editor need not retype them. Only these text fields are read:
// location and camera data leave this module only through readPhotoDetails, which the content loader
// calls only when the settings publish them; the encoders publish no metadata at all.
import fs from "node:fs/promises";
import exifr from "exifr";

/** Text fields a photo may carry for the page. */
export interface EmbeddedPhotoText {
  caption?: string;
  credit?: string;
  alt?: string;
}

type Tags = Record<string, unknown>;

type ExifrOptions = Exclude<Parameters<typeof exifr.parse>[1], undefined | boolean | unknown[]>;

/**
 * exifr.parse on the file's bytes. Given a path, exifr 7 reads through a FileHandle and on some paths
 * opens one again after closing it, leaving it to the garbage collector: Node 22 warns (DEP0137),
 * Node 26 ends the process (ERR_INVALID_STATE). Read here, the file is closed when readFile returns.
 */
async function parseTags(file: string | Buffer, options: ExifrOptions): Promise<Tags | undefined> {
  const bytes = typeof file === "string" ? await fs.readFile(file) : file;
  return (await exifr.parse(bytes, options)) as Tags | undefined;
}

/** The caption, credit and alt text embedded in an image file; fields it lacks are left out. */
export async function readEmbeddedText(file: string | Buffer): Promise<EmbeddedPhotoText> {
  let tags: Tags | undefined;
  try {
    tags = await parseTags(file, { tiff: true, exif: false, gps: false, iptc: true, xmp: true, icc: false, jfif: false, ihdr: false, mergeOutput: true });
  } catch {
    // A file exifr cannot read carries nothing we can use; inspectImage reports real decode problems.
    return {};
  }
  if (!tags) return {};
  const result: EmbeddedPhotoText = {};
  // XMP (IPTC Core) first, then IPTC-IIM, then EXIF: the order agencies' tools keep them current.
  const caption = firstText(tags, ["description", "Caption", "ImageDescription"]);
  const credit = firstText(tags, ["Credit", "creator", "Byline", "Artist", "rights", "CopyrightNotice", "Copyright"]);
  const alt = firstText(tags, ["AltTextAccessibility"]);
  if (caption) result.caption = caption;
  if (credit) result.credit = credit;
  if (alt) result.alt = alt;
  return result;
}

function firstText(tags: Tags, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = textOf(tags[name]);
    if (value) return value;
  }
  return undefined;
}

/** exifr gives XMP language alternatives as { lang, value } and lists as arrays; XMP text keeps its XML entities. */
function textOf(value: unknown): string | undefined {
  if (typeof value === "string") return decodeXmlEntities(value).replace(/\s+/g, " ").trim() || undefined;
  if (Array.isArray(value)) return textOf(value[0]);
  if (value && typeof value === "object" && "value" in value) return textOf((value).value);
  return undefined;
}

function decodeXmlEntities(text: string): string {
  return text.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos));/gi, (match, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    // A reference past U+10FFFF is not a character (String.fromCodePoint would throw): it stays as written.
    const code = dec ? Number(dec) : hex ? parseInt(hex, 16) : undefined;
    if (code !== undefined) return code <= 0x10ffff ? String.fromCodePoint(code) : match;
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[name?.toLowerCase() as "amp"];
  });
}

/** Where and with what a photo was taken: published only when `photos` in the settings allows each. */
export interface PhotoDetails {
  /** GPS position in decimal degrees (WGS 84). */
  location?: { latitude: number; longitude: number };
  /** "Make Model", e.g. "Fujifilm X-T5". */
  camera?: string;
}

/** Reads only what `allow` names, in one pass: a file's GPS position and its camera's make and model; undefined when it has neither. */
export async function readPhotoDetails(file: string | Buffer, allow: { publishLocation: boolean; publishCamera: boolean }): Promise<PhotoDetails | undefined> {
  if (!allow.publishLocation && !allow.publishCamera) return undefined;
  // Make and Model sit in IFD0 (tiff); exifr turns the GPS block into decimal latitude and longitude.
  const tags = await parseTags(file, { tiff: true, exif: false, gps: allow.publishLocation, iptc: false, xmp: false, icc: false, jfif: false, ihdr: false, mergeOutput: true }).catch(() => undefined);
  if (!tags) return undefined;
  const details: PhotoDetails = {};
  if (allow.publishLocation) {
    const { latitude, longitude } = tags;
    if (typeof latitude === "number" && typeof longitude === "number" && Number.isFinite(latitude) && Number.isFinite(longitude)) {
      // Six decimals is about 10 cm: the file's own precision is no business of the page's.
      details.location = { latitude: Number(latitude.toFixed(6)), longitude: Number(longitude.toFixed(6)) };
    }
  }
  if (allow.publishCamera) {
    const make = textOf(tags["Make"]);
    const model = textOf(tags["Model"]);
    // Many makers repeat their name in the model ("Canon" + "Canon EOS R6"): print it once.
    const camera = make && model && !model.toLowerCase().startsWith(make.toLowerCase()) ? `${make} ${model}` : (model ?? make);
    if (camera) details.camera = camera;
  }
  return details.location || details.camera ? details : undefined;
}
