// A photo whose header reads fine can still end early or hold corrupt data, and libvips only finds
// out when the build encodes it, in a stack naming no article. Validation decodes every photo once,
// at full size and exactly as strictly as the encoders (sharp's default `failOn: "warning"`), and the
// result is kept in the image manifest by content hash (src/images/index.ts).
import { imageLibraries } from "./libraries.ts";

/** The most pixels sharp decodes (its default `limitInputPixels`, which the encoders use too). */
export const MAX_INPUT_PIXELS = 0x3fff * 0x3fff;

/** libvips' reason on one line, without the file's path and the loader's name ("VipsJpeg: "). */
export function decodeReason(error: unknown, file: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const first = message.split("\n").find((line) => line.trim() !== "") ?? "unknown error";
  const reason = first.startsWith(`${file}: `) ? first.slice(file.length + 2) : first;
  return reason.replace(/^vips\w*: /i, "").trim().slice(0, 160);
}

/**
 * Why a photo cannot be encoded although its header was read, or undefined when every pixel
 * decodes: too many pixels for the encoder, or data that ends early or does not decode.
 */
export async function findDecodeProblem(file: string, size: { width: number; height: number; format: string }): Promise<string | undefined> {
  if (size.width * size.height > MAX_INPUT_PIXELS) {
    const megapixels = Math.round((size.width * size.height) / 1e6);
    return `is ${size.width}×${size.height} pixels (${megapixels} megapixels), more than the ${Math.floor(MAX_INPUT_PIXELS / 1e6)} megapixels the image encoder reads (export it smaller; 3,000 pixels wide is plenty)`;
  }
  try {
    // The bottom-right pixel: JPEG, PNG, WebP and AVIF decode every row before it at full size, with
    // flat memory. A shrunken decode is cheaper but misses corruption a full-size encode trips on
    // (measured: 8 of 60 damaged 4000 px JPEGs). TIFF can seek to the last strip, so it is read whole.
    const { sharp } = await imageLibraries();
    const image = sharp(file);
    await (size.format === "tiff" ? image.stats() : image.extract({ left: size.width - 1, top: size.height - 1, width: 1, height: 1 }).raw().toBuffer());
    return undefined;
  } catch (error) {
    return `is damaged or truncated (${decodeReason(error, file)}; export or download the photo again)`;
  }
}
