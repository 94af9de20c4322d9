// src/cli/launch.mjs starts the TypeScript commands npm runs (`start`, `cms`, `edition`, `new`,
// `check:content`): compiled into one module with everything of ours it imports, kept beside
// `npm run build`'s (src/cli/compiled-command.js), else through tsx. Either way the command runs as
// itself: its arguments, its output and its exit code.
import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { compiledCommand } from "../src/cli/compiled-command.js";
import { FIXTURES, REPO } from "./helpers/site.ts";

const run = (...args: string[]) =>
  promisify(execFile)(process.execPath, ["src/cli/launch.mjs", ...args], { cwd: REPO }).then(
    (result) => ({ code: 0, ...result }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );

describe("the commands' launcher", () => {
  it("is what npm runs for every command written in TypeScript but the build", () => {
    const { scripts } = JSON.parse(readFileSync(path.join(REPO, "package.json"), "utf8")) as { scripts: Record<string, string> };
    expect(scripts["start"]).toBe("node src/cli/launch.mjs src/cli/preview.ts");
    expect(scripts["cms"]).toBe("node src/cli/launch.mjs src/cli/cms.ts");
    expect(scripts["edition"]).toBe("node src/cli/launch.mjs src/cli/edition.ts");
    expect(scripts["new"]).toBe("node src/cli/launch.mjs src/cli/new-article.ts");
    expect(scripts["check:content"]).toBe("node src/cli/launch.mjs src/cli/check-content.ts");
  });

  it("runs the command compiled, with its arguments and exit code", async () => {
    // This checkout's compilation of the command forgotten first: the launcher must make it again.
    const cache = path.join(REPO, "node_modules", ".cache", "dateline");
    const ours = () =>
      (existsSync(cache) ? readdirSync(cache) : [])
        .filter((file) => /^check-content-[\w-]+\.json$/.test(file))
        .map((file) => ({ file, ...(JSON.parse(readFileSync(path.join(cache, file), "utf8")) as { root: string; module: string }) }))
        .find((manifest) => manifest.root === REPO);
    const before = ours();
    if (before) rmSync(path.join(cache, before.file));
    const valid = await run("src/cli/check-content.ts", "--content", path.join(FIXTURES, "base"));
    expect(valid.code).toBe(0);
    expect(valid.stderr).toMatch(/^\[dateline\] content is valid: 2 articles, 2 authors/);
    const usage = await run("src/cli/check-content.ts", "--format", "xml");
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--format must be one of text, github, not "xml"');
    // The launcher compiled it for this checkout: its manifest is back, naming a module that is there,
    // made from this code (asked now, the same module: nothing made anew).
    const after = ours();
    expect(after && existsSync(path.join(cache, after.module))).toBe(true);
    expect(await compiledCommand("src/cli/check-content.ts")).toBe(pathToFileURL(path.join(cache, after?.module ?? "")).href);
  });

  it("runs a command whose modules hold JSX (the edition's email), compiled", async () => {
    const usage = await run("src/cli/edition.ts", "--date", "yesterday");
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("usage: npm run edition");
  });
});
