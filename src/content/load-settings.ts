// Site settings live in one typed file, `settings.ts` in the content folder, checked by the schema.
import fs from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { settingsSchema } from "./schema.ts";
import { problemsFromSchema } from "./problems.ts";
import type { ContentProblem } from "./errors.ts";
import { createSite, type Site } from "../site.ts";

export const SETTINGS_FILE = "settings.ts";

/** Overrides `baseUrl` for one build: CI sets it to the address GitHub Pages serves the repository at. */
export const BASE_URL_VARIABLE = "DATELINE_BASE_URL";

export async function loadSettings(contentDir: string): Promise<{ site?: Site; problems: ContentProblem[] }> {
  const file = path.join(contentDir, SETTINGS_FILE);
  let stat;
  try {
    stat = await fs.stat(file);
  } catch {
    return { problems: [{ file, line: 1, field: "settings", message: "file is missing (copy settings.ts from the sample content/ folder and edit it)" }] };
  }
  let raw: unknown;
  try {
    // The query makes a preview rebuild read an edited settings file instead of the cached module. It
    // is an integer: a query ending in ".4567" makes Vite (in tests) take the file for plain JS.
    const module = (await import(`${pathToFileURL(file).href}?v=${Math.round(stat.mtimeMs * 1000)}`)) as { default?: unknown };
    raw = module.default;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return { problems: [{ file, line: 1, field: "settings", message: `does not load: ${reason} (it must \`export default { … }\`)` }] };
  }
  const baseUrl = process.env[BASE_URL_VARIABLE]?.trim();
  if (baseUrl && typeof raw === "object" && raw !== null) raw = { ...raw, baseUrl };
  const parsed = settingsSchema.safeParse(raw);
  if (!parsed.success) {
    const source = await fs.readFile(file, "utf8");
    // A missing setting points at its parent: a same-named key further down would be the wrong line.
    const lineOf = (fieldPath: readonly PropertyKey[]) =>
      lineOfSetting(source, valueAt(raw, fieldPath) === undefined ? fieldPath.slice(0, -1) : fieldPath);
    const problems = problemsFromSchema(parsed.error, file, lineOf, Object.keys(settingsSchema.shape), "settings");
    if (baseUrl) for (const problem of problems) if (problem.field === "baseUrl") problem.message += ` (set by ${BASE_URL_VARIABLE})`;
    return { problems };
  }
  return { site: createSite(parsed.data), problems: [] };
}

/**
 * Best-effort line of a setting. settings.ts is code, so there are no parse positions: each key of
 * the path is looked for after the one before (`sections[2].slug` is the third `slug:` after
 * `sections:`); a key that is not written points at its parent, or at line 1.
 */
export function lineOfSetting(source: string, fieldPath: readonly PropertyKey[]): number {
  let offset = 0;
  let line = 1;
  fieldPath.forEach((part, index) => {
    if (typeof part !== "string" || offset < 0) return;
    const previous = fieldPath[index - 1];
    const pattern = new RegExp(`(?<=^|[\\s{,])(["']?)${part.replace(/[^\w$]/g, "\\$&")}\\1\\s*:`, "g");
    pattern.lastIndex = offset;
    let match: RegExpExecArray | null = null;
    for (let skip = typeof previous === "number" ? previous : 0; skip >= 0; skip--) match = pattern.exec(source);
    if (!match) {
      offset = -1;
      return;
    }
    offset = match.index + match[0].length;
    line = source.slice(0, match.index).split("\n").length;
  });
  return line;
}

function valueAt(value: unknown, fieldPath: readonly PropertyKey[]): unknown {
  return fieldPath.reduce<unknown>((current, part) => (typeof current === "object" && current !== null ? (current as Record<PropertyKey, unknown>)[part] : undefined), value);
}
