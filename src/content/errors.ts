// Content errors read like a compiler's: every problem in every file is collected first, then the
// build stops once with one line per problem, `file:line field: what is wrong (what is accepted)`.
import path from "node:path";
import { escapeInvisible } from "./text-hygiene.ts";

export interface ContentProblem {
  /** Absolute path of the file at fault. */
  file: string;
  line: number;
  field: string;
  message: string;
}

/** Path as an editor sees it: relative to the working directory when the file is inside it. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith("..") || path.isAbsolute(relative) ? file : relative.split(path.sep).join("/");
}

/** One line per problem, whatever it quotes: invisible characters an editor wrote are shown escaped. */
export function formatProblem(problem: ContentProblem): string {
  return escapeInvisible(`${displayPath(problem.file)}:${problem.line} ${problem.field}: ${problem.message}`);
}

/** Problems in the order an editor works through them: by file, then by line. */
export function sortProblems(problems: readonly ContentProblem[]): ContentProblem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

/** The build stops on content an editor must fix; the message lists every problem found. */
export class ContentError extends Error {
  override name = "ContentError";
  /** Eleventy prints our message without a stack trace: the trace says nothing to an editor. */
  readonly skipOriginalStack = true;
  readonly problems: readonly ContentProblem[];
  constructor(problems: readonly ContentProblem[]) {
    const sorted = sortProblems(problems);
    const count = sorted.length === 1 ? "1 problem" : `${sorted.length} problems`;
    super(`Content has ${count}; nothing was published. Fix and build again:\n${sorted.map(formatProblem).join("\n")}`);
    this.problems = sorted;
    // Eleventy logs a failed build, then its CLI logs the same error again as fatal; this flag (what
    // Eleventy's ErrorHandler.once checks) keeps the list of problems to one printing.
    Object.defineProperty(this, "__errorAlreadyLogged", { value: true });
  }
}
