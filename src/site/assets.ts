// Static files from `public/` are copied as they are; the URLs of the stylesheet and scripts carry a
// hash of their content so hosts can cache them forever and readers still get a changed one at once.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { copyCmsFiles } from "../cms/bundle.ts";

export const PUBLIC_DIR = path.resolve(import.meta.dirname, "../..", "public");

/**
 * Site path of a file in `public/` with its content hash: "/js/signup.js?v=3f2a9c01d4". Asked once a
 * build for each file the pages name (the shell carries them, src/render/newsroom.ts), so a live
 * preview names the file as it is at each rebuild.
 */
export function versionedPath(sitePath: string): string {
  return `${sitePath}?v=${createHash("sha256").update(readFileSync(path.join(PUBLIC_DIR, sitePath))).digest("hex").slice(0, 10)}`;
}

/** Site path of the stylesheet with its content hash. */
export function stylesheetPath(): string {
  return versionedPath("/css/site.css");
}

/** Site paths of the files in `public/` ("/css/site.css"): pages may link to them. */
export function publicPaths(): string[] {
  return readdirSync(PUBLIC_DIR, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `/${path.relative(PUBLIC_DIR, path.join(entry.parentPath, entry.name)).split(path.sep).join("/")}`);
}

/**
 * Copies `public/` into the output folder (copies, not links: the output must never alias the
 * repository), and the CMS's scripts next to /admin/ when the site has one.
 */
export async function copyPublicFiles(output: string): Promise<void> {
  await fs.cp(PUBLIC_DIR, output, { recursive: true, force: true });
  await copyCmsFiles(output);
}
