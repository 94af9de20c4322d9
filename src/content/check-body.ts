// The checks a Markdown body (an article, an author's bio) needs beyond its front matter's
// schema: no invisible control or bidi characters on any line, and nothing the Markdown parser
// would drop without a word. One pass over the lines, one over the tokens.
import type { Token } from "markdown-it";
import { findInvisibleInBody } from "./text-hygiene.ts";
import { findDroppedContent } from "../markdown/drops.ts";
import type { ContentProblem } from "./errors.ts";

/** Problems in a body that starts at file line `bodyLine`; `tokens` are the body's own parse. */
export function checkBody(file: string, body: string, tokens: readonly Token[], bodyLine: number): ContentProblem[] {
  const problems = [...findInvisibleInBody(body), ...findDroppedContent(tokens)].map(({ line, message }) => ({ file, line: bodyLine + line, field: "body", message }));
  return problems.sort((a, b) => a.line - b.line);
}
