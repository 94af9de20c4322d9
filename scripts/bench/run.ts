// `npm run bench`: builds a synthetic newsroom with the full Dateline site and with a minimal Eleventy
// baseline, several runs each, alternating, and prints a table and (last line) one JSON object.
// See docs/performance.md for what is measured and how to read it.
//
//   npm run bench                              N = 1,000 and 10,000, 2 runs each
//   npm run bench -- --n 100000 --runs 1       the large run
//   npm run bench -- --n 10000 --photos        also a warm build with a photo per article
//   npm run bench -- --dev                     the live preview: edit → new text served (N = 10,000)
//   npm run bench -- --n 10000 --part-size 2500   the full build in parts of 2,500 articles
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { writeCorpus, type Corpus } from "./corpus.ts";
import { ensurePhotos, type PhotoSet } from "./photos.ts";
import { measure, type Measurement } from "./measure.ts";
import { measureDevLoop } from "./dev-loop.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const ELEVENTY = path.join(ROOT, "node_modules", "@11ty", "eleventy", "cmd.cjs");
/** `npm run build`: the full build is exactly what a newsroom runs, in parts above the part size. */
const BUILD = path.join(ROOT, "src", "cli", "build.ts");
const BASELINE_CONFIG = path.join(ROOT, "scripts", "bench", "baseline.config.js");
/** Source photos drawn once and kept between runs (delete it to redraw). */
const PHOTO_CACHE = path.join(ROOT, ".cache", "bench", "photos");
/** The build's clock is fixed, so the News sitemap (the one clock-dependent output) is the same every run. */
const BUILD_NOW = "2026-07-01T12:00:00Z";

interface Options {
  sizes: number[];
  runs: number;
  photos: boolean;
  photoVariety: number;
  heapMB?: number;
  keep: boolean;
  timeoutSeconds: number;
  dev: boolean;
  edits: number;
  /** `npm run build --part-size`; default the build's own. */
  partSize?: number;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { sizes: [], runs: 2, photos: false, photoVariety: 20, keep: false, timeoutSeconds: 1800, dev: false, edits: 5 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    const [flag, inline] = arg.split("=", 2) as [string, string | undefined];
    const value = () => {
      const next = inline ?? argv[++i];
      if (next === undefined) throw new Error(`bench: ${flag} needs a value`);
      return next;
    };
    const count = (what: string) => {
      const text = value().replace(/[_,]/g, "");
      const number = Number(text);
      if (!Number.isInteger(number) || number < 1) throw new Error(`bench: ${what} must be a whole number above 0, not "${text}"`);
      return number;
    };
    if (flag === "--n") options.sizes.push(count("--n"));
    else if (flag === "--runs") options.runs = count("--runs");
    else if (flag === "--photos") options.photos = true;
    else if (flag === "--photo-variety") options.photoVariety = count("--photo-variety");
    else if (flag === "--heap") options.heapMB = count("--heap");
    else if (flag === "--timeout") options.timeoutSeconds = count("--timeout");
    else if (flag === "--keep") options.keep = true;
    else if (flag === "--dev") options.dev = true;
    else if (flag === "--edits") options.edits = count("--edits");
    else if (flag === "--part-size") options.partSize = count("--part-size");
    else if (flag === "--help" || flag === "-h") {
      console.log(`usage: npm run bench -- [--n N]… [--runs K] [--photos] [--photo-variety P] [--heap MB] [--timeout S] [--keep]
  --n N             articles in the synthetic newsroom; repeat for several sizes (default 1000 and 10000)
  --runs K          builds of each kind per size, alternating (default 2)
  --photos          also build the corpus with a lead photo per article: one cold build, then K warm ones
  --photo-variety P distinct source photos, cycled over the articles (default 20)
  --heap MB         --max-old-space-size for every build (default: Node's)
  --timeout S       stop a build that runs longer (default 1800)
  --keep            keep the temporary folder
  --dev             measure the live preview instead: edit an article, time until the new text is served
  --edits E         edits in the --dev measurement (default 5)
  --part-size P     articles per part of the full build (npm run build --part-size; default 10000: a
                    larger newsroom is built in parts)`);
      process.exit(0);
    } else throw new Error(`bench: unknown option ${arg} (try --help)`);
  }
  if (options.sizes.length === 0) options.sizes = options.dev ? [10000] : [1000, 10000];
  return options;
}

