// Issue 14: `--output` can never destroy the project. The build replaces its output folder whole, so a
// folder that is or holds the content or the project, or holds anyone else's files, is refused with
// one line and exit code 2 before anything is touched; an earlier Dateline output is recognised.
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isolateImageCache, makeSite, removeSite, runBuildCli, type FixtureSite } from "./helpers/site.ts";
import { runCommand } from "./helpers/commands.ts";
import { checkOutputFolder, EARLIER_OUTPUT_FILES, markOutputFolder, OUTPUT_MARKER, OutputFolderError } from "../src/build/output-folder.ts";
import { hashTree } from "./helpers/tree.ts";

describe("checkOutputFolder", () => {
  let root: string;
  let project: string;
  let content: string;
  /** The message for building `content` into `output` with `project` protected, or "ok". */
  const verdict = (output: string, input = content) =>
    checkOutputFolder({ output, input, protect: [project] }).then(
      () => "ok",
      (error: unknown) => {
        if (!(error instanceof OutputFolderError)) throw error;
        return error.message;
      },
    );

  beforeAll(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), "dateline-output-"));
    project = path.join(root, "project");
    content = path.join(root, "content");
    await fs.mkdir(path.join(project, "src"), { recursive: true });
    await fs.writeFile(path.join(project, "package.json"), "{}");
    await fs.mkdir(path.join(content, "articles"), { recursive: true });
  });
  afterAll(() => fs.rm(root, { recursive: true, force: true }));

  it("accepts a new folder, an empty one, a marked one and an unmarked earlier output", async () => {
    expect(await verdict(path.join(project, "_site"))).toBe("ok");
    await fs.mkdir(path.join(root, "empty"));
    expect(await verdict(path.join(root, "empty"))).toBe("ok");
    await markOutputFolder(path.join(root, "marked"));
    await fs.writeFile(path.join(root, "marked/index.html"), "<!doctype html>");
    expect(await verdict(path.join(root, "marked"))).toBe("ok");
    await fs.mkdir(path.join(root, "earlier"));
    for (const name of EARLIER_OUTPUT_FILES) await fs.writeFile(path.join(root, "earlier", name), "");
    expect(await verdict(path.join(root, "earlier"))).toBe("ok");
  });

  it("refuses the content folder, a folder holding it, a folder inside it, and a link to it", async () => {
    const advice = "nothing was built (choose a folder of its own, e.g. _site)";
    expect(await verdict(content)).toBe(`--output ${JSON.stringify(content)}: is the content folder; a build replaces its output folder whole, content included; ${advice}`);
    expect(await verdict(root)).toBe(`--output ${JSON.stringify(root)}: contains the content folder (${content}); a build replaces its output folder whole, content included; ${advice}`);
    expect(await verdict(path.join(content, "_site"))).toBe(
      `--output ${JSON.stringify(path.join(content, "_site"))}: is inside the content folder (${content}); the site would be written among the content; ${advice}`,
    );
    await fs.symlink(content, path.join(root, "alias"));
    expect(await verdict(path.join(root, "alias"))).toMatch(/: is the content folder; /);
    // Relative paths are resolved from the working directory, as the command line gives them.
    expect(await verdict(path.relative(process.cwd(), content))).toMatch(/: is the content folder; /);
  });

  it("refuses the project folder and any folder holding it", async () => {
    expect(await verdict(project)).toBe(`--output ${JSON.stringify(project)}: is the project folder; a build replaces its output folder whole; nothing was built (choose a folder of its own, e.g. _site)`);
    expect(await verdict(path.dirname(root))).toMatch(/: contains the (content|project) folder \(/);
    expect(await verdict("/")).toMatch(/^--output "\/": contains the content folder /);
  });

  it("refuses a file, and a folder holding files Dateline did not write", async () => {
    await fs.writeFile(path.join(root, "notes.txt"), "mine");
    expect(await verdict(path.join(root, "notes.txt"))).toMatch(/: is a file, not a folder; nothing was built \(choose a folder, e.g\. _site\)$/);
    expect(await verdict(path.join(project, "src"))).toBe("ok"); // empty
    await fs.writeFile(path.join(project, "src/index.ts"), "export {};");
    expect(await verdict(path.join(project, "src"))).toBe(
      `--output ${JSON.stringify(path.join(project, "src"))}: holds files that Dateline did not write (it has no ${OUTPUT_MARKER}); a build replaces its output folder whole; nothing was built (choose a new or empty folder, e.g. _site, or empty this one first)`,
    );
    // Two of the three files an earlier output always has are not enough.
    await fs.mkdir(path.join(root, "almost"));
    for (const name of EARLIER_OUTPUT_FILES.slice(1)) await fs.writeFile(path.join(root, "almost", name), "");
    expect(await verdict(path.join(root, "almost"))).toMatch(/holds files that Dateline did not write/);
  });
});

