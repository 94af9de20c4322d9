// An image that fails to encode during the build (validation decoded it, so this is rare: a cache
// from elsewhere vouched for it, the disk filled, libvips failed) is reported as a content problem
// of the file that uses it, at the line naming the image, instead of as a stack from libvips.
import { readFileSync } from "node:fs";
import path from "node:path";
import { ContentError } from "./errors.ts";
import { ImageEncodeError } from "../images/encode-error.ts";

/** For `.catch()` on image work done for `usedBy` (an article, an author, the logo itself). */
export function imageFailureFor(usedBy: string): (error: unknown) => never {
  return (error) => {
    if (!(error instanceof ImageEncodeError)) throw error;
    const written = path.relative(path.dirname(usedBy), error.file).split(path.sep).join("/");
    const { line, field } = usedBy === error.file ? { line: 1, field: "image" } : whereNamed(usedBy, written);
    const message = `"${written}" could not be encoded (${error.reason}; export the image again, and if it opens fine, delete the image cache folder and build again)`;
    throw new ContentError([{ file: usedBy, line, field, message }]);
  };
}

/** The first line of `file` that names the image, and its field (`photo:`, `src:`, `poster:`), else line 1. */
function whereNamed(file: string, written: string): { line: number; field: string } {
  let lines: string[];
  try {
    lines = readFileSync(file, "utf8").split(/\r?\n/);
  } catch {
    return { line: 1, field: "image" };
  }
  const index = lines.findIndex((line) => line.includes(written));
  if (index === -1) return { line: 1, field: "image" };
  return { line: index + 1, field: /^\s*(?:-\s*)?([A-Za-z]+)\s*:/.exec(lines[index] ?? "")?.[1] ?? "image" };
}