type Kind = "full" | "baseline" | "photos-cold" | "photos-warm";

interface Result extends Measurement {
  kind: Kind;
  n: number;
  /** Why a baseline build failed (it is recorded, not fatal: at 100,000 articles plain Eleventy runs out of memory). */
  failed?: string;
  encoded?: number;
  reused?: number;
}

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

async function build(kind: Kind, n: number, input: string, output: string, cacheDir: string, options: Options): Promise<Result> {
  await fs.rm(output, { recursive: true, force: true });
  const nodeArgs = options.heapMB ? [`--max-old-space-size=${options.heapMB}`] : [];
  const partSize = options.partSize ? [`--part-size=${options.partSize}`] : [];
  const args =
    kind === "baseline"
      ? [...nodeArgs, ELEVENTY, `--config=${BASELINE_CONFIG}`, `--input=${input}`, `--output=${output}`, "--quiet"]
      : [...nodeArgs, "--import", "tsx", BUILD, `--input=${input}`, `--output=${output}`, ...partSize];
  const result = await measure(process.execPath, args, {
    cwd: ROOT,
    env: { DATELINE_CACHE_DIR: cacheDir, DATELINE_NOW: BUILD_NOW },
    timeoutSeconds: options.timeoutSeconds,
  });
  if (result.exitCode !== 0) {
    const why = result.exitCode === 124 ? `stopped after --timeout ${options.timeoutSeconds} s` : /heap out of memory|Ineffective mark-compacts/.test(result.output) ? "out of memory" : `exit ${result.exitCode}`;
    if (kind === "baseline") {
      const failed = `failed: ${why} after ${result.seconds.toFixed(0)} s`;
      log(`${kind.padEnd(11)} n=${n}: ${failed}, peak ${result.peakRssMB.toFixed(0)} MB`);
      return { ...result, kind, n, failed };
    }
    throw new Error(`bench: the ${kind} build of ${n} articles failed (${why}, ${result.seconds.toFixed(1)} s, peak ${result.peakRssMB.toFixed(0)} MB):\n${result.output.slice(-4000)}`);
  }
  const images = /images: (\d+) encoded, (\d+) reused/.exec(result.output);
  const entry: Result = { ...result, kind, n };
  if (images) {
    entry.encoded = Number(images[1]);
    entry.reused = Number(images[2]);
  }
  // A build in parts reports each run: where the time of a large build goes.
  for (const line of result.output.split("\n").filter((text) => text.startsWith("[dateline] run ") || / checked in /.test(text))) log(`  ${line}`);
  log(`${kind.padEnd(11)} n=${n}: ${result.seconds.toFixed(2)} s (CPU ${result.cpuSeconds.toFixed(1)} s), peak ${result.peakRssMB.toFixed(0)} MB (tree ${result.treePeakMB.toFixed(0)} MB)${images ? `, images ${entry.encoded} encoded / ${entry.reused} reused` : ""}`);
  return entry;
}

/** Checks that both builds (the full one alone when the baseline failed) wrote a page for every article of the corpus. */
async function checkOutputs(corpus: Corpus, fullSite: string, baselineSite: string | undefined): Promise<void> {
  const missing: string[] = [];
  for (const [index, file] of corpus.articleFiles.entries()) {
    const sitePath = corpus.articlePaths[index] ?? "";
    const baselinePages = baselineSite ? [path.join(baselineSite, file.replace(/\.md$/, ""), "index.html")] : [];
    for (const page of [path.join(fullSite, sitePath, "index.html"), ...baselinePages]) {
      try {
        await fs.access(page);
      } catch {
        missing.push(page);
      }
    }
  }
  if (missing.length > 0) throw new Error(`bench: ${missing.length} article pages are missing, e.g. ${missing.slice(0, 3).join(", ")}`);
}

