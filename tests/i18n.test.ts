// Issue 20: interface text in one catalogue per language. A catalogue that misses a key does not
// compile (src/i18n/catalogue.ts); these tests check what types cannot: the same placeholders as
// English, every plural form the language's CLDR rules use, no empty text, no key the code never
// asks for, and the formatting the pages rely on.
import fs from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CATALOGUES, catalogueCode, localeOf, SHIPPED_LANGUAGES, type Catalogue } from "../src/i18n/index.ts";
import { settingsSchema } from "../src/content/schema.ts";
import { REPO } from "./helpers/site.ts";

const placeholders = (text: string) => new Set([...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]));
const sorted = (set: Set<string | undefined>) => [...set].sort();

/** Every way `catalogue` (for language `code`) differs from English, one line each. */
function catalogueProblems(code: string, catalogue: Catalogue): string[] {
  const problems: string[] = [];
  const english = CATALOGUES.en.messages as Record<string, string | Record<string, string>>;
  const messages = catalogue.messages as Record<string, string | Record<string, string> | undefined>;
  const categories = new Intl.PluralRules(code).resolvedOptions().pluralCategories as string[];
  for (const key of Object.keys(english)) if (!(key in messages)) problems.push(`${code} ${key}: missing`);
  for (const key of Object.keys(messages)) if (!(key in english)) problems.push(`${code} ${key}: not an English key`);
  for (const [key, reference] of Object.entries(english)) {
    const message = messages[key];
    if (message === undefined) continue;
    if (typeof reference === "string") {
      if (typeof message !== "string") problems.push(`${code} ${key}: must be a text, not plural forms`);
      else {
        if (message.trim() === "" || message !== message.trim()) problems.push(`${code} ${key}: empty or padded`);
        if (sorted(placeholders(message)).join() !== sorted(placeholders(reference)).join()) problems.push(`${code} ${key}: placeholders ${sorted(placeholders(message)).join(", ")} instead of ${sorted(placeholders(reference)).join(", ")}`);
      }
      continue;
    }
    if (typeof message === "string") {
      problems.push(`${code} ${key}: must have plural forms`);
      continue;
    }
    const forms = Object.keys(message).sort();
    if (forms.join() !== [...categories].sort().join()) problems.push(`${code} ${key}: forms ${forms.join(", ")} instead of ${[...categories].sort().join(", ")}`);
    const named = [...placeholders(reference.other ?? "")].filter((name) => name !== "count").sort();
    for (const [form, text] of Object.entries(message)) {
      if (text.trim() === "") problems.push(`${code} ${key}.${form}: empty`);
      const own = placeholders(text);
      if ([...own].filter((name) => name !== "count").sort().join() !== named.join()) problems.push(`${code} ${key}.${form}: placeholders ${sorted(own).join(", ")}`);
      if (![...own].every((name) => name === "count" || named.includes(name ?? ""))) problems.push(`${code} ${key}.${form}: unknown placeholder`);
    }
    // The general form must say the number: only the forms for exactly one (or two) may write it as a word.
    if (placeholders(reference.other ?? "").has("count") && !placeholders(message["other"] ?? "").has("count")) problems.push(`${code} ${key}.other: needs {count}`);
  }
  return problems;
}

