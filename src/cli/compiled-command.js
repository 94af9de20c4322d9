// A command's TypeScript compiled into one module with everything of ours it imports (packages stay
// imports), kept in node_modules/.cache/dateline/ and compiled again only when one of the files it was
// made from changed. `npm run build` runs it instead of having tsx resolve, transform and load some
// 150 modules one by one at every start: ~0.25 s of each build, a tenth of one edit's build at 10,000
// stories (docs/performance.md, "2026-12-07, evening"). The modules still see where they are:
// `import.meta.url`, `filename` and `dirname` are written in as each source file's own, so workers,
// fonts, layouts and the code's digest are found where they always were.
// Plain JavaScript: it runs before any TypeScript loader.
import { Buffer } from "node:buffer";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import process from "node:process";
import { pathToFileURL } from "node:url";
import { writeFileAtomically } from "../build/partial-files.js";

const REPO = path.resolve(import.meta.dirname, "../..");
/** Bump when what is kept changes form. */
const FORMAT = 1;
/** What the compilation reads besides the modules: how to compile them (JSX, module format) and the exact dependencies. */
const SETTINGS_FILES = ["tsconfig.json", "package.json", "package-lock.json"];
/** How each of our files is compiled, by extension; any other file of ours stops the compilation (its changes would go unnoticed). */
const LOADERS = /** @type {const} */ ({ ".ts": "ts", ".tsx": "tsx", ".js": "js", ".mjs": "js", ".json": "json" });

/**
 * @typedef {{ format: number; node: string; root: string; entry: string; module: string; inputs: [string, string][] }} Manifest
 *   what a compiled module was made from: the files (relative to `root`) with the digest of each
 */

/**
 * The address of `entry` (relative to `root`) compiled, made now unless the kept one was made from
 * these very files. Undefined when it cannot be made (esbuild missing, a cache folder that cannot be
 * written, a file that does not compile): the caller then loads the TypeScript as it is, which says
 * what is wrong with it.
 * @param {string} entry
 * @param {{ root?: string; cacheDir?: string }} [options]
 * @returns {Promise<string | undefined>}
 */
export async function compiledCommand(entry, { root = REPO, cacheDir = path.join(root, "node_modules", ".cache", "dateline") } = {}) {
  // Named by the checkout too: checkouts that share one node_modules (worktrees) keep theirs apart.
  const name = `${path.basename(entry).replace(/\.[^.]+$/, "")}-${digestOf(root).slice(0, 8)}`;
  const manifestFile = path.join(cacheDir, `${name}.json`);
  const kept = readManifest(manifestFile);
  if (kept && kept.format === FORMAT && kept.node === process.versions.node && kept.root === root && kept.entry === entry && kept.inputs.every(([file, digest]) => digestOfFile(path.join(root, file)) === digest)) {
    const module = path.join(cacheDir, kept.module);
    if (fs.existsSync(module)) return pathToFileURL(module).href;
  }
  try {
    return pathToFileURL(await compile(entry, name, root, cacheDir, manifestFile)).href;
  } catch {
    return undefined;
  }
}

/**
 * The compiled module at `address`, imported; undefined when it is gone (removed since it was found by
 * a command that compiled it again: compiled here next time, run from source now).
 * @param {string} address
 * @returns {Promise<unknown>}
 */
export async function importCompiled(address) {
  try {
    return await import(address);
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "ERR_MODULE_NOT_FOUND" && "url" in error && error.url === address) return undefined;
    throw error;
  }
}

/**
 * @param {string} file
 * @returns {Manifest | undefined}
 */
function readManifest(file) {
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
  // One of another form (damaged, or written by other code) is compiled over, never trusted.
  const pairs = Array.isArray(manifest?.inputs) && manifest.inputs.every((/** @type {unknown} */ input) => Array.isArray(input) && input.length === 2 && input.every((part) => typeof part === "string"));
  return pairs && typeof manifest.module === "string" && /^[\w-]+\.mjs$/.test(manifest.module) ? manifest : undefined;
}

/**
 * @param {string | Buffer} bytes
 * @returns {string}
 */
function digestOf(bytes) {
  return createHash("sha1").update(bytes).digest("base64url");
}

/**
 * @param {string} file
 * @returns {string}
 */