async function benchSize(n: number, options: Options, photos: PhotoSet | undefined): Promise<Result[]> {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), "dateline-bench-"));
  try {
    log(`n=${n}: writing the synthetic newsroom into ${tmp}`);
    const started = Date.now();
    const corpus = await writeCorpus({ dir: path.join(tmp, "content"), articles: n });
    const photoCorpus = photos ? await writeCorpus({ dir: path.join(tmp, "content-photos"), articles: n, photos: photos.leads, headshots: photos.headshots }) : undefined;
    log(`n=${n}: ${(corpus.bytes / 1e6).toFixed(1)} MB of Markdown written in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const site = path.join(tmp, "_site");
    const baselineSite = path.join(tmp, "_baseline");
    const plainCache = path.join(tmp, "image-cache-plain");
    const photoCache = path.join(tmp, "image-cache");
    const results: Result[] = [];
    if (photoCorpus) {
      // Fills the persistent image cache; every later photo build starts from a fresh _site/.
      results.push(await build("photos-cold", n, photoCorpus.dir, site, photoCache, options));
    }
    for (let run = 0; run < options.runs; run++) {
      results.push(await build("full", n, corpus.dir, site, plainCache, options));
      results.push(await build("baseline", n, corpus.dir, baselineSite, plainCache, options));
      const baseline = results.at(-1);
      if (run === 0) await checkOutputs(corpus, site, baseline?.failed ? undefined : baselineSite);
      if (photoCorpus) results.push(await build("photos-warm", n, photoCorpus.dir, site, photoCache, options));
    }
    return results;
  } finally {
    if (options.keep) log(`kept ${tmp}`);
    else await fs.rm(tmp, { recursive: true, force: true });
  }
}

interface Row {
  n: number;
  kind: Kind;
  runs: number;
  seconds: number;
  cpuSeconds: number;
  msPerArticle: number;
  peakRssMB: number;
  treePeakMB: number;
  images?: string;
  failed?: string;
}

function summarize(results: readonly Result[]): Row[] {
  const rows: Row[] = [];
  for (const n of [...new Set(results.map((result) => result.n))]) {
    for (const kind of ["full", "baseline", "photos-cold", "photos-warm"] as const) {
      const all = results.filter((result) => result.n === n && result.kind === kind);
      const group = all.filter((result) => !result.failed);
      const failed = all.find((result) => result.failed);
      if (failed && group.length === 0) {
        rows.push({ n, kind, runs: all.length, seconds: NaN, cpuSeconds: NaN, msPerArticle: NaN, peakRssMB: failed.peakRssMB, treePeakMB: failed.treePeakMB, failed: failed.failed ?? "failed" });
        continue;
      }
      if (group.length === 0) continue;
      const seconds = median(group.map((result) => result.seconds));
      const row: Row = {
        n,
        kind,
        runs: group.length,
        seconds,
        cpuSeconds: median(group.map((result) => result.cpuSeconds)),
        msPerArticle: (seconds * 1000) / n,
        peakRssMB: Math.max(...group.map((result) => result.peakRssMB)),
        treePeakMB: Math.max(...group.map((result) => result.treePeakMB)),
      };
      if (group[0]?.encoded !== undefined && kind.startsWith("photos")) {
        row.images = `${Math.max(...group.map((result) => result.encoded ?? 0))} encoded, ${median(group.map((result) => result.reused ?? 0))} reused`;
      }
      rows.push(row);
    }
  }
  return rows;
}

function printTable(rows: readonly Row[]): void {
  const header = ["N", "build", "runs", "median s", "ms/article", "CPU s", "peak RSS MB", "tree peak MB", "ratio", "CPU ratio", "images"];
  const lines = rows.map((row) => {
    const baseline = rows.find((other) => other.n === row.n && other.kind === "baseline");
    const full = rows.find((other) => other.n === row.n && other.kind === "full");
    // Full vs baseline; a warm photo build vs the full build without photos.
    const found = row.kind === "full" ? baseline : row.kind === "photos-warm" ? full : undefined;
    const against = found?.failed ? undefined : found;
    if (row.failed) return [row.n.toLocaleString("en-US"), row.kind, String(row.runs), row.failed, "", "", row.peakRssMB.toFixed(0), row.treePeakMB.toFixed(0), "", "", ""];
    return [
      row.n.toLocaleString("en-US"),
      row.kind,
      String(row.runs),
      row.seconds.toFixed(2),
      row.msPerArticle.toFixed(2),
      row.cpuSeconds.toFixed(1),
      row.peakRssMB.toFixed(0),
      row.treePeakMB.toFixed(0),
      against ? `${(row.seconds / against.seconds).toFixed(2)}×` : "",
      against && against.cpuSeconds > 0 ? `${(row.cpuSeconds / against.cpuSeconds).toFixed(2)}×` : "",
      row.images ?? "",
    ];
  });
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => (line[column] ?? "").length)));
  const format = (cells: readonly string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(" | ")} |`;
  console.log(format(header));
  console.log(`|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`);
  for (const line of lines) console.log(format(line));
}

async function benchDevLoop(options: Options): Promise<void> {
  const n = Math.max(...options.sizes);
  const result = await measureDevLoop({ n, edits: options.edits, timeoutSeconds: options.timeoutSeconds, keep: options.keep });
  const served = median(result.latenciesMs);
  const rebuilt = median(result.rebuildsMs);
  console.log("");
  console.log("| N | first build s | edits | median edit → served ms | median edit → rebuild done ms |");
  console.log("|---|---|---|---|---|");
  console.log(`| ${n.toLocaleString("en-US")} | ${result.firstBuildSeconds.toFixed(1)} | ${result.latenciesMs.length} | ${served.toFixed(0)} | ${rebuilt.toFixed(0)} |`);
  console.log(JSON.stringify({ n, firstBuildSeconds: Number(result.firstBuildSeconds.toFixed(1)), editServedMs: Math.round(served), editRebuiltMs: Math.round(rebuilt), latenciesMs: result.latenciesMs }));
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  log(`${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, load ${os.loadavg().map((load) => load.toFixed(1)).join(" ")}`);
  if (options.dev) return benchDevLoop(options);
  const photos = options.photos ? await ensurePhotos(PHOTO_CACHE, options.photoVariety) : undefined;
  const results: Result[] = [];
  for (const n of options.sizes) results.push(...(await benchSize(n, options, photos)));

  const rows = summarize(results);
  console.log("");
  printTable(rows);
  const largest = Math.max(...options.sizes);
  const full = rows.find((row) => row.n === largest && row.kind === "full");
  const baseline = rows.find((row) => row.n === largest && row.kind === "baseline");
  const warm = rows.find((row) => row.n === largest && row.kind === "photos-warm");
  if (!full || !baseline) throw new Error("bench: no result for the largest size");
  const round = (value: number, digits: number) => Number(value.toFixed(digits));
  // A failed baseline has no time: the JSON line says null and why.
  const summary: Record<string, number | string | null> = {
    n: largest,
    fullSeconds: round(full.seconds, 2),
    baselineSeconds: baseline.failed ? null : round(baseline.seconds, 2),
    ratio: baseline.failed ? null : round(full.seconds / baseline.seconds, 2),
    peakRssMB: round(full.treePeakMB, 0),
  };
  if (baseline.failed) summary["baselineFailed"] = baseline.failed;
  if (warm) {
    const warmResults = results.filter((result) => result.n === largest && result.kind === "photos-warm");
    summary["photosWarmSeconds"] = round(warm.seconds, 2);
    summary["photosRatio"] = round(warm.seconds / full.seconds, 2);
    summary["photosWarmEncoded"] = Math.max(...warmResults.map((result) => result.encoded ?? 0));
  }
  console.log(JSON.stringify(summary));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
