// URL slugs for tags and file names, and the paths the site reserves for its own pages.
import slugify from "@sindresorhus/slugify";

/**
 * "COVID-19" and "Covid 19" → "covid-19"; "Zürich" → "zuerich". Text with no Latin transliteration
 * (e.g. Chinese) keeps its letters rather than vanishing; "" when nothing is left (emoji only).
 */
export function slugifyText(text: string): string {
  let slug = slugs.get(text);
  if (slug === undefined) slugs.set(text, (slug = slugifyUncached(text)));
  return slug;
}

// slugify builds about two thousand transliteration regexes per call (~1 ms): 10,000 articles with
// 3,000 distinct tags took seconds in check:content. Each text is slugified once per process, and
// plain ASCII, which no transliteration rule matches, takes the short path.
const slugs = new Map<string, string>();

function slugifyUncached(text: string): string {
  if (/^[\x00-\x7f]*$/.test(text)) return slugifyAscii(text);
  const latin = slugify(text, { decamelize: false });
  if (latin) return latin;
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}

/** What slugify does to ASCII text, step for step: "&" → "and", "^" and "`" dropped, "won't" → "wont". */
export function slugifyAscii(text: string): string {
  return text
    .replace(/&/g, " and ")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/([a-z\d]+)'([ts])(\s|$)/g, "$1$2$3")
    .replace(/[^a-z\d]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** First path segments the site uses for its own pages: no section may take them. */
export const RESERVED_PATHS: readonly string[] = ["authors", "tags", "archive", "page", "search", "img", "css", "js", "pagefind", "feeds", "newsletter", "corrections", "404"];

export function isReservedPath(segment: string): boolean {
  // Four-digit years are article URLs (/2026/03/05/…).
  return RESERVED_PATHS.includes(segment) || /^\d+$/.test(segment);
}
