// The editor's optional note for a day: `content/newsletter/<yyyy-mm-dd>.md`, YAML front matter read
// by the content's own parser (line numbers, no executable front matter) and checked by a small schema.
import fs from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { parseFrontMatter } from "../content/front-matter.ts";

export const NOTES_FOLDER = "newsletter";

const noteSchema = z.strictObject({
  /** Replaces the generated subject line. */
  subject: z.string().trim().min(1, "is empty (write the subject line, or remove the field)").optional(),
  /** Who signs the note: "Mara Quinn, editor". */
  signed: z.string().trim().min(1, "is empty (write who signs the note, or remove the field)").optional(),
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
}

/** Parses a note's text; `file` names it in errors. */
export function parseEditorNote(source: string, file: string): EditorNote {
  const parsed = parseFrontMatter(source);
  if (!parsed.ok) throw new EditorNoteError(`${file}:${parsed.problem.line} ${parsed.problem.field}: ${parsed.problem.message}`);
  const checked = noteSchema.safeParse(parsed.file.data);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const field = issue?.path.map(String).join(".") || "front matter";
    throw new EditorNoteError(`${file}:${parsed.file.lineOf(issue?.path ?? [])} ${field}: ${issue?.message ?? "is not valid"}`);
  }
  const paragraphs = parsed.file.body
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, " ").trim())
    .filter((paragraph) => paragraph !== "");
  return { ...checked.data, paragraphs };
}

/** The note for `day` from `<contentDir>/newsletter/<day>.md`, or undefined when there is none. */
export async function readEditorNote(contentDir: string, day: string): Promise<EditorNote | undefined> {
  const file = path.join(contentDir, NOTES_FOLDER, `${day}.md`);
  const source = await fs.readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw error;
  });
  return source === undefined ? undefined : parseEditorNote(source, path.relative(process.cwd(), file) || file);
}
