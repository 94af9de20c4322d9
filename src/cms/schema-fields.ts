// Reads the content schema (src/content/schema.ts) as a list of form fields: name, kind, whether it is
// required, its default, its hint (the schema's description) and the widget the schema asks for. The
// CMS configuration is made from this, so the browser form and `check:content` cannot disagree.
import { z } from "zod";
import { cmsWidgets, type CmsWidget } from "../content/schema.ts";

type Schema = z.core.$ZodType;

/** What kind of value a field holds, once optional, default and transform wrappers are taken off. */
export type FieldKind =
  | { type: "string"; pattern?: RegExp; widget?: CmsWidget }
  | { type: "number"; integer: boolean; min?: number; max?: number }
  | { type: "boolean" }
  | { type: "choice"; options: readonly string[] }
  | { type: "list"; of: FieldKind; widget?: CmsWidget }
  | { type: "object"; fields: SchemaField[] }
  | { type: "map" };

export interface SchemaField {
  name: string;
  kind: FieldKind;
  /** A file without it fails the schema. */
  required: boolean;
  /** The value the schema fills in when the field is left out. */
  default?: unknown;
  /** The schema's `.describe()` text: the CMS's hint under the field. */
  hint?: string;
}

interface Unwrapped {
  schema: Schema;
  required: boolean;
  default?: unknown;
  hint?: string;
  widget?: CmsWidget;
}

const defOf = (schema: Schema) => schema._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
const descriptionOf = (schema: Schema) => z.globalRegistry.get(schema)?.description;

/** Takes off optional, default, preprocess and transform layers, collecting what each says about the field. */
function unwrap(schema: Schema): Unwrapped {
  const found: Unwrapped = { schema, required: true };
  for (let current: Schema | undefined = schema; current; ) {
    found.hint ??= descriptionOf(current);
    found.widget ??= cmsWidgets.get(current)?.widget;
    const def = defOf(current);
    found.schema = current;
    if (def.type === "optional") {
      found.required = false;
      current = def["innerType"] as Schema;
    } else if (def.type === "default") {
      found.required = false;
      found.default ??= def["defaultValue"];
      current = def["innerType"] as Schema;
    } else if (def.type === "pipe") {
      // A preprocess (transform → schema) is read by what it checks; a transform (schema → transform) too.
      const input = def["in"] as Schema;
      const output = def["out"] as Schema;
      current = defOf(input).type === "transform" ? output : input;
    } else {
      current = undefined;
    }
  }
  return found;
}

function kindOf(schema: Schema, widget: CmsWidget | undefined): FieldKind {
  const def = defOf(schema);
  switch (def.type) {
    case "string": {
      const pattern = (def.checks ?? []).map((check) => check._zod.def as { format?: string; pattern?: RegExp }).find((check) => check.format === "regex")?.pattern;
      return { type: "string", ...(pattern && { pattern }), ...(widget && { widget }) };
    }
    case "number": {
      // An integer's own bounds (±2^53) are no limit an editor needs to see.
      const number = schema as unknown as z.ZodNumber;
      const bound = (value: number | null) => (value !== null && Math.abs(value) < Number.MAX_SAFE_INTEGER ? value : undefined);
      const min = bound(number.minValue);
      const max = bound(number.maxValue);
      return { type: "number", integer: number.isInt, ...(min !== undefined && { min }), ...(max !== undefined && { max }) };
    }
    case "boolean":
      return { type: "boolean" };
    case "enum":
      return { type: "choice", options: Object.values(def["entries"] as Record<string, string>) };
    case "literal":
      return { type: "choice", options: (def["values"] as unknown[]).map(String) };
    case "array": {
      const element = unwrap(def["element"] as Schema);
      return { type: "list", of: kindOf(element.schema, element.widget), ...(widget && { widget }) };
    }
    case "object":
      return { type: "object", fields: schemaFields(schema) };
    case "union":
      return { type: "object", fields: unionFields(def["options"] as Schema[]) };
    case "record":
      return { type: "map" };
    default:
      throw new Error(`[cms] the schema has a ${def.type} field the CMS configuration does not know how to edit (teach src/cms/schema-fields.ts)`);
  }
}

/** One field of an object schema. */
function fieldOf(name: string, schema: Schema): SchemaField {
  const unwrapped = unwrap(schema);
  const field: SchemaField = { name, kind: kindOf(unwrapped.schema, unwrapped.widget), required: unwrapped.required };
  if (unwrapped.default !== undefined) field.default = unwrapped.default;
  if (unwrapped.hint) field.hint = unwrapped.hint;
  return field;
}

/** The fields of an object schema (refinements included), in the schema's order. */
export function schemaFields(schema: Schema): SchemaField[] {
  const shape = defOf(schema)["shape"] as Record<string, Schema> | undefined;
  if (!shape) throw new Error("[cms] schemaFields needs an object schema");
  return Object.entries(shape).map(([name, field]) => fieldOf(name, field));
}

/**
 * A discriminated union (the newsletter's providers) as one object: the discriminator becomes a choice
 * of every option's value, and every other field appears once, required only where every option
 * requires it. Which fields go with which choice is the schema's to check (check:content).
 */
function unionFields(options: readonly Schema[]): SchemaField[] {
  const perOption = options.map((option) => schemaFields(option));
  const merged = new Map<string, SchemaField>();
  for (const fields of perOption) {
    for (const field of fields) {
      const known = merged.get(field.name);
      if (!known) merged.set(field.name, { ...field });
      else if (known.kind.type === "choice" && field.kind.type === "choice") known.kind = { type: "choice", options: [...new Set([...known.kind.options, ...field.kind.options])] };
    }
  }
  for (const field of merged.values()) {
    field.required = perOption.every((fields) => fields.some((other) => other.name === field.name && other.required));
  }
  return [...merged.values()];
}
