// The files /admin/ needs besides its page and config: Decap CMS's browser bundle, copied from the
// decap-cms npm package (never fetched from a CDN), and our admin script, bundled with esbuild from
// src/cms/browser/main.ts with the site's layouts. The bundle is made once per code version.
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { build } from "esbuild";
import { codeDigest } from "../build/code.ts";
import { writeFileAtomically } from "../build/partial-files.js";

const REPO = path.resolve(import.meta.dirname, "../..");
/** Folder of the CMS in the site. */
export const ADMIN_PATH = "/admin/";
/** Decap CMS's own script and the lazily loaded chunks and WebAssembly next to it. */
export const DECAP_SCRIPT = "decap-cms.js";
const DECAP_DIST = path.join(REPO, "node_modules/decap-cms/dist");
const DECAP_FILE = /^(?:\d+\.)?decap-cms\.js$|\.wasm$/;
/** Our script: formats, the date widget and the preview pane. */
export const ADMIN_SCRIPT = "dateline-cms.js";
const CACHE_DIR = path.join(REPO, "node_modules/.cache/dateline");

let bundled: Promise<string> | undefined;

/** The admin script's text, bundled once per code version (kept in node_modules/.cache between runs). */
export function adminScript(): Promise<string> {
  bundled ??= (async () => {
    const cached = path.join(CACHE_DIR, `cms-${await codeDigest()}.js`);
    const known = await fs.readFile(cached, "utf8").catch(() => undefined);
    if (known !== undefined) return keptAlone(cached, known);
    const result = await build({
      entryPoints: [path.join(REPO, "src/cms/browser/main.ts")],
      bundle: true,
      write: false,
      format: "iife",
      platform: "browser",
      target: "es2022",
      minify: true,
      legalComments: "none",
      jsx: "automatic",
      jsxImportSource: "preact",
      logLevel: "silent",
    });
    const text = result.outputFiles[0]?.text ?? "";
    await fs.mkdir(CACHE_DIR, { recursive: true });
    await writeFileAtomically(cached, text);
    return keptAlone(cached, text);
  })();
  return bundled;
}

/** `text`, once the scripts of other code versions beside `cached` are removed: none is read again, and each was ~0.9 MB. */
async function keptAlone(cached: string, text: string): Promise<string> {
  for (const file of await fs.readdir(CACHE_DIR)) if (/^cms-.*\.js$/.test(file) && path.join(CACHE_DIR, file) !== cached) await fs.rm(path.join(CACHE_DIR, file), { force: true });
  return text;
}

/**
 * Puts the CMS's scripts next to /admin/index.html when the output has one (the settings have a
 * `cms` block): copies, not links, as for public/ (an output never aliases the repository).
 */
export async function copyCmsFiles(output: string): Promise<void> {
  const admin = path.join(output, ADMIN_PATH);
  if (!existsSync(path.join(admin, "index.html"))) return;
  const files = (await fs.readdir(DECAP_DIST)).filter((name) => DECAP_FILE.test(name));
  const script = await adminScript();
  await Promise.all([...files.map((name) => copyIfChanged(path.join(DECAP_DIST, name), path.join(admin, name))), writeIfChanged(path.join(admin, ADMIN_SCRIPT), script)]);
}

// The live preview copies after every save, into the same folder: 6 MB it already has are left alone.
async function copyIfChanged(source: string, target: string): Promise<void> {
  const [from, to] = await Promise.all([fs.stat(source), fs.stat(target).catch(() => undefined)]);
  if (to && to.size === from.size && to.mtimeMs >= from.mtimeMs) return;
  await fs.copyFile(source, target);
}

async function writeIfChanged(target: string, text: string): Promise<void> {
  const known = await fs.readFile(target, "utf8").catch(() => undefined);
  if (known !== text) await fs.writeFile(target, text);
}
