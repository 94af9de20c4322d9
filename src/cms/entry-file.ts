// The CMS's file formats: a Markdown file with YAML front matter (articles, authors) and a YAML file
// (settings.yml). Read with the loader's own split and YAML core schema; written back through
// src/cms/yaml-edit.ts so only what the editor changed is rewritten. The text a form was read from
// travels with its values under SOURCE_KEY, because the CMS hands a format only the values to write.
import { parseDocument } from "yaml";
import { splitFrontMatter } from "../content/front-matter.ts";
import { editYaml, type Values } from "./yaml-edit.ts";

/** The file's YAML as it was read, kept with the form's values (never written to the file). */
export const SOURCE_KEY = "__datelineSource";
/** The Markdown body's field. */
export const BODY_FIELD = "body";

function readYamlValues(yaml: string): Values {
  const doc = parseDocument(yaml, { schema: "core" });
  if (doc.errors.length > 0) throw new Error(`YAML does not parse: ${doc.errors[0]?.message ?? ""} (fix the file in the repository; \`npm run check:content\` names the line)`);
  const values = doc.toJS() as unknown;
  return typeof values === "object" && values !== null && !Array.isArray(values) ? (values as Values) : {};
}

/** A Markdown file's front matter and body as form values. */
export function readEntry(text: string): Values {
  const src = text.replace(/^\uFEFF/, "");
  if (!/^---[ \t]*(?:yaml)?[ \t]*\r?\n/i.test(src)) return { [BODY_FIELD]: src, [SOURCE_KEY]: "" };
  const { yamlText, body } = splitFrontMatter(src);
  // The YAML lines themselves: without the opening line's break, with the last line's.
  const yaml = yamlText === "" ? "" : `${yamlText.replace(/^\r?\n/, "").replace(/\r$/, "")}\n`;
  return { ...readYamlValues(yaml), [BODY_FIELD]: body, [SOURCE_KEY]: yaml };
}

/** Form values as a Markdown file: the read front matter edited in place, then the body. */
export function writeEntry(values: Values, fields: readonly string[]): string {
  const { [BODY_FIELD]: body, [SOURCE_KEY]: source, ...rest } = values;
  const yaml = editYaml(typeof source === "string" ? source : "", rest, fields.filter((field) => field !== BODY_FIELD));
  const text = typeof body === "string" ? body : "";
  return `---\n${yaml}${yaml === "" || yaml.endsWith("\n") ? "" : "\n"}---\n${text === "" || text.endsWith("\n") ? text : `${text}\n`}`;
}

/** A YAML data file (settings.yml) as form values. */
export function readData(text: string): Values {
  return { ...readYamlValues(text), [SOURCE_KEY]: text };
}

/** Form values as the YAML data file, edited in place. */
export function writeData(values: Values, fields: readonly string[]): string {
  const { [SOURCE_KEY]: source, ...rest } = values;
  return editYaml(typeof source === "string" ? source : "", rest, fields);
}
