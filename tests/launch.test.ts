// Issue 16: `npm run new` and `npm run check:content` start through src/cli/launch.mjs, which runs the
// command with Node's own type stripping where Node has it (22.18+) and through tsx elsewhere. Either
// way the command runs as itself: its arguments, its output and its exit code.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { FIXTURES, REPO } from "./helpers/site.ts";

const run = (...args: string[]) =>
  promisify(execFile)(process.execPath, ["src/cli/launch.mjs", ...args], { cwd: REPO }).then(
    (result) => ({ code: 0, ...result }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );

describe("the editor commands' launcher", () => {
  it("is what npm runs for new and check:content", () => {
    const { scripts } = JSON.parse(readFileSync(path.join(REPO, "package.json"), "utf8")) as { scripts: Record<string, string> };
    expect(scripts["new"]).toBe("node src/cli/launch.mjs src/cli/new-article.ts");
    expect(scripts["check:content"]).toBe("node src/cli/launch.mjs src/cli/check-content.ts");
  });

  it("runs the command with its arguments and exit code, on this Node" + ((process.features as { typescript?: unknown }).typescript ? " (type stripping)" : " (tsx)"), async () => {
    const valid = await run("src/cli/check-content.ts", "--content", path.join(FIXTURES, "base"));
    expect(valid.code).toBe(0);
    expect(valid.stderr).toMatch(/^\[dateline\] content is valid: 2 articles, 2 authors/);
    const usage = await run("src/cli/check-content.ts", "--format", "xml");
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--format must be one of text, github, not "xml"');
  });
});
