// Issue 16: the CMS configuration is generated from the content schema, and agrees with it. Each
// field of each content type is read here independently of the generator, by asking the schema
// itself (does it accept the field missing? a boolean? a list? a relative file? an ISO date?), and
// compared with the field the CMS shows: a change to either side that the other does not follow fails.
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { z } from "zod";
import { articleSchema, authorSchema, pageSchema, settingsSchema } from "../src/content/schema.ts";
import { cmsConfig, DATA_FORMAT, DATETIME_WIDGET, formFields, FRONT_MATTER_FORMAT, renderCmsConfig, type CmsConfigInputs } from "../src/cms/config.ts";
import { schemaFields } from "../src/cms/schema-fields.ts";

const inputs: CmsConfigInputs = {
  cms: { repo: "lakeshore-ledger/newsroom", branch: "main", contentFolder: "content" },
  baseUrl: "https://ledger.example.org/",
  timeZone: "America/Chicago",
  sections: [
    { slug: "news", title: "News" },
    { slug: "business", title: "Business" },
  ],
};

interface Field {
  name: string;
  widget: string;
  required: boolean;
  hint?: string;
  options?: (string | { value: string })[];
  fields?: Field[];
  multiple?: boolean;
  collection?: string;
  time_zone?: string;
  default?: unknown;
}
interface Collection {
  name: string;
  folder?: string;
  format?: string;
  fields?: Field[];
  files?: { file: string; format: string; fields: Field[] }[];
}

const config = parse(renderCmsConfig(inputs)) as { collections: Collection[]; backend: Record<string, unknown>; publish_mode: string; local_backend: boolean };
const collection = (name: string) => config.collections.find((candidate) => candidate.name === name) as Collection;

type Shape = Record<string, z.ZodType>;
const shapeOf = (schema: z.ZodType) => (schema as unknown as { shape: Shape }).shape;
const accepts = (schema: z.ZodType, value: unknown) => schema.safeParse(value).success;
/** The description wherever the schema put it: on the field, or under its optional/default wrapper. */
function descriptionOf(schema: z.ZodType): string | undefined {
  for (let current: z.ZodType | undefined = schema; current; current = (current as unknown as { unwrap?: () => z.ZodType }).unwrap?.()) {
    if (current.description) return current.description;
    if (typeof (current as unknown as { unwrap?: unknown }).unwrap !== "function") break;
  }
  return undefined;
}

