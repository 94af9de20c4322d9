// Site settings are data: `settings.yml` in the content folder, read by the front matter's own YAML
// parser (so every problem has its line) and checked by the settings schema. Nothing in content/ is
// ever imported or run: a settings file in code from an earlier version is refused, naming it.
import path from "node:path";
import fs from "node:fs/promises";
import { settingsSchema } from "./schema.ts";
import { problemsFromSchema } from "./problems.ts";
import { parseYamlFields } from "./front-matter.ts";
import { readText } from "./read-text.ts";
import type { ContentProblem } from "./errors.ts";
import { createSite, type Site } from "../site/site.ts";

export const SETTINGS_FILE = "settings.yml";

/** Settings files of earlier versions, which were code: never run, named so the editor converts them. */
export const CODE_SETTINGS_FILES = ["settings.ts", "settings.js", "settings.mjs", "settings.cjs", "settings.mts", "settings.cts", "settings.json"];

/** Overrides `baseUrl` for one build: CI sets it to the address GitHub Pages serves the repository at. */
export const BASE_URL_VARIABLE = "DATELINE_BASE_URL";

export interface LoadedSettings {
  site?: Site;
  problems: ContentProblem[];
  /** Line of a setting in settings.yml (its parent's when it is not written), for problems found later. */
  lineOf?: (fieldPath: readonly PropertyKey[]) => number;
}

export async function loadSettings(contentDir: string): Promise<LoadedSettings> {
  const file = path.join(contentDir, SETTINGS_FILE);
  const text = readText(contentDir, file);
  if (!text.ok) {
    if (text.reason !== "missing") return { problems: [{ file, line: 1, field: "file", message: text.message }] };
    return { problems: [{ file, line: 1, field: "settings", message: await missingMessage(contentDir) }] };
  }
  const parsed = parseYamlFields(text.text.replace(/^\uFEFF/, ""), 1, "settings");
  if (!parsed.ok) return { problems: [{ file, ...parsed.problem }] };
  const { lineOf } = parsed.fields;
  let raw: Record<string, unknown> = parsed.fields.data;
  const baseUrl = process.env[BASE_URL_VARIABLE]?.trim();
  if (baseUrl) raw = { ...raw, baseUrl };
  const result = settingsSchema.safeParse(raw);
  if (!result.success) {
    const problems = problemsFromSchema(result.error, file, lineOf, Object.keys(settingsSchema.shape), "settings");
    if (baseUrl) for (const problem of problems) if (problem.field === "baseUrl") problem.message += ` (set by ${BASE_URL_VARIABLE})`;
    return { problems, lineOf };
  }
  return { site: createSite(result.data), problems: [], lineOf };
}

/** Why there are no settings: none were written, or they are still the code an earlier version ran. */
async function missingMessage(contentDir: string): Promise<string> {
  for (const name of CODE_SETTINGS_FILES) {
    if (await fs.lstat(path.join(contentDir, name)).catch(() => undefined)) {
      return `file is missing, and ${name} is never run: convert it to settings.yml (the same fields, as YAML; see docs/editing.md), then delete ${name}`;
    }
  }
  return "file is missing (copy settings.yml from the sample content/ folder and edit it)";
}
