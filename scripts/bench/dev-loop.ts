// `npm run bench -- --dev`: how long the live preview (`npm start`: --serve --incremental) takes to show
// an edited article. Starts the server over a synthetic newsroom, waits for the first build, then
// edits one article's body several times and polls the served page until the new text appears.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { writeCorpus } from "./corpus.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export interface DevLoopOptions {
  n: number;
  edits: number;
  /** Give up on one edit (or the first build) after this long. */
  timeoutSeconds: number;
  keep: boolean;
}

export interface DevLoopResult {
  n: number;
  firstBuildSeconds: number;
  /** Edit written → new text served, per edit. */
  latenciesMs: number[];
  /** Edit written → Eleventy reports the rebuild finished (when the dev server tells the browser to reload), per edit. */
  rebuildsMs: number[];
}

const log = (message: string) => process.stderr.write(`[bench:dev] ${message}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function fetchText(url: string): Promise<string | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
    return response.ok ? await response.text() : undefined;
  } catch {
    return undefined;
  }
}

async function waitFor(condition: () => Promise<boolean> | boolean, timeoutMs: number, what: string, intervalMs = 20): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`dev loop: gave up waiting for ${what} after ${timeoutMs / 1000} s`);
    await sleep(intervalMs);
  }
}

/** Counts Eleventy's "Watching…" lines (one after the first build and one after each rebuild) and "File changed" lines. */
function watchServer(child: ChildProcess): { output: () => string; builds: () => number; changes: () => number } {
  let output = "";
  const collect = (chunk: Buffer) => (output += chunk.toString());
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  return {
    output: () => output,
    builds: () => output.match(/\[11ty\] Watching/g)?.length ?? 0,
    changes: () => output.match(/\[11ty\] File changed/g)?.length ?? 0,
  };
}

/**
 * A copy of the project's code (config, src/, layouts/, public/) with node_modules linked: the
 * server watches src/ and layouts/, and edits to the working tree must not trigger rebuilds here.
 */
export async function snapshotProject(target: string): Promise<void> {
  await fs.mkdir(target, { recursive: true });
  for (const entry of [".eleventy.ts", "package.json", "tsconfig.json", "src", "layouts", "public"]) {
    await fs.cp(path.join(ROOT, entry), path.join(target, entry), { recursive: true });
  }
  await fs.symlink(path.join(ROOT, "node_modules"), path.join(target, "node_modules"), "dir");
}

export async function measureDevLoop(options: DevLoopOptions): Promise<DevLoopResult> {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), "dateline-dev-"));
  let server: ChildProcess | undefined;
  let getLog = () => "";
  try {
    const project = path.join(tmp, "project");
    await snapshotProject(project);
    log(`n=${options.n}: writing the synthetic newsroom into ${project}/content`);
    // Inside the project, given as a relative path like `npm start` does: Eleventy's watcher does
    // not notice edits under an absolute --input outside the working directory.
    const corpus = await writeCorpus({ dir: path.join(project, "content"), articles: options.n });
    const port = await freePort();
    const started = Date.now();
    // Exactly `npm start`, with the synthetic content folder and a free port.
    server = spawn(
      process.execPath,
      ["--import", "tsx", path.join(project, "node_modules", "@11ty", "eleventy", "cmd.cjs"), "--config=.eleventy.ts", "--input=content", "--serve", "--incremental", `--port=${port}`],
      { cwd: project, env: { ...process.env, DATELINE_CACHE_DIR: path.join(tmp, "image-cache") }, stdio: ["ignore", "pipe", "pipe"], detached: true },
    );
    const child = server;
    const watched = watchServer(child);
    getLog = watched.output;
    const alive = () => {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`dev loop: the server stopped (${child.exitCode ?? child.signalCode}):\n${watched.output().slice(-3000)}`);
      return true;
    };

    // The article edited: one from the middle of the archive.
    const index = Math.floor(options.n / 2);
    const file = path.join(corpus.dir, corpus.articleFiles[index] ?? "");
    const url = `http://127.0.0.1:${port}${corpus.articlePaths[index] ?? "/"}`;
    await waitFor(async () => alive() && watched.builds() >= 1 && (await fetchText(url)) !== undefined, options.timeoutSeconds * 1000, "the first build", 250);
    const firstBuildSeconds = (Date.now() - started) / 1000;
    log(`first build served after ${firstBuildSeconds.toFixed(1)} s`);

    // Eleventy prints "Watching…" before its watcher has registered every file (with 10,000 files
    // that takes a while), and an edit made before then goes unnoticed. Rewrite the settings file
    // unchanged until a rebuild happens; only then start measuring.
    const warmUp = path.join(corpus.dir, "settings.ts");
    const settings = await fs.readFile(warmUp, "utf8");
    const warmStarted = Date.now();
    const noticedAtStart = watched.changes();
    // Counted before the first touch: a small newsroom rebuilds within the 15 s wait.
    const buildsAtStart = watched.builds();
    await waitFor(
      async () => {
        alive();
        await fs.writeFile(warmUp, settings);
        await sleep(15_000);
        return watched.changes() > noticedAtStart;
      },
      options.timeoutSeconds * 1000,
      "the watcher to notice a change",
      0,
    );
    await waitFor(() => alive() && watched.builds() > buildsAtStart, options.timeoutSeconds * 1000, "the warm-up rebuild", 250);
    log(`watcher ready; warm-up rebuild done ${((Date.now() - warmStarted) / 1000).toFixed(1)} s after the first touch`);
    await sleep(1000);

    const original = await fs.readFile(file, "utf8");
    const latenciesMs: number[] = [];
    const rebuildsMs: number[] = [];
    for (let edit = 1; edit <= options.edits; edit++) {
      const token = `Benchedit${edit}x${Date.now().toString(36)}`;
      // A new sentence at the end of the first paragraph of the body.
      const closing = original.indexOf("\n---\n", 4) + 5;
      const paragraphEnd = original.indexOf("\n\n", closing);
      const edited = `${original.slice(0, paragraphEnd)} ${token} was added.${original.slice(paragraphEnd)}`;
      const buildsBefore = watched.builds();
      const written = Date.now();
      await fs.writeFile(file, edited);
      await waitFor(async () => alive() && ((await fetchText(url))?.includes(token) ?? false), options.timeoutSeconds * 1000, `edit ${edit} to be served`);
      latenciesMs.push(Date.now() - written);
      log(`edit ${edit}: served after ${latenciesMs.at(-1)} ms`);
      await waitFor(() => alive() && watched.builds() > buildsBefore, options.timeoutSeconds * 1000, `rebuild ${edit} to finish`);
      rebuildsMs.push(Date.now() - written);
      const wrote = watched.output().match(/\[11ty\] (?:Copied \d+ )?Wrote[^\n]*/g)?.at(-1) ?? "";
      log(`edit ${edit}: rebuild finished (the browser reloads now) after ${rebuildsMs.at(-1)} ms; ${wrote.replace("[11ty] ", "")}`);
      await sleep(1000); // let the watcher settle before the next edit
    }
    return { n: options.n, firstBuildSeconds, latenciesMs, rebuildsMs };
  } finally {
    const serverLog = getLog();
    if (server?.pid !== undefined && server.exitCode === null && server.signalCode === null) {
      process.kill(-server.pid, "SIGTERM");
      await sleep(500);
    }
    if (options.keep) {
      await fs.writeFile(path.join(tmp, "server.log"), serverLog);
      log(`kept ${tmp} (the server's output is in server.log)`);
    }
    else await fs.rm(tmp, { recursive: true, force: true });
  }
}