/** Compares one schema object with the CMS fields made for it; returns each disagreement as a line. */
// Inside an optional object nothing is required in the form: Decap would refuse to save the object left
// empty (check:content names what a filled-in one lacks).
function disagreements(schema: z.ZodType, fields: readonly Field[], where: string, insideOptional = false): string[] {
  const found: string[] = [];
  const shape = shapeOf(schema);
  const byName = new Map(fields.map((field) => [field.name, field]));
  for (const [name, fieldSchema] of Object.entries(shape)) {
    const field = byName.get(name);
    // A map of free-form keys cannot be a form field; nothing else may be missing.
    if (!field) {
      if (!(accepts(fieldSchema, { anyKey: "x" }) && accepts(fieldSchema, { other: "y" }))) found.push(`${where}.${name}: in the schema, not in the CMS`);
      continue;
    }
    const required = !insideOptional && !accepts(fieldSchema, undefined);
    if (field.required !== required) found.push(`${where}.${name}: required is ${field.required} in the CMS, ${required} in the schema`);
    if (field.hint !== descriptionOf(fieldSchema)) found.push(`${where}.${name}: hint "${field.hint}" is not the schema's description "${descriptionOf(fieldSchema)}"`);
    const takesTrue = accepts(fieldSchema, true);
    if ((field.widget === "boolean") !== takesTrue) found.push(`${where}.${name}: ${field.widget} widget, but the schema ${takesTrue ? "takes" : "refuses"} true`);
    if (field.widget === "number" && !accepts(fieldSchema, 20) && !accepts(fieldSchema, 2)) found.push(`${where}.${name}: number widget, but the schema refuses numbers`);
    if (field.widget === "relation" && !(field.multiple && accepts(fieldSchema, ["li-wei"]))) found.push(`${where}.${name}: relation widget, but the schema takes no list of ids`);
    if (field.widget === "list" && !field.fields && !accepts(fieldSchema, ["one", "two"])) found.push(`${where}.${name}: list widget, but the schema takes no list of text`);
    if (field.widget === "image" && !(accepts(fieldSchema, "photo.jpg") && !accepts(fieldSchema, "https://example.org/photo.jpg"))) found.push(`${where}.${name}: image widget, but the schema is no relative file path`);
    if (field.widget === DATETIME_WIDGET) {
      if (!(accepts(fieldSchema, "2026-03-05T09:30:00-06:00") && !accepts(fieldSchema, "March 5"))) found.push(`${where}.${name}: date widget, but the schema is no ISO date`);
      if (field.time_zone !== inputs.timeZone) found.push(`${where}.${name}: the date widget is not in the site's zone`);
    }
    if (field.widget === "string" || field.widget === "text") {
      if (takesTrue || accepts(fieldSchema, ["x"])) found.push(`${where}.${name}: ${field.widget} widget, but the schema takes other values`);
    }
    for (const option of field.options ?? []) {
      const value = typeof option === "string" ? option : option.value;
      if (!accepts(fieldSchema, field.multiple ? [value] : value)) found.push(`${where}.${name}: option "${value}" is refused by the schema`);
    }
    const inner = (fieldSchema as unknown as { unwrap?: () => z.ZodType }).unwrap?.() ?? fieldSchema;
    const element = (inner as unknown as { element?: z.ZodType }).element;
    if (field.fields && element && "shape" in element) found.push(...disagreements(element, field.fields, `${where}.${name}[]`));
    else if (field.fields && "shape" in inner) found.push(...disagreements(inner, field.fields, `${where}.${name}`, !required));
  }
  for (const field of fields) if (!(field.name in shape) && field.name !== "body") found.push(`${where}.${field.name}: in the CMS, not in the schema`);
  return found;
}

