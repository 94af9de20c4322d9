// How long an editor waits for each command (issue 16): `npm run new`, `npm run check:content` and
// the first page of `npm start` on the sample newsroom, and `check:content` of a synthetic archive
// (10,000 articles by default), medians of a few runs, each a fresh process as an editor starts it.
// Each command is timed as npm starts it (src/cli/launch.mjs: compiled into one module, kept per
// version of the code) and, beside it, through tsx and with Node's type stripping, how it started
// before; it also says where start-up goes through tsx (Node itself, registering tsx, loading each
// command's modules).
//
//   node --import tsx/esm scripts/bench/editor-commands.ts [--runs 3] [--n 10000] [--keep]
//
// `measureEditorCommands()` is what `npm run bench` calls; run on its own it prints a table and, last,
// one JSON object. Targets: each sample command ≤ 2 s, the archive's check ≤ 10 s, on a quiet machine
// (the load average is printed with the figures: a busy machine's times are longer).
import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { writeCorpus } from "./corpus.ts";
import { THREADS_VARIABLE } from "../../src/content/article-pool.ts";
import { isMain } from "../../src/cli/command-line.ts";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const SAMPLE = path.join(ROOT, "content");
const TSX = ["--import", "tsx/esm"];
/** What npm starts each command but the build with: the command compiled (else tsx). */
const LAUNCH = path.join(ROOT, "src", "cli", "launch.mjs");

export interface EditorCommandOptions {
  /** Runs of each measurement; the median is reported. */
  runs?: number;
  /** Articles in the synthetic archive checked by `check:content`. */
  n?: number;
  /** Keep the scratch folder (its path is printed). */
  keep?: boolean;
  log?: (line: string) => void;
}

/** Seconds, medians of the runs. */
export interface EditorCommandFigures {
  loadAverage: number;
  cores: number;
  startup: { node: number; tsx: number; imports: Record<string, number> };
  /** Whether this Node strips types itself (22.18+): then `stripped` is measured. */
  typeStripping: boolean;
  /** The sample newsroom: the command as `npm run` starts it, its Node process alone (the launcher), and through tsx. */
  new: { npm: number; node: number; tsx: number };
  checkContent: { npm: number; node: number; tsx: number };
  /** Spawn → the front page served, with the image cache warm (as on an editor's second start). */
  startFirstPage: number;
  /** The same, the preview started through tsx (how `npm start` started before). */
  startFirstPageTsx: number;
  /** The same, with an empty image cache (an editor's very first start encodes the sample's photos). */
  startFirstPageCold: number;
  archive: { n: number; checkSeconds: number; oneThreadSeconds: number; threads: number };
  /** The same commands run from source with Node's type stripping (how the launcher ran them before), where Node has it. */
  stripped?: { new: number; checkContent: number } | undefined;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return Number((sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2).toFixed(3));
};

/** Wall seconds of a process from spawn to exit; throws with its output when it fails unexpectedly. */
function timeProcess(command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}, okCodes = [0]): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("error", reject);
    child.once("exit", (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (okCodes.includes(code ?? -1)) resolve(seconds);
      else reject(new Error(`${command} ${args.join(" ")} exited ${code}:\n${output.slice(-2000)}`));
    });
  });
}

/**
 * Each way of starting a command timed in turn, run by run (A B C A B C …), the median of each: ways
 * compared in one run see the same machine, which a busy one's drift would otherwise decide.
 */
async function inTurn<K extends string>(runs: number, ways: Record<K, ((run: number) => Promise<number>) | undefined>): Promise<Record<K, number>> {
  const times = new Map<K, number[]>();
  for (let run = 0; run < runs; run++) {
    for (const [name, once] of Object.entries(ways) as [K, ((run: number) => Promise<number>) | undefined][]) {
      if (once) times.set(name, [...(times.get(name) ?? []), await once(run)]);
    }
  }
  return Object.fromEntries([...times].map(([name, values]) => [name, median(values)])) as Record<K, number>;
}

async function repeat(runs: number, once: (run: number) => Promise<number>): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) times.push(await once(run));
  return median(times);
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Spawn `npm start`'s process → the front page answers 200 (then it is stopped). */
async function firstPage(output: string, cacheDir: string, through: "launcher" | "tsx" = "launcher"): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [...(through === "tsx" ? TSX : [LAUNCH]), "src/cli/preview.ts", `--input=${SAMPLE}`, `--output=${output}`, `--port=${port}`], { cwd: ROOT, env: { ...process.env, DATELINE_CACHE_DIR: cacheDir }, stdio: "ignore" });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}) before serving`);
      const response = await fetch(`http://127.0.0.1:${port}/`).catch(() => undefined);
      if (response?.ok) {
        await response.text();
        return (performance.now() - started) / 1000;
      }
      // Polling the port is the measurement itself: 10 ms is its resolution.
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGINT");
    await exited;
  }
}

