// The editor's contract: one zod schema per content type. Every TypeScript type for content and
// settings is inferred from here, and every message an editor sees about a field starts here.
import { z } from "zod";
import { DateTime } from "luxon";
import { isReservedPath, RESERVED_PATHS, slugifyText } from "../slug.ts";

/** A short human description of a YAML value, for "must be text, not a list" messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "an empty value";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a group of fields";
  if (typeof value === "string") return "text";
  if (typeof value === "boolean") return `${value}`;
  return `the ${typeof value} ${String(value)}`;
}

const required = (what: string) => (issue: { input?: unknown }) =>
  issue.input === undefined || issue.input === null
    ? `is required (${what})`
    : `must be ${what}, not ${describeValue(issue.input)}`;

/** Plain text, trimmed; empty is an error. */
export const text = (what = "text") => z.string({ error: required(what) }).trim().min(1, `is empty (${what})`);

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const slug = (what: string) =>
  z.string({ error: required(what) }).regex(SLUG_PATTERN, {
    error: (issue) => `"${String(issue.input)}" is not a valid ${what} (lowercase letters, digits and single hyphens, e.g. "city-hall")`,
  });

// Calendar dates and date-times only: `2026-03-05`, `2026-03-05T09:30`, `2026-03-05T09:30:00-05:00`.
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;
const DATE_HELP = `(ISO 8601, e.g. 2026-03-05 or 2026-03-05T09:30:00-05:00)`;

/** An ISO 8601 date or date-time, kept as written; zones are applied once the site's zone is known. */
export const isoDate = z
  .string({ error: (issue) => (issue.input == null ? `is required ${DATE_HELP}` : `must be a date ${DATE_HELP}, not ${describeValue(issue.input)}`) })
  .trim()
  .refine((value) => ISO_DATE.test(value) && DateTime.fromISO(value.replace(" ", "T"), { zone: "utc" }).isValid, {
    error: (issue) => `"${String(issue.input)}" is not a valid date ${DATE_HELP}`,
  });

const httpUrl = (what: string) =>
  z
    .string({ error: required(`a ${what} starting with https://`) })
    .trim()
    .refine((value) => /^https?:\/\//i.test(value) && URL.canParse(value), {
      error: (issue) => `"${String(issue.input)}" is not a valid ${what} (an address starting with https:// or http://)`,
    });

const relativeFile = (what: string) =>
  z
    .string({ error: required(what) })
    .trim()
    .min(1, `is empty (${what})`)
    .refine((value) => !/^[a-z][a-z0-9+.-]*:/i.test(value) && !value.startsWith("/") && !value.includes("\0"), {
      error: () => `must be a file path relative to this file (e.g. "harbour.jpg"), not an address or absolute path`,
    });

const tagList = z
  .array(
    text("a tag").refine((tag) => slugifyText(tag) !== "", {
      error: (issue) => `"${String(issue.input)}" makes no URL for its tag page (use words with letters or digits)`,
    }),
    { error: required("a list of tags, e.g. [housing, city council]") },
  )
  .transform((tags) => [...new Set(tags)]);

const correction = z.strictObject({
  date: isoDate,
  text: text("the text of the correction"),
});

const photoFields = {
  photo: relativeFile("an image file next to the article").optional(),
  alt: text("a description of the photo for screen readers").optional(),
  caption: text("the caption printed under the photo").optional(),
  credit: text("the photographer or agency").optional(),
};

/** Article front matter, exactly PRODUCT.md's table. */
export const articleSchema = z
  .strictObject({
    headline: text("the headline, plain text"),
    summary: text("a one- or two-sentence summary").optional(),
    // One author may be written without list brackets.
    byline: z.preprocess(
      (value) => (typeof value === "string" ? [value] : value),
      z.array(slug("author id"), { error: required("an author id or a list of author ids") }).min(1, "is empty (at least one author id)"),
    ),
    date: isoDate,
    updated: isoDate.optional(),
    dateline: text("a place line, e.g. PORT ALDER, Lakeshore").optional(),
    section: slug("section slug"),
    tags: tagList.optional(),
    ...photoFields,
    corrections: z.array(correction, { error: required("a list of { date, text } notes") }).optional(),
    draft: z.boolean({ error: required("true or false") }).optional(),
    slug: slug("slug").optional(),
    /** Leads the front page while it is the newest featured article. */
    featured: z.boolean({ error: required("true or false") }).optional(),
  })
  .superRefine((fm, ctx) => {
    if (fm.photo !== undefined) {
      // A missing field has no line of its own: point at the photo that needs it.
      const atPhoto = { linePath: ["photo"] };
      if (fm.alt === undefined) ctx.addIssue({ code: "custom", path: ["alt"], params: atPhoto, message: "is required with photo (describe what the photo shows)" });
      if (fm.caption === undefined) ctx.addIssue({ code: "custom", path: ["caption"], params: atPhoto, message: "is required with photo (the caption printed under it)" });
    }
    for (const field of ["alt", "caption", "credit"] as const) {
      if (fm.photo === undefined && fm[field] !== undefined) {
        ctx.addIssue({ code: "custom", path: [field], message: "is set but there is no photo (add photo: or remove this field)" });
      }
    }
  });

