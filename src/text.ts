// Small text measures used by pages and feeds.

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** JavaScript's \s: the characters that separate words. */
function isSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || (code >= 0x80 && (code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff));
}

/**
 * Words in a plain-text string (any script that separates words with spaces): runs of non-space
 * holding a letter or digit. One pass over the characters with no strings made (a regular
 * expression's matches took a tenth of a large archive's check); only a character beyond ASCII in a
 * run not yet counted is asked whether it is a letter or digit.
 */
export function countWords(text: string): number {
  let words = 0;
  let counted = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isSpace(code)) {
      counted = false;
      continue;
    }
    if (counted) continue;
    if (code < 0x80) {
      if ((code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a)) {
        words++;
        counted = true;
      }
      continue;
    }
    const point = text.codePointAt(i) ?? code;
    if (LETTER_OR_DIGIT.test(String.fromCodePoint(point))) {
      words++;
      counted = true;
    }
    if (point > 0xffff) i++;
  }
  return words;
}

/** Minutes to read at a news reader's 230 words a minute, at least 1. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / 230));
}

/** Shortens text to at most `max` characters at a word boundary, with an ellipsis. */
export function truncateText(text: string, max = 200): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const boundary = cut.lastIndexOf(" ");
  return `${(boundary > max / 2 ? cut.slice(0, boundary) : cut).replace(/[\s,;:.–—-]+$/u, "")}…`;
}
