// Site settings for tests: the base fixture's settings.yml as an object, and the ways tests change a
// site's settings.yml (written as YAML, as an editor writes it; never as code).
import { readFileSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { parse, stringify } from "yaml";
import { FIXTURES, writeContent, type FixtureSite } from "./site.ts";
import type { SettingsInput } from "../../src/content/schema.ts";

/** tests/fixtures/base/settings.yml, parsed. */
export const baseSettings = parse(readFileSync(path.join(FIXTURES, "base/settings.yml"), "utf8")) as SettingsInput;

/** Replaces the site's settings.yml with these settings. */
export function writeSettings(site: Pick<FixtureSite, "contentDir">, settings: SettingsInput): Promise<void> {
  return writeContent(site as FixtureSite, "settings.yml", stringify(settings));
}

/** Rewrites the site's settings.yml text with `edit`; throws when the edit changed nothing (a stale search string). */
export async function editSettings(site: Pick<FixtureSite, "contentDir">, edit: (text: string) => string): Promise<void> {
  const file = path.join(site.contentDir, "settings.yml");
  const before = await fs.readFile(file, "utf8");
  const after = edit(before);
  if (after === before) throw new Error(`editSettings: the edit left ${file} unchanged`);
  await fs.writeFile(file, after);
}
