// `npm run bench -- --dev`: how long the live preview (`npm start`) takes to show an edited article.
// Starts the preview over a synthetic newsroom, waits until it says it is watching, then edits one
// article's body several times and polls the served page until the new text appears.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { writeCorpus } from "./corpus.ts";
import { scriptArguments } from "../package-scripts.ts";

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
  /** Start → the preview serves the first build and watches. */
  firstBuildSeconds: number;
  /** Edit written → new text served, per edit. */
  latenciesMs: number[];
  /** Edit written → the preview says its rebuild is done (when the dev server tells the browser to reload), per edit. */
  rebuildsMs: number[];
}

const log = (message: string) => process.stderr.write(`[bench:dev] ${message}\n`);

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

/** Polls `condition` every 10 ms (a measurement of what a reloading browser sees) until true or `timeoutMs`. */
async function poll(condition: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`dev loop: gave up waiting for ${what} after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Resolves when the preview's output since `from` matches `pattern`. */
function printed(child: ChildProcess, output: () => string, pattern: RegExp, from: number, timeoutMs: number, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (pattern.test(output().slice(from))) finish(resolve);
      else if (child.exitCode !== null) finish(() => reject(new Error(`dev loop: the preview stopped (${child.exitCode}) before ${what}:\n${output().slice(-3000)}`)));
    };
    const timer = setTimeout(() => finish(() => reject(new Error(`dev loop: gave up waiting for ${what}:\n${output().slice(-3000)}`))), timeoutMs);
    const finish = (done: () => void) => {
      clearTimeout(timer);
      child.stdout?.off("data", check);
      child.stderr?.off("data", check);
      done();
    };
    child.stdout?.on("data", check);
    child.stderr?.on("data", check);
    check();
  });
}

export async function measureDevLoop(options: DevLoopOptions): Promise<DevLoopResult> {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), "dateline-dev-"));
  let server: ChildProcess | undefined;
  let output = "";
  try {
    log(`n=${options.n}: writing the synthetic newsroom into ${tmp}/content`);
    const corpus = await writeCorpus({ dir: path.join(tmp, "content"), articles: options.n });
    const port = await freePort();
    const started = Date.now();
    // Exactly `npm start`, with the synthetic content folder and a free port.
    server = spawn(process.execPath, [...scriptArguments("start"), `--input=${corpus.dir}`, `--output=${path.join(tmp, "preview")}`, `--port=${port}`], {
      cwd: ROOT,
      env: { ...process.env, DATELINE_CACHE_DIR: path.join(tmp, "cache") },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const child = server;
    const collect = (chunk: Buffer) => (output += chunk.toString());
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);
    // Printed once the first build is served and the watcher is known to see saves.
    await printed(child, () => output, /\[dateline\] preview at /, 0, options.timeoutSeconds * 1000, "the first build");
    const firstBuildSeconds = (Date.now() - started) / 1000;
    log(`first build served and watched after ${firstBuildSeconds.toFixed(1)} s`);

    // The article edited: one from the middle of the archive.
    const index = Math.floor(options.n / 2);
    const file = path.join(corpus.dir, corpus.articleFiles[index] ?? "");
    const url = `http://127.0.0.1:${port}${corpus.articlePaths[index] ?? "/"}`;
    const original = await fs.readFile(file, "utf8");
    const latenciesMs: number[] = [];
    const rebuildsMs: number[] = [];
    for (let edit = 1; edit <= options.edits; edit++) {
      const token = `Benchedit${edit}x${Date.now().toString(36)}`;
      // A new sentence at the end of the first paragraph of the body.
      const closing = original.indexOf("\n---\n", 4) + 5;
      const paragraphEnd = original.indexOf("\n\n", closing);
      const edited = `${original.slice(0, paragraphEnd)} ${token} was added.${original.slice(paragraphEnd)}`;
      const from = output.length;
      const written = Date.now();
      await fs.writeFile(file, edited);
      const rebuilt = printed(child, () => output, /\[dateline\] preview: rendered/, from, options.timeoutSeconds * 1000, `rebuild ${edit}`).then(() => rebuildsMs.push(Date.now() - written));
      await poll(async () => (await fetchText(url))?.includes(token) ?? false, options.timeoutSeconds * 1000, `edit ${edit} to be served`);
      latenciesMs.push(Date.now() - written);
      await rebuilt;
      log(`edit ${edit}: served after ${latenciesMs.at(-1)} ms, rebuild done after ${rebuildsMs.at(-1)} ms`);
    }
    return { n: options.n, firstBuildSeconds, latenciesMs, rebuildsMs };
  } finally {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server?.once("exit", resolve));
      server.kill("SIGINT");
      await exited;
    }
    if (options.keep) {
      await fs.writeFile(path.join(tmp, "server.log"), output);
      log(`kept ${tmp} (the server's output is in server.log)`);
    } else await fs.rm(tmp, { recursive: true, force: true });
  }
}
