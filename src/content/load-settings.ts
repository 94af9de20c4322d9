// Site settings live in one typed file, `settings.ts` in the content folder, checked by the schema.
import fs from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { settingsSchema } from "./schema.ts";
import { fieldName } from "./problems.ts";
import type { ContentProblem } from "./errors.ts";
import { createSite, type Site } from "../site.ts";

export const SETTINGS_FILE = "settings.ts";

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
    // The query makes a preview rebuild read an edited settings file instead of the cached module.
    const module = (await import(`${pathToFileURL(file).href}?v=${stat.mtimeMs}`)) as { default?: unknown };
    raw = module.default;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return { problems: [{ file, line: 1, field: "settings", message: `does not load: ${reason} (it must \`export default { … }\`)` }] };
  }
  const parsed = settingsSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((issue) => ({
        file,
        line: 1,
        field: fieldName(issue.path) || "settings",
        message: issue.code === "unrecognized_keys" ? `unknown setting(s) ${issue.keys.join(", ")}` : issue.message,
      })),
    };
  }
  return { site: createSite(parsed.data), problems: [] };
}
