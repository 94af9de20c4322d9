// Issue 15: a large archive built as parallel CI jobs. `--shard K/N` builds one slice of the site (whole
// search shards with their article pages, a share of the other pages), each in its own process,
// folder and cache, as a matrix job would; `--merge` checks them and puts them together. The merged
// site is the single build's, byte for byte (search index included); slices that do not belong
// together are refused.
import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import pLimit from "p-limit";
import sharp from "sharp";
import { parse, stringify } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeSite, removeSite, REPO, SHARED_IMAGE_CACHE, type FixtureSite } from "./helpers/site.ts";
import { runCommand } from "./helpers/commands.ts";
import { scriptArguments } from "../scripts/package-scripts.ts";
import { editSettings } from "./helpers/settings.ts";
import { SLICE_MANIFEST, type SliceManifest } from "../src/build/slices.ts";
import { hashTree } from "./helpers/tree.ts";
import { indexedUrls } from "./helpers/pagefind.ts";

const NOW = "2026-03-20T12:00:00Z";
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025];
/** Two jobs at a time: the machine has two cores, a CI matrix has a runner per job. */
const jobs = pLimit(2);

let site: FixtureSite;
let single: Record<string, string>;

interface Run {
  code: number;
  output: string;
}

/**
 * `npm run build -- <args>` as a job runs it, in a kept command process (tests/helpers/commands.ts;
 * `host` names one of its own), with a cache folder of its own (`cache`, under the site). With
 * `freshImages` the cache starts without images, as on a runner that restored none.
 */
async function buildCli(args: string[], cache: string, { freshImages = false, host }: { freshImages?: boolean; host?: string } = {}): Promise<Run> {
  const cacheDir = path.join(site.root, "caches", cache);
  await fs.mkdir(cacheDir, { recursive: true });
  if (!freshImages) await fs.symlink(SHARED_IMAGE_CACHE, path.join(cacheDir, "images")).catch(() => undefined);
  const run = await jobs(() => runCommand("build", [`--input=${site.contentDir}`, ...args], { env: { DATELINE_CACHE_DIR: cacheDir, DATELINE_NOW: NOW }, ...(host && { host }) }));
  return { code: run.status ?? 1, output: run.output };
}

const slicesDir = (n: number) => path.join(site.root, `slices-${n}`);
const sliceDir = (n: number, k: number) => path.join(slicesDir(n), `${k}`);

/**
 * Builds every slice of N in its own process, folder and cache, then merges them; the merged site's
 * tree. Slice K of every N runs in the kept process "slice K": the slices of one build never share one.
 */
async function buildSliced(n: number, options: { freshImages?: boolean } = {}): Promise<{ merged: string; runs: Run[] }> {
  const ks = Array.from({ length: n }, (_, i) => i + 1);
  const runs = await Promise.all(ks.map((k) => buildCli([`--shard=${k}/${n}`, `--output=${sliceDir(n, k)}`], `slice-${k}-of-${n}`, { ...options, host: `slice ${k}` })));
  const merged = path.join(site.root, `merged-${n}`);
  runs.push(await buildCli([`--output=${merged}`, "--merge", ...ks.map((k) => sliceDir(n, k))], `merge-${n}`, options));
  return { merged, runs };
}

const article = (fields: Record<string, unknown>, body: string) => `---\n${stringify(fields)}---\n${body}\n`;