function digestOfFile(file) {
  try {
    return digestOf(fs.readFileSync(file));
  } catch {
    return "absent";
  }
}

/**
 * Compiles `entry` into `<name>-<digest of its inputs>.mjs` in `cacheDir`, with its source map, then
 * the manifest that names it; other modules compiled of `entry` are removed.
 * @param {string} entry
 * @param {string} name
 * @param {string} root
 * @param {string} cacheDir
 * @param {string} manifestFile
 * @returns {Promise<string>} the module's path
 */
async function compile(entry, name, root, cacheDir, manifestFile) {
  const esbuild = await import("esbuild");
  /** @type {Map<string, string>} */
  const inputs = new Map(SETTINGS_FILES.map((file) => [file, digestOfFile(path.join(root, file))]));
  // The module is named after what it is made of, so the name is known before the map that names it
  // is written; the inputs are only known once it is compiled: it is compiled in memory first.
  const result = await esbuild.build({
    entryPoints: [path.join(root, entry)],
    absWorkingDir: root,
    tsconfig: path.join(root, "tsconfig.json"),
    bundle: true,
    packages: "external",
    platform: "node",
    format: "esm",
    target: `node${process.versions.node}`,
    outfile: path.join(cacheDir, `${name}.mjs`),
    sourcemap: "external",
    write: false,
    logLevel: "silent",
    plugins: [ownFiles(root, inputs)],
  });
  // esbuild's service process would otherwise wait beside the whole build for another compilation.
  await esbuild.stop();
  const sorted = [...inputs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const moduleName = `${name}-${digestOf(JSON.stringify(sorted)).slice(0, 16)}.mjs`;
  const code = result.outputFiles.find((file) => file.path.endsWith(".mjs"));
  const map = result.outputFiles.find((file) => file.path.endsWith(".mjs.map"));
  if (!code || !map) throw new Error("esbuild wrote no module");
  fs.mkdirSync(cacheDir, { recursive: true });
  const module = path.join(cacheDir, moduleName);
  await writeFileAtomically(`${module}.map`, Buffer.from(map.contents));
  await writeFileAtomically(module, `${code.text.replace(/\n\/\/# sourceMappingURL=.*\n?$/, "\n")}//# sourceMappingURL=${moduleName}.map\n`);
  /** @type {Manifest} */
  const manifest = { format: FORMAT, node: process.versions.node, root, entry, module: moduleName, inputs: sorted };
  await writeFileAtomically(manifestFile, JSON.stringify(manifest));
  // Older compilations of this command: a build that read the manifest before this one wrote it and
  // has not loaded its module yet finds it gone, and runs the TypeScript through tsx instead.
  for (const file of fs.readdirSync(cacheDir)) if (file.startsWith(`${name}-`) && !file.startsWith(moduleName) && !file.endsWith(".partial")) fs.rmSync(path.join(cacheDir, file), { force: true });
  return module;
}

/**
 * Our own files as esbuild reads them: each one's digest noted, and where it is written in.
 * @param {string} root
 * @param {Map<string, string>} inputs
 * @returns {import("esbuild").Plugin}
 */
function ownFiles(root, inputs) {
  return {
    name: "dateline-own-files",
    setup(build) {
      build.onLoad({ filter: /.*/ }, (args) => {
        if (args.namespace !== "file" || args.path.split(path.sep).includes("node_modules")) return undefined;
        const loader = LOADERS[/** @type {keyof typeof LOADERS} */ (path.extname(args.path))];
        if (!loader) throw new Error(`${args.path}: no loader for its kind of file`);
        const bytes = fs.readFileSync(args.path);
        inputs.set(path.relative(root, args.path).split(path.sep).join("/"), digestOf(bytes));
        const own = {
          url: JSON.stringify(pathToFileURL(args.path).href),
          filename: JSON.stringify(args.path),
          dirname: JSON.stringify(path.dirname(args.path)),
        };
        const contents = bytes.toString("utf8").replace(/\bimport\.meta\.(url|filename|dirname)\b/g, (_, key) => own[/** @type {keyof typeof own} */ (key)]);
        // Anything else of import.meta (`resolve`) would answer for the compiled module's place.
        if (/\bimport\.meta\b/.test(contents)) throw new Error(`${args.path}: uses import.meta beyond url, filename and dirname`);
        return { contents, loader };
      });
    },
  };
}
