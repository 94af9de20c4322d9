// Splits a content file into YAML front matter and Markdown body, keeping line numbers so that every
// problem can point at the line an editor must fix. Only YAML is accepted: `---js` front matter, which
// gray-matter would `eval` (CVE-2022-25863), is refused, and the split is our own, a few string
// operations (gray-matter copied every file into a Buffer: a tenth of a large check's time).
import { LineCounter, parseDocument, isCollection, isMap, isScalar, visit, type Document, type Node, type YAMLError } from "yaml";
import { checkYamlAliases, checkYamlDepth, checkYamlSize, firstAliasOffset, tooDeep, tooManyAliasCopies, YAML_LIMITS } from "./yaml-limits.ts";

export interface FrontMatterProblem {
  line: number;
  field: string;
  message: string;
}

export interface ParsedFile extends YamlFields {
  body: string;
  /** File line (1-based) where the body starts. */
  bodyLine: number;
}

export type ParseResult = { ok: true; file: ParsedFile } | { ok: false; problem: FrontMatterProblem };

const OPENING = /^---[ \t]*([^\s]*)[ \t]*\r?\n/;

export function parseFrontMatter(source: string): ParseResult {
  const src = source.replace(/^\uFEFF/, "");
  const opening = OPENING.exec(src);
  if (!opening) {
    return { ok: false, problem: { line: 1, field: "front matter", message: "is missing (start the file with a line of three dashes, then the fields, then another ---)" } };
  }
  const language = opening[1] ?? "";
  if (language !== "" && language.toLowerCase() !== "yaml") {
    return {
      ok: false,
      problem: { line: 1, field: "front matter", message: `in "${language}" is refused; it is never run (write YAML between plain --- lines)` },
    };
  }

  if (!/\r?\n---[ \t]*(\r?\n|$)/.test(src.slice(opening[0].length - 1))) {
    return { ok: false, problem: { line: 1, field: "front matter", message: "is not closed (add a line of three dashes after the last field)" } };
  }
  const { yamlText, body } = splitFrontMatter(src);

  // The YAML text keeps the line break that ends the opening ---, so its line 1 is that line. It is
  // cut at "\n---": with CRLF line endings the last value would keep its "\r".
  const fields = parseYamlFields(yamlText.replace(/\r$/, ""), 1);
  if (!fields.ok) return fields;
  const { data, lineOf } = fields.fields;

  const bodyLine = countLines(src.slice(0, src.length - body.length)) + 1;

  return {
    ok: true,
    file: { data, body, bodyLine, lineOf },
  };
}

/**
 * The front matter's text (from the line break that ends the opening `---` line to the closing `---`,
 * or "" when it holds only comments) and the body (after the closing line), exactly as gray-matter 4
 * split them: the first "\n---" closes the front matter. `src` starts with an opening `---` line.
 */
