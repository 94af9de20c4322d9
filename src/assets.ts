// Static files from `public/` are copied as they are; the URLs of the stylesheet and scripts carry a
// hash of their content so hosts can cache them forever and readers still get a changed one at once.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type UserConfig from "@11ty/eleventy/UserConfig";

const PUBLIC_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "public");

// Every page asks for the stylesheet's URL: hash each file once per build, not once per page. The
// cache is emptied when a build starts, so the live preview picks up an edited file.
const hashes = new Map<string, string>();

/** Site path of a file in `public/` with its content hash: "/js/signup.js?v=3f2a9c01d4". */
export function versionedPath(sitePath: string): string {
  let hash = hashes.get(sitePath);
  if (hash === undefined) {
    hash = createHash("sha256").update(readFileSync(path.join(PUBLIC_DIR, sitePath))).digest("hex").slice(0, 10);
    hashes.set(sitePath, hash);
  }
  return `${sitePath}?v=${hash}`;
}

/** Site path of the stylesheet with its content hash. */
export function stylesheetPath(): string {
  return versionedPath("/css/site.css");
}

export default function assetsPlugin(eleventyConfig: UserConfig): void {
  eleventyConfig.addPassthroughCopy({ [path.relative(process.cwd(), PUBLIC_DIR) || "public"]: "/" });
  eleventyConfig.addWatchTarget(PUBLIC_DIR);
  eleventyConfig.on("eleventy.before", () => hashes.clear());
}
