// `npm run check` lints the repository's own code, never what a build, the live preview or a cache
// writes into the checkout: every folder .gitignore names is one ESLint ignores too (a preview's
// `.preview/admin/` holds the CMS's minified scripts, thousands of lint errors).
import { readFileSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import { REPO } from "./helpers/paths.ts";

describe("what the linter reads", () => {
  it("leaves out every folder git ignores", async () => {
    const folders = readFileSync(path.join(REPO, ".gitignore"), "utf8")
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line.endsWith("/") && !line.startsWith("#"));
    expect(folders).toContain(".preview/");
    const eslint = new ESLint({ cwd: REPO });
    // A script in each such folder (a "*" in its name stands for any run's own name).
    const linted = [];
    for (const folder of folders) {
      const file = path.join(REPO, folder.replace(/\*/g, "1"), "admin", "page.js");
      if (!(await eslint.isPathIgnored(file))) linted.push(folder);
    }
    expect(linted).toEqual([]);
    // And the repository's own code is read.
    expect(await eslint.isPathIgnored(path.join(REPO, "src", "cli", "launch.mjs"))).toBe(false);
  });
});
