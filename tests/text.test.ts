// Text measures: the word count is the number of space-separated runs holding a letter or digit, in
// any script, whatever the text (a property test against that definition, written the slow way).
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { countWords } from "../src/text.ts";

const byDefinition = (text: string) => text.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;

describe("countWords", () => {
  it("counts words in any script, not punctuation or dashes", () => {
    expect(countWords("The council voted 7–2 on Tuesday — a “long” night.")).toBe(9);
    expect(countWords("日本語 テスト, und Grüße")).toBe(4);
    expect(countWords(" -- … ")).toBe(0);
  });

  it("agrees with its definition on any text", () => {
    const pieces = fc.constantFrom("a", "Zoë", "7", "—", "-", " ", "  ", "\n", "\t", "\u00a0", "\u2028", "…", "“", "日本", ",", "\u200b", "(x)", "\u3000", "\ufeff", "\u1680", "\u205f", "\u000b", "𝒜", "١٢");
    fc.assert(fc.property(fc.array(pieces, { maxLength: 40 }).map((parts) => parts.join("")), (text) => countWords(text) === byDefinition(text)), { numRuns: 2000 });
  });
});
