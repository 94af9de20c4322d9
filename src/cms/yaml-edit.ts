// Writes a form's values back into a YAML file as an editor would: only the lines of the fields that
// changed are rewritten, so comments, the order of the fields, quoting and flow lists (`[a, b]`) of
// everything else stay byte for byte. The CMS saves articles, authors and settings through this
// (src/cms/browser/formats.ts), and the tests read it directly.
import { Document, isMap, isScalar, isSeq, parseDocument, type Pair, type YAMLMap } from "yaml";

export type Values = Record<string, unknown>;

interface Edit {
  start: number;
  end: number;
  text: string;
  /** Order of insertion: insertions at one offset keep it. */
  seq: number;
}

/** Empty form values: a field the editor cleared, which the file then leaves out. */
export function isEmptyValue(value: unknown): boolean {
  return value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0);
}

function isPlainObject(value: unknown): value is Values {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Equal as data; a lone value equals a list of just it (`byline: ana` and `[ana]` read the same). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(b) && b.length === 1 && !Array.isArray(a)) return sameValue(a, b[0]);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => sameValue(item, b[index]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)].filter((key) => !isEmptyValue(a[key]) || !isEmptyValue(b[key])));
    return [...keys].every((key) => sameValue(a[key], b[key]));
  }
  return a === b;
}

/** Values without the empty fields, at every depth of an object (lists keep their items). */
function withoutEmpty(value: unknown): unknown {
  if (!isPlainObject(value)) return Array.isArray(value) ? value.map(withoutEmpty) : value;
  return Object.fromEntries(Object.entries(value).filter(([, item]) => !isEmptyValue(item)).map(([key, item]) => [key, withoutEmpty(item)]));
}

/** `key: value` as YAML lines at `indent`, in the style of the node it replaces (flow or block). */
function renderPair(key: string, value: unknown, indent: string, style: { flow: boolean; padded: boolean; flowItems?: boolean }): string {
  const doc = new Document({ [key]: withoutEmpty(value) }, { schema: "core" });
  const node = doc.get(key, true);
  if (style.flow && (isSeq(node) || isMap(node))) node.flow = true;
  // A block list of `{ slug: news, title: News }` items keeps writing its items that way.
  if (style.flowItems && isSeq(node)) for (const item of node.items) if (isMap(item)) item.flow = true;
  const text = doc.toString({ lineWidth: 0, flowCollectionPadding: style.padded });
  return text
    .split("\n")
    .map((line) => (line === "" ? line : indent + line))
    .join("\n");
}

const lineStart = (source: string, offset: number) => source.lastIndexOf("\n", offset - 1) + 1;

/** Where a pair's text ends: after the line its value ends on. */
function pairEnd(source: string, pair: Pair): number {
  const node = (pair.value ?? pair.key) as { range?: [number, number, number] } | null;
  const end = node?.range?.[1] ?? source.length;
  if (source[end - 1] === "\n") return end;
  const newline = source.indexOf("\n", end);
  return newline === -1 ? source.length : newline + 1;
}

function keyOf(pair: Pair): string | undefined {
  return isScalar(pair.key) && typeof pair.key.value === "string" ? pair.key.value : undefined;
}

/** Block mappings in a block list, as many as the old and new values, all objects. */
function sameShape(items: readonly unknown[], was: readonly unknown[], next: readonly unknown[]): boolean {
  if (!(items.length === was.length && was.length === next.length && [...was, ...next].every(isPlainObject))) return false;
  // An item's first key carries the `- `: it must stay, or the item is written anew.
  return items.every((item, index) => {
    const first = isMap(item) && !item.flow ? (item.items[0]) : undefined;
    const key = first && keyOf(first);
    return key !== undefined && !isEmptyValue((next[index] as Values)[key]);
  });
}

/**
 * The edits that make `map` say `values`. A key missing from `values` is removed only when `removable`
 * says the form owns it (a field the form does not show is never lost); `order` places new keys.
 */