export function splitFrontMatter(src: string): { yamlText: string; body: string } {
  let rest = src.slice(3);
  rest = rest.slice(Math.max(0, rest.search(/\r?\n/)));
  const close = rest.indexOf("\n---");
  if (close === -1) return { yamlText: rest.replace(/^\s*#[^\n]+/gm, "").trim() === "" ? "" : rest, body: "" };
  const yamlText = rest.slice(0, close);
  let body = rest.slice(close + 4);
  if (body.startsWith("\r")) body = body.slice(1);
  if (body.startsWith("\n")) body = body.slice(1);
  return { yamlText: yamlText.replace(/^\s*#[^\n]+/gm, "").trim() === "" ? "" : yamlText, body };
}

export interface YamlFields {
  data: Record<string, unknown>;
  /** File line of a field path such as ["corrections", 1, "date"]; the first line when it is absent. */
  lineOf: (path: readonly PropertyKey[]) => number;
}

/** Parses a YAML mapping that starts on file line `firstLine`, keeping each field's line. */
export function parseYamlFields(
  yamlText: string,
  firstLine: number,
  what = "front matter",
): { ok: true; fields: YamlFields } | { ok: false; problem: FrontMatterProblem } {
  const size = checkYamlSize(yamlText, what);
  if (size) return { ok: false, problem: { line: firstLine, field: what, message: size.message } };
  const lineCounter = new LineCounter();
  const lineAt = (offset: number) => firstLine - 1 + lineCounter.linePos(offset).line;
  // The core schema whatever the text says: a `%YAML 1.1` line must not bring in binary, set or date types.
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true, schema: "core" });
  // Depth first, without recursion: yaml reports running out of stack as RESOURCE_EXHAUSTION, and
  // everything below (explaining an error, resolving aliases, toJS) recurses.
  const exhausted = doc.errors.find((error) => error.code === "RESOURCE_EXHAUSTION");
  const deep = exhausted ? { offset: exhausted.pos[0], message: tooDeep() } : checkYamlDepth(doc);
  if (deep) return { ok: false, problem: { line: lineAt(deep.offset), field: what, message: deep.message } };
  const yamlError = doc.errors[0];
  if (yamlError?.code === "MULTIPLE_DOCS") {
    const message = "has a line of three dashes (---) inside it, which YAML reads as the start of a second set of fields (remove that line)";
    return { ok: false, problem: { line: lineAt(yamlError.pos[0]), field: what, message } };
  }
  if (yamlError) {
    const { offset, reason } = explainError(doc, yamlError);
    return {
      ok: false,
      problem: { line: lineAt(offset), field: what, message: `YAML does not parse: ${reason} (check quotes, colons and indentation; quote text that contains ": ")` },
    };
  }
  const aliases = checkYamlAliases(doc);
  if (aliases) return { ok: false, problem: { line: lineAt(aliases.offset), field: what, message: aliases.message } };
  if (doc.contents !== null && !isMap(doc.contents)) {
    return { ok: false, problem: { line: firstLine, field: what, message: "must be a list of `field: value` lines" } };
  }
  let data: Record<string, unknown>;
  try {
    data = (doc.toJS({ maxAliasCount: YAML_LIMITS.maxAliasExpansion }) ?? {}) as Record<string, unknown>;
  } catch (error) {
    // The checks above leave only alias expansion to fail here; anything else is still named, never thrown.
    const excessive = error instanceof ReferenceError && /alias/i.test(error.message);
    const message = excessive ? tooManyAliasCopies() : `YAML cannot be read: ${error instanceof Error ? error.message : String(error)}`;
    return { ok: false, problem: { line: excessive ? lineAt(firstAliasOffset(doc)) : firstLine, field: what, message } };
  }
  const lineOf = (path: readonly PropertyKey[]) => {
    const line = lineOfPath(doc, lineCounter, path);
    return line === 0 ? Math.max(1, firstLine - 1) : firstLine - 1 + line;
  };
  return { ok: true, fields: { data, lineOf } };
}

/** Where the editor must look for a YAML error, which is not always where YAML gave up, and why. */
function explainError(doc: Document, error: YAMLError): { offset: number; reason: string } {
  const [start] = error.pos;
  // YAML reads a line indented under the one above as the rest of that line and blames the line
  // above; the mistake is the indented line, where that multi-line key ends.
  const multiline = doc.errors.find((other) => other.code === "MULTILINE_IMPLICIT_KEY" && other.pos[0] === start);
  if (multiline) return { offset: multiline.pos[1], reason: "this line is indented more than the field it belongs to" };
  // An unclosed quote or bracket runs on until YAML gives up lines later: point at where it opens.
  let offset = start;
  visit(doc, (_key, node) => {
    const opens = isScalar(node) ? node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE" : isCollection(node) && node.flow === true;
    const range = isScalar(node) || isCollection(node) ? node.range : undefined;
    if (opens && range && range[0] < start && start <= range[1]) offset = range[0];
  });
  return { offset, reason: error.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "") || "invalid YAML" };
}

function lineOfPath(doc: Document, lineCounter: LineCounter, path: readonly PropertyKey[]): number {
  // Walk down as far as the path exists; a missing leaf points at its parent (or line 1 of the YAML).
  for (let depth = path.length; depth > 0; depth--) {
    const prefix = path.slice(0, depth);
    const parentPath = prefix.slice(0, -1);
    const parent = parentPath.length === 0 ? doc.contents : (doc.getIn(parentPath, true) as Node | undefined);
    const key = prefix[prefix.length - 1];
    if (isMap(parent)) {
      const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === key);
      const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
      if (range) return lineCounter.linePos(range[0]).line;
    } else {
      const node = doc.getIn(prefix, true) as Node | undefined;
      if (node?.range) return lineCounter.linePos(node.range[0]).line;
    }
  }
  return 0; // the opening --- line
}

function countLines(text: string): number {
  let lines = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lines++;
  return lines;
}
