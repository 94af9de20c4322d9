// `npm run check:content`: validates every content file without encoding an image or rendering a
// page, and prints the build's own problem lines, or GitHub Actions annotations (`--format github`)
// so that a pull request shows each mistake on its line.
import path from "node:path";
import { validateNewsroom } from "../content/load.ts";
import { formatProblem, sortProblems, type ContentProblem } from "../content/errors.ts";
import { escapeInvisible } from "../content/text-hygiene.ts";
import { rememberInspections } from "../images/index.ts";
import { isMain, parseCommandLine, UsageError } from "./command-line.ts";

const USAGE = "usage: npm run check:content -- [--format text|github] [--content <dir>]";

export const PROBLEM_FORMATS = ["text", "github"] as const;
export type ProblemFormat = (typeof PROBLEM_FORMATS)[number];

/** GitHub's escaping for a workflow command's message (what @actions/core's `escapeData` does). */
export function escapeAnnotationData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** A property value (`file=`, `title=`) also escapes the characters that separate properties. */
export function escapeAnnotationProperty(text: string): string {
  return escapeAnnotationData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/**
 * `::error file=content/articles/2026/x.md,line=7,title=byline::unknown author "jdoe" (…)`.
 * `root` is the repository root the file path is made relative to (npm runs scripts there).
 */
export function formatAnnotation(problem: ContentProblem, root: string): string {
  // Invisible characters first: an ESC sequence quoted from content must not restyle the CI log.
  const file = escapeInvisible(path.relative(root, problem.file).split(path.sep).join("/"));
  const properties = `file=${escapeAnnotationProperty(file)},line=${problem.line},title=${escapeAnnotationProperty(escapeInvisible(problem.field))}`;
  return `::error ${properties}::${escapeAnnotationData(escapeInvisible(problem.message, { lineBreaks: false }))}`;
}

export interface CheckResult {
  /** One line per problem, sorted by file and line, in the requested format. */
  lines: string[];
  /** What was checked and how long it took, or how many problems were found. */
  summary: string;
  ok: boolean;
}

export async function checkContent(options: { contentDir: string; format: ProblemFormat; root?: string }): Promise<CheckResult> {
  const started = performance.now();
  const checked = await validateNewsroom(options.contentDir, { problemsOnly: true });
  // Full decodes of photos are the slow part of a cold check: keep them for the next check or build.
  await rememberInspections();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const problems = sortProblems(checked.problems);
  const root = options.root ?? process.cwd();
  const lines = problems.map((problem) => (options.format === "github" ? formatAnnotation(problem, root) : formatProblem(problem)));
  const valid = `${count(checked.articles?.length ?? 0, "article")}, ${count(checked.authors?.length ?? 0, "author")}`;
  if (problems.length === 0) return { lines, ok: true, summary: `[dateline] content is valid: ${valid} (checked in ${seconds} s)` };
  const files = new Set(problems.map((problem) => problem.file)).size;
  const summary = `[dateline] content has ${count(problems.length, "problem")} in ${count(files, "file")}; valid: ${valid} (checked in ${seconds} s)`;
  return { lines, ok: false, summary };
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/** Runs the command; the exit code is 0 when all content is valid, 1 on problems, 2 on bad usage. */
export async function main(args: readonly string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseCommandLine(args, USAGE, {
      format: { type: "string", default: "text" },
      content: { type: "string", default: "content" },
    }));
    if (!(PROBLEM_FORMATS as readonly string[]).includes(values.format)) {
      throw new UsageError(`--format must be one of ${PROBLEM_FORMATS.join(", ")}, not "${values.format}"`, USAGE);
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(error.message);
    return 2;
  }
  const result = await checkContent({ contentDir: values.content, format: values.format as ProblemFormat });
  for (const line of result.lines) console.log(line);
  console.error(result.summary);
  return result.ok ? 0 : 1;
}

if (isMain(import.meta.filename)) process.exitCode = await main(process.argv.slice(2));
