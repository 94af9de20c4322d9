// The Decap CMS configuration (/admin/config.yml), generated from the content schema and the settings:
// one collection per kind of content file, each field with the widget its schema type asks for, its
// required flag and default, and its description as the hint. Nothing here is written by hand per
// field, so a field added to the schema appears in the CMS, and tests/cms-config.test.ts fails when
// the two disagree. Anything the form cannot express is still checked by `check:content` in the pull request.
import { stringify } from "yaml";
import { articleSchema, authorSchema, pageSchema, settingsSchema, type CmsSettings } from "../content/schema.ts";
import { schemaFields, type FieldKind, type SchemaField } from "./schema-fields.ts";
import { BODY_FIELD } from "./entry-file.ts";

/** The custom formats and widget the admin script registers (src/cms/browser/main.tsx). */
export const FRONT_MATTER_FORMAT = "dateline-front-matter";
export const DATA_FORMAT = "dateline-yaml";
export const DATETIME_WIDGET = "dateline-datetime";

/** What the configuration is made from: plain data from the settings. */
export interface CmsConfigInputs {
  cms: CmsSettings;
  baseUrl: string;
  timeZone: string;
  /** Sections in navigation order. */
  sections: readonly { slug: string; title: string }[];
}

type DecapField = Record<string, unknown> & { name: string; widget: string };

