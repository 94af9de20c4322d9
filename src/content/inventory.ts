// Only the kinds of files Dateline reads may sit in content/: Markdown with its images and audio in
// the content folders, settings.yml and the logo. Everything else is a content error named by its
// path, code above all (*.11ty.js, _data/, .js/.ts/.json, .eleventy*), so nothing committed there can
// run, and every link, device or pipe that a loader would refuse is named once, here.
import { walkContent, type ContentEntry } from "./confine.ts";
import { SETTINGS_FILE, CODE_SETTINGS_FILES } from "./load-settings.ts";
import type { ContentProblem } from "./errors.ts";

/** The folders of content/ whose Markdown files (and the images and audio beside them) Dateline reads. */
export const CONTENT_FOLDERS = ["articles", "authors", "pages", "newsletter"] as const;

const IMAGE = /\.(?:jpe?g|png|webp|avif|gif|tiff?)$/i;
const AUDIO = /\.(?:mp3|m4a|aac|ogg|oga|opus|wav)$/i;
/** Code, or data that Eleventy would run or load as such: scripts, modules, JSON, templates. */
const CODE = /\.(?:[cm]?[jt]sx?|json5?|node|wasm)$|\.11ty(?:data)?\.\w+$/i;
/** Eleventy's data, include and layout folders: whatever is in them would be run. */
const ELEVENTY_FOLDERS = new Set(["_data", "_includes", "_layouts"]);

const HOLDS = "content/ holds articles/, authors/, pages/ and newsletter/, settings.yml and the logo";

/** Every entry of the content folder, and a problem for each that is not an expected kind of file in its place. */
export async function takeInventory(contentDir: string): Promise<{ entries: ContentEntry[]; problems: ContentProblem[] }> {
  // An unexpected folder is named once; nothing below it is read, so it is not listed.
  const entries = await walkContent(contentDir, { descend: (entry) => isContentFolder(entry.name) || entry.name.includes("/") });
  const problems: ContentProblem[] = [];
  for (const entry of entries) {
    const refused = checkEntry(entry);
    if (refused) problems.push({ file: entry.path, line: 1, field: refused.field, message: refused.message });
  }
  return { entries, problems };
}

function isContentFolder(name: string): boolean {
  return (CONTENT_FOLDERS as readonly string[]).includes(name);
}

/** Why `entry` may not be in the content folder, if it may not. */
export function checkEntry(entry: Pick<ContentEntry, "name" | "kind" | "outsideFolder">): { field: "file" | "folder"; message: string } | undefined {
  const { name, kind } = entry;
  // settings.yml is always read, and its loader names what is wrong with it (load-settings.ts).
  if (name === SETTINGS_FILE) return undefined;
  const base = name.slice(name.lastIndexOf("/") + 1);
  const topLevel = !name.includes("/");
  switch (kind) {
    case "outside":
      return entry.outsideFolder
        ? { field: "folder", message: "links to a folder outside the content folder (move the files into content/ instead of linking to them)" }
        : { field: "file", message: "links outside the content folder (copy the file into content/ instead of linking to it)" };
    case "dangling":
      return { field: "file", message: "is a link to something that does not exist (fix the link or delete it)" };
    case "special":
      return { field: "file", message: "is not an ordinary file but a device, pipe or socket (content files must be ordinary files; delete it)" };
    case "folder":
      if (base.startsWith(".eleventy")) return { field: "folder", message: "belongs to Eleventy, whose files are never read from content/ (delete it)" };
      if (!topLevel || isContentFolder(name)) return undefined;
      if (ELEVENTY_FOLDERS.has(name)) return { field: "folder", message: "is an Eleventy data or layout folder, whose files would run as code; nothing in content/ is ever run (delete it; site settings go in settings.yml)" };
      return { field: "folder", message: `is not a folder Dateline reads (${HOLDS}; move it out of content/)` };
    case "file":
      if (base.startsWith(".eleventy")) return { field: "file", message: "is an Eleventy configuration or ignore file; nothing in content/ configures or runs the build (delete it)" };
      if (topLevel && CODE_SETTINGS_FILES.includes(name)) {
        return { field: "file", message: `is code, which is never run: site settings are ${SETTINGS_FILE} now (convert this file to YAML, the same fields, then delete it; see docs/editing.md)` };
      }
      if (CODE.test(base)) return { field: "file", message: "is code (or data Eleventy would run as code); nothing in content/ is ever run (delete it)" };
      if (topLevel) {
        if (IMAGE.test(name)) return undefined;
        if (name === "settings.yaml") return { field: "file", message: `is not read: the settings file is ${SETTINGS_FILE} (rename it)` };
        return { field: "file", message: `is not a file Dateline reads (${HOLDS}; move it out of content/)` };
      }
      if (base.endsWith(".md") || IMAGE.test(base) || AUDIO.test(base)) return undefined;
      return { field: "file", message: `is not a file Dateline reads (${name.slice(0, name.indexOf("/"))}/ holds Markdown files with their images and audio; move it out of content/)` };
  }
}
