// An encode that fails after validation passed (a cache from elsewhere that vouched for a photo, a
// full disk, a libvips defect) must still name the photo, so that the content file using it can be
// named too (src/content/image-failures.ts), never only a stack from inside libvips.
import { decodeReason } from "./verify.ts";

export class ImageEncodeError extends Error {
  override name = "ImageEncodeError";
  /** libvips' (or the file system's) reason on one line. */
  readonly reason: string;
  /** The source image. */
  readonly file: string;
  constructor(file: string, cause: unknown) {
    const reason = decodeReason(cause, file);
    super(`[images] could not encode ${file}: ${reason}`, { cause });
    this.file = file;
    this.reason = reason;
  }
}

/** For `.catch()`: any failure making images from `file` becomes an ImageEncodeError naming it. */
export function encodeFailure(file: string): (error: unknown) => never {
  return (error) => {
    throw error instanceof ImageEncodeError ? error : new ImageEncodeError(file, error);
  };
}
