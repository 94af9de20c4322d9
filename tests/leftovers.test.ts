// Issue 14: a killed build or edition leaves scratch files (`_site.building-<pid>/`, `*.partial`, the
// image cache's staging folders) that no later run removed, and that a deploy of the folder would
// publish. Every build and edition now removes those of runs no longer running, and only ours.
import { watch } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite, runBuildCli, sitesRemovedAfterEach } from "./helpers/site.ts";
import { isRunning, isStale, removeLeftovers, writeFileAtomically } from "../src/build/leftovers.ts";
import { checkOutputFolder, OUTPUT_MARKER } from "../src/build/output-folder.ts";
import { makeEdition } from "../src/cli/edition.ts";

/** The pid of a process that has exited: a run that was killed. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", ""]);
  if (child.pid === undefined || isRunning(child.pid)) throw new Error("no exited child to take a pid from");
  return child.pid;
}

/** Every file and folder under `dir`, relative, sorted. */
async function tree(dir: string): Promise<string[]> {
  return (await fs.readdir(dir, { recursive: true })).map((name) => name.split(path.sep).join("/")).sort();
}

const DAY_MS = 24 * 60 * 60 * 1000;
const site = sitesRemovedAfterEach();

describe("isStale", () => {
  it("is true for a pid that is not running, false for a running one and for nonsense", () => {
    expect(isStale(deadPid(), Date.now())).toBe(true);
    expect(isStale(process.ppid, 0)).toBe(false);
    expect(isStale(0, 0)).toBe(false);
    expect(isStale(-1, 0)).toBe(false);
  });

  it("takes this process's own pid as an earlier run's only for files older than this process", () => {
    expect(isStale(process.pid, Date.now() - DAY_MS)).toBe(true);
    expect(isStale(process.pid, Date.now())).toBe(false);
  });
});

describe("removeLeftovers", () => {
  let root: string;
  beforeAll(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), "dateline-leftovers-"));
  });
  afterAll(() => fs.rm(root, { recursive: true, force: true }));

  it("removes the stale ones by our exact names, and keeps a running run's and anything else", async () => {
    const dead = deadPid();
    const alive = process.ppid;
    const made = [
      `_site.building-${dead}/index.html`,
      `_site.previous-${dead}/index.html`,
      `_site.building-${alive}/index.html`,
      `_site.building-${dead}x/index.html`,
      `_site.building-/index.html`,
      `other.building-${dead}/index.html`,
      `_site/index.html`,
      `_site/img/a.jpeg.${dead}.partial`,
      `_site/img/b.jpeg.${alive}.partial`,
      `_site/img/c.jpeg`,
      `_site/img/d.partial`,
      `_site/newsletter/2026/03/10/email.html.${dead}.partial`,
      `_site/newsletter/2026/03/10/email.txt`,
      `cache/.staging-${dead}-AbC123/x.avif`,
      `cache/.staging-${alive}-AbC123/x.avif`,
      `cache/x.avif.${dead}.partial`,
      `cache/manifest.json.${dead}.partial`,
      `cache/.staging-OldOne/x.avif`,
      `cache/.staging-NewOne/x.avif`,
      `cache/x.avif`,
    ];
    for (const file of made) {
      await fs.mkdir(path.dirname(path.join(root, file)), { recursive: true });
      await fs.writeFile(path.join(root, file), "");
    }
    // A staging folder from before they carried a pid: removed only once no build could still be using it.
    const old = new Date(Date.now() - 2 * DAY_MS);
    await fs.utimes(path.join(root, "cache/.staging-OldOne"), old, old);

    const removed = await removeLeftovers({ output: path.join(root, "_site"), cacheDir: path.join(root, "cache"), inOutput: ["img", "/newsletter/2026/03/10/"] });
    expect(removed.map((file) => path.relative(root, file))).toEqual(
      [
        `_site.building-${dead}`,
        `_site.previous-${dead}`,
        `_site/img/a.jpeg.${dead}.partial`,
        `_site/newsletter/2026/03/10/email.html.${dead}.partial`,
        `cache/.staging-${dead}-AbC123`,
        "cache/.staging-OldOne",
        `cache/manifest.json.${dead}.partial`,
        `cache/x.avif.${dead}.partial`,
      ].sort(),
    );
    for (const file of removed) await expect(fs.lstat(file)).rejects.toThrow();
    const kept = made.filter((file) => !removed.some((gone) => path.join(root, file).startsWith(`${gone}/`) || path.join(root, file) === gone));
    for (const file of kept) expect((await fs.stat(path.join(root, file))).isFile(), file).toBe(true);
    expect(kept).toHaveLength(made.length - 8);
  });

  it("writeFileAtomically leaves the file whole, and no partial file behind", async () => {
    const file = path.join(root, "atomic/email.html");
    await fs.mkdir(path.dirname(file), { recursive: true });
    await writeFileAtomically(file, "<p>whole</p>");
    expect(await fs.readFile(file, "utf8")).toBe("<p>whole</p>");
    expect(await fs.readdir(path.dirname(file))).toEqual(["email.html"]);
  });
});

