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
  listParts(items: readonly string[]): { type: "element" | "literal"; value: string }[];
  number(value: number): string;
  /** A year or page number: no thousands separator. */
  integer(value: number): string;
  /** "Monday" for "monday". */
  weekday(day: Weekday): string;
}

export const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const PLACEHOLDER = /\{(\w+)\}/g;

/** `template` split into text and the values of its placeholders, adjacent text joined. */
function fill<T>(template: string, params: Params<T>, format: (value: number) => string, where: string): (string | T)[] {
  const out: (string | T)[] = [];
  const push = (piece: string | T) => {
    const last = out.at(-1);
    if (typeof piece === "string" && typeof last === "string") out[out.length - 1] = last + piece;
    else if (piece !== "") out.push(piece);
  };
  let at = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    push(template.slice(at, match.index));
    const name = match[1] ?? "";
    if (!Object.hasOwn(params, name)) throw new Error(`[i18n] ${where} needs a value for {${name}} (a Dateline defect)`);
    const value = params[name] as string | number | T;
    push(typeof value === "number" ? format(value) : value);
    at = match.index + match[0].length;
  }
  push(template.slice(at));
  return out;
}

function joined(pieces: readonly unknown[]): string {
  return pieces.map(String).join("");
}

function makeLocale(language: string, code: LanguageCode): Locale {
  const catalogue: Catalogue = CATALOGUES[code];
  const { messages, meta } = catalogue;
  const numbers = new Intl.NumberFormat(language);
  const integers = new Intl.NumberFormat(language, { useGrouping: false });
  const plurals = new Intl.PluralRules(language);
  const lists = new Intl.ListFormat(language, { type: "conjunction" });
  const weekdays = new Intl.DateTimeFormat(language, { weekday: "long", timeZone: "UTC" });
  const format = (value: number) => numbers.format(value);
  return {
    language,
    code,
    direction: meta.direction,
    quotes: meta.quotes,
    t: (key, params = {}) => joined(fill(messages[key], params, format, `"${key}" (${code})`)),
    plural: (key, count, params = {}) => {
      const category = plurals.select(count);
      const text = messages[key][category];
      if (text === undefined) throw new Error(`[i18n] "${key}" (${code}) has no "${category}" form (a Dateline defect: tests/i18n.test.ts checks every form)`);
      return joined(fill(text, { count, ...params }, format, `"${key}" (${code})`));
    },
    parts: (key, params) => fill(messages[key], params, format, `"${key}" (${code})`),
    list: (items) => lists.format(items),
    listParts: (items) => lists.formatToParts(items),
    number: format,
    integer: (value) => integers.format(value),
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