/** "liveEnded" → "Live ended"; the few names that are abbreviations are spelt as such. */
export function fieldLabel(name: string): string {
  const special: Record<string, string> = { baseUrl: "Base URL", url: "URL", x: "X", authUrl: "OAuth provider address", pageSize: "Articles per page" };
  if (special[name]) return special[name];
  const words = name.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function widgetFor(kind: FieldKind, inputs: CmsConfigInputs): Record<string, unknown> & { widget: string } {
  switch (kind.type) {
    case "boolean":
      return { widget: "boolean" };
    case "number":
      return { widget: "number", value_type: kind.integer ? "int" : "float", ...(kind.min !== undefined && { min: kind.min }), ...(kind.max !== undefined && { max: kind.max }) };
    case "choice":
      return { widget: "select", options: [...kind.options] };
    case "map":
      throw new Error("[cms] a map field cannot be edited in the CMS (leave it out of the form)");
    case "object":
      return { widget: "object", collapsed: true, fields: formFields(kind.fields, inputs) };
    case "list":
      if (kind.widget === "author") {
        return { widget: "relation", collection: "authors", value_field: "{{slug}}", search_fields: ["name"], display_fields: ["name"], multiple: true, min: 1 };
      }
      if (kind.of.type === "object") return { widget: "list", collapsed: true, fields: formFields(kind.of.fields, inputs) };
      if (kind.of.type === "choice") return { widget: "select", multiple: true, options: [...kind.of.options] };
      return { widget: "list" };
    case "string":
      switch (kind.widget) {
        case "image":
          return { widget: "image", choose_url: false };
        case "datetime":
          return { widget: DATETIME_WIDGET, time_zone: inputs.timeZone };
        case "section":
          return { widget: "select", options: inputs.sections.map((section) => ({ label: section.title, value: section.slug })) };
        case "text":
          return { widget: "text" };
        default:
          return { widget: "string", ...(kind.pattern && { pattern: [kind.pattern.source, "Not in the form this field needs: see the hint below it."] }) };
      }
  }
}

/**
 * Decap checks an object's required fields even when the object itself is optional and left empty
 * (an article without a sponsor could not be saved): inside an optional object nothing is required in
 * the form, and check:content names what a filled-in object lacks.
 */
function optionalInside<Widget extends { widget: string; fields?: unknown }>(widget: Widget, field: SchemaField): Widget {
  if (field.required || field.kind.type !== "object" || !Array.isArray(widget["fields"])) return widget;
  return { ...widget, fields: (widget["fields"] as DecapField[]).map((inner) => ({ ...inner, required: false })) };
}

/** Form fields for schema fields; a map (free-form keys) cannot be a form field and stays in the file. */
export function formFields(fields: readonly SchemaField[], inputs: CmsConfigInputs): DecapField[] {
  return fields
    .filter((field) => field.kind.type !== "map")
    .map((field) => ({
      label: fieldLabel(field.name),
      name: field.name,
      ...optionalInside(widgetFor(field.kind, inputs), field),
      required: field.required,
      ...(field.default !== undefined && { default: field.default }),
      ...(field.hint && { hint: field.hint }),
    }));
}

/** The Markdown body of an article or author file. */
function bodyField(label: string, hint: string): DecapField {
  return { label, name: BODY_FIELD, widget: "markdown", required: false, hint, modes: ["rich_text", "raw"] };
}

/** Articles: fields in schema order, the body after the photo's. */
function articleFields(inputs: CmsConfigInputs): DecapField[] {
  const fields = formFields(schemaFields(articleSchema), inputs);
  const afterPhoto = fields.findIndex((field) => field.name === "credit") + 1;
  const body = bodyField("Body", "The article in Markdown. Its first paragraph is the summary unless Summary is set. Pull quotes, figures, galleries and embeds are fenced blocks (docs/story-formats.md).");
  return [...fields.slice(0, afterPhoto), body, ...fields.slice(afterPhoto)];
}

/**
 * A folder of Markdown files with front matter (articles, authors, pages): one file per entry, named
 * by its slug, written in our format, its images uploaded next to it.
 */
function markdownFolder(name: string, singular: string, folder: string, titleField: string): Record<string, unknown> {
  return {
    name,
    label: `${singular}s`,
    label_singular: singular,
    folder,
    slug: "{{slug}}",
    create: true,
    extension: "md",
    format: FRONT_MATTER_FORMAT,
    media_folder: "",
    public_folder: "",
    identifier_field: titleField,
    summary: `{{${titleField}}}`,
  };
}

/** The whole configuration as an object (what config.yml holds). */
export function cmsConfig(inputs: CmsConfigInputs): Record<string, unknown> {
  const { cms } = inputs;
  const folder = (name: string) => `${cms.contentFolder}/${name}`;
  return {
    backend: {
      name: "github",
      repo: cms.repo,
      branch: cms.branch,
      ...(cms.authUrl && { base_url: cms.authUrl.replace(/\/+$/, "") }),
      ...(cms.authEndpoint && { auth_endpoint: cms.authEndpoint }),
      squash_merges: true,
    },
    // Every change is a pull request: draft → in review → ready, merged by "Publish".
    publish_mode: "editorial_workflow",
    // `npm run cms` (decap-server); the CMS uses it only when /admin/ itself is opened on localhost.
    local_backend: true,
    site_url: inputs.baseUrl,
    display_url: inputs.baseUrl,
    // Uploads outside an article or author go to the content folder (the settings' logo lives there).
    media_folder: cms.contentFolder,
    public_folder: "",
    slug: { encoding: "ascii", clean_accents: true, sanitize_replacement: "-" },
    collections: [
      {
        ...markdownFolder("articles", "Article", folder("articles"), "headline"),
        description: "One Markdown file per story, its photos next to it; the file name is the URL slug.",
        // In the year of creation; photos next to the article file, named relative to it (README: "photos sit next to it").
        path: "{{year}}/{{slug}}",
        sortable_fields: ["date", "headline", "section"],
        fields: articleFields(inputs),
      },
      {
        ...markdownFolder("authors", "Author", folder("authors"), "name"),
        description: "One file per author or organisation; the file name is the id bylines use.",
        fields: [...formFields(schemaFields(authorSchema), inputs), bodyField("Biography", "The author page's biography, in Markdown.")],
      },
      {
        ...markdownFolder("pages", "Page", folder("pages"), "title"),
        description: "Standalone pages (About, Ethics, Contact…), one Markdown file each; the file name is the URL (/about/).",
        fields: [...formFields(schemaFields(pageSchema), inputs), bodyField("Body", "The page in Markdown; figures are fenced blocks as in articles (docs/pages.md).")],
      },
      {
        name: "settings",
        label: "Settings",
        description: "The site's settings file. Fields the form cannot show (newsletter hidden fields) stay in the file as they are.",
        files: [
          {
            name: "site",
            label: "Site settings",
            file: `${cms.contentFolder}/settings.yml`,
            format: DATA_FORMAT,
            media_folder: "",
            public_folder: "",
            fields: formFields(schemaFields(settingsSchema), inputs),
          },
        ],
      },
    ],
  };
}

/** config.yml's text. */
export function renderCmsConfig(inputs: CmsConfigInputs): string {
  return `# Generated by Dateline from the content schema (src/cms/config.ts): edit the schema, not this file.\n${stringify(cmsConfig(inputs), { lineWidth: 0 })}`;
}
