// Interface text in the site's language: one catalogue per shipped language, chosen by the primary
// subtag of `settings.language` (es-MX → es), with plurals, lists and numbers through Intl. The
// catalogues are constants of the code, so a page's output is a pure function of its inputs (the
// language is in every page's shell) and of the code version the build already digests.
import { en } from "./en.ts";
import { es } from "./es.ts";
import { fr } from "./fr.ts";
import { de } from "./de.ts";
import { ar } from "./ar.ts";
import type { Catalogue, PluralKey, TextKey } from "./catalogue.ts";

export type { Catalogue, MessageKey, PluralKey, TextKey } from "./catalogue.ts";

/** Every shipped catalogue, by primary language subtag. */
export const CATALOGUES = { en, es, fr, de, ar } as const satisfies Record<string, Catalogue>;

export type LanguageCode = keyof typeof CATALOGUES;

export const SHIPPED_LANGUAGES = Object.keys(CATALOGUES) as LanguageCode[];

/** The catalogue a BCP 47 tag uses ("fr-CA" → "fr"), or undefined when none is shipped. */
export function catalogueCode(language: string): LanguageCode | undefined {
  const primary = language.split("-")[0]?.toLowerCase() ?? "";
  return Object.hasOwn(CATALOGUES, primary) ? (primary as LanguageCode) : undefined;
}

type Params<T = never> = Readonly<Record<string, string | number | T>>;

/** Interface text, plurals, lists and numbers in one language. */
export interface Locale {
  /** The site's BCP 47 tag, as written in the settings. */
  language: string;
  code: LanguageCode;
  direction: "ltr" | "rtl";
  quotes: Catalogue["meta"]["quotes"];
  /** A text with its placeholders filled; numbers are formatted for the language. */
  t(key: TextKey, params?: Params): string;
  /** The text for `count` in the language's plural category, `{count}` filled. */
  plural(key: PluralKey, count: number, params?: Params): string;
  /** A text split around placeholders whose values are not text (links, `<time>` elements). */
  parts<T>(key: TextKey, params: Params<T>): (string | T)[];
  /** "Ana, Li and Sam" in the language's way. */
  list(items: readonly string[]): string;
  /** The list's pieces: `element` parts are the items, `literal` parts the joins. */
  listParts(items: readonly string[]): readonly Readonly<{ type: "element" | "literal"; value: string }>[];
  number(value: number): string;
  /** A year or page number: no thousands separator. */
  integer(value: number): string;
  /** "Monday" for "monday". */
  weekday(day: Weekday): string;
}

export const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const PLACEHOLDER = /\{(\w+)\}/g;

/** A template's text and placeholders, in order: `{ name }` stands for a placeholder. */
type Piece = string | { name: string };

/** `template` split at its placeholders (empty text left out). */
function piecesOf(template: string): Piece[] {
  const pieces: Piece[] = [];
  let at = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    if (match.index > at) pieces.push(template.slice(at, match.index));
    pieces.push({ name: match[1] ?? "" });
    at = match.index + match[0].length;
  }
  if (at < template.length) pieces.push(template.slice(at));
  return pieces;
}

/** The template's pieces with its placeholders' values, adjacent text joined. */
function fill<T>(pieces: readonly Piece[], params: Params<T>, format: (value: number) => string, where: string): (string | T)[] {
  const out: (string | T)[] = [];
  for (const piece of pieces) {
    let value: string | T;
    if (typeof piece === "string") value = piece;
    else {
      if (!Object.hasOwn(params, piece.name)) throw new Error(`[i18n] ${where} needs a value for {${piece.name}} (a Dateline defect)`);
      const given = params[piece.name] as string | number | T;
      value = typeof given === "number" ? format(given) : given;
    }
    const last = out.at(-1);
    if (typeof value === "string" && typeof last === "string") out[out.length - 1] = last + value;
    else if (value !== "") out.push(value);
  }
  return out;
}

function joined(pieces: readonly unknown[]): string {
  return pieces.length === 1 && typeof pieces[0] === "string" ? pieces[0] : pieces.map(String).join("");
}

/**
 * `compute(key)`, remembered by `keyOf(key)`: interface text is asked for on every page (a footer, a
 * byline, a pagination's labels) and comes out the same for the same key; splitting templates and
 * Intl's formatting cost ~2 s of a cold build of 10,000 stories. The keys are few (templates,
 * numbers, the bylines of a newsroom's authors).
 */
function remembered<K, V>(compute: (key: K) => V, keyOf: (key: K) => unknown = (key) => key): (key: K) => V {
  const known = new Map<unknown, V>();
  return (key) => {
    const at = keyOf(key);
    let value = known.get(at);
    if (value === undefined) known.set(at, (value = compute(key)));
    return value;
  };
}

/** A list's key: content holds no control characters (src/content/text-hygiene.ts); the count keeps [] apart from [""]. */
const itemsKey = (items: readonly string[]) => `${items.length}\u0000${items.join("\u0000")}`;

function makeLocale(language: string, code: LanguageCode): Locale {
  const catalogue: Catalogue = CATALOGUES[code];
  const { messages, meta } = catalogue;
  const numbers = new Intl.NumberFormat(language);
  const integers = new Intl.NumberFormat(language, { useGrouping: false });
  const plurals = new Intl.PluralRules(language);
  const lists = new Intl.ListFormat(language, { type: "conjunction" });
  const weekdays = new Intl.DateTimeFormat(language, { weekday: "long", timeZone: "UTC" });
  const format = remembered((value: number) => numbers.format(value));
  const integer = remembered((value: number) => integers.format(value));
  const category = remembered((count: number) => plurals.select(count));
  const pieces = remembered(piecesOf);
  const list = remembered((items: readonly string[]) => lists.format(items), itemsKey);
  // Shared by every caller: frozen, so none can change another's.
  const listParts = remembered((items: readonly string[]) => Object.freeze(lists.formatToParts(items).map((part) => Object.freeze(part))), itemsKey);
  const text = remembered((key: TextKey) => joined(fill(pieces(messages[key]), {}, format, `"${key}" (${code})`)));
  return {
    language,
    code,
    direction: meta.direction,
    quotes: meta.quotes,
    t: (key, params) => (params === undefined ? text(key) : joined(fill(pieces(messages[key]), params, format, `"${key}" (${code})`))),
    plural: (key, count, params = {}) => {
      const form = category(count);
      const template = messages[key][form];
      if (template === undefined) throw new Error(`[i18n] "${key}" (${code}) has no "${form}" form (a Dateline defect: tests/i18n.test.ts checks every form)`);
      return joined(fill(pieces(template), { count, ...params }, format, `"${key}" (${code})`));
    },
    parts: (key, params) => fill(pieces(messages[key]), params, format, `"${key}" (${code})`),
    list,
    listParts,
    number: format,
    integer,
    // 2024-01-01 was a Monday: the n-th weekday after it, named in the language.
    weekday: (day) => weekdays.format(Date.UTC(2024, 0, 1 + WEEKDAYS.indexOf(day))),
  };
}

// Making the Intl objects costs about a millisecond; a site has one language and many pages.
const locales = new Map<string, Locale>();

/** The locale for a BCP 47 tag the settings accepted (the schema refuses a language without a catalogue). */
export function localeOf(language: string): Locale {
  let locale = locales.get(language);
  if (!locale) {
    const code = catalogueCode(language);
    if (!code) throw new Error(`[i18n] no catalogue for "${language}" (a Dateline defect: the settings schema refuses it)`);
    locales.set(language, (locale = makeLocale(language, code)));
  }
  return locale;
}
