// The editor's optional note for a day: `content/newsletter/<yyyy-mm-dd>.md`, YAML front matter read
// by the content's own parser (line numbers, no executable front matter) and checked by a small schema.
import { z } from "zod";
import { parseFrontMatter } from "../content/front-matter.ts";
import { formatProblem, type ContentProblem } from "../content/errors.ts";
import { visibleString } from "../content/schema.ts";
import { findInvisibleInBody } from "../content/text-hygiene.ts";

export const NOTES_FOLDER = "newsletter";

const noteSchema = z.strictObject({
  /** Replaces the generated subject line. */
  subject: visibleString("the subject line").trim().min(1, "is empty (write the subject line, or remove the field)").optional(),
  /** Who signs the note: "Mara Quinn, editor". */
  signed: visibleString("who signs the note").trim().min(1, "is empty (write who signs the note, or remove the field)").optional(),
});

export interface EditorNote {
  subject?: string;
  signed?: string;
  /** The note's paragraphs as plain text (blank lines separate them); layouts escape them. */
  paragraphs: string[];
}

/** A note file that cannot be used, named like the content errors: `file:line field: what is wrong`. */
export class EditorNoteError extends Error {
  override name = "EditorNoteError";
  readonly problem: ContentProblem;
  constructor(problem: ContentProblem) {
    super(formatProblem(problem));
    this.problem = problem;
  }
}

/** Parses a note's text; `file` names it in errors. */
export function parseEditorNote(source: string, file: string): EditorNote {
  const parsed = parseFrontMatter(source);
  if (!parsed.ok) throw new EditorNoteError({ file, ...parsed.problem });
  const checked = noteSchema.safeParse(parsed.file.data);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const field = issue?.path.map(String).join(".") || "front matter";
    throw new EditorNoteError({ file, line: parsed.file.lineOf(issue?.path ?? []), field, message: issue?.message ?? "is not valid" });
  }
  // The note goes into an email: an invisible control character would reach every reader's inbox.
  const [invisible] = findInvisibleInBody(parsed.file.body);
  if (invisible) throw new EditorNoteError({ file, line: parsed.file.bodyLine + invisible.line, field: "body", message: invisible.message });
  const paragraphs = parsed.file.body
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, " ").trim())
    .filter((paragraph) => paragraph !== "");
  return { ...checked.data, paragraphs };
}
