// The content check as the editor sees it, for tests of content errors: the problem lines
// validation gives (paths relative to the content folder), and `npm run check:content` run as
// tests/helpers/commands.ts runs commands.
import path from "node:path";
import { validateNewsroom } from "../../src/content/load.ts";
import { formatProblem, sortProblems } from "../../src/content/errors.ts";
import type { FixtureSite } from "./site.ts";
import { runCommand } from "./commands.ts";

/** Every problem as `articles/2026/x.md:3 field: message`, sorted as the build prints them. */
export async function problemLines(fixture: FixtureSite): Promise<string[]> {
  const { problems } = await validateNewsroom(fixture.contentDir);
  return sortProblems(problems).map((problem) => formatProblem({ ...problem, file: path.relative(fixture.contentDir, problem.file) }));
}

/** Runs `npm run check:content -- --content <dir>` in the site's root, with the site's image cache. */
export async function runCheckContent(fixture: FixtureSite): Promise<{ code: number | null; out: string }> {
  const run = await runCommand("check:content", ["--content", fixture.contentDir], { cwd: fixture.root, env: { DATELINE_CACHE_DIR: fixture.cacheDir } });
  return { code: run.status, out: run.stdout + run.stderr };
}
