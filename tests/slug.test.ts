// Issue 20: one slug function for every URL made from text (src/slug.ts). Latin text folds to ASCII
// as tag pages always did; other scripts keep their letters, so an Arabic headline or tag makes a URL
// a reader of Arabic can read; file names, `slug:`, tags and `npm run new` all go through it.
import { describe, expect, it } from "vitest";
import { isSlug, MAX_SLUG_BYTES, slugFromFileName, slugify } from "../src/slug.ts";
import { tagSlug } from "../src/site/collections.ts";
import { articleSchema } from "../src/content/schema.ts";

describe("slugify", () => {
  it("folds Latin text to ASCII, as tag pages always have", () => {
    expect(["COVID-19", "Covid 19", "City Council", "Zürich", "Straße", "Crème brûlée", "Rock & Roll", "won't stop"].map(slugify)).toEqual([
      "covid-19",
      "covid-19",
      "city-council",
      "zuerich",
      "strasse",
      "creme-brulee",
      "rock-and-roll",
      "wont-stop",
    ]);
  });

  it("keeps the letters of other scripts, lowercased where they have case", () => {
    expect(slugify("احتجاجات الميناء")).toBe("احتجاجات-الميناء");
    expect(slugify("Москва сегодня")).toBe("москва-сегодня");
    expect(slugify("Ελλάδα")).toBe("ελλάδα");
    expect(slugify("北京新闻 2026")).toBe("北京新闻-2026");
    expect(slugify("नई दिल्ली")).toBe("नई-दिल्ली");
  });

  it("drops Arabic vowel marks and tatweel and Hebrew points, which writing may leave out", () => {
    expect(slugify("مُدِيرُ المَدْرَسَةِ")).toBe(slugify("مدير المدرسة"));
    expect(slugify("شـــكرًا")).toBe("شكرا");
    expect(slugify("שָׁלוֹם")).toBe("שלום");
  });

  it("folds the Latin part of mixed text and keeps the rest", () => {
    expect(slugify("Zürich — أخبار الميناء")).toBe("zuerich-أخبار-الميناء");
    expect(slugify("نادي «المرسى» يفوز 2–1")).toBe("نادي-المرسى-يفوز-2-1");
  });

  it("makes nothing of text without letters or digits", () => {
    expect(["🔥", "!!! ???", "«»", ""].map(slugify)).toEqual(["", "", "", ""]);
  });

  it("stays under the file-name limit, cut at a hyphen", () => {
    const long = slugify(Array.from({ length: 40 }, () => "الميناء").join(" "));
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(MAX_SLUG_BYTES);
    expect(long.endsWith("الميناء")).toBe(true);
  });
});

describe("one function for every URL", () => {
  it("names articles by their file name, tag pages by their tag, both through slugify", () => {
    for (const text of ["Council Votes", "zürich", "مهرجان الفوانيس", "Q&A", "北京新闻"]) {
      expect(slugFromFileName(`content/articles/2026/${text}.md`), text).toBe(slugify(text));
      expect(tagSlug(text), text).toBe(slugify(text));
    }
  });

  it("takes as slug: what slugify would make, in any script", () => {
    expect(isSlug("مهرجان-الفوانيس")).toBe(true);
    expect(isSlug("Bei Jing")).toBe(false);
    const article = { headline: "h", byline: "a", date: "2026-03-05", section: "news" };
    expect(articleSchema.safeParse({ ...article, slug: "مهرجان-الفوانيس" }).success).toBe(true);
    expect(articleSchema.safeParse({ ...article, slug: "Bei Jing" }).error?.issues[0]?.message).toBe('"Bei Jing" is not a valid slug (lowercase letters of any script, digits and single hyphens, e.g. "city-hall" or "bei-jing")');
  });
});