/** The time to import a command's module graph alone (no work done), in a fresh process. */
async function importSeconds(module: string): Promise<number> {
  const script = `const t = performance.now(); await import(${JSON.stringify(path.join(ROOT, module))}); console.log((performance.now() - t) / 1000);`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...TSX, "--input-type=module", "-e", script], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => (code === 0 ? resolve(Number(output.trim().split("\n").at(-1))) : reject(new Error(`importing ${module} failed`))));
  });
}

export async function measureEditorCommands(options: EditorCommandOptions = {}): Promise<EditorCommandFigures> {
  const runs = options.runs ?? 3;
  const n = options.n ?? 10_000;
  const log = options.log ?? ((line: string) => process.stderr.write(`[bench:editor] ${line}\n`));
  const scratch = await fs.mkdtemp(path.join(os.tmpdir(), "dateline-editor-bench-"));
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  try {
    const cacheDir = path.join(scratch, "cache");
    const env = { DATELINE_CACHE_DIR: cacheDir };
    log(`load average ${os.loadavg()[0]?.toFixed(2)} on ${os.availableParallelism()} cores; ${runs} runs each`);

    const startup = {
      node: await repeat(runs, () => timeProcess(process.execPath, ["-e", "0"])),
      tsx: await repeat(runs, () => timeProcess(process.execPath, [...TSX, "-e", "0"])),
      imports: {} as Record<string, number>,
    };
    for (const module of ["src/cli/new-article.ts", "src/cli/check-content.ts", "src/cli/preview.ts"]) startup.imports[module] = await repeat(runs, () => importSeconds(module));
    log(`start-up: node ${startup.node} s, + tsx ${startup.tsx} s; imports ${JSON.stringify(startup.imports)}`);

    // `npm run new` writes into a copy of the sample; each run a new headline (a second would clash).
    const sample = path.join(scratch, "sample");
    await fs.cp(SAMPLE, sample, { recursive: true });
    const newArgs = (run: number) => [`Harbour board meets on dredging plan ${run}`, "--section", "news", "--byline", "mara-quinn", "--content", sample];
    // From source with Node's own type stripping, as the launcher ran `new` and `check:content` before (Node 22.18+).
    const typeStripping = Boolean((process.features as { typescript?: unknown }).typescript);
    const { stripped: strippedNew, ...newCommand } = await inTurn(runs, {
      npm: (run) => timeProcess(npm, ["run", "--silent", "new", "--", ...newArgs(run)], env),
      node: (run) => timeProcess(process.execPath, [LAUNCH, "src/cli/new-article.ts", ...newArgs(runs + run)], env),
      tsx: (run) => timeProcess(process.execPath, [...TSX, "src/cli/new-article.ts", ...newArgs(3 * runs + run)], env),
      stripped: typeStripping ? (run) => timeProcess(process.execPath, ["src/cli/new-article.ts", ...newArgs(2 * runs + run)], env) : undefined,
    });
    log(`npm run new: ${newCommand.npm} s (the launcher alone ${newCommand.node} s, through tsx ${newCommand.tsx} s)`);
    // A first check fills the image cache (decoding the sample's photos once); the figures are warm.
    await timeProcess(process.execPath, [...TSX, "src/cli/check-content.ts", "--content", SAMPLE], env);
    const { stripped: strippedCheck, ...checkContent } = await inTurn(runs, {
      npm: () => timeProcess(npm, ["run", "--silent", "check:content", "--", "--content", SAMPLE], env),
      node: () => timeProcess(process.execPath, [LAUNCH, "src/cli/check-content.ts", "--content", SAMPLE], env),
      tsx: () => timeProcess(process.execPath, [...TSX, "src/cli/check-content.ts", "--content", SAMPLE], env),
      stripped: typeStripping ? () => timeProcess(process.execPath, ["src/cli/check-content.ts", "--content", SAMPLE], env) : undefined,
    });
    log(`npm run check:content: ${checkContent.npm} s (the launcher alone ${checkContent.node} s, through tsx ${checkContent.tsx} s)`);

    const startFirstPageCold = Number((await firstPage(path.join(scratch, "preview-cold"), path.join(scratch, "cold-cache"))).toFixed(3));
    await firstPage(path.join(scratch, "preview"), cacheDir);
    const { launcher: startFirstPage, tsx: startFirstPageTsx } = await inTurn(runs, {
      launcher: (run) => firstPage(path.join(scratch, `preview-${run}`), cacheDir),
      tsx: (run) => firstPage(path.join(scratch, `preview-tsx-${run}`), cacheDir, "tsx"),
    });
    log(`npm start, first page: ${startFirstPage} s (${startFirstPageCold} s with an empty image cache; through tsx ${startFirstPageTsx} s)`);

    log(`writing ${n.toLocaleString("en")} articles…`);
    const corpus = path.join(scratch, "archive", "content");
    await writeCorpus({ dir: corpus, articles: n });
    const check = [LAUNCH, "src/cli/check-content.ts", "--content", corpus];
    const archive = {
      n,
      threads: os.availableParallelism(),
      checkSeconds: await repeat(runs, () => timeProcess(process.execPath, check, env)),
      oneThreadSeconds: await repeat(runs, () => timeProcess(process.execPath, check, { ...env, [THREADS_VARIABLE]: "1" })),
    };
    log(`check:content of ${n.toLocaleString("en")} articles: ${archive.checkSeconds} s (one thread: ${archive.oneThreadSeconds} s)`);

    const stripped = strippedNew !== undefined && strippedCheck !== undefined ? { new: strippedNew, checkContent: strippedCheck } : undefined;
    if (stripped) log(`type stripping: new ${stripped.new} s, check:content ${stripped.checkContent} s`);
    return { loadAverage: Number((os.loadavg()[0] ?? 0).toFixed(2)), cores: os.availableParallelism(), typeStripping, startup, new: newCommand, checkContent, startFirstPage, startFirstPageTsx, startFirstPageCold, archive, stripped };
  } finally {
    if (options.keep) log(`kept ${scratch}`);
    else await fs.rm(scratch, { recursive: true, force: true });
  }
}