beforeAll(async () => {
  site = await makeSite();
  // Every photo-less story of the archive gets a share card (by default only its last 90 days do).
  await editSettings(site, (text) => `${text.trimEnd()}\nshareCards:\n  from: 2019-01-01\n`);
  // Seven more years of archive, a shard each, with photos of their own (one a gallery, one a figure).
  for (const [index, year] of YEARS.entries()) {
    const dir = path.join(site.contentDir, "articles", String(year));
    await fs.mkdir(dir, { recursive: true });
    const photo = `photo-${year}.jpg`;
    await sharp({ create: { width: 640, height: 400, channels: 3, background: { r: 30 * index, g: 120, b: 200 - 20 * index } } })
      .jpeg()
      .toFile(path.join(dir, photo));
    for (let n = 1; n <= 2 + (index % 3); n++) {
      const fields: Record<string, unknown> = { headline: `Harbour story ${n} of ${year}`, byline: ["li-wei"], date: `${year}-0${n}-1${index}T09:00:00-06:00`, section: n % 2 ? "news" : "business", tags: [`year ${year}`] };
      if (n === 1) Object.assign(fields, { photo, alt: `The harbour in ${year}`, caption: `The harbour in ${year}.` });
      const figure = n === 2 ? `\n\n\`\`\`figure\nsrc: ${photo}\nalt: The quay in ${year}\ncaption: The quay.\n\`\`\`\n` : "";
      await fs.writeFile(path.join(dir, `story-${n}.md`), article(fields, `The ferry ran ${n} times in ${year}.${figure}\n\nThe last paragraph of story ${n}.`));
    }
  }
  const run = await buildCli([`--output=${site.outputDir}`], "single");
  expect(run.output).toContain("[dateline]");
  expect(run.code).toBe(0);
  single = await hashTree(site.outputDir);
}, 300_000);

afterAll(() => removeSite(site));

