// The content check as the editor sees it, for tests of content errors: the problem lines
// validation gives (paths relative to the content folder), and `npm run check:content` run as a
// child process.
import { execFile } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { validateNewsroom } from "../../src/content/load.ts";
import { formatProblem, sortProblems } from "../../src/content/errors.ts";
import { REPO, type FixtureSite } from "./site.ts";

/** Every problem as `articles/2026/x.md:3 field: message`, sorted as the build prints them. */
export async function problemLines(fixture: FixtureSite): Promise<string[]> {
  const { problems } = await validateNewsroom(fixture.contentDir);
  return sortProblems(problems).map((problem) => formatProblem({ ...problem, file: path.relative(fixture.contentDir, problem.file) }));
}

/** Runs `npm run check:content -- --content <dir>` in the site's root, with the site's image cache. */
export function runCheckContent(fixture: FixtureSite): Promise<{ code: number | null; out: string }> {
  const tsx = pathToFileURL(path.join(REPO, "node_modules/tsx/dist/loader.mjs")).href;
  return new Promise((resolve) =>
    execFile(
      process.execPath,
      ["--import", tsx, path.join(REPO, "src/cli/check-content.ts"), "--content", fixture.contentDir],
      { cwd: fixture.root, timeout: 60_000, env: { ...process.env, DATELINE_CACHE_DIR: fixture.cacheDir } },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, out: stdout + stderr }),
    ),
  );
}