/** The figures as table rows: what, seconds, target. */
export function editorCommandRows(figures: EditorCommandFigures): string[] {
  const row = (what: string, seconds: number, target?: number) => `| ${what} | ${seconds.toFixed(2)} | ${target === undefined ? "" : `≤ ${target} s: ${seconds <= target ? "met" : "missed"}`} |`;
  return [
    `| command (load average ${figures.loadAverage}, ${figures.cores} cores) | median s | target |`,
    "|---|---|---|",
    row("`npm run new` (sample)", figures.new.npm, 2),
    row("`npm run check:content` (sample)", figures.checkContent.npm, 2),
    row("`new`, the launcher's process alone (sample)", figures.new.node),
    row("`check:content`, the launcher's process alone (sample)", figures.checkContent.node),
    row("`new` through tsx (sample)", figures.new.tsx),
    row("`check:content` through tsx (sample)", figures.checkContent.tsx),
    row("`npm start`, first page served (sample, warm image cache)", figures.startFirstPage, 2),
    row("`npm start` through tsx, first page served (sample, warm image cache)", figures.startFirstPageTsx),
    row("`npm start`, first page served (sample, empty image cache)", figures.startFirstPageCold),
    row(`\`check:content\`, ${figures.archive.n.toLocaleString("en")} articles (${figures.archive.threads} threads)`, figures.archive.checkSeconds, 10),
    row(`\`check:content\`, ${figures.archive.n.toLocaleString("en")} articles, one thread`, figures.archive.oneThreadSeconds),
    row("start-up: `node -e 0`", figures.startup.node),
    row("start-up: `node --import tsx/esm -e 0`", figures.startup.tsx),
    ...Object.entries(figures.startup.imports).map(([module, seconds]) => row(`start-up: importing ${module}`, seconds)),
    ...(figures.stripped ? [row("`new` from source, Node's type stripping (sample)", figures.stripped.new), row("`check:content` from source, Node's type stripping (sample)", figures.stripped.checkContent)] : []),
  ];
}

if (isMain(import.meta.filename)) {
  const args = process.argv.slice(2);
  const value = (flag: string) => {
    const index = args.indexOf(flag);
    return index === -1 ? undefined : args[index + 1];
  };
  const figures = await measureEditorCommands({ runs: Number(value("--runs") ?? 3), n: Number(value("--n") ?? 10_000), keep: args.includes("--keep") });
  console.log(editorCommandRows(figures).join("\n"));
  console.log(JSON.stringify(figures));
}
