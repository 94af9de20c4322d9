// The shape every message catalogue has: English's keys, each a text or (for a count) one text per
// plural category. A catalogue typed `Catalogue` that misses a key, or has one English does not,
// does not compile; tests/i18n.test.ts checks the rest (placeholders, plural categories).
import type { en } from "./en.ts";

/** CLDR plural categories; which ones a language uses comes from Intl.PluralRules. */
export type PluralCategory = "zero" | "one" | "two" | "few" | "many" | "other";

/** One text per plural category of the language; `other` is always there. */
export type Plural = Partial<Record<PluralCategory, string>> & { other: string };

export interface CatalogueMeta {
  /** The language's own name ("Deutsch", "العربية"). */
  name: string;
  /** Writing direction of the language: the document's `dir`. */
  direction: "ltr" | "rtl";
  /** Typographic quotes: double opening, double closing, single opening, single closing. */
  quotes: readonly [string, string, string, string];
}

/** What en.ts is checked against before its own keys become the standard. */
export interface CatalogueShape {
  meta: CatalogueMeta;
  messages: Record<string, string | Plural>;
}

type EnglishMessages = (typeof en)["messages"];

/** Every message key, with the kind of text English gives it. */
export type Messages = { [K in keyof EnglishMessages]: EnglishMessages[K] extends string ? string : Plural };

export type MessageKey = keyof Messages;
/** Keys of plain texts. */
export type TextKey = { [K in MessageKey]: Messages[K] extends string ? K : never }[MessageKey];
/** Keys of texts that depend on a count. */
export type PluralKey = Exclude<MessageKey, TextKey>;

/** A language's interface text: exactly English's keys. */
export interface Catalogue {
  meta: CatalogueMeta;
  messages: Messages;
}