describe("npm run build -- --output (the real CLI)", () => {
  let site: FixtureSite;
  let before: Record<string, string>;
  beforeAll(async () => {
    site = await makeSite();
    // An image cache of its own: the shared one is written by other test files' builds meanwhile,
    // and the tree compared here is this site's alone.
    await isolateImageCache(site);
    before = await hashTree(site.root);
  });
  afterAll(() => removeSite(site));

  const OWN = "(choose a folder of its own, e.g. _site)";
  it.each([
    ["the site's folder, which holds content/", (s: FixtureSite) => s.root, /: contains the content folder \(/, OWN],
    ["content/ itself", (s: FixtureSite) => s.contentDir, /: is the content folder; /, OWN],
    ["a folder of someone's files", (s: FixtureSite) => path.join(s.contentDir, "../mine"), /: holds files that Dateline did not write /, "(choose a new or empty folder, e.g. _site, or empty this one first)"],
  ])("refuses %s with exit code 2 and one line, and leaves every file as it was", async (_name, output, reason, advice) => {
    await fs.mkdir(path.join(site.root, "mine"), { recursive: true });
    await fs.writeFile(path.join(site.root, "mine/notes.txt"), "mine");
    const run = await runBuildCli({ ...site, outputDir: output(site) });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    const lines = run.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(reason);
    expect(lines[0]?.startsWith(`--output ${JSON.stringify(output(site))}: `)).toBe(true);
    expect(lines[0]?.endsWith(`; nothing was built ${advice}`)).toBe(true);
    expect(await hashTree(site.root)).toEqual({ ...before, "mine/notes.txt": createHash("sha256").update("mine").digest("hex") });
  });

  it("refuses the working directory, as the project folder, from wherever it runs", async () => {
    const project = path.join(site.root, "project");
    await fs.mkdir(project);
    await fs.writeFile(path.join(project, "keep.txt"), "mine");
    const run = await runCommand("build", [`--input=${site.contentDir}`, "--output=."], { cwd: project, env: { DATELINE_CACHE_DIR: site.cacheDir } });
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr.trim()).toBe('--output ".": is the project folder; a build replaces its output folder whole; nothing was built (choose a folder of its own, e.g. _site)');
    expect(await fs.readdir(project)).toEqual(["keep.txt"]);
    await fs.rm(project, { recursive: true });
  });

  it("npm run edition refuses the same folders, with exit code 2", async () => {
    const run = await runCommand("edition", ["--date", "2026-03-05", "--content", site.contentDir, "--output", site.root], { env: { DATELINE_CACHE_DIR: site.cacheDir, DATELINE_NOW: "2026-03-06T12:00:00Z" } });
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr.trim()).toBe(`--output ${JSON.stringify(site.root)}: contains the content folder (${site.contentDir}); a build replaces its output folder whole, content included; nothing was built (choose a folder of its own, e.g. _site)`);
    expect(await hashTree(site.root)).toEqual({ ...before, "mine/notes.txt": createHash("sha256").update("mine").digest("hex") });
  });
});
