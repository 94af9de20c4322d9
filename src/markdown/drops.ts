// markdown-it drops some of what an editor writes without a word: everything nested deeper than
// `maxNesting` (quotes in lists in quotes…), and table cells past the header's count. This plugin
// leaves a marker token where that happens, and the content loader turns each into an error.
import type { MarkdownIt, StateBlock, Token } from "markdown-it";

/** Levels of block nesting followed (markdown-it's default); each `>` or list level is one or two. */
export const MAX_NESTING = 100;

/** Marker token types; they render as nothing. */
const TOO_DEEP = "dropped_too_deep";
const EXTRA_CELLS = "dropped_table_cells";

/** Something the parser dropped, at a 0-based line of the parsed text. */
export interface DroppedContent {
  line: number;
  message: string;
}

export function reportDroppedContent(md: MarkdownIt): void {
  md.set({ maxNesting: MAX_NESTING });
  const tokenize = md.block.tokenize.bind(md.block);
  // markdown-it's block tokenizer stops, dropping the rest of the container, when it is entered this deep.
  md.block.tokenize = (state: StateBlock, startLine: number, endLine: number) => {
    if (state.level >= md.options.maxNesting) {
      const line = state.skipEmptyLines(startLine);
      if (line < endLine && (state.sCount[line] ?? 0) >= state.blkIndent) state.push(TOO_DEEP, "", 0).map = [line, line + 1];
    }
    tokenize(state, startLine, endLine);
  };
  const table = md.block.ruler.getRules("").find((rule) => rule.name === "table");
  if (table) {
    md.block.ruler.at("table", (state, startLine, endLine, silent) => {
      const found = table(state, startLine, endLine, silent);
      if (found && !silent) markExtraCells(state, startLine, state.line);
      return found;
    });
  }
  md.renderer.rules[TOO_DEEP] = () => "";
  md.renderer.rules[EXTRA_CELLS] = () => "";
}

/** A marker on every table row with more cells than the header: GFM ignores the extra ones. */
function markExtraCells(state: StateBlock, startLine: number, endLine: number): void {
  const columns = cellCount(lineText(state, startLine));
  for (let line = startLine + 2; line < endLine; line++) {
    const cells = cellCount(lineText(state, line));
    if (cells > columns) {
      const token = state.push(EXTRA_CELLS, "", 0);
      token.map = [line, line + 1];
      token.meta = { cells, columns };
    }
  }
}

function lineText(state: StateBlock, line: number): string {
  return state.src.slice((state.bMarks[line] ?? 0) + (state.tShift[line] ?? 0), state.eMarks[line]).trim();
}

/** Cells in a table row as markdown-it counts them: split on pipes not escaped by a backslash, outer pipes optional. */
export function cellCount(row: string): number {
  const cells = row.split(/(?<!\\)\|/);
  if (cells[0] === "") cells.shift();
  if (cells.length > 0 && cells.at(-1) === "") cells.pop();
  return cells.length;
}

/** What the parser dropped from these tokens, in order. */
export function findDroppedContent(tokens: readonly Token[]): DroppedContent[] {
  return tokens.flatMap((token): DroppedContent[] => {
    const line = token.map?.[0] ?? 0;
    if (token.type === TOO_DEEP) {
      return [{ line, message: `is nested more than ${MAX_NESTING} levels deep here (quotes and lists inside each other), and what follows would not be published (take out some > or indentation)` }];
    }
    if (token.type === EXTRA_CELLS) {
      const { cells, columns } = token.meta as { cells: number; columns: number };
      return [{ line, message: `this table row has ${cells} cells but the header has ${columns}, and the extra cells would not be published (add columns to the header row, or join the cells; write \\| for a pipe inside a cell)` }];
    }
    return [];
  });
}