describe("what a build writes", () => {
  it("is its output and its caches: nothing in the system's temporary folder, nothing else beside the content", async () => {
    const fixture = await site();
    // The temporary folder the command sees (os.tmpdir() reads TMPDIR), watched: a folder made there
    // and removed again before the build ends (what a killed build would leave) is seen too.
    const temporary = await fs.mkdtemp(path.join(os.tmpdir(), "dateline-tmpdir-"));
    const seen: string[] = [];
    const watcher = watch(temporary, (_event, name) => seen.push(String(name)));
    try {
      const run = await runBuildCli(fixture, { TMPDIR: temporary });
      expect(run.status, run.output).toBe(0);
      // The watcher reports in order: once it has seen this file, it has seen everything before it.
      const marker = "written-after-the-build";
      const markerSeen = new Promise<void>((resolve) => watcher.on("change", (_event, name) => name === marker && resolve()));
      await fs.writeFile(path.join(temporary, marker), "");
      await markerSeen;
      expect(seen.filter((name) => name !== marker)).toEqual([]);
      expect((await fs.readdir(fixture.root)).sort()).toEqual([".cache", "_site", "content"]);
    } finally {
      watcher.close();
      await fs.rm(temporary, { recursive: true, force: true });
    }
  });
});

describe("runs clean up after crashed ones", () => {
  it("npm run build removes a killed build's staging folders and cache leftovers, and marks its output", async () => {
    const fixture = await site();
    const dead = deadPid();
    const staging = `${fixture.outputDir}.building-${dead}`;
    const previous = `${fixture.outputDir}.previous-${dead}`;
    const cacheStaging = path.join(fixture.cacheDir, "images", `.staging-${dead}-AbC123`);
    for (const dir of [staging, previous, cacheStaging]) {
      await fs.mkdir(dir, { recursive: true });
      await fs.writeFile(path.join(dir, "index.html"), "half a page");
    }
    await buildSite(fixture);
    expect(await fs.readdir(fixture.root)).toEqual(expect.not.arrayContaining([path.basename(staging), path.basename(previous)]));
    expect((await fs.readdir(fixture.root)).filter((name) => name.startsWith("_site"))).toEqual(["_site"]);
    await expect(fs.stat(cacheStaging)).rejects.toThrow();
    const files = await tree(fixture.outputDir);
    expect(files).toContain(OUTPUT_MARKER);
    expect(files.filter((name) => name.includes("partial") || name.includes("staging"))).toEqual([]);
    // The marked output is recognised as ours by the next build.
    await expect(checkOutputFolder({ output: fixture.outputDir, input: fixture.contentDir })).resolves.toBeUndefined();
  });

  it("npm run edition into an existing output removes a killed run's partial files, writes no partial file, and marks a new output", async () => {
    const fixture = await site("edition-day");
    const dead = deadPid();
    await buildSite(fixture);
    const folder = path.join(fixture.outputDir, "newsletter/2026/03/10");
    await fs.mkdir(folder, { recursive: true });
    const stale = [path.join(fixture.outputDir, `img/photo.jpeg.${dead}.partial`), path.join(folder, `email.html.${dead}.partial`)];
    for (const file of stale) await fs.writeFile(file, "half a file");
    const env = { DATELINE_CACHE_DIR: fixture.cacheDir, DATELINE_NOW: "2026-03-12T15:00:00Z" };
    const previous = { DATELINE_NOW: process.env["DATELINE_NOW"] };
    process.env["DATELINE_NOW"] = env.DATELINE_NOW;
    try {
      await makeEdition({ day: "2026-03-10", contentDir: fixture.contentDir, outputDir: fixture.outputDir, send: false, env });
      for (const file of stale) await expect(fs.stat(file)).rejects.toThrow();
      expect((await tree(fixture.outputDir)).filter((name) => name.endsWith(".partial"))).toEqual([]);
      expect(await fs.readdir(folder)).toEqual(expect.arrayContaining(["email.html", "email.txt"]));
      // Into a folder that does not exist yet: it is marked, so a later build may replace it.
      const fresh = path.join(fixture.root, "edition-only");
      await makeEdition({ day: "2026-03-10", contentDir: fixture.contentDir, outputDir: fresh, send: false, env });
      expect(await fs.readdir(fresh)).toEqual(expect.arrayContaining([OUTPUT_MARKER, "img", "newsletter"]));
      await expect(checkOutputFolder({ output: fresh, input: fixture.contentDir })).resolves.toBeUndefined();
    } finally {
      if (previous.DATELINE_NOW === undefined) delete process.env["DATELINE_NOW"];
      else process.env["DATELINE_NOW"] = previous.DATELINE_NOW;
    }
  }, 60_000);
});
