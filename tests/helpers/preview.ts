// Runs `npm start` (src/cli/preview.ts) for a fixture site in a child process, and waits on what it
// prints: the tests never sleep, they wait for the line that says a build finished.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { REPO, type FixtureSite } from "./site.ts";

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface PreviewProcess {
  port: number;
  /** The preview's output folder. */
  output: string;
  /** Everything it printed so far. */
  log(): string;
  /** Resolves when the output printed since `from` matches `pattern`; rejects after `timeoutMs` with the log. */
  waitFor(pattern: RegExp, from: number, timeoutMs?: number): Promise<string>;
  fetch(sitePath: string): Promise<{ status: number; text: string }>;
  stop(): Promise<void>;
}

/** Another command that serves the preview (`npm run cms`): its script, extra arguments and the line it prints once ready. */
export interface PreviewCommand {
  script: string;
  args: string[];
  ready: RegExp;
}

/** Starts the preview of `site` into `<root>/preview` and waits until it serves and watches. */
export async function startPreview(site: FixtureSite, env: Record<string, string> = {}, command?: PreviewCommand): Promise<PreviewProcess> {
  const port = await freePort();
  const output = path.join(site.root, "preview");
  const script = command?.script ?? "src/cli/preview.ts";
  // Started as package.json's `start` and `cms` start it: through the launcher, compiled.
  const child: ChildProcess = spawn(process.execPath, ["src/cli/launch.mjs", script, `--input=${site.contentDir}`, `--output=${output}`, `--port=${port}`, ...(command?.args ?? [])], {
    cwd: REPO,
    env: { ...process.env, DATELINE_CACHE_DIR: site.cacheDir, ...env },
    stdio: "pipe",
  });
  let log = "";
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    log += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  child.on("exit", () => {
    for (const listener of listeners) listener();
  });
  const waitFor = (pattern: RegExp, from: number, timeoutMs = 60_000) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(log.slice(from));
        if (match) {
          done();
          resolve(log.slice(from));
        } else if (child.exitCode !== null) {
          done();
          reject(new Error(`the preview exited (${child.exitCode}) before printing ${pattern}:\n${log.slice(-4000)}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`the preview never printed ${pattern}:\n${log.slice(-4000)}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        listeners.delete(check);
      };
      listeners.add(check);
      check();
    });
  await waitFor(command?.ready ?? /\[dateline\] preview at http:\/\/localhost:\d+\//, 0, 120_000);
  return {
    port,
    output,
    log: () => log,
    waitFor,
    fetch: async (sitePath) => {
      const response = await fetch(`http://127.0.0.1:${port}${sitePath}`);
      return { status: response.status, text: await response.text() };
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGINT");
      await exited;
    },
  };
}

/**
 * Every page and feed of a folder with its modification time: what a rebuild rewrote is what changed.
 * The search index is left out: the preview swaps its shards in the background.
 */
export async function fileTimes(dir: string): Promise<Map<string, number>> {
  const times = new Map<string, number>();
  // pagefind/ is never entered: the preview swaps its shards in the background while an edit is
  // made, and a walk into a folder swapped away fails (ENOENT); a file gone between listing and
  // stat is skipped for the same reason.
  const walk = async (folder: string): Promise<void> => {
    const entries = await fs.readdir(folder, { withFileTypes: true }).catch(() => []);
    await Promise.all(
      entries.map(async (entry) => {
        const file = path.join(folder, entry.name);
        const relative = path.relative(dir, file).split(path.sep).join("/");
        if (relative === "pagefind") return;
        if (entry.isDirectory()) return walk(file);
        if (!entry.isFile()) return;
        const stat = await fs.stat(file).catch(() => undefined);
        if (stat) times.set(relative, stat.mtimeMs);
      }),
    );
  };
  await walk(dir);
  return times;
}

/** Site paths of the HTML pages and feeds rewritten between two snapshots ("/2026/03/05/x/", "/feed.xml"). */
export function rewritten(before: ReadonlyMap<string, number>, after: ReadonlyMap<string, number>): string[] {
  return [...after.entries()]
    .filter(([file, time]) => before.get(file) !== time && !file.startsWith("pagefind/") && !file.startsWith("img/") && !file.startsWith("css/") && !file.startsWith("js/"))
    .map(([file]) => `/${file.replace(/index\.html$/, "")}`)
    .sort();
}
