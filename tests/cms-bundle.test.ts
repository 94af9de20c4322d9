// The admin script (src/cms/bundle.ts) is bundled once per code version into node_modules/.cache:
// the scripts of other versions, never read again, are removed rather than kept one per version.
import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { REPO } from "./helpers/paths.ts";

describe("the admin script's cache", () => {
  it("keeps the script of this code version only", async () => {
    const cache = path.join(REPO, "node_modules/.cache/dateline");
    await fs.mkdir(cache, { recursive: true });
    const stale = path.join(cache, "cms-an-older-code-version.js");
    await fs.writeFile(stale, "// an older admin script\n");
    // A fresh process: the script is bundled (or found) once per process.
    const script = `const { adminScript } = await import(${JSON.stringify(pathToFileURL(path.join(REPO, "src/cms/bundle.ts")).href)}); console.log((await adminScript()).length);`;
    const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx/esm", "--input-type=module", "-e", script], { cwd: REPO });
    expect(Number(stdout.trim())).toBeGreaterThan(10_000);
    const scripts = (await fs.readdir(cache)).filter((file) => /^cms-.*\.js$/.test(file));
    expect(scripts).toHaveLength(1);
    expect(scripts).not.toContain(path.basename(stale));
  });
});