describe("a build in slices, merged", () => {
  it.each([1, 2, 3, 5])("is the single build byte for byte with %i slices, search index included", async (n) => {
    // One count builds with empty image caches, as fresh runners would: the merge names photos it never encodes.
    const { merged, runs } = await buildSliced(n, { freshImages: n === 2 });
    for (const run of runs) expect(run.code, run.output).toBe(0);
    expect(await hashTree(merged)).toEqual(single);
    // Every page was built by exactly one slice, and every search shard; each article page with its shard.
    const manifests = await Promise.all(Array.from({ length: n }, async (_, i) => JSON.parse(await fs.readFile(path.join(sliceDir(n, i + 1), SLICE_MANIFEST), "utf8")) as SliceManifest));
    const pages = manifests.flatMap((manifest) => manifest.pages.map(([sitePath]) => sitePath));
    expect(new Set(pages).size).toBe(pages.length);
    expect(pages.filter((sitePath) => /^\/\d{4}\/\d\d\/\d\d\/[\w-]+\/$/.test(sitePath))).toHaveLength(YEARS.reduce((sum, _, index) => sum + 2 + (index % 3), 0) + 2);
    expect(manifests.flatMap((manifest) => manifest.shards.map(([id]) => id)).sort()).toEqual(["2019", "2020", "2021", "2022", "2023", "2024", "2025", "2026"]);
    // A slice holds its own pages and the photos dealt to it (and the logo and headshots every page shows).
    if (n > 1) {
      const photos = (files: string[]) => files.filter((file) => file.startsWith("img/") && file.endsWith(".avif")).length;
      for (const k of [1, 2]) expect(photos(Object.keys(await hashTree(sliceDir(n, k))))).toBeLessThan(photos(Object.keys(single)));
      // Share cards (stories without a photo) too: each is drawn by one slice only (the one its story's path hashes to, wherever its page is).
      const cards = (files: string[]) => files.filter((file) => file.endsWith("-card.jpeg"));
      const drawn = (await Promise.all(Array.from({ length: n }, async (_, i) => cards(Object.keys(await hashTree(sliceDir(n, i + 1))))))).flat();
      expect(cards(Object.keys(single)).length).toBeGreaterThan(n);
      expect(drawn.sort()).toEqual(cards(Object.keys(single)).sort());
    }
    expect(runs.at(-1)?.output).toMatch(new RegExp(`merged ${n} slices?: ${pages.length} pages, 8 search shards, \\d+ images`));
  }, 300_000);

  it("joins the index of the whole site from the slices' shards: every story of every slice, once", async () => {
    // The two slices merged above; built here only when this test runs alone.
    const merged = path.join(site.root, "merged-2");
    if (!(await fs.access(merged).then(() => true, () => false))) await buildSliced(2);
    const urls = await indexedUrls(path.join(merged, "pagefind/all"));
    const stories = Object.keys(single).filter((file) => /^\d{4}\/\d\d\/\d\d\/[\w-]+\/index\.html$/.test(file));
    expect(urls).toEqual(stories.map((file) => `/${file.replace(/index\.html$/, "")}`).sort());
    // No slice writes it: the merge does.
    for (const k of [1, 2]) await expect(fs.access(path.join(sliceDir(2, k), "pagefind/all"))).rejects.toThrow();
  }, 120_000);

  it("balances the work: five slices of eight shards each hold some", async () => {
    const manifests = await Promise.all([1, 2, 3, 4, 5].map(async (k) => JSON.parse(await fs.readFile(path.join(sliceDir(5, k), SLICE_MANIFEST), "utf8")) as SliceManifest));
    for (const manifest of manifests) expect(manifest.pages.length).toBeGreaterThan(0);
  });

  it("rebuilds a slice from its cache without rendering anything when its articles did not change, and only the changed slice when one did", async () => {
    const slices = () => Promise.all([1, 2, 3].map((k) => buildCli([`--shard=${k}/3`, `--output=${sliceDir(3, k)}`], `slice-${k}-of-3`)));
    // The three slices built above, with their caches; built here only when this test runs alone.
    const built = await Promise.all([1, 2, 3].map((k) => fs.access(path.join(sliceDir(3, k), SLICE_MANIFEST)).then(() => true, () => false)));
    if (built.includes(false)) await slices();
    // A job whose slice did not change restores its cache and links what it holds: nothing is rendered or indexed.
    for (const run of await slices()) {
      expect(run.code, run.output).toBe(0);
      expect(run.output).toMatch(/rendered 0; reused \d+ unchanged/);
      expect(run.output).toMatch(/search: 0 of \d+ shards? indexed/);
    }
    const file = path.join(site.contentDir, "articles/2021/story-1.md");
    await fs.appendFile(file, "\nA sentence added at the end.\n");
    try {
      const runs = await slices();
      for (const run of runs) expect(run.code, run.output).toBe(0);
      // The story's slice renders its page and indexes its shard again; the others at most render a
      // page that shows the story (a feed), and index nothing.
      const changed = runs.filter((run) => /rendered \d+: 1 article \(article changed\)/.test(run.output));
      expect(changed).toHaveLength(1);
      expect(changed[0]?.output).toMatch(/search: 1 of \d+ shards? indexed/);
      for (const run of runs.filter((other) => other !== changed[0])) {
        expect(run.output).not.toMatch(/\d+ articles? \(/);
        expect(run.output).toMatch(/search: 0 of \d+ shards? indexed/);
      }
    } finally {
      await fs.writeFile(file, (await fs.readFile(file, "utf8")).replace("\nA sentence added at the end.\n", ""));
    }
  }, 300_000);
});

describe("checked parts", () => {
  const checkedDir = () => path.join(site.root, "checked-3");
  const checkParts = () => Promise.all([1, 2, 3].map((k) => buildCli([`--check-part=${k}/3`, `--output=${path.join(checkedDir(), `${k}-of-3`)}`], `check-${k}-of-3`, { host: `slice ${k}` })));
  /** The three parts, checked here only when a test runs alone. */
  const ensureParts = async () => {
    const made = await Promise.all([1, 2, 3].map((k) => fs.stat(path.join(checkedDir(), `${k}-of-3`)).then(() => true, () => false)));
    if (made.includes(false)) for (const run of await checkParts()) expect(run.code, run.output).toBe(0);
  };

  it("hold every article once between them, and give slices every article checked: the slices check none and merge into the single build byte for byte", async () => {
    const parts = await checkParts();
    for (const run of parts) expect(run.code, run.output).toBe(0);
    const articles = (await fs.readdir(path.join(site.contentDir, "articles"), { recursive: true })).filter((name) => name.endsWith(".md")).length;
    const held = parts.map((run) => Number(/checked part \d of 3: (\d+) articles? \(/.exec(run.output)?.[1]));
    expect(held.reduce((sum, n) => sum + n, 0)).toBe(articles);
    for (const n of held) expect(n).toBeGreaterThan(0);
    const dir = (k: number) => path.join(site.root, "slices-checked", String(k));
    const runs = await Promise.all([1, 2, 3].map((k) => buildCli([`--shard=${k}/3`, `--checked=${checkedDir()}`, `--output=${dir(k)}`], `slice-checked-${k}-of-3`, { host: `slice ${k}` })));
    for (const run of runs) {
      expect(run.code, run.output).toBe(0);
      expect(run.output).toContain(`checked parts: 3 parts of ${articles} articles; 0 checked here`);
    }
    const merged = path.join(site.root, "merged-checked");
    const merge = await buildCli([`--output=${merged}`, "--merge", ...[1, 2, 3].map(dir)], "merge-checked");
    expect(merge.code, merge.output).toBe(0);
    expect(await hashTree(merged)).toEqual(single);
  }, 300_000);

  it("checked again over their last output, check only what changed since, and still give slices everything", async () => {
    await ensureParts();
    const bodiesSize = () => Promise.all([1, 2, 3].map(async (k) => (await fs.stat(path.join(checkedDir(), `${k}-of-3`, "templates.bin"))).size));
    const sizes = await bodiesSize();
    const again = await checkParts();
    for (const run of again) expect(run.output).toMatch(/checked part \d of 3: (\d+) articles? \(0 checked, \1 unchanged since the last check\)/);
    // Every body came along into the new parts (none is left to be read again from its article).
    expect(await bodiesSize()).toEqual(sizes);
    for (const size of sizes) expect(size).toBeGreaterThan(0);
    const file = path.join(site.contentDir, "articles/2021/story-2.md");
    const before = await fs.readFile(file, "utf8");
    await fs.writeFile(file, before.replace("The last paragraph of story 2.", "The last paragraph of story 2, rewritten."));
    try {
      const edited = await checkParts();
      for (const run of edited) expect(run.code, run.output).toBe(0);
      expect(edited.filter((run) => /\(1 checked, \d+ unchanged/.test(run.output))).toHaveLength(1);
      expect(edited.filter((run) => /\(0 checked, \d+ unchanged/.test(run.output))).toHaveLength(2);
      // A build from the parts checks nothing itself: the reused bodies came along into the new parts.
      const output = path.join(site.root, "checked-again");
      const run = await buildCli([`--checked=${checkedDir()}`, `--output=${output}`], "checked-again");
      expect(run.code, run.output).toBe(0);
      expect(run.output).toMatch(/checked parts: 3 parts of \d+ articles; 0 checked here/);
      const pages = (await fs.readdir(output, { recursive: true })).filter((name) => name.startsWith(`2021${path.sep}`) && name.endsWith("index.html"));
      const bodies = await Promise.all(pages.map((name) => fs.readFile(path.join(output, name), "utf8")));
      expect(bodies.filter((html) => html.includes("The last paragraph of story 2, rewritten."))).toHaveLength(1);
      expect(bodies.filter((html) => html.includes("The last paragraph of story 1."))).toHaveLength(1);
    } finally {
      await fs.writeFile(file, before);
      for (const run of await checkParts()) expect(run.code, run.output).toBe(0);
    }
  }, 300_000);

  it("are reused only for what did not change since: an article edited after its part was checked is checked again, and shows the edit", async () => {
    await ensureParts();
    const file = path.join(site.contentDir, "articles/2022/story-1.md");
    const before = await fs.readFile(file, "utf8");
    await fs.writeFile(file, before.replace("The ferry ran 1 times in 2022.", "The ferry ran once in 2022, late."));
    try {
      const output = path.join(site.root, "checked-edited");
      const run = await buildCli([`--checked=${checkedDir()}`, `--output=${output}`], "checked-edited");
      expect(run.code, run.output).toBe(0);
      expect(run.output).toMatch(/checked parts: 3 parts of \d+ articles; 1 checked here/);
      const page = (await fs.readdir(output, { recursive: true })).find((name) => name.startsWith(`2022${path.sep}`) && name.endsWith(`${path.sep}story-1${path.sep}index.html`));
      expect(page).toBeDefined();
      expect(await fs.readFile(path.join(output, page ?? ""), "utf8")).toContain("The ferry ran once in 2022, late.");
    } finally {
      await fs.writeFile(file, before);
    }
  }, 300_000);

  it("stop at an editor's mistake in their part with the build's line for it, and write nothing", async () => {
    const file = path.join(site.contentDir, "articles/2023/wrong-byline.md");
    await fs.writeFile(file, article({ headline: "A byline nobody wrote", byline: ["jdoe"], date: "2023-05-02T09:00:00-06:00", section: "news" }, "The body."));
    try {
      const output = path.join(site.root, "checked-wrong");
      const run = await buildCli(["--check-part=1/1", `--output=${output}`], "checked-wrong");
      expect(run.code).toBe(1);
      expect(run.output).toMatch(/wrong-byline\.md:\d+ byline: unknown author "jdoe"/);
      await expect(fs.stat(output)).rejects.toThrow();
    } finally {
      await fs.rm(file);
    }
  });

  it("refuses --checked on a folder that holds no part, and --check-part with --shard or --checked", async () => {
    const empty = path.join(site.root, "no-parts");
    await fs.mkdir(empty, { recursive: true });
    const none = await buildCli(["--shard=1/2", `--checked=${empty}`, `--output=${path.join(site.root, "bad-slice")}`], "slice-bad");
    expect(none.code).toBe(2);
    expect(none.output).toContain(`--checked: ${empty} holds no checked part (a folder with articles.v8, made by npm run build -- --check-part K/N)`);
    await expect(fs.stat(path.join(site.root, "bad-slice"))).rejects.toThrow();
    // A part whose bodies did not come along (an artifact copied in part).
    await ensureParts();
    const partial = path.join(site.root, "partial-parts", "1-of-3");
    await fs.mkdir(partial, { recursive: true });
    await fs.copyFile(path.join(checkedDir(), "1-of-3", "articles.v8"), path.join(partial, "articles.v8"));
    const lacking = await buildCli(["--shard=1/2", `--checked=${path.dirname(partial)}`, `--output=${path.join(site.root, "bad-slice")}`], "slice-bad");
    expect(lacking.code).toBe(2);
    expect(lacking.output).toContain(`--checked: ${partial} lacks templates.bin, which holds its articles' bodies (was the checked part copied whole?)`);
    const both = await buildCli(["--check-part=1/2", "--shard=1/2"], "slice-bad");
    expect(both.code).toBe(2);
    expect(both.output).toContain("--shard and --check-part are separate jobs");
    const reuse = await buildCli(["--check-part=1/2", `--checked=${empty}`], "slice-bad");
    expect(reuse.code).toBe(2);
    expect(reuse.output).toContain("--checked is for a build or a slice");
    const bad = await buildCli(["--check-part=0/2"], "slice-bad");
    expect(bad.code).toBe(2);
    expect(bad.output).toContain('--check-part "0/2" is not K/N with 1 ≤ K ≤ N');
  });
});

describe("publish-sharded.yml's own commands", () => {
  interface Step {
    id?: string;
    run?: string;
    env?: Record<string, string>;
  }
  type Jobs = Record<string, { steps: Step[] }>;

  /**
   * A step's shell line as the runner would run it, in the site's folder (its content in content/),
   * with Dateline's CLI for `npm run build --`, as package.json's script starts it.
   */
  function shell(line: string, values: Record<string, string>, cache: string): Promise<Run> {
    const build = [process.execPath, ...scriptArguments("build")].map((word) => `"${word}"`).join(" ");
    const command = line.replace(/\$\{\{\s*([\w.]+)\s*\}\}/g, (_, name: string) => values[name] ?? `<${name}>`).replaceAll("npm run build --", build);
    return jobs(
      () =>
        new Promise<Run>((resolve) => {
          execFile("bash", ["-ec", command], { cwd: site.root, env: { ...process.env, DATELINE_CACHE_DIR: path.join(site.root, "caches", cache), DATELINE_NOW: NOW, ...values }, timeout: 120_000 }, (error, stdout, stderr) =>
            resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}\n${stderr}` }),
          );
        }),
    );
  }

  it("build slices that a merge of the downloaded artifacts turns into the single build", async () => {
    const workflow = parse(await fs.readFile(path.join(REPO, ".github/workflows/publish-sharded.yml"), "utf8")) as { jobs: Jobs };
    const step = (job: string, test: (step: Step) => boolean) => workflow.jobs[job]?.steps.find(test) ?? { run: "false" };
    // prepare: the list of slices, written to $GITHUB_OUTPUT as the runner's file.
    const outputs = path.join(site.root, "github-output");
    await fs.writeFile(outputs, "");
    const listed = await shell(step("prepare", (candidate) => candidate.id === "slices").run ?? "", { SHARDS: "2", GITHUB_OUTPUT: outputs }, "prepare");
    expect(listed.code, listed.output).toBe(0);
    const prepared = Object.fromEntries((await fs.readFile(outputs, "utf8")).trim().split("\n").map((line) => line.split("=") as [string, string]));
    expect(prepared).toEqual({ count: "2", slices: "[1,2]" });
    // check: one job per entry of the matrix, its folder uploaded as checked-K and downloaded into _checked/checked-K.
    const slices = JSON.parse(prepared["slices"] ?? "[]") as number[];
    const check = step("check", (candidate) => candidate.run?.startsWith("npm run build") === true).run ?? "";
    const checks = await Promise.all(slices.map((k) => shell(check, { "matrix.part": String(k), "needs.prepare.outputs.count": prepared["count"] ?? "" }, `workflow-check-${k}`)));
    for (const run of checks) expect(run.code, run.output).toBe(0);
    for (const k of slices) await fs.rename(path.join(site.root, "_checked", String(k)), path.join(site.root, "_checked", `checked-${k}`));
    // slice: one job per entry of the matrix, then its folder uploaded as slice-K and downloaded into _slices/slice-K.
    const build = step("slice", (candidate) => candidate.run?.startsWith("npm run build") === true).run ?? "";
    const runs = await Promise.all(slices.map((k) => shell(build, { "matrix.slice": String(k), "needs.prepare.outputs.count": prepared["count"] ?? "" }, `workflow-slice-${k}`)));
    for (const run of runs) expect(run.output).toMatch(/checked parts: 2 parts of \d+ articles; 0 checked here/);
    for (const run of runs) expect(run.code, run.output).toBe(0);
    for (const k of slices) await fs.rename(path.join(site.root, "_slices", String(k)), path.join(site.root, "_slices", `slice-${k}`));
    const merged = await shell(step("merge", (candidate) => candidate.run?.startsWith("npm run build") === true).run ?? "", {}, "workflow-merge");
    expect(merged.code, merged.output).toBe(0);
    expect(merged.output).toContain("merged 2 slices");
    expect(await hashTree(site.outputDir)).toEqual(single);
  }, 300_000);
});

describe("a merge that does not match", () => {
  it("refuses a missing slice, naming it", async () => {
    const run = await buildCli([`--output=${path.join(site.root, "bad-merge")}`, "--merge", sliceDir(3, 1), sliceDir(3, 3)], "merge-bad");
    expect(run.code).toBe(2);
    expect(run.output).toContain("--merge: slice 2 of 3 is missing");
    await expect(fs.stat(path.join(site.root, "bad-merge"))).rejects.toThrow();
  });

  it("refuses slices of different counts", async () => {
    const run = await buildCli([`--output=${path.join(site.root, "bad-merge")}`, "--merge", sliceDir(2, 1), sliceDir(3, 2), sliceDir(3, 3)], "merge-bad");
    expect(run.code).toBe(2);
    expect(run.output).toMatch(/--merge: .* is slice \d of [23], the others are of [23]/);
  });

  it("refuses slices built from other content than the merge's", async () => {
    const file = path.join(site.contentDir, "articles/2024/story-2.md");
    const before = await fs.readFile(file, "utf8");
    await fs.writeFile(file, before.replace("Harbour story 2 of 2024", "Harbour story two of 2024"));
    try {
      const run = await buildCli([`--output=${path.join(site.root, "bad-merge")}`, "--merge", sliceDir(2, 1), sliceDir(2, 2)], "merge-bad");
      expect(run.code).toBe(2);
      expect(run.output).toMatch(/--merge: .* \(slice 1\/2\) was built from other content than this merge's content folder; build every slice and the merge from the same commit/);
    } finally {
      await fs.writeFile(file, before);
    }
  });

  it("refuses a slice folder that lacks a page or a search shard its manifest lists, and a folder that is no slice", async () => {
    const copy = path.join(site.root, "slice-copy");
    await fs.cp(sliceDir(2, 2), copy, { recursive: true });
    const manifest = JSON.parse(await fs.readFile(path.join(copy, SLICE_MANIFEST), "utf8")) as SliceManifest;
    const [first] = manifest.pages[0] ?? [""];
    await fs.rm(path.join(copy, first, "index.html"));
    const lacking = await buildCli([`--output=${path.join(site.root, "bad-merge")}`, "--merge", sliceDir(2, 1), copy], "merge-bad");
    expect(lacking.code).toBe(2);
    expect(lacking.output).toContain(`--merge: ${copy} lacks ${first.slice(1)}index.html, which its manifest lists`);
    // A search shard's folder gone (the page put back): the merge names the folder.
    await fs.cp(path.join(sliceDir(2, 2), first, "index.html"), path.join(copy, first, "index.html"));
    expect(manifest.shards.length).toBeGreaterThan(0);
    const [shard] = manifest.shards[0] ?? [""];
    await fs.rm(path.join(copy, "pagefind", shard), { recursive: true });
    const noShard = await buildCli([`--output=${path.join(site.root, "bad-merge")}`, "--merge", sliceDir(2, 1), copy], "merge-bad");
    expect(noShard.code).toBe(2);
    expect(noShard.output).toContain(`--merge: ${copy} lacks pagefind/${shard}, which its manifest lists`);
    // A manifest naming a file outside its folder (an artifact tampered with): refused before anything is read.
    const tampered: [string, SliceManifest][] = [
      ["shards", { ...manifest, shards: [["../../outside", "x"], ...manifest.shards] }],
      ["pages", { ...manifest, pages: [...manifest.pages, ["/2026/../../../outside/", "x"]] }],
    ];
    for (const [field, bad] of tampered) {
      await fs.writeFile(path.join(copy, SLICE_MANIFEST), JSON.stringify(bad));
      const outside = await buildCli([`--output=${path.join(site.root, "bad-merge")}`, "--merge", sliceDir(2, 1), copy], "merge-bad");
      expect(outside.code).toBe(2);
      expect(outside.output).toContain(`--merge: ${copy}/${SLICE_MANIFEST}: ${field}[${field === "shards" ? 0 : manifest.pages.length}]`);
    }
    const notSlice = await buildCli([`--output=${path.join(site.root, "bad-merge")}`, "--merge", sliceDir(2, 1), site.contentDir], "merge-bad");
    expect(notSlice.code).toBe(2);
    expect(notSlice.output).toContain(`--merge: ${site.contentDir} is not a slice of a build`);
  });

  it("refuses --shard that is not K/N, and --shard with --merge, as usage errors", async () => {
    const run = await buildCli(["--shard=4/3", `--output=${path.join(site.root, "bad-slice")}`], "slice-bad");
    expect(run.code).toBe(2);
    expect(run.output).toContain('--shard "4/3" is not K/N with 1 ≤ K ≤ N');
    const both = await buildCli(["--shard=1/2", "--merge", sliceDir(2, 1)], "slice-bad");
    expect(both.code).toBe(2);
    expect(both.output).toContain("--shard and --merge are separate jobs");
  });
});
