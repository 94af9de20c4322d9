// URL slugs for tags and file names, and the paths the site reserves for its own pages.
import slugify from "@sindresorhus/slugify";

/**
 * "COVID-19" and "Covid 19" → "covid-19"; "Zürich" → "zuerich". Text with no Latin transliteration
 * (e.g. Chinese) keeps its letters rather than vanishing; "" when nothing is left (emoji only).
 */
export function slugifyText(text: string): string {
  const latin = slugify(text, { decamelize: false });
  if (latin) return latin;
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}

/** First path segments the site uses for its own pages: no section may take them. */
export const RESERVED_PATHS: readonly string[] = ["authors", "tags", "archive", "page", "search", "img", "css", "js", "pagefind", "feeds", "newsletter", "404"];

export function isReservedPath(segment: string): boolean {
  // Four-digit years are article URLs (/2026/03/05/…).
  return RESERVED_PATHS.includes(segment) || /^\d+$/.test(segment);
}
