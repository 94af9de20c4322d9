// Editors' notes for the daily edition: `newsletter/<yyyy-mm-dd>.md`, read like every content file.
// A note that does not parse is a content problem like any other, listed with the rest.
import fs from "node:fs/promises";
import path from "node:path";
import { NOTES_FOLDER, parseEditorNote, EditorNoteError, type EditorNote } from "../edition/note.ts";
import { readText } from "./read-text.ts";
import type { ContentProblem } from "./errors.ts";

const NOTE_FILE = /^\d{4}-\d{2}-\d{2}\.md$/;

export async function readEditorNotes(contentDir: string): Promise<{ notes: Map<string, EditorNote>; problems: ContentProblem[] }> {
  const dir = path.join(contentDir, NOTES_FOLDER);
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const notes = new Map<string, EditorNote>();
  const problems: ContentProblem[] = [];
  for (const name of names.filter((file) => NOTE_FILE.test(file)).sort()) {
    const file = path.join(dir, name);
    const text = await readText(contentDir, file);
    if (!text.ok) {
      problems.push({ file, line: 1, field: "file", message: text.message });
      continue;
    }
    try {
      notes.set(name.slice(0, 10), parseEditorNote(text.text, file));
    } catch (error) {
      if (!(error instanceof EditorNoteError)) throw error;
      problems.push(error.problem);
    }
  }
  return { notes, problems };
}
