// `npm run bench`: builds a synthetic newsroom with `npm run build` and with a minimal Eleventy
// baseline, cold and warm, and prints each figure beside its target, then (last line) one JSON object.
// Every figure counts the whole process tree (Node, Pagefind's indexer, esbuild); see
// docs/performance.md for what is measured and how to read it.
//
//   npm run bench                              N = 1,000 and 10,000, 2 runs of each kind
//   npm run bench -- --n 100000 --runs 1       the large run
//   npm run bench -- --n 10000 --photos        also a cold and a warm build with a photo per article
//   npm run bench -- --dev                     the live preview: edit → new text served (N = 10,000)
//   npm run bench -- --editor                  editors' commands: new, check:content, npm start's first page
//   npm run bench -- --n 100000 --shards 4     also the build as 4 checked parts, 4 slices and a merge, one
//                                              after another: the longest part + the longest slice + the
//                                              merge is what the CI matrix jobs take
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { publishEdits, writeCorpus, type Corpus } from "./corpus.ts";
import { ensurePhotos, type PhotoSet } from "./photos.ts";
import { measure, type Measurement } from "./measure.ts";
import { measureDevLoop } from "./dev-loop.ts";
import { editorCommandRows, measureEditorCommands } from "./editor-commands.ts";
import { settle, Trash } from "./trash.ts";
import { scriptArguments } from "../package-scripts.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const ELEVENTY = path.join(ROOT, "node_modules", "@11ty", "eleventy", "cmd.cjs");
/** `npm run build`: exactly what a newsroom runs, package.json's own command line. */
const BUILD = scriptArguments("build");
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
  /** Skip the plain Eleventy build (its ten minutes at 100,000) when only Dateline's figures are wanted. */
  noBaseline?: boolean;
  keep: boolean;
  timeoutSeconds: number;
  dev: boolean;
  editor: boolean;
  /** --runs was given (each measurement has its own default otherwise). */
  runsGiven?: boolean;
  edits: number;
  /** Also build in this many slices and merge them (docs/deploy.md, "Past one machine"). */
  shards?: number;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { sizes: [], runs: 2, photos: false, photoVariety: 20, keep: false, timeoutSeconds: 3600, dev: false, editor: false, edits: 5 };
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
    else if (flag === "--runs") [options.runs, options.runsGiven] = [count("--runs"), true];
    else if (flag === "--photos") options.photos = true;
    else if (flag === "--photo-variety") options.photoVariety = count("--photo-variety");
    else if (flag === "--heap") options.heapMB = count("--heap");
    else if (flag === "--timeout") options.timeoutSeconds = count("--timeout");
    else if (flag === "--keep") options.keep = true;
    else if (flag === "--no-baseline") options.noBaseline = true;
    else if (flag === "--dev") options.dev = true;
    else if (flag === "--editor") options.editor = true;
    else if (flag === "--edits") options.edits = count("--edits");
    else if (flag === "--shards") options.shards = count("--shards");
    else if (flag === "--help" || flag === "-h") {
      console.log(`usage: npm run bench -- [--n N]… [--runs K] [--photos] [--photo-variety P] [--shards S] [--heap MB] [--timeout S] [--keep] [--no-baseline] [--dev [--edits E]] [--editor]
  --n N             articles in the synthetic newsroom; repeat for several sizes (default 1000 and 10000)
  --runs K          builds of each kind per size, alternating (default 2)
  --photos          also build the corpus with a lead photo per article: one cold build, then K warm ones
  --photo-variety P distinct source photos, cycled over the articles (default 20)
  --shards S        also build the corpus cold as S checked parts (--check-part K/S), S slices (--shard K/S
                    --checked) and a merge, each with an empty cache, one after another; reports the longest
                    part + the longest slice + the merge beside the single cold build
  --heap MB         --max-old-space-size for every build (default: Node's)
  --timeout S       stop a build that runs longer (default 3600)
  --keep            keep the temporary folder
  --no-baseline     skip the plain Eleventy build (Dateline's own figures only; no cold ratio)
  --dev             measure the live preview instead: edit an article, time until the new text is served
  --edits E         edits in the --dev measurement (default 5)
  --editor          measure editors' commands instead (npm run new, check:content of the sample and of
                    N articles, default 10000, npm start's first page), medians of --runs (default 3)`);
      process.exit(0);
    } else throw new Error(`bench: unknown option ${arg} (try --help)`);
  }
  if (options.sizes.length === 0) options.sizes = options.dev || options.editor ? [10000] : [1000, 10000];
  return options;
}

