// Characters an editor cannot see but readers' software acts on: control characters (NUL, ESC…) that
// break XML feeds and terminals, and bidi controls that reorder text to disguise it ("Trojan Source").
// Pure functions: the schema refuses them in every text field, the loader in every body line.

/** A refused character in a line of text, and what the editor reads about it. */
export interface InvisibleProblem {
  /** UTF-16 index of the character in the text checked. */
  index: number;
  message: string;
}

/** Names editors may have met; any other control character is named by its code point only. */
const CONTROL_NAMES: Record<number, string> = {
  0x00: "NUL",
  0x07: "BEL",
  0x08: "backspace",
  0x0b: "vertical tab",
  0x0c: "form feed",
  0x1b: "ESC",
  0x7f: "DEL",
  0x85: "next line",
};

const BIDI_NAMES: Record<number, string> = {
  0x202a: "left-to-right embedding",
  0x202b: "right-to-left embedding",
  0x202c: "pop directional formatting",
  0x202d: "left-to-right override",
  0x202e: "right-to-left override",
  0x2066: "left-to-right isolate",
  0x2067: "right-to-left isolate",
  0x2068: "first strong isolate",
  0x2069: "pop directional isolate",
};

const EMBEDDINGS = new Set([0x202a, 0x202b]);
const ISOLATES = new Set([0x2066, 0x2067, 0x2068]);
const OVERRIDES = new Set([0x202d, 0x202e]);
const POP_EMBEDDING = 0x202c;
const POP_ISOLATE = 0x2069;

/** C0 and C1 controls and DEL, except tab and the line breaks (LF, and CR of CRLF files). */
function isRefusedControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || (code >= 0x7f && code <= 0x9f);
}

function hex(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** "U+001B (ESC)" */
function describe(code: number): string {
  const name = CONTROL_NAMES[code] ?? BIDI_NAMES[code];
  return name ? `${hex(code)} (${name})` : hex(code);
}

/** Where in the line: what precedes the character, escaped, so the editor can find it. */
function place(line: string, index: number): string {
  if (index === 0) return "at the start";
  const before = line.slice(Math.max(0, index - 16), index);
  return `after "${index > 16 ? "…" : ""}${escapeInvisible(before)}"`;
}

/**
 * The first refused character of one line, or undefined. Overrides are refused everywhere;
 * embeddings and isolates only when the line does not close them in order; marks (LRM, RLM, ALM)
 * and right-to-left letters are text and pass.
 */
export function findInvisibleInLine(line: string): InvisibleProblem | undefined {
  const open: { code: number; index: number }[] = [];
  for (let index = 0; index < line.length; index++) {
    const code = line.charCodeAt(index);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) {
      if (!isRefusedControl(code)) continue;
      return {
        index,
        message: `contains the control character ${describe(code)} ${place(line, index)} (delete it: control characters are invisible in an editor and break pages, feeds and terminals; they usually come from pasting out of a PDF or a terminal)`,
      };
    }
    if (code >= 0xd800 && code <= 0xdfff) {
      const pair = code <= 0xdbff && index + 1 < line.length && line.charCodeAt(index + 1) >= 0xdc00 && line.charCodeAt(index + 1) <= 0xdfff;
      if (pair) {
        index++;
        continue;
      }
      return { index, message: `contains half of a character, ${hex(code)} ${place(line, index)}, which is not valid Unicode (delete the \\u escape that wrote it)` };
    }
    if (code < 0x202a || (code > 0x202e && code < 0x2066) || code > 0x2069) continue;
    if (OVERRIDES.has(code)) {
      return {
        index,
        message: `contains a bidi override, ${describe(code)} ${place(line, index)} (delete it: an override reverses how the text reads and can disguise it; right-to-left text needs no control characters, and the marks U+200E and U+200F are allowed)`,
      };
    }
    if (EMBEDDINGS.has(code) || ISOLATES.has(code)) {
      open.push({ code, index });
      continue;
    }
    const closes = code === POP_ISOLATE ? ISOLATES : EMBEDDINGS;
    const last = open.at(-1);
    if (!last || !closes.has(last.code)) {
      return { index, message: `contains ${describe(code)} ${place(line, index)} with nothing of its kind to close (delete it)` };
    }
    open.pop();
  }
  const unclosed = open[0];
  if (unclosed) {
    const closer = ISOLATES.has(unclosed.code) ? hex(POP_ISOLATE) : hex(POP_EMBEDDING);
    return {
      index: unclosed.index,
      message: `contains ${describe(unclosed.code)} ${place(line, unclosed.index)} that is not closed on the same line (end it with ${closer}, or delete it: left open, it reorders whatever is printed after it)`,
    };
  }
  return undefined;
}

/** Splits on LF, CRLF and lone CR, the line breaks Markdown and YAML read. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** The first refused character of a text field, with the field's line it sits on (0-based). */
export function findInvisible(text: string): (InvisibleProblem & { line: number }) | undefined {
  const lines = splitLines(text);
  for (let line = 0; line < lines.length; line++) {
    const found = findInvisibleInLine(lines[line] ?? "");
    if (found) return { ...found, line };
  }
  return undefined;
}

/** Problems reported per body before the rest are counted in one line: a pasted binary is one mistake. */
export const MAX_BODY_LINE_PROBLEMS = 10;

/**
 * Every body line with a refused character (its first), as 0-based body lines; past
 * MAX_BODY_LINE_PROBLEMS lines, one more problem counts the rest.
 */
export function findInvisibleInBody(body: string): { line: number; message: string }[] {
  const problems: { line: number; message: string }[] = [];
  let more = 0;
  splitLines(body).forEach((text, line) => {
    const found = findInvisibleInLine(text);
    if (!found) return;
    if (problems.length < MAX_BODY_LINE_PROBLEMS) problems.push({ line, message: found.message });
    else more++;
  });
  const last = problems.at(-1);
  if (more > 0 && last) {
    problems.push({ line: last.line, message: `and ${more} more line${more === 1 ? "" : "s"} after this one contain control or bidi characters (the file may not be text pasted from an editor: open it in a plain-text editor and retype those lines)` });
  }
  return problems;
}

/**
 * Text safe to print on one line of a terminal or a CI log: control characters, bidi controls and
 * half characters written as \n, \t or \u001B. Problem messages quote what the editor wrote, and
 * an ESC sequence or an override in a quoted value must not rewrite the line that reports it.
 * Without `lineBreaks`, line breaks are left for a format that encodes them its own way.
 */
export function escapeInvisible(text: string, { lineBreaks = true } = {}): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, (char) => {
    if (!lineBreaks && (char === "\n" || char === "\r")) return char;
    if (char === "\n") return "\\n";
    if (char === "\t") return "\\t";
    if (char === "\r") return "\\r";
    return `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
  });
}