describe("the message catalogues", () => {
  it("ship English, Spanish, French, German and Arabic", () => {
    expect(SHIPPED_LANGUAGES).toEqual(["en", "es", "fr", "de", "ar"]);
  });

  it.each(SHIPPED_LANGUAGES)("%s has every key, the same placeholders and every plural form of its language", (code) => {
    expect(catalogueProblems(code, CATALOGUES[code])).toEqual([]);
  });

  it("fails a catalogue that misses a key, a placeholder or a plural form (the check can fail)", () => {
    const { "email.links": _dropped, ...messages } = CATALOGUES.de.messages;
    const broken = { ...CATALOGUES.de, messages: { ...messages, "article.related": "Mehr", "authors.count": { other: "{count} Artikel" } } } as unknown as Catalogue;
    expect(catalogueProblems("de", broken)).toEqual(["de email.links: missing", "de article.related: placeholders  instead of section", "de authors.count: forms other instead of one, other"]);
    const arabic = { ...CATALOGUES.ar, messages: { ...CATALOGUES.ar.messages, "edition.stories": { one: "خبر واحد", other: "{count} خبر" } } } as unknown as Catalogue;
    expect(catalogueProblems("ar", arabic)).toEqual(["ar edition.stories: forms one, other instead of few, many, one, other, two, zero"]);
  });

  it("holds no key the code never asks for", async () => {
    const files = [...(await fs.readdir(path.join(REPO, "src"), { recursive: true })).map((file) => path.join("src", file)), ...(await fs.readdir(path.join(REPO, "layouts"), { recursive: true })).map((file) => path.join("layouts", file))]
      .filter((file) => /\.tsx?$/.test(file) && !file.startsWith(path.join("src", "i18n")));
    const code = (await Promise.all(files.map((file) => fs.readFile(path.join(REPO, file), "utf8")))).join("\n");
    // Newsletter defaults are asked for by frequency: `newsletter.${kind}.name`.
    const asked = (key: string) => code.includes(`"${key}"`) || code.includes(`\`${key.replace(/\.(daily|weekly)\./, ".${kind}.")}\``);
    expect(Object.keys(CATALOGUES.en.messages).filter((key) => !asked(key))).toEqual([]);
  });

  it("give every shipped language a writing direction and four quotes", () => {
    for (const code of SHIPPED_LANGUAGES) {
      expect(CATALOGUES[code].meta.quotes, code).toHaveLength(4);
      expect(CATALOGUES[code].meta.direction, code).toBe(code === "ar" ? "rtl" : "ltr");
    }
  });
});

describe("a locale", () => {
  it("is chosen by the primary subtag of the site's language", () => {
    expect(catalogueCode("fr-CA")).toBe("fr");
    expect(catalogueCode("ar-EG")).toBe("ar");
    expect(catalogueCode("it-IT")).toBeUndefined();
    expect(localeOf("es-MX").t("nav.search")).toBe("Buscar");
  });

  it("picks Arabic's six plural forms, and writes one and two as words", () => {
    const ar = localeOf("ar");
    // Digits as the runtime's CLDR writes Arabic numbers (Latin or Arabic-Indic, by version).
    const n = (count: number) => ar.number(count);
    expect([0, 1, 2, 3, 11, 100].map((count) => ar.plural("edition.stories", count))).toEqual(["لا أخبار", "خبر واحد", "خبران", `${n(3)} أخبار`, `${n(11)} خبرًا`, `${n(100)} خبر`]);
  });

  it("joins names, formats numbers and names weekdays in the language", () => {
    expect(localeOf("en-US").list(["Ana Ruiz", "Li Wei", "Sam Okafor"])).toBe("Ana Ruiz, Li Wei, and Sam Okafor");
    expect(localeOf("de-DE").list(["Ana", "Li"])).toBe("Ana und Li");
    expect(localeOf("ar").list(["أ", "ب"])).toBe("أ وب");
    expect(localeOf("de-DE").plural("authors.count", 1200)).toBe("1.200 Artikel");
    expect(localeOf("fr-FR").weekday("monday")).toBe("lundi");
  });

  it("keeps placeholders' values out of the template: a value that looks like one is printed as typed", () => {
    expect(localeOf("en").t("article.related", { section: "{site}" })).toBe("More from {site}");
  });

  it("splits a text around values that are not text, and refuses a missing value", () => {
    const link = { link: true };
    expect(localeOf("fr").parts("article.published", { time: link })).toEqual(["Publié le ", link]);
    expect(() => localeOf("en").t("article.related")).toThrow(/needs a value for \{section\}/);
  });
});

describe("settings.language", () => {
  const settings = (language: string) =>
    settingsSchema.safeParse({ name: "Gazette", baseUrl: "https://gazette.example.org/", timeZone: "UTC", language, sections: [{ slug: "news", title: "News" }], newsletter: { action: "https://newsletter.example.org/s" } });

  it("accepts a language with a catalogue, any region", () => {
    expect(settings("ar-EG").success).toBe(true);
    expect(settings("de-CH").success).toBe(true);
  });

  it("refuses a language without one, naming those that are shipped", () => {
    const result = settings("it-IT");
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(['"it-IT" has no interface translation (shipped: en, es, fr, de, ar; docs/languages.md says how to add one)']);
  });
});
