// Editors' notes for newsletter editions: `newsletter/<yyyy-mm-dd>.md` for the first newsletter of the
// settings, `newsletter/<id>/<yyyy-mm-dd>.md` for any, read like every content file. A note that does
// not parse, or a folder named for no newsletter, is a content problem like any other.
import fs from "node:fs/promises";
import path from "node:path";
import { NOTES_FOLDER, parseEditorNote, EditorNoteError, type EditorNote } from "../edition/note.ts";
import { readText } from "./read-text.ts";
import { suggestClosest } from "./closest.ts";
import type { ContentProblem } from "./errors.ts";

const NOTE_FILE = /^\d{4}-\d{2}-\d{2}\.md$/;

/** Notes by newsletter id, then by edition day. */
export type EditorNotes = ReadonlyMap<string, ReadonlyMap<string, EditorNote>>;

/** The notes of one folder, by day. */
async function readFolder(contentDir: string, dir: string, problems: ContentProblem[]): Promise<Map<string, EditorNote>> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const notes = new Map<string, EditorNote>();
  for (const name of names.filter((file) => NOTE_FILE.test(file)).sort()) {
    const file = path.join(dir, name);
    const text = readText(contentDir, file);
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
  return notes;
}

/** Every note, for the newsletters `ids` names (the first takes the notes at the top of newsletter/). */
export async function readEditorNotes(contentDir: string, ids: readonly string[]): Promise<{ notes: EditorNotes; problems: ContentProblem[] }> {
  const dir = path.join(contentDir, NOTES_FOLDER);
  const problems: ContentProblem[] = [];
  const notes = new Map<string, Map<string, EditorNote>>();
  const [first] = ids;
  const top = await readFolder(contentDir, dir, problems);
  if (first !== undefined) notes.set(first, top);
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries.filter((item) => item.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    if (!ids.includes(entry.name)) {
      const suggestion = suggestClosest(entry.name, [...ids]);
      problems.push({
        file: path.join(dir, entry.name),
        line: 1,
        field: "folder",
        message: `is named for no newsletter${suggestion ? `; did you mean "${suggestion}"?` : ""} (a folder of notes is named by its newsletter's id: ${ids.join(", ")})`,
      });
      continue;
    }
    const own = await readFolder(contentDir, path.join(dir, entry.name), problems);
    const known = notes.get(entry.name) ?? new Map<string, EditorNote>();
    for (const [day, note] of own) {
      if (known.has(day)) {
        problems.push({ file: path.join(dir, entry.name, `${day}.md`), line: 1, field: "file", message: `is a second note for ${entry.name}'s edition of ${day} (newsletter/${day}.md is its note too: keep one)` });
      } else known.set(day, note);
    }
    notes.set(entry.name, known);
  }
  return { notes, problems };
}
