// Static files from `public/` are copied as they are; the stylesheet's URL carries a hash of its
// content so hosts can cache it forever and readers still get a changed one at once.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type UserConfig from "@11ty/eleventy/UserConfig";

const PUBLIC_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "public");

/** Site path of the stylesheet with its content hash, read fresh for each build (live preview). */
export function stylesheetPath(): string {
  const hash = createHash("sha256").update(readFileSync(path.join(PUBLIC_DIR, "css", "site.css"))).digest("hex").slice(0, 10);
  return `/css/site.css?v=${hash}`;
}

export default function assetsPlugin(eleventyConfig: UserConfig): void {
  eleventyConfig.addPassthroughCopy({ [path.relative(process.cwd(), PUBLIC_DIR) || "public"]: "/" });
  eleventyConfig.addWatchTarget(PUBLIC_DIR);
}