describe("the generated CMS configuration", () => {
  it("has every article field of the schema, with its required flag, widget and description, and no other", () => {
    const articles = collection("articles");
    expect(disagreements(articleSchema, articles.fields ?? [], "articles")).toEqual([]);
    const field = (name: string) => (articles.fields ?? []).find((candidate) => candidate.name === name) as Field;
    expect(field("byline")).toMatchObject({ widget: "relation", collection: "authors", multiple: true });
    expect(field("section")).toMatchObject({ widget: "select", options: [{ label: "News", value: "news" }, { label: "Business", value: "business" }] });
    expect(field("date")).toMatchObject({ widget: DATETIME_WIDGET, time_zone: "America/Chicago", required: true });
    expect(field("photo").widget).toBe("image");
    expect(field("body")).toMatchObject({ widget: "markdown" });
  });

  it("has every author field, every standalone page field and every settings field the form can show", () => {
    expect(disagreements(authorSchema, collection("authors").fields ?? [], "authors")).toEqual([]);
    const pages = collection("pages");
    expect(pages).toMatchObject({ folder: "content/pages", extension: "md", create: true });
    expect(disagreements(pageSchema, pages.fields ?? [], "pages")).toEqual([]);
    expect(pages.fields?.find((field) => field.name === "policies")).toMatchObject({ widget: "select", multiple: true });
    expect(pages.fields?.find((field) => field.name === "body")).toMatchObject({ widget: "markdown" });
    const settings = collection("settings").files?.[0];
    expect(settings?.file).toBe("content/settings.yml");
    expect(disagreements(settingsSchema, settings?.fields ?? [], "settings")).toEqual([]);
    // The newsletter is one shape per provider: the form has each provider's fields, and each provider as a choice.
    // Both the single `newsletter` block and each item of the `newsletters` list: the form has each
    // provider's fields, and each provider as a choice.
    const unwrap = (schema: z.ZodType) => (schema as unknown as { unwrap?: () => z.ZodType }).unwrap?.() ?? schema;
    const single = unwrap(shapeOf(settingsSchema)["newsletter"] as z.ZodType);
    const listed = (unwrap(shapeOf(settingsSchema)["newsletters"] as z.ZodType) as unknown as { element: z.ZodType }).element;
    for (const [name, union] of [["newsletter", single], ["newsletters", listed]] as const) {
      const newsletter = settings?.fields.find((field) => field.name === name);
      const providers = (union as unknown as { options: z.ZodType[] }).options;
      expect(providers.length, name).toBeGreaterThan(1);
      for (const provider of providers) {
        const shape = shapeOf(provider);
        const fields = newsletter?.fields ?? [];
        const own = fields.filter((field) => field.name in shape);
        expect(own.map((field) => field.name).sort()).toEqual(Object.keys(shape).filter((key) => key !== "hiddenFields").sort());
        // Required in the form only where every provider requires it (check:content checks the rest).
        for (const field of own) if (field.required) expect(accepts(shape[field.name] as z.ZodType, undefined), field.name).toBe(false);
      }
      expect(newsletter?.fields?.find((field) => field.name === "provider")?.options, name).toEqual(["generic", "buttondown", "mailchimp", "listmonk"]);
    }
  });

  it("follows the schema: a field added to it appears in the CMS with its hint and widget", () => {
    const extended = articleSchema.extend({ kicker: z.string().describe("A word above the headline.").optional(), sponsored: z.boolean().describe("Paid content.") });
    const fields = formFields(schemaFields(extended), inputs);
    expect(fields.find((field) => field.name === "kicker")).toMatchObject({ widget: "string", required: false, hint: "A word above the headline." });
    expect(fields.find((field) => field.name === "sponsored")).toMatchObject({ widget: "boolean", required: true, hint: "Paid content." });
    // And the independent reading above catches a generator that drops or mislabels a field.
    const broken = fields.filter((field) => field.name !== "kicker").map((field) => (field.name === "sponsored" ? { ...field, required: false } : field)) as unknown as Field[];
    expect(disagreements(extended, broken, "articles")).toEqual(["articles.kicker: in the schema, not in the CMS", "articles.sponsored: required is false in the CMS, true in the schema"]);
  });

  it("stores articles and authors as front matter files with their photos next to them, settings as YAML", () => {
    expect(collection("articles")).toMatchObject({ folder: "content/articles", format: FRONT_MATTER_FORMAT, media_folder: "", public_folder: "", path: "{{year}}/{{slug}}" });
    expect(collection("authors")).toMatchObject({ folder: "content/authors", format: FRONT_MATTER_FORMAT, media_folder: "", public_folder: "" });
    expect(collection("settings").files?.[0]?.format).toBe(DATA_FORMAT);
  });

  it("edits the settings' repository through pull requests (editorial workflow), locally through decap-server", () => {
    expect(config.backend).toMatchObject({ name: "github", repo: "lakeshore-ledger/newsroom", branch: "main" });
    expect(config.publish_mode).toBe("editorial_workflow");
    expect(config.local_backend).toBe(true);
    const withAuth = cmsConfig({ ...inputs, cms: { ...inputs.cms, authUrl: "https://auth.ledger.example.org/", authEndpoint: "oauth/authorize" } });
    expect(withAuth["backend"]).toMatchObject({ base_url: "https://auth.ledger.example.org", auth_endpoint: "oauth/authorize" });
  });

  it("puts the content folder where the settings say it is in the repository", () => {
    const nested = cmsConfig({ ...inputs, cms: { ...inputs.cms, contentFolder: "sites/ledger/content" } }) as unknown as { collections: Collection[]; media_folder: string };
    expect(nested.collections.map((item) => item.folder ?? item.files?.[0]?.file)).toEqual(["sites/ledger/content/articles", "sites/ledger/content/authors", "sites/ledger/content/pages", "sites/ledger/content/settings.yml"]);
    expect(nested.media_folder).toBe("sites/ledger/content");
  });
});
