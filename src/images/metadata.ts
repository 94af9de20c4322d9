// Captions, credits and alt text that photographers and agencies embed in the file (IPTC Core in
// XMP, EXIF), read with exifr so an editor need not retype them. Only these text fields are read:
// location and camera data never leave this module, and the encoders publish no metadata at all.
import exifr from "exifr";

/** Text fields a photo may carry for the page. */
export interface EmbeddedPhotoText {
  caption?: string;
  credit?: string;
  alt?: string;
}

type Tags = Record<string, unknown>;

/** The caption, credit and alt text embedded in an image file; fields it lacks are left out. */
export async function readEmbeddedText(file: string | Buffer): Promise<EmbeddedPhotoText> {
  let tags: Tags | undefined;
  try {
    tags = (await exifr.parse(file, { tiff: true, exif: false, gps: false, iptc: true, xmp: true, icc: false, jfif: false, ihdr: false, mergeOutput: true })) as Tags | undefined;
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
  if (value && typeof value === "object" && "value" in value) return textOf((value as { value: unknown }).value);
  return undefined;
}

function decodeXmlEntities(text: string): string {
  return text.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos));/gi, (_match, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[name?.toLowerCase() as "amp"];
  });
}
