// `npm start`: the live preview. Builds the newsroom with drafts and scheduled stories into `.preview/`
// (never the published `_site/`), serves it with Eleventy's dev server and rebuilds what an edit
// changes on every save (src/build/preview.ts).
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import dateline from "../../.eleventy.ts";
import { PreviewSession } from "../build/preview.ts";
import { emptyFolder } from "../build/store.ts";
import { checkOutputFolder, markOutputFolder, OutputFolderError } from "../build/output-folder.ts";
import { buildNow } from "../now.ts";
import { cacheDirFrom } from "./build-command.ts";
import { isMain, parseCommandLine, UsageError } from "./command-line.ts";
import fs from "node:fs/promises";

const USAGE = "usage: npm start -- [--input content] [--output .preview] [--port 8080]";
const REPO = path.resolve(import.meta.dirname, "../..");

export interface PreviewServer {
  port: number;
  close(): Promise<void>;
}

/** Starts the preview: builds once, serves on `port`, rebuilds on every save until closed. */
export async function startPreview(options: { input: string; output: string; port: number; cacheDir: string }): Promise<PreviewServer> {
  // The preview's folder is replaced page by page: the same folders are refused as for a build's output.
  await checkOutputFolder({ output: options.output, input: options.input });
  await markOutputFolder(options.output);
  const session = new PreviewSession({ input: options.input, output: options.output, cacheDir: options.cacheDir, now: buildNow });
  // Both kept in the cache folder, not the system's temporary one: the preview writes nothing outside
  // its output and caches, and stopping it with Ctrl-C (how it is stopped) leaves nothing behind.
  const own = path.join(options.cacheDir, "preview");
  // An empty input folder: Eleventy discovers nothing; what it writes comes from the session.
  const empty = path.join(own, "eleventy-input");
  await emptyFolder(empty);
  // A file of the preview's own, outside the content: saved once the watcher runs, to know it sees saves.
  const sentinel = path.join(own, "watching");
  await fs.writeFile(sentinel, "0");
  let seen = () => {};
  const noticed = new Promise<void>((resolve) => (seen = resolve));
  const eleventy = new Eleventy(empty, options.output, {
    quietMode: true,
    runMode: "serve",
    configPath: false as unknown as string,
    config: (eleventyConfig: Parameters<typeof dateline>[0]) => {
      dateline(eleventyConfig, session);
      // Content is data, not templates: Eleventy watches it (and our code) only to know when to rebuild.
      eleventyConfig.addWatchTarget(path.resolve(options.input));
      for (const folder of ["src", "layouts", "public"]) eleventyConfig.addWatchTarget(path.join(REPO, folder));
      eleventyConfig.addWatchTarget(sentinel);
      // The rebuild a save of the sentinel causes must be over before the preview says it is ready.
      let sentinelSaved = false;
      eleventyConfig.on("eleventy.beforeWatch", (queue: string[]) => {
        if (queue.some((file) => path.resolve(file) === sentinel)) sentinelSaved = true;
      });
      eleventyConfig.on("eleventy.afterwatch", () => {
        if (sentinelSaved) seen();
      });
      eleventyConfig.setServerOptions({ port: options.port, showVersion: false });
    },
  });
  await eleventy.init();
  await eleventy.watch();
  await eleventy.serve(options.port);
  // chokidar reports ready a moment before it notices saves (one made at once is missed): the preview
  // counts as started when a save of its own file came through, so an editor's first save is never lost.
  for (let attempt = 1; ; attempt++) {
    await fs.writeFile(sentinel, String(attempt));
    const timedOut = await Promise.race([noticed.then(() => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 500).unref())]);
    if (!timedOut || attempt === 40) break;
  }
  return {
    port: options.port,
    close: async () => {
      await eleventy.stopWatch();
      await session.settle();
    },
  };
}

/** The options `npm start` and `npm run cms` share: the content, the preview's own folder, its port. */
export const PREVIEW_OPTIONS = {
  input: { type: "string", default: "content" },
  output: { type: "string", default: ".preview" },
  port: { type: "string", default: "8080" },
} as const;

/** A port number from the command line, or a usage error naming the option. */
export function portOption(option: string, value: string, usage: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--${option} must be a port number, not "${value}"`, usage);
  return port;
}

/**
 * The preview started from a command: undefined (with the message printed) when the command line or
 * the output folder is refused, which the command then exits with status 2.
 */
export async function startPreviewCommand(values: { input: string; output: string; port: string }, usage: string): Promise<PreviewServer | undefined> {
  try {
    return await startPreview({ input: values.input, output: values.output, port: portOption("port", values.port, usage), cacheDir: cacheDirFrom(process.env) });
  } catch (error) {
    if (!(error instanceof OutputFolderError) && !(error instanceof UsageError)) throw error;
    console.error(error.message);
    return undefined;
  }
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseCommandLine(process.argv.slice(2), USAGE, PREVIEW_OPTIONS));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(error.message);
    process.exitCode = 2;
    return;
  }
  const server = await startPreviewCommand(values, USAGE);
  if (!server) {
    process.exitCode = 2;
    return;
  }
  // Printed once the first build is served and the watcher sees every file: edits count from here.
  console.log(`[dateline] preview at http://localhost:${server.port}/ (drafts and scheduled stories included; rebuilt on every save)`);
  process.on("SIGINT", () => void server.close().then(() => process.exit(0)));
}

if (isMain(import.meta.filename)) await main();