function editMap(source: string, map: YAMLMap, old: Values, values: Values, removable: (key: string) => boolean, order: readonly string[], edits: Edit[]): void {
  const push = (start: number, end: number, text: string) => edits.push({ start, end, text, seq: edits.length });
  const pairs = map.items;
  const present = new Map<string, Pair>();
  for (const pair of pairs) {
    const key = keyOf(pair);
    if (key !== undefined) present.set(key, pair);
  }
  const keyStart = (pair: Pair) => (pair.key as { range: number[] }).range[0] ?? 0;
  // In a list item the first key's line starts `  - `: the others are indented to the same column.
  const indent = pairs[0] ? source.slice(lineStart(source, keyStart(pairs[0])), keyStart(pairs[0])).replace(/[^\t]/g, " ") : "";
  for (const [key, pair] of present) {
    const start = lineStart(source, keyStart(pair));
    const lead = source.slice(start, keyStart(pair));
    const end = pairEnd(source, pair);
    const next = values[key];
    const was = old[key];
    if (key in values && sameValue(was, next)) continue;
    if (!(key in values) || isEmptyValue(next)) {
      if (key in values || removable(key)) push(start, end, "");
      continue;
    }
    const node = pair.value;
    if (isMap(node) && !node.flow && isPlainObject(next) && isPlainObject(was) && node.items.length > 0) {
      // A block mapping: edit inside it, so its own comments and untouched lines stay.
      editMap(source, node, was, next, () => false, Object.keys(next), edits);
      continue;
    }
    if (isSeq(node) && !node.flow && Array.isArray(next) && Array.isArray(was) && sameShape(node.items, was, next)) {
      // A block list of block mappings (the settings' `newsletters`) with the same items: each is
      // edited inside, so one changed heading leaves its siblings' lines and flow lists alone.
      node.items.forEach((item, index) => editMap(source, item as YAMLMap, was[index] as Values, next[index] as Values, () => false, Object.keys(next[index] as Values), edits));
      continue;
    }
    const flow = (isSeq(node) || isMap(node)) && node.flow === true;
    const flowItems = isSeq(node) && node.items.some((item) => isMap(item) && item.flow === true);
    const text = renderPair(key, next, indent, { flow, flowItems, padded: /[[{] /.test(source.slice(start, end)) });
    push(start, end, lead === indent ? text : lead + text.slice(indent.length));
  }
  // New keys go after the nearest key before them in `order` that the file has, else at the end.
  const mapEnd = pairs.length > 0 ? pairEnd(source, pairs[pairs.length - 1] as Pair) : source.length;
  for (const [key, value] of Object.entries(values)) {
    if (present.has(key) || isEmptyValue(value)) continue;
    const before = order.slice(0, Math.max(0, order.indexOf(key))).reverse().find((other) => present.has(other));
    const at = before ? pairEnd(source, present.get(before) as Pair) : mapEnd;
    push(at, at, renderPair(key, value, indent, { flow: Array.isArray(value) && value.every((item) => typeof item === "string"), padded: false }));
  }
}

/**
 * `source` (YAML text, possibly empty) with `values` written in. `fields` are the form's fields in
 * form order: keys the form owns (a missing or empty one is removed) and where new keys go.
 */
export function editYaml(source: string, values: Values, fields: readonly string[]): string {
  const doc = parseDocument(source, { schema: "core" });
  const contents = doc.contents;
  if (doc.errors.length > 0 || (contents !== null && !isMap(contents))) throw new Error(`[cms] the file's YAML cannot be edited in place: ${doc.errors[0]?.message ?? "it is not a mapping"}`);
  const ordered = Object.fromEntries([...fields.filter((field) => field in values), ...Object.keys(values).filter((key) => !fields.includes(key))].map((key) => [key, values[key]]));
  if (contents === null || contents.items.length === 0) {
    const kept = withoutEmpty(ordered) as Values;
    if (Object.keys(kept).length === 0) return source;
    const fresh = Object.entries(kept)
      .map(([key, value]) => renderPair(key, value, "", { flow: Array.isArray(value) && value.every((item) => typeof item === "string"), padded: false }))
      .join("");
    return source + (source === "" || source.endsWith("\n") ? "" : "\n") + fresh;
  }
  const edits: Edit[] = [];
  editMap(source, contents, (doc.toJS() ?? {}) as Values, ordered, (key) => fields.includes(key), fields, edits);
  // Applied from the end, so earlier offsets stay right; insertions at one place keep their order.
  edits.sort((a, b) => b.start - a.start || b.end - a.end || b.seq - a.seq);
  let text = source;
  for (const edit of edits) text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  return text;
}