export type ArticleFrontMatter = z.infer<typeof articleSchema>;

const xHandle = z
  .string({ error: required("an X handle") })
  .trim()
  .regex(/^@?[A-Za-z0-9_]{1,15}$/, 'is not an X handle (e.g. "@ledger_news")')
  .transform((handle) => handle.replace(/^@/, ""));

const mastodonHandle = z
  .string({ error: required("a Mastodon handle") })
  .trim()
  .regex(/^@?[A-Za-z0-9_.]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/, 'is not a Mastodon handle (e.g. "@ana@newsroom.social")')
  .transform((handle) => handle.replace(/^@/, ""));

/** Author (or organisation) front matter; the Markdown body is the bio. */
export const authorSchema = z.strictObject({
  name: text("the author's name"),
  role: text("a role, e.g. City Hall reporter").optional(),
  photo: relativeFile("a headshot image next to the author file").optional(),
  email: z
    .email({ error: (issue) => (issue.input == null ? "is empty (an email address, e.g. ana@example.org, or remove the line)" : `"${String(issue.input)}" is not an email address (e.g. ana@example.org)`) })
    .optional(),
  x: xHandle.optional(),
  twitter: xHandle.optional(),
  mastodon: mastodonHandle.optional(),
  url: httpUrl("website address").optional(),
  organization: z.boolean({ error: required("true or false") }).optional(),
});

export type AuthorFrontMatter = z.infer<typeof authorSchema>;

/** An inline figure, written as a ```figure block inside an article body. */
export const figureSchema = z.strictObject({
  src: relativeFile("an image file next to the article"),
  alt: text("a description of the image for screen readers"),
  caption: text("the caption printed under the image"),
  credit: text("the photographer or agency").optional(),
});

export type FigureFields = z.infer<typeof figureSchema>;

const section = z.strictObject({
  slug: slug("section slug").refine((value) => !isReservedPath(value), {
    error: (issue) => `"${String(issue.input)}" is a path the site uses for its own pages (choose another slug; reserved: ${RESERVED_PATHS.join(", ")} and numbers)`,
  }),
  title: text("the section's title"),
  order: z.number().int().optional(),
});

const newsletter = z.strictObject({
  /** Where the form posts: the provider's subscribe endpoint. */
  action: httpUrl("form action address"),
  method: z.enum(["post", "get"]).default("post"),
  /** The provider's name for the email field. */
  emailField: z.string().regex(/^[A-Za-z0-9_[\]-]+$/, "is not a form field name").default("email"),
  /** Extra hidden fields the provider needs (list ids, tags). */
  hiddenFields: z.record(z.string().regex(/^[A-Za-z0-9_[\]-]+$/), z.string()).default({}),
  heading: text().default("Sign up for daily headlines"),
  description: text().default("The day's most important stories, in your inbox every morning."),
  buttonLabel: text().default("Sign up"),
  privacy: text().optional(),
});

const support = z.strictObject({
  heading: text().default("Support our journalism"),
  text: text(),
  url: httpUrl("support page address"),
  label: text().default("Become a member"),
});

/** Site settings: one typed file, `content/settings.ts`. */
export const settingsSchema = z.strictObject({
  name: text("the publication's name"),
  tagline: text().optional(),
  /** Absolute base URL, with the path prefix when the site lives under one: https://example.org/news/ */
  baseUrl: httpUrl("base URL"),
  /** BCP 47 language tag, e.g. en-US. */
  language: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'is not a language tag (e.g. "en-US")').default("en-US"),
  /** IANA time zone; dates without a time or an offset are read in it. */
  timeZone: z
    .string()
    .refine((zone) => DateTime.local().setZone(zone).isValid, { error: (issue) => `"${String(issue.input)}" is not an IANA time zone (e.g. "America/Chicago")` }),
  sections: z
    .array(section)
    .min(1, "needs at least one section")
    .refine((sections) => new Set(sections.map((s) => s.slug)).size === sections.length, { error: "has two sections with the same slug (each section needs its own)" }),
  /** Articles per page on section, tag, author and older front pages. */
  pageSize: z.number().int().min(1).max(500).default(20),
  newsletter: newsletter,
  support: support.optional(),
  social: z
    .strictObject({
      x: xHandle.optional(),
      mastodon: mastodonHandle.optional(),
      facebook: httpUrl("Facebook page address").optional(),
      instagram: httpUrl("Instagram address").optional(),
    })
    .default({}),
  /** Logo image, relative to the content folder. */
  logo: relativeFile("an image file in the content folder").optional(),
  /** Copyright holder shown in the footer (default: the site name). */
  copyright: text().optional(),
});

/** What an editor writes in `content/settings.ts`. */
export type SettingsInput = z.input<typeof settingsSchema>;
export type Settings = z.output<typeof settingsSchema>;

/** Every field an article may have, for "did you mean" suggestions. */
export const ARTICLE_FIELDS = Object.keys(articleSchema.shape);
export const AUTHOR_FIELDS = Object.keys(authorSchema.shape);
