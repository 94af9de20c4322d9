// Texts the progressive-enhancement scripts (public/js/) show, handed to them in data attributes:
// a plural message goes as its forms with `{count}` unfilled, and the script picks the form with
// the browser's Intl.PluralRules for the page's `lang`, as the build does.
import type { Locale, PluralKey } from "./index.ts";
import { CATALOGUES } from "./index.ts";

/** Every form of a plural message in the locale's language, placeholders left as written. */
export function pluralForms(locale: Locale, key: PluralKey): Record<string, string> {
  return { ...CATALOGUES[locale.code].messages[key] };
}