/**
 * What was built: a cold full build (no build cache), the baseline, a warm build after one edited
 * article, a warm publish (20 new and 5 edited stories) into the previous output, the same publish
 * with a restored cache but no output (a CI runner), and cold and warm builds with photos.
 */
type Kind = "cold" | "baseline" | "warm-edit" | "publish" | "publish-ci" | "photos-cold" | "photos-warm" | "check" | "slice" | "merge" | "matrix";

interface Result extends Measurement {
  kind: Kind;
  n: number;
  failed?: string;
  encoded?: number;
  reused?: number;
  /** The build's own stage timings (DATELINE_TIMINGS). */
  timings?: Record<string, number>;
}

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

interface Target {
  input: string;
  output: string;
  cacheDir: string;
}

async function run(kind: Kind, n: number, target: Target, options: Options, extra: readonly string[] = []): Promise<Result> {
  const nodeArgs = options.heapMB ? [`--max-old-space-size=${options.heapMB}`] : [];
  const args =
    kind === "baseline"
      ? [...nodeArgs, ELEVENTY, `--config=${BASELINE_CONFIG}`, `--input=${target.input}`, `--output=${target.output}`, "--quiet"]
      : [...nodeArgs, ...BUILD, `--input=${target.input}`, `--output=${target.output}`, ...extra];
  settle();
  const result = await measure(process.execPath, args, {
    cwd: ROOT,
    env: { DATELINE_CACHE_DIR: target.cacheDir, DATELINE_NOW: BUILD_NOW, DATELINE_TIMINGS: "1" },
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
  const entry: Result = { ...result, kind, n };
  const images = /images: (\d+) encoded, (\d+) reused/.exec(result.output);
  if (images) {
    entry.encoded = Number(images[1]);
    entry.reused = Number(images[2]);
  }
  const timings = /\[dateline\] timings (\{.*\})/.exec(result.output)?.[1];
  if (timings) entry.timings = JSON.parse(timings) as Record<string, number>;
  const rendered = /\[dateline\] rendered (\d+)[^\n]*reused (\d+)/.exec(result.output);
  log(
    `${kind.padEnd(11)} n=${n}: ${result.seconds.toFixed(2)} s, CPU ${result.cpuSeconds.toFixed(1)} s (${result.cpuSource}), peak ${result.peakRssMB.toFixed(0)} MB, tree ${result.treePeakMB.toFixed(0)} MB` +
      `${rendered ? `; rendered ${rendered[1]}, reused ${rendered[2]}` : ""}${images ? `; images ${entry.encoded} encoded` : ""}`,
  );
  if (entry.timings) log(`  stages (ms): ${Object.entries(entry.timings).map(([stage, ms]) => `${stage} ${ms}`).join(", ")}`);
  return entry;
}

/** Checks that both builds wrote a page for every article of the corpus. */
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

async function benchSize(n: number, options: Options, photos: PhotoSet | undefined, trash: Trash): Promise<Result[]> {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), "dateline-bench-"));
  try {
    log(`n=${n}: writing the synthetic newsroom into ${tmp}`);
    const started = Date.now();
    const corpus = await writeCorpus({ dir: path.join(tmp, "content"), articles: n });
    log(`n=${n}: ${(corpus.bytes / 1e6).toFixed(1)} MB of Markdown written in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const site = path.join(tmp, "_site");
    const cacheDir = path.join(tmp, "cache");
    const target = { input: corpus.dir, output: site, cacheDir };
    const results: Result[] = [];
    // Cold: no build cache, no output. The image cache goes too (the corpus has no photos but the logo and icons).
    const cold = async () => {
      await trash.discard(site);
      await trash.discard(cacheDir);
      results.push(await run("cold", n, target, options));
    };
    for (let run_ = 0; run_ < options.runs; run_++) {
      await cold();
      const baselineSite = path.join(tmp, "_baseline");
      await trash.discard(baselineSite);
      if (!options.noBaseline) results.push(await run("baseline", n, { ...target, output: baselineSite }, options));
      const baseline = options.noBaseline ? undefined : results.at(-1);
      if (run_ === 0) await checkOutputs(corpus, site, !baseline || baseline.failed ? undefined : baselineSite);
      await trash.discard(baselineSite);
      if (options.shards) results.push(...(await sliced(n, options.shards, target, tmp, options, trash)));
    }
    // Warm: after the last cold build, one edited article's body; then an hour of a newsroom's work.
    for (let run_ = 0; run_ < options.runs; run_++) {
      await publishEdits(corpus, { added: 0, edited: 1, now: BUILD_NOW, seed: 100 + run_ });
      results.push(await run("warm-edit", n, target, options));
    }
    for (let run_ = 0; run_ < options.runs; run_++) {
      await publishEdits(corpus, { added: 20, edited: 5, now: BUILD_NOW, seed: 200 + run_ });
      results.push(await run("publish", n, target, options));
    }
    // A CI runner: the cache restored, no output folder (every file is linked from the store).
    for (let run_ = 0; run_ < options.runs; run_++) {
      await publishEdits(corpus, { added: 20, edited: 5, now: BUILD_NOW, seed: 300 + run_ });
      await trash.discard(site);
      results.push(await run("publish-ci", n, target, options));
    }
    if (photos) {
      const photoCorpus = await writeCorpus({ dir: path.join(tmp, "content-photos"), articles: n, photos: photos.leads, headshots: photos.headshots });
      const photoTarget = { input: photoCorpus.dir, output: path.join(tmp, "_site-photos"), cacheDir: path.join(tmp, "cache-photos") };
      results.push(await run("photos-cold", n, photoTarget, options));
      for (let run_ = 0; run_ < options.runs; run_++) {
        // Warm images, but every page rendered again: the build cache goes, the image cache stays.
        await trash.discard(path.join(photoTarget.cacheDir, "build"));
        await trash.discard(photoTarget.output);
        results.push(await run("photos-warm", n, photoTarget, options));
      }
    }
    return results;
  } finally {
    if (options.keep) log(`kept ${tmp}`);
    else await trash.discard(tmp);
  }
}

/**
 * The cold build as the CI jobs would run it (.github/workflows/publish-sharded.yml): each checked
 * part, then each slice (given every part), each with an empty build cache of its own, one after
 * another here (so each has the machine to itself, as a runner would), then the merge. The "matrix"
 * figure is the longest part plus the longest slice plus the merge.
 */
async function sliced(n: number, count: number, target: Target, tmp: string, options: Options, trash: Trash): Promise<Result[]> {
  const results: Result[] = [];
  const dirs: string[] = [];
  const checked = path.join(tmp, "_checked");
  for (let k = 1; k <= count; k++) {
    const cacheDir = path.join(tmp, "slice-cache", `check-${k}`);
    await trash.discard(cacheDir);
    results.push(await run("check", n, { ...target, output: path.join(checked, `${k}-of-${count}`), cacheDir }, options, [`--check-part=${k}/${count}`]));
  }
  for (let k = 1; k <= count; k++) {
    const dir = path.join(tmp, "_slices", String(k));
    const cacheDir = path.join(tmp, "slice-cache", String(k));
    await trash.discard(cacheDir);
    results.push(await run("slice", n, { ...target, output: dir, cacheDir }, options, [`--shard=${k}/${count}`, `--checked=${checked}`]));
    dirs.push(dir);
  }
  const merged = path.join(tmp, "_merged");
  const mergeCache = path.join(tmp, "slice-cache", "merge");
  await trash.discard(mergeCache);
  const merge = await run("merge", n, { ...target, output: merged, cacheDir: mergeCache }, options, ["--merge", ...dirs]);
  results.push(merge);
  const longestOf = (kind: Kind) => results.filter((result) => result.kind === kind).reduce((a, b) => (b.seconds > a.seconds ? b : a));
  const stages = [longestOf("check"), longestOf("slice"), merge];
  const sum = (of: (result: Result) => number) => stages.reduce((total, result) => total + of(result), 0);
  const most = (of: (result: Result) => number) => Math.max(...stages.map(of));
  results.push({ ...merge, kind: "matrix", seconds: sum((result) => result.seconds), cpuSeconds: sum((result) => result.cpuSeconds), peakRssMB: most((result) => result.peakRssMB), treePeakMB: most((result) => result.treePeakMB) });
  log(`matrix      n=${n}: ${count} parts and slices, longest part ${stages[0]?.seconds.toFixed(1)} s + longest slice ${stages[1]?.seconds.toFixed(1)} s + merge ${merge.seconds.toFixed(1)} s = ${sum((result) => result.seconds).toFixed(1)} s`);
  await trash.discard(checked);
  await trash.discard(path.join(tmp, "_slices"));
  await trash.discard(merged);
  await trash.discard(path.join(tmp, "slice-cache"));
  return results;
}

interface Row {
  n: number;
  kind: Kind;
  runs: number;
  seconds: number;
  cpuSeconds: number;
  peakRssMB: number;
  treePeakMB: number;
  images?: string;
  failed?: string;
}

function summarize(results: readonly Result[]): Row[] {
  const rows: Row[] = [];
  for (const n of [...new Set(results.map((result) => result.n))]) {
    for (const kind of ["cold", "baseline", "warm-edit", "publish", "publish-ci", "photos-cold", "photos-warm", "matrix", "check", "slice", "merge"] as const) {
      const all = results.filter((result) => result.n === n && result.kind === kind);
      const group = all.filter((result) => !result.failed);
      const failed = all.find((result) => result.failed);
      if (failed && group.length === 0) {
        rows.push({ n, kind, runs: all.length, seconds: NaN, cpuSeconds: NaN, peakRssMB: failed.peakRssMB, treePeakMB: failed.treePeakMB, failed: failed.failed ?? "failed" });
        continue;
      }
      if (group.length === 0) continue;
      const row: Row = {
        n,
        kind,
        runs: group.length,
        seconds: median(group.map((result) => result.seconds)),
        cpuSeconds: median(group.map((result) => result.cpuSeconds)),
        peakRssMB: Math.max(...group.map((result) => result.peakRssMB)),
        treePeakMB: Math.max(...group.map((result) => result.treePeakMB)),
      };
      if (group[0]?.encoded !== undefined && kind.startsWith("photos")) row.images = `${Math.max(...group.map((result) => result.encoded ?? 0))} encoded`;
      rows.push(row);
    }
  }
  return rows;
}

function table(header: readonly string[], lines: readonly (readonly string[])[]): void {
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => (line[column] ?? "").length)));
  const format = (cells: readonly string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(" | ")} |`;
  console.log(format(header));
  console.log(`|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`);
  for (const line of lines) console.log(format(line));
}

function printRows(rows: readonly Row[]): void {
  const lines = rows.map((row) => {
    const against = rows.find((other) => other.n === row.n && other.kind === (row.kind === "cold" ? "baseline" : row.kind === "baseline" || row.kind.startsWith("photos") ? "" : "cold"));
    const kind = row.kind === "check" || row.kind === "slice" ? `${row.kind} (median)` : row.kind === "matrix" ? "matrix (longest part + slice + merge)" : row.kind;
    const ratio = (value: number, of: number) => (Number.isFinite(value) && Number.isFinite(of) && of > 0 ? `${(value / of).toFixed(2)}×` : "");
    if (row.failed) return [row.n.toLocaleString("en-US"), kind, String(row.runs), row.failed, "", "", row.peakRssMB.toFixed(0), row.treePeakMB.toFixed(0), "", ""];
    return [
      row.n.toLocaleString("en-US"),
      kind,
      String(row.runs),
      row.seconds.toFixed(2),
      row.cpuSeconds.toFixed(1),
      row.peakRssMB.toFixed(0),
      row.treePeakMB.toFixed(0),
      against && !against.failed ? ratio(row.seconds, against.seconds) : "",
      against && !against.failed ? ratio(row.cpuSeconds, against.cpuSeconds) : "",
      row.images ?? "",
    ];
  });
  table(["N", "build", "runs", "median s", "CPU s", "peak RSS MB", "tree peak MB", "ratio", "CPU ratio", "images"], lines);
}

interface TargetCheck {
  target: string;
  result: string;
  met: boolean;
}

/** The issue's targets, each with the figure this run measured. */
function checkTargets(rows: readonly Row[], shards: number | undefined): TargetCheck[] {
  const get = (n: number, kind: Kind) => rows.find((row) => row.n === n && row.kind === kind && !row.failed);
  const checks: TargetCheck[] = [];
  for (const n of [...new Set(rows.map((row) => row.n))].sort((a, b) => a - b)) {
    const cold = get(n, "cold");
    const baseline = get(n, "baseline");
    const edit = get(n, "warm-edit");
    const publish = get(n, "publish-ci") ?? get(n, "publish");
    if (n === 10_000 && cold && baseline) {
      const ratio = cold.seconds / baseline.seconds;
      checks.push({ target: "10,000 cold: ≤ 1.5× the minimal Eleventy build", result: `${cold.seconds.toFixed(1)} s vs ${baseline.seconds.toFixed(1)} s = ${ratio.toFixed(2)}× (CPU ${(cold.cpuSeconds / baseline.cpuSeconds).toFixed(2)}×)`, met: ratio <= 1.5 });
      checks.push({ target: "10,000 cold: process tree ≤ 1.5 GB", result: `${(cold.treePeakMB / 1024).toFixed(2)} GB`, met: cold.treePeakMB <= 1536 });
    }
    if (n === 10_000 && cold && edit) {
      const share = edit.seconds / cold.seconds;
      checks.push({ target: "10,000, one edited article: ≤ 10 % of the cold build", result: `${edit.seconds.toFixed(2)} s = ${(share * 100).toFixed(1)} % of ${cold.seconds.toFixed(1)} s`, met: share <= 0.1 });
    }
    if (n === 100_000 && cold) {
      checks.push({ target: "100,000 cold: ≤ 10 min", result: `${(cold.seconds / 60).toFixed(1)} min`, met: cold.seconds <= 600 });
      checks.push({ target: "100,000 cold: process tree ≤ 4 GB", result: `${(cold.treePeakMB / 1024).toFixed(2)} GB`, met: cold.treePeakMB <= 4096 });
    }
    const matrix = get(n, "matrix");
    if (shards && cold && matrix) {
      const share = matrix.seconds / cold.seconds;
      checks.push({ target: `${n.toLocaleString("en-US")} cold in ${shards} slices: longest checked part + longest slice + merge ≤ 35 % of the single build (the target is for 4 slices at 100,000)`, result: `${matrix.seconds.toFixed(1)} s = ${(share * 100).toFixed(1)} % of ${cold.seconds.toFixed(1)} s`, met: share <= 0.35 });
    }
    if (n === 100_000 && publish) {
      checks.push({ target: "100,000, 20 new + 5 edited, restored cache: ≤ 60 s", result: `${publish.seconds.toFixed(1)} s (${publish.kind})`, met: publish.seconds <= 60 });
    }
  }
  return checks;
}

async function benchDevLoop(options: Options): Promise<void> {
  const n = Math.max(...options.sizes);
  const result = await measureDevLoop({ n, edits: options.edits, timeoutSeconds: options.timeoutSeconds, keep: options.keep });
  const served = median(result.latenciesMs);
  const rebuilt = median(result.rebuildsMs);
  console.log("");
  table(["N", "first build s", "edits", "median edit → served ms", "median edit → rebuild done ms"], [[n.toLocaleString("en-US"), result.firstBuildSeconds.toFixed(1), String(result.latenciesMs.length), served.toFixed(0), rebuilt.toFixed(0)]]);
  console.log(JSON.stringify({ n, firstBuildSeconds: Number(result.firstBuildSeconds.toFixed(1)), editServedMs: Math.round(served), editRebuiltMs: Math.round(rebuilt), latenciesMs: result.latenciesMs }));
}

async function benchEditorCommands(options: Options): Promise<void> {
  const figures = await measureEditorCommands({ runs: options.runsGiven ? options.runs : 3, n: Math.max(...options.sizes), keep: options.keep, log });
  console.log("");
  for (const line of editorCommandRows(figures)) console.log(line);
  console.log(JSON.stringify(figures));
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  log(`${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, load ${os.loadavg().map((load) => load.toFixed(1)).join(" ")}`);
  if (options.dev) return benchDevLoop(options);
  if (options.editor) return benchEditorCommands(options);
  const photos = options.photos ? await ensurePhotos(PHOTO_CACHE, options.photoVariety) : undefined;
  const results: Result[] = [];
  // Deleted once every build is measured: no build runs behind a deletion of the bench's own.
  const trash = new Trash(path.join(os.tmpdir(), `dateline-bench-trash-${process.pid}`));
  try {
    for (const n of options.sizes) results.push(...(await benchSize(n, options, photos, trash)));
  } finally {
    await trash.empty();
  }

  const rows = summarize(results);
  console.log("");
  printRows(rows);
  const checks = checkTargets(rows, options.shards);
  if (checks.length > 0) {
    console.log("");
    table(["target", "this run", "met"], checks.map((check) => [check.target, check.result, check.met ? "yes" : "no"]));
  }
  const round = (value: number, digits: number) => Number(value.toFixed(digits));
  const summary: Record<string, unknown> = { load: os.loadavg().map((load) => round(load, 1)) };
  for (const row of rows) {
    summary[`${row.kind}@${row.n}`] = row.failed ? { failed: row.failed } : { seconds: round(row.seconds, 2), cpuSeconds: round(row.cpuSeconds, 1), treePeakMB: round(row.treePeakMB, 0) };
  }
  summary["targets"] = checks.map((check) => ({ target: check.target, result: check.result, met: check.met }));
  console.log(JSON.stringify(summary));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
