// The one slug function behind every URL Dateline makes from text: article file names (and `slug:`),
// tag pages and `npm run new`'s file names. Latin-script text is folded to ASCII ("Zürich" →
// "zuerich"); letters of other scripts are kept as they are written ("أخبار-الميناء"), lowercased
// where the script has case, and published percent-encoded (docs/languages.md says why).
import slugifyLatin from "@sindresorhus/slugify";

/** Longest slug in bytes of UTF-8: a file name may hold 255, and an Arabic letter takes two. */
export const MAX_SLUG_BYTES = 200;

/**
 * "COVID-19" and "Covid 19" → "covid-19"; "Zürich" → "zuerich"; "احتجاجات الميناء" →
 * "احتجاجات-الميناء"; "" when nothing is left (emoji only).
 */
export function slugify(text: string): string {
  let slug = slugs.get(text);
  if (slug === undefined) slugs.set(text, (slug = limit(slugifyUncached(text))));
  return slug;
}

/** True when `text` is already a slug: what `slug:` and a file name may be written as. */
export function isSlug(text: string): boolean {
  return text !== "" && slugify(text) === text;
}

/** An article file's slug: its name without `.md`, slugified ("Council Votes.md" → "council-votes"). */
export function slugFromFileName(file: string): string {
  const base = file.slice(Math.max(file.lastIndexOf("/"), file.lastIndexOf("\\")) + 1).replace(/\.md$/i, "");
  return slugify(base);
}

// slugify builds about two thousand transliteration regexes per call (~1 ms): 10,000 articles with
// 3,000 distinct tags took seconds in check:content. Each text is slugified once per process, and
// plain ASCII, which no transliteration rule matches, takes the short path.
const slugs = new Map<string, string>();

/** A letter of a script other than Latin: the text is not folded to ASCII as a whole. */
const OTHER_SCRIPT = /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u;
/** Runs of Latin letters (with their accents) inside text that has other scripts too. */
const LATIN_RUN = /\p{Script=Latin}[\p{Script=Latin}\p{M}]*/gu;
/**
 * Arabic vowel marks and tatweel, Hebrew points: optional in writing, so a URL without them is the
 * same word (and two spellings of one tag share its page).
 */
// Each is a mark of its own, listed one by one (not a letter with its mark): the class is meant so.
// eslint-disable-next-line no-misleading-character-class
const OPTIONAL_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u0591-\u05BD\u05BF\u05C1\u05C2\u05C4\u05C5\u05C7]/gu;

function slugifyUncached(text: string): string {
  if (/^[\x00-\x7f]*$/.test(text)) return slugifyAscii(text);
  const normal = text.normalize("NFC");
  if (!OTHER_SCRIPT.test(normal)) return slugifyLatin(normal, { decamelize: false });
  return normal
    .replace(OPTIONAL_MARKS, "")
    .replace(LATIN_RUN, (run) => ` ${slugifyLatin(run, { decamelize: false })} `)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, "-")
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

/** A slug cut at a hyphen (or a letter) so that it fits MAX_SLUG_BYTES. */
function limit(slug: string): string {
  if (Buffer.byteLength(slug) <= MAX_SLUG_BYTES) return slug;
  let cut = "";
  for (const char of slug) {
    if (Buffer.byteLength(cut + char) > MAX_SLUG_BYTES) break;
    cut += char;
  }
  const hyphen = cut.lastIndexOf("-");
  return (hyphen > cut.length / 2 ? cut.slice(0, hyphen) : cut).replace(/-+$/, "");
}

/** First path segments the site uses for its own pages: no section may take them. */
export const RESERVED_PATHS: readonly string[] = ["authors", "tags", "archive", "page", "latest", "search", "img", "css", "js", "pagefind", "feeds", "newsletter", "corrections", "404"];

export function isReservedPath(segment: string): boolean {
  // Four-digit years are article URLs (/2026/03/05/…).
  return RESERVED_PATHS.includes(segment) || /^\d+$/.test(segment);
}
