// The editor's contract: one zod schema per content type. Every TypeScript type for content and
// settings is inferred from here, and every message an editor sees about a field starts here.
import { z } from "zod";
import { DateTime } from "luxon";
import { isReservedPath, isSlug, RESERVED_PATHS, slugify } from "../slug.ts";
import { SECRET_ADVICE, URL_SECRET_ADVICE, secretInUrl, secretName, secretValue } from "../newsletter/secrets.ts";
import { parseMailchimpAction } from "../newsletter/presets.ts";
import { findInvisible } from "./text-hygiene.ts";
import { parseUrl, webAddressProblem, type AddressRules } from "./web-address.ts";
import { suggestClosest } from "./closest.ts";
import { catalogueCode, SHIPPED_LANGUAGES, WEEKDAYS } from "../i18n/index.ts";

/**
 * How a field is edited in the browser CMS where its type alone does not say it (src/cms/config.ts
 * turns the schema into the CMS's form; descriptions set with `.describe()` become its hints).
 */
export type CmsWidget = "image" | "datetime" | "author" | "section" | "text";
export const cmsWidgets = z.registry<{ widget: CmsWidget }>();

/** A short human description of a YAML value, for "must be text, not a list" messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "an empty value";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a group of fields";
  if (typeof value === "string") return "text";
  if (typeof value === "boolean") return `${value}`;
  if (typeof value === "number" || typeof value === "bigint") return `the ${typeof value} ${value}`;
  return `a ${typeof value}`;
}

const required = (what: string) => (issue: { input?: unknown }) =>
  issue.input === undefined || issue.input === null
    ? `is required (${what})`
    : `must be ${what}, not ${describeValue(issue.input)}`;

/** Refuses control characters and overriding or unclosed bidi controls (src/content/text-hygiene.ts), before anything else is said. */
const refuseInvisible = (value: string, ctx: z.RefinementCtx) => {
  const found = findInvisible(value);
  if (found) ctx.addIssue({ code: "custom", message: found.message, continue: false });
};

/** A string an editor can see all of: every text field starts here. */
export const visibleString = (what: string) => z.string({ error: required(what) }).superRefine(refuseInvisible);

/** Plain text, trimmed; empty is an error. */
export const text = (what = "text") => visibleString(what).trim().min(1, `is empty (${what})`);

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
  })
  .register(cmsWidgets, { widget: "datetime" });

/**
 * A web address the site publishes: parsed, with a plain domain name as its host and no credential in
 * any part (user info, path, query, fragment). `advice` says why a credential must not be there.
 */
const httpUrl = (what: string, rules: AddressRules = {}, advice = URL_SECRET_ADVICE) =>
  visibleString(`a ${what} starting with https://`)
    .trim()
    .refine((value) => /^https?:\/\//i.test(value) && parseUrl(value) !== undefined, {
      error: (issue) => `"${String(issue.input)}" is not a valid ${what} (an address starting with https:// or http://)`,
      abort: true,
    })
    .superRefine((url, ctx) => {
      const problem = webAddressProblem(url, rules);
      if (problem) return ctx.addIssue({ code: "custom", message: problem, continue: false });
      const secret = secretInUrl(url);
      if (secret) ctx.addIssue({ code: "custom", message: secret + advice });
    });

const relativeFile = (what: string) =>
  visibleString(what)
    .trim()
    .min(1, `is empty (${what})`)
    .refine((value) => !/^[a-z][a-z0-9+.-]*:/i.test(value) && !value.startsWith("/") && !value.includes("\0"), {
      error: () => `must be a file path relative to this file (e.g. "harbour.jpg"), not an address or absolute path`,
    });

/** An image file next to the content file that names it: uploaded through the CMS's image widget. */
const imageFile = (what: string) => relativeFile(what).register(cmsWidgets, { widget: "image" });

const tagList = z
  .array(
    text("a tag").refine((tag) => slugify(tag) !== "", {
      error: (issue) => `"${String(issue.input)}" makes no URL for its tag page (use words with letters or digits)`,
    }),
    { error: required("a list of tags, e.g. [housing, city council]") },
  )
  .transform((tags) => [...new Set(tags)]);

const correction = z.strictObject({
  date: isoDate.describe("When the correction was made."),
  text: text("the text of the correction").register(cmsWidgets, { widget: "text" }).describe("What was wrong and what is right now."),
});

/** What kind of story an article is: a label above its headline and on every teaser, and its schema.org type. */
export const STORY_TYPES = ["news", "analysis", "opinion", "review", "sponsored"] as const;
export type StoryType = (typeof STORY_TYPES)[number];

const sponsor = z.strictObject(
  {
    name: text("the sponsor's name, e.g. Lakeshore Credit Union"),
    url: httpUrl("sponsor's website address").optional(),
  },
  { error: required("the sponsor: { name, url }") },
);

const photoFields = {
  photo: imageFile("an image file next to the article").describe("The lead photo: an image file next to the article (JPEG, PNG, WebP or AVIF).").optional(),
  alt: text("a description of the photo for screen readers").describe("What the photo shows, for screen readers. Required with a photo unless the file carries it.").optional(),
  caption: text("the caption printed under the photo").describe("The caption printed under the photo. Required with a photo unless the file carries it.").optional(),
  credit: text("the photographer or agency").describe("Photographer or agency, printed after the caption.").optional(),
};

/** Article front matter, exactly PRODUCT.md's table; each description is the README's meaning and the CMS's hint. */
export const articleSchema = z
  .strictObject({
    headline: text("the headline, plain text").describe("The headline, plain text."),
    summary: text("a one- or two-sentence summary")
      .register(cmsWidgets, { widget: "text" })
      .describe("The dek under the headline; also the meta description and promo text (default: the first paragraph, trimmed).")
      .optional(),
    // One author may be written without list brackets.
    byline: z
      .preprocess(
        (value) => (typeof value === "string" ? [value] : value),
        z.array(slug("author id"), { error: required("an author id or a list of author ids") }).min(1, "is empty (at least one author id)"),
      )
      .register(cmsWidgets, { widget: "author" })
      .describe("The authors, in byline order: file names in content/authors/."),
    date: isoDate.describe("Publication time, in the site's time zone unless it carries an offset. A future time schedules the article."),
    updated: isoDate.describe("Last substantive update, not before the publication time.").optional(),
    dateline: text("a place line, e.g. PORT ALDER, Lakeshore").describe("Place line printed in small caps before the first paragraph, e.g. PORT ALDER, Lakeshore.").optional(),
    section: slug("section slug").register(cmsWidgets, { widget: "section" }).describe("One of the site's sections."),
    tags: tagList.describe("Topics, separated by commas.").optional(),
    ...photoFields,
    corrections: z
      .array(correction, { error: required("a list of { date, text } notes") })
      .describe("Notes shown on the page, each with its date.")
      .optional(),
    draft: z.boolean({ error: required("true or false") }).describe("Keeps the article out of published builds (the live preview still shows it).").optional(),
    /** The URL's last part instead of the file name's: a slug as src/slug.ts makes them, in any script. */
    slug: z
      .string({ error: required("a slug") })
      .refine(isSlug, {
        error: (issue) => `"${String(issue.input)}" is not a valid slug (lowercase letters of any script, digits and single hyphens, e.g. "city-hall" or "${slugify(String(issue.input)) || "city-hall"}")`,
      })
      .describe("Overrides the file name in the URL (lowercase words with hyphens). Changing it changes the URL.")
      .optional(),
    /** Leads the front page while it is the newest featured article. */
    featured: z.boolean({ error: required("true or false") }).describe("Leads the front page while it is the newest featured article.").optional(),
    /** How prominent among the stories of a newsletter edition: 0 (default) to 9, the higher leads (docs/edition.md). */
    priority: z
      .number({ error: (issue) => (issue.input == null ? "is required (a whole number from 0 to 9)" : `must be a whole number from 0 to 9, not ${describeValue(issue.input)}`) })
      .int("must be a whole number from 0 to 9 (the higher leads an edition)")
      .min(0, "must be a whole number from 0 to 9 (the higher leads an edition)")
      .max(9, "must be a whole number from 0 to 9 (the higher leads an edition)")
      .describe("How prominent in a newsletter edition: 0 (default) to 9; the higher leads.")
      .optional(),
    /** A live blog: the body holds timestamped updates (## 14:05 — headline), shown newest first. */
    live: z.boolean({ error: required("true or false") }).describe("Live coverage: each level-2 heading starting with a time (## 14:05 — Ferry resumes) is an update.").optional(),
    /** When live coverage ended; without it a live article is still live. */
    liveEnded: isoDate.describe("When live coverage ended (at or after the last update); the Live badge goes.").optional(),
    /** news (default), analysis, opinion, review or sponsored: the label, and the schema.org type. */
    type: z
      .enum(STORY_TYPES, { error: (issue) => `${typeof issue.input === "string" ? `"${issue.input}"` : describeValue(issue.input)} is not a story type (one of ${STORY_TYPES.join(", ")})` })
      .describe("news (default), analysis, opinion, review or sponsored: the label above the headline.")
      .optional(),
    /** Who paid for a sponsored story; required with `type: sponsored`. */
    sponsor: sponsor.optional(),
    /** A site-wide breaking-news banner links to the story from `date` until `breakingUntil`. */
    breaking: z.boolean({ error: required("true or false") }).describe("Shows a breaking-news banner on every page until breakingUntil (default: six hours).").optional(),
    /** When the breaking-news banner comes down (default: six hours after `date`). */
    breakingUntil: isoDate.optional(),
  })
  // alt and caption may be embedded in the photo itself: src/content/load-articles.ts requires them
  // once the file has been read.
  .superRefine((fm, ctx) => {
    for (const field of ["alt", "caption", "credit"] as const) {
      if (fm.photo === undefined && fm[field] !== undefined) {
        ctx.addIssue({ code: "custom", path: [field], message: "is set but there is no photo (add photo: or remove this field)" });
      }
    }
    if (fm.liveEnded !== undefined && fm.live !== true) {
      ctx.addIssue({ code: "custom", path: ["liveEnded"], message: "is set but the article is not live coverage (add live: true, or remove this field)" });
    }
    if (fm.type === "sponsored" && fm.sponsor === undefined) {
      ctx.addIssue({ code: "custom", path: ["sponsor"], params: { linePath: ["type"] }, message: "is required for a sponsored story (add sponsor: { name: …, url: … }, the advertiser readers are told paid for it)" });
    }
    if (fm.sponsor !== undefined && fm.type !== "sponsored") {
      ctx.addIssue({ code: "custom", path: ["sponsor"], message: "is set but the story is not sponsored (add type: sponsored, or remove this field)" });
    }
    if (fm.breakingUntil !== undefined && fm.breaking !== true) {
      ctx.addIssue({ code: "custom", path: ["breakingUntil"], message: "is set but the story is not breaking news (add breaking: true, or remove this field)" });
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
  name: text("the author's name").describe("The name as printed in bylines."),
  role: text("a role, e.g. City Hall reporter").describe("e.g. City Hall reporter").optional(),
  photo: imageFile("a headshot image next to the author file").describe("Headshot, an image file next to the author file.").optional(),
  email: z
    .email({ error: (issue) => (issue.input == null ? "is empty (an email address, e.g. ana@example.org, or remove the line)" : `${typeof issue.input === "string" ? `"${issue.input}"` : describeValue(issue.input)} is not an email address (e.g. ana@example.org)`) })
    .describe("Shown as a mailto link.")
    .optional(),
  x: xHandle.describe('X handle, "@handle".').optional(),
  twitter: xHandle.describe('X handle under its old name; use x instead.').optional(),
  mastodon: mastodonHandle.describe('Mastodon handle, "@user@instance.social".').optional(),
  url: httpUrl("website address").describe("Personal website, https://…").optional(),
  organization: z.boolean({ error: required("true or false") }).describe("An organisation byline such as Ledger Staff.").optional(),
});

export type AuthorFrontMatter = z.infer<typeof authorSchema>;

/**
 * What a standalone page may say it is, for the publisher's structured data: the schema.org
 * NewsMediaOrganization properties that point at a page (the Trust Project's indicators).
 */
export const PUBLISHER_POLICIES = [
  "publishingPrinciples",
  "correctionsPolicy",
  "ethicsPolicy",
  "diversityPolicy",
  "diversityStaffingReport",
  "actionableFeedbackPolicy",
  "masthead",
  "missionCoveragePrioritiesPolicy",
  "noBylinesPolicy",
  "ownershipFundingInfo",
  "unnamedSourcesPolicy",
  "verificationFactCheckingPolicy",
] as const;
export type PublisherPolicy = (typeof PUBLISHER_POLICIES)[number];

/** Where a standalone page is linked from: the site header's navigation, the footer's, or neither. */
export const PAGE_NAV = ["header", "footer", "none"] as const;

/** A standalone page (`pages/<slug>.md`, published at `/<slug>/`); the Markdown body is the page. */
export const pageSchema = z.strictObject({
  title: text("the page's title, plain text").describe("The page's title, plain text; the file name is its URL (/about/)."),
  description: text("a one-sentence description for search engines and link previews").describe("One sentence for search engines and link previews.").optional(),
  nav: z
    .enum(PAGE_NAV, { error: (issue) => `${typeof issue.input === "string" ? `"${issue.input}"` : describeValue(issue.input)} is not a place for the link (one of ${PAGE_NAV.join(", ")})` })
    .describe("Where the page is linked from: header, footer (default) or none.")
    .optional(),
  updated: isoDate.describe("When the page last changed in substance; shown as \"Last updated\".").optional(),
  policies: z
    .array(
      z.enum(PUBLISHER_POLICIES, {
        error: (issue) => `${typeof issue.input === "string" ? `"${issue.input}"` : describeValue(issue.input)} is not a publisher policy (one of ${PUBLISHER_POLICIES.join(", ")})`,
      }),
      { error: required("a list of publisher policies, e.g. [ethicsPolicy, correctionsPolicy]") },
    )
    .transform((policies) => [...new Set(policies)])
    .describe("The publisher policies this page states (schema.org), e.g. ethicsPolicy, correctionsPolicy.")
    .optional(),
});

export type PageFrontMatter = z.infer<typeof pageSchema>;

/** An inline figure, written as a ```figure block inside an article body. alt and caption may come from the file. */
export const figureSchema = z.strictObject({
  src: relativeFile("an image file next to the article"),
  alt: text("a description of the image for screen readers").optional(),
  caption: text("the caption printed under the image").optional(),
  credit: text("the photographer or agency").optional(),
});

export type FigureFields = z.infer<typeof figureSchema>;

/** A photo gallery, written as a ```gallery block: a title and a list of photos shaped like figures. */
export const gallerySchema = z.strictObject({
  title: text("the gallery's title, shown above it"),
  photos: z.array(figureSchema, { error: required("a list of photos, each with src, alt, caption and credit") }).min(2, "needs at least two photos (use a ```figure block for one)"),
});

export type GalleryFields = z.infer<typeof gallerySchema>;

export const EMBED_TYPES = ["youtube", "vimeo", "x", "bluesky", "mastodon", "audio"] as const;

/** A video page address, with the one host and the id pattern each provider documents. */
const VIDEO_URLS = {
  youtube: [
    /^https:\/\/(?:www\.|m\.)?youtube\.com\/watch\?v=([A-Za-z0-9_-]{11})(?:&[A-Za-z0-9_=&.-]*)?$/,
    /^https:\/\/(?:www\.)?youtube\.com\/(?:shorts|embed|live)\/([A-Za-z0-9_-]{11})$/,
    /^https:\/\/youtu\.be\/([A-Za-z0-9_-]{11})$/,
  ],
  vimeo: [/^https:\/\/(?:www\.)?vimeo\.com\/(\d{6,12})$/],
} as const;

/** The video id in a YouTube or Vimeo page address, or undefined when the address is not one. */
export function videoId(type: keyof typeof VIDEO_URLS, url: string): string | undefined {
  for (const pattern of VIDEO_URLS[type]) {
    const id = pattern.exec(url)?.[1];
    if (id) return id;
  }
  return undefined;
}

const POST_URLS = {
  x: { pattern: /^https:\/\/(?:www\.)?(?:x|twitter)\.com\/[A-Za-z0-9_]{1,15}\/status\/\d{1,20}$/, example: "https://x.com/ledger_news/status/1234567890" },
  bluesky: { pattern: /^https:\/\/bsky\.app\/profile\/[A-Za-z0-9.:-]+\/post\/[a-z0-9]{10,16}$/, example: "https://bsky.app/profile/ledger.bsky.social/post/3kabc123xyz45" },
  mastodon: { pattern: /^https:\/\/[a-z0-9.-]+\.[a-z]{2,}\/@[A-Za-z0-9_]+(?:@[a-z0-9.-]+)?\/\d{1,20}$/, example: "https://newsroom.social/@ana/112233445566" },
} as const;

const videoEmbed = (type: keyof typeof VIDEO_URLS, example: string) =>
  z.strictObject({
    type: z.literal(type),
    url: z
      .string({ error: required(`the video's page address, e.g. ${example}`) })
      .trim()
      .refine((url) => videoId(type, url) !== undefined, {
        error: (issue) => `"${String(issue.input)}" is not a ${type === "youtube" ? "YouTube" : "Vimeo"} video address (e.g. ${example})`,
      }),
    title: text("the video's title, read out by screen readers"),
    /** A still next to the article for the click-to-load facade; without it the facade is a link card. */
    poster: relativeFile("an image file next to the article").optional(),
  });

const postEmbed = (type: keyof typeof POST_URLS) =>
  z.strictObject({
    type: z.literal(type),
    url: z
      .string({ error: required(`the post's address, e.g. ${POST_URLS[type].example}`) })
      .trim()
      .refine((url) => POST_URLS[type].pattern.test(url), {
        error: (issue) => `"${String(issue.input)}" is not a ${type === "x" ? "X" : type === "bluesky" ? "Bluesky" : "Mastodon"} post address (e.g. ${POST_URLS[type].example})`,
      }),
    author: text("who wrote the post, e.g. Port Alder Coast Guard (@pacoastguard)"),
    text: text("the post's text, copied as plain text"),
    date: isoDate,
  });

/** An embed, written as an ```embed block: a video facade, a quoted post or an audio player. */
export const embedSchema = z.discriminatedUnion(
  "type",
  [
    videoEmbed("youtube", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
    videoEmbed("vimeo", "https://vimeo.com/76979871"),
    postEmbed("x"),
    postEmbed("bluesky"),
    postEmbed("mastodon"),
    z.strictObject({
      type: z.literal("audio"),
      // A file next to the article: the site's CSP lets a page play media from its own origin only.
      src: relativeFile("an audio file next to the article (MP3, M4A, OGG or WAV)").refine((src) => /\.(?:mp3|m4a|aac|ogg|oga|opus|wav)$/i.test(src), {
        error: (issue) => `"${String(issue.input)}" is not an audio file (MP3, M4A, OGG or WAV next to the article)`,
      }),
      title: text("what the recording is, e.g. Harbourmaster's radio call, 6:10 a.m."),
    }),
  ],
  {
    error: (issue) => {
      const type = (issue.input as { type?: unknown } | undefined)?.type;
      return `${typeof type === "string" ? `"${type}"` : describeValue(type)} is not a known embed type (known: ${EMBED_TYPES.join(", ")})`;
    },
  },
);

export type EmbedFields = z.infer<typeof embedSchema>;

const section = z.strictObject({
  slug: slug("section slug")
    .refine((value) => !isReservedPath(value), {
      error: (issue) => `"${String(issue.input)}" is a path the site uses for its own pages (choose another slug; reserved: ${RESERVED_PATHS.join(", ")} and numbers)`,
    })
    .describe("The section's address: lowercase words with hyphens. Changing it moves the section page."),
  title: text("the section's title").describe("The section's name in the navigation."),
  order: z.number().int().describe("Position in the navigation (default: the order of the list).").optional(),
});

// The newsletter signup form: one preset per provider, each turned by src/newsletter/presets.ts into the
// form that provider documents (docs/newsletter.md). Settings without `provider` are a generic form.
const formFieldName = (what: string) =>
  z.string({ error: required(what) }).regex(/^[A-Za-z0-9_[\]-]+$/, {
    error: (issue) => `"${String(issue.input)}" is not a form field name (letters, digits, _, -, [ and ])`,
  });

const refuseSecretValue = (opaque: boolean) => (value: string, ctx: z.RefinementCtx) => {
  const problem = secretValue(value, { opaque });
  if (problem) ctx.addIssue({ code: "custom", message: problem + SECRET_ADVICE });
};

/** Text printed in the page, refused when it looks like a credential. */
const publicText = (what?: string) => text(what).superRefine(refuseSecretValue(false));

/** An address the signup form posts to or fetches: https only, and in the CSP (src/headers.ts). */
const publicUrl = (what: string, rules: AddressRules = {}) => httpUrl(what, { httpsOnly: true, ...rules }, SECRET_ADVICE);

const submitInPlace = z.boolean({ error: required("true or false") }).default(false);
const noSubmitInPlace = (provider: string) =>
  z
    .literal(false, { error: `cannot be true for ${provider}: a script on the site cannot read its subscribe endpoint's answer (no CORS), so the form posts normally and ${provider} shows its own confirmation page (remove this line; see docs/newsletter.md)` })
    .optional();

// Texts left out are the interface catalogue's, in the site's language (src/site/newsletters.ts).
const newsletterText = {
  heading: publicText().optional(),
  description: publicText().optional(),
  buttonLabel: publicText().optional(),
  /** The privacy line under the form. */
  privacy: publicText().optional(),
  /** The double opt-in note under the form ("check your inbox"), also announced after an in-place sign-up. */
  doubleOptIn: publicText().optional(),
  /** Announced after an in-place sign-up the provider accepted. */
  successMessage: publicText().optional(),
  /** Announced when an in-place sign-up fails; the typed address stays in the field. */
  errorMessage: publicText().optional(),
};

/** A calendar day, yyyy-mm-dd. */
const calendarDay = (what: string) =>
  z
    .string({ error: required(`${what}, yyyy-mm-dd`) })
    .trim()
    .refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value, { zone: "utc" }).isValid, {
      error: (issue) => `"${String(issue.input)}" is not a day (yyyy-mm-dd, e.g. 2026-11-01)`,
    });

/** One of a few words, with the words listed when it is not. */
const oneOf = <const T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, { error: (issue) => (issue.input == null ? `is required (${what}: ${values.join(", ")})` : `${JSON.stringify(issue.input)} is not ${what} (one of: ${values.join(", ")})`) });

export const NEWSLETTER_FREQUENCIES = ["daily", "weekly"] as const;
/** Where a newsletter's signup box shows: the front page, under articles, on section pages. */
export const SIGNUP_PLACES = ["front", "articles", "sections"] as const;

/**
 * What makes a newsletter one of several: its id (its URLs, `--newsletter`, its notes' folder), name,
 * first edition day and edition rule, and where its signup box shows. In the `newsletters` list the id
 * and the start are required (checkNewsletters); the single `newsletter` block of earlier versions
 * may leave them out.
 */
const newsletterRule = {
  id: z
    .string({ error: required('an id for its URLs, e.g. "daily"') })
    .regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, {
      error: (issue) => `"${String(issue.input)}" is not a newsletter id (lowercase letters, digits and single hyphens, starting with a letter, e.g. "weekly-sports")`,
    })
    .optional(),
  /** Its name: the archive's title, the email's masthead and the feed's title. */
  name: publicText("the newsletter's name, e.g. Daily headlines").optional(),
  /** The first day with an edition: none is made for the days of an imported archive before it. */
  start: calendarDay("the day of the first edition").optional(),
  frequency: oneOf(NEWSLETTER_FREQUENCIES, "a frequency").default("daily"),
  /** A weekly newsletter's day: its edition covers the seven days that end on it. */
  weekday: oneOf(WEEKDAYS, "a day of the week").optional(),
  /** Only stories of these sections (default: every section). */
  sections: z.array(slug("section slug"), { error: required("a list of section slugs") }).min(1, "is empty (list section slugs, or remove the field)").optional(),
  /** Where its signup box shows; every newsletter's also shows on its own archive page. */
  signup: z.array(oneOf(SIGNUP_PLACES, "a place for the signup box"), { error: required(`a list of places: ${SIGNUP_PLACES.join(", ")}`) }).default(["front", "articles"]),
};

function newsletterSchema() {
  const rule = newsletterRule;
  const genericNewsletter = z
    .strictObject({
      provider: z.literal("generic").optional(),
      /** Where the form posts: the provider's subscribe endpoint. */
      action: publicUrl("form action address"),
      method: z.enum(["post", "get"]).default("post"),
      /** The provider's name for the email field. */
      emailField: formFieldName("the provider's name for the email field").default("email"),
      /** Extra hidden fields the provider needs (list ids, tags): public values only. */
      hiddenFields: z
        .record(formFieldName("a form field name"), visibleString("text"))
        .superRefine((fields, ctx) => {
          for (const [name, value] of Object.entries(fields)) {
            const problem = secretName(name) ?? secretValue(value, { opaque: true });
            if (problem) ctx.addIssue({ code: "custom", path: [name], message: problem + SECRET_ADVICE });
          }
        })
        .default({}),
      /** A honeypot field the endpoint refuses when filled (e.g. Formspree's "_gotcha"). */
      honeypot: formFieldName("a form field name").optional(),
      /** Submit in place with fetch: only for an endpoint that answers CORS requests from the site. */
      submitInPlace,
      ...newsletterText,
    ...rule,
    })
    .refine((settings) => !(settings.submitInPlace && settings.method === "get"), {
      path: ["submitInPlace"],
      error: 'needs method "post" (an in-place sign-up is a POST, as the form is)',
    });

  const buttondownNewsletter = z.strictObject({
    provider: z.literal("buttondown"),
    /** The newsletter's Buttondown username, as in buttondown.com/<username>. */
    username: z
      .string({ error: required("your Buttondown username, as in buttondown.com/<username>") })
      .trim()
      .regex(/^[A-Za-z0-9_-]+$/, { error: (issue) => `"${String(issue.input)}" is not a Buttondown username (as in buttondown.com/<username>)` }),
    /** Buttondown tags given to everyone who signs up here. */
    tags: z.array(publicText("a tag"), { error: required("a list of tags") }).default([]),
    submitInPlace: noSubmitInPlace("Buttondown"),
    ...newsletterText,
    ...rule,
  });

  const mailchimpNewsletter = z.strictObject({
    provider: z.literal("mailchimp"),
    /** The form action of Mailchimp's embedded form: https://<account>.<dc>.list-manage.com/subscribe/post?u=…&id=… */
    action: publicUrl("Mailchimp form address").refine((action) => parseMailchimpAction(action) !== undefined, {
      error: (issue) =>
        `"${String(issue.input)}" is not a Mailchimp form address (copy the form action from Mailchimp's embedded form code: https://<account>.us1.list-manage.com/subscribe/post?u=…&id=…)`,
    }),
    submitInPlace: noSubmitInPlace("Mailchimp"),
    ...newsletterText,
    ...rule,
  });

  const listmonkNewsletter = z.strictObject({
    provider: z.literal("listmonk"),
    /** The address of your listmonk: https://lists.example.org */
    url: publicUrl("listmonk address", { base: true }),
    /** UUIDs of the public lists a reader joins (listmonk → Lists → the list → UUID). */
    lists: z
      .array(
        z.string({ error: required("a list UUID") }).trim().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, {
          error: (issue) => `"${String(issue.input)}" is not a listmonk list UUID (listmonk → Lists → the list → UUID)`,
        }),
        { error: required("a list of listmonk list UUIDs") },
      )
      .min(1, "is empty (at least one listmonk list UUID)"),
    /** Submit in place through listmonk's public API: listmonk 6+ with this site in Settings → Security → CORS allowed origins. */
    submitInPlace,
    ...newsletterText,
    ...rule,
  });

  return z.discriminatedUnion("provider", [genericNewsletter, buttondownNewsletter, mailchimpNewsletter, listmonkNewsletter], {
    error: (issue) => {
      if (issue.input === undefined) return "is required (the signup form: a provider and its address, e.g. { provider: \"buttondown\", username: \"…\" })";
      if (issue.code !== "invalid_union") return `must be a group of fields (provider, then its address), not ${describeValue(issue.input)}`;
      const provider = (issue.input as { provider?: unknown } | undefined)?.provider;
      const written = typeof provider === "string" ? `"${provider}"` : describeValue(provider);
      return `${written} is not a known provider (known: ${NEWSLETTER_PROVIDERS.join(", ")})`;
    },
  });
}

export const NEWSLETTER_PROVIDERS = ["generic", "buttondown", "mailchimp", "listmonk"] as const;

const newsletter = newsletterSchema();

/** The newsletter settings, one shape per provider. */
export type NewsletterSettings = z.output<typeof newsletter>;

// heading and label left out are the interface catalogue's, in the site's language.
/** Where the support banner sits on an article page. */
export const BANNER_PLACEMENTS = ["top", "bottom", "both"] as const;

const supportBanner = z.strictObject({
  /** One line, e.g. "Support our mission: the Ledger is reader-funded." */
  text: text("the banner's line, e.g. Support our mission: the Ledger is reader-funded"),
  /** Where the banner links (default: the support call to action's `url`). */
  url: httpUrl("support page address").optional(),
  /** The link's text (default: the support call to action's `label`). */
  label: text().optional(),
  placement: z
    .enum(BANNER_PLACEMENTS, { error: (issue) => `${typeof issue.input === "string" ? `"${issue.input}"` : describeValue(issue.input)} is not a placement (one of ${BANNER_PLACEMENTS.join(", ")})` })
    .default("top"),
});

const support = z.strictObject({
  heading: text().optional(),
  text: text(),
  url: httpUrl("support page address"),
  label: text().optional(),
  /** A one-line banner on article pages, besides the box. */
  banner: supportBanner.optional(),
});

/** A paid link in the "Around the web" block: a partner's story, labelled and marked sponsored. */
const promo = z.strictObject({
  title: text("the promoted story's title"),
  url: httpUrl("promoted story's address"),
  /** A thumbnail, relative to the content folder. */
  image: relativeFile("an image file in the content folder").optional(),
  /** Who publishes it, e.g. Lakeshore Tourism Board. */
  source: text("who publishes the promoted story"),
});

/** The browser CMS at /admin/ (docs/cms.md): built when the settings have a `cms` block. */
const cms = z.strictObject({
  repo: z
    .string({ error: required('the GitHub repository the CMS commits to, e.g. "lakeshore-ledger/newsroom"') })
    .trim()
    .regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/, {
      error: (issue) => `"${String(issue.input)}" is not a GitHub repository (owner/name, e.g. "lakeshore-ledger/newsroom")`,
    })
    .describe("The GitHub repository the CMS commits to and opens pull requests on: owner/name."),
  branch: z
    .string({ error: required("a branch name, e.g. main") })
    .trim()
    .regex(/^(?!\/|.*\.\.|.*\/$)[A-Za-z0-9._/-]{1,100}$/, { error: (issue) => `"${String(issue.input)}" is not a branch name (e.g. main)` })
    .default("main")
    .describe("The branch the site is published from; the CMS's pull requests target it."),
  authUrl: httpUrl("OAuth provider address", { httpsOnly: true, base: true })
    .describe("Where editors log in with GitHub: the OAuth provider's address (default: Netlify's, for a site hosted there; see docs/deploy.md).")
    .optional(),
  authEndpoint: z
    .string({ error: required("the provider's login path, e.g. auth") })
    .regex(/^[A-Za-z0-9_-]+(?:\/[A-Za-z0-9_-]+)*$/, { error: (issue) => `"${String(issue.input)}" is not a path (letters, digits, - and _, e.g. "auth")` })
    .describe('The OAuth provider\'s login path, when it is not "auth".')
    .optional(),
  contentFolder: z
    .string({ error: required('the content folder\'s path in the repository, e.g. "content"') })
    .regex(/^(?!\/)(?!.*(?:^|\/)\.\.?(?:\/|$))[A-Za-z0-9._/-]+(?<!\/)$/, {
      error: (issue) => `"${String(issue.input)}" is not a folder of the repository (a relative path such as "content" or "sites/ledger/content")`,
    })
    .default("content")
    .describe("Where this content folder is in the repository."),
});

/** The CMS settings, defaults applied. */
export type CmsSettings = z.output<typeof cms>;

/** Site settings: one data file, `content/settings.yml` (src/content/load-settings.ts). */
export const settingsSchema = z.strictObject({
  name: text("the publication's name").describe("The publication's name."),
  tagline: text().describe("The line under the name.").optional(),
  /** Absolute base URL, with the path prefix when the site lives under one: https://example.org/news/ */
  baseUrl: httpUrl("base URL", { base: true }).describe("Absolute address of the site, with the path prefix when it lives under one: https://example.org/news/"),
  /** BCP 47 language tag, e.g. en-US: the interface text's catalogue is its language's (src/i18n/). */
  language: z
    .string()
    .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'is not a language tag (e.g. "en-US")')
    .refine((language) => catalogueCode(language) !== undefined, {
      error: (issue) => `"${String(issue.input)}" has no interface translation (shipped: ${SHIPPED_LANGUAGES.join(", ")}; docs/languages.md says how to add one)`,
    })
    .default("en-US")
    .describe("BCP 47 language tag, e.g. en-US: the interface's language (en, es, fr, de or ar)."),
  /** IANA time zone; dates without a time or an offset are read in it. */
  timeZone: z
    .string()
    .refine((zone) => DateTime.local().setZone(zone).isValid, { error: (issue) => `"${String(issue.input)}" is not an IANA time zone (e.g. "America/Chicago")` })
    .describe("IANA time zone, e.g. America/Chicago: dates are read and shown in it."),
  sections: z
    .array(section)
    .min(1, "needs at least one section")
    .refine((sections) => new Set(sections.map((s) => s.slug)).size === sections.length, { error: "has two sections with the same slug (each section needs its own)" })
    .describe("The site's sections; the navigation follows this order."),
  /** Articles per page on section, tag, author, archive and latest-news pages (a first page holds up to twice as many). */
  pageSize: z.number().int().min(1).max(500).default(20).describe("Articles per page on section, topic, author, archive and latest-news pages; a list's first page holds up to twice as many."),
  /** The single newsletter of earlier versions: one daily edition at /newsletter/. */
  newsletter: newsletter.describe("The single newsletter of earlier versions (docs/newsletter.md).").optional(),
  /** Every newsletter, each with its own id, start, edition rule and signup placement. */
  newsletters: z
    .array(newsletter, { error: required("a list of newsletters, each with an id, a start day and its provider") })
    .min(1, "is empty (at least one newsletter, or the single newsletter: block)")
    .describe("Every newsletter: id, start day, edition rule, signup placement and provider (docs/newsletter.md).")
    .optional(),
  support: support.describe("The support call to action (leave out to hide it).").optional(),
  social: z
    .strictObject({
      x: xHandle.optional(),
      mastodon: mastodonHandle.optional(),
      facebook: httpUrl("Facebook page address").optional(),
      instagram: httpUrl("Instagram address").optional(),
    })
    .default({}),
  /** Logo image, relative to the content folder. */
  logo: imageFile("an image file in the content folder").describe("The publisher logo, an image in the content folder; a square one is also the site icon.").optional(),
  /** Copyright holder shown in the footer (default: the site name). */
  copyright: text().describe("Copyright holder named in the footer (default: the name).").optional(),
  /** Paid links shown as a labelled "Around the web" block on article pages and the front page. */
  promos: z.array(promo, { error: required("a list of { title, url, image, source }") }).optional(),
  /** robots.txt: `refuseAiTraining: true` refuses the crawlers that gather text for AI models, and keeps search engines. */
  robots: z
    .strictObject({
      refuseAiTraining: z.boolean({ error: required("true or false") }).default(false),
    })
    .default({ refuseAiTraining: false }),
  /**
   * What a lead photo's own EXIF may publish. Off by default: GPS coordinates can reveal a source or a
   * photographer's home, so only a newsroom that has decided to publishes them. Output images never
   * carry metadata either way.
   */
  photos: z
    .strictObject({
      /** The GPS position in the file, as the photo's contentLocation in JSON-LD. */
      publishLocation: z.boolean({ error: required("true or false") }).default(false),
      /** The camera's make and model, under the caption and in JSON-LD exifData. */
      publishCamera: z.boolean({ error: required("true or false") }).default(false),
    })
    .default({ publishLocation: false, publishCamera: false }),
  /**
   * Share cards for stories without a photo. Each costs ~30 ms of CPU to draw, once (the image cache
   * keeps it): by default only the 90 days up to the newest story get them (src/render/newsroom.ts).
   */
  shareCards: z
    .strictObject({
      draw: z.boolean({ error: required("true or false") }).default(true),
      from: calendarDay("the first day whose stories get a card").optional(),
    })
    .describe("Share cards for stories without a photo: draw (true or false) and from (yyyy-mm-dd; default 90 days before the newest story; older stories show the logo).")
    .default({ draw: true }),
  /** The browser CMS at /admin/: which repository and branch it edits, and where editors log in. */
  cms: cms.describe("The browser CMS at /admin/: the repository and branch it edits, and where editors log in.").optional(),
  })
  .superRefine(checkNewsletters);

/** Which newsletters the settings define, each checked against the others and the site's sections. */
function checkNewsletters(settings: { newsletter?: NewsletterSettings | undefined; newsletters?: NewsletterSettings[] | undefined; sections: { slug: string }[] }, ctx: z.RefinementCtx): void {
  const { newsletter, newsletters } = settings;
  if (newsletter && newsletters) {
    ctx.addIssue({ code: "custom", path: ["newsletter"], message: "cannot be used together with newsletters (move this block into the newsletters list, with an id and a start)" });
  }
  if (!newsletter && !newsletters) {
    ctx.addIssue({
      code: "custom",
      path: ["newsletter"],
      message: 'is required (the signup form: a provider and its address, e.g. { provider: "buttondown", username: "…" }; several newsletters go in a newsletters: list, see docs/newsletter.md)',
    });
  }
  const list = newsletters ?? (newsletter ? [newsletter] : []);
  const at = (index: number, ...rest: PropertyKey[]) => (newsletters ? ["newsletters", index, ...rest] : ["newsletter", ...rest]);
  const slugs = settings.sections.map((section) => section.slug);
  const ids = new Set<string>();
  list.forEach((item, index) => {
    if (newsletters) {
      if (item.id === undefined) ctx.addIssue({ code: "custom", path: at(index, "id"), message: 'is required (an id for its URLs and the edition command, e.g. "daily")' });
      if (item.start === undefined) ctx.addIssue({ code: "custom", path: at(index, "start"), message: "is required (the day of the first edition, yyyy-mm-dd: no edition is made for the days before it)" });
    }
    if (item.id !== undefined) {
      if (ids.has(item.id)) ctx.addIssue({ code: "custom", path: at(index, "id"), message: `"${item.id}" is the id of another newsletter too (each needs its own)` });
      ids.add(item.id);
    }
    if (item.weekday !== undefined && item.frequency !== "weekly") {
      ctx.addIssue({ code: "custom", path: at(index, "weekday"), message: "is set but the newsletter is daily (add frequency: weekly, or remove this field)" });
    }
    (item.sections ?? []).forEach((slug, position) => {
      if (slugs.includes(slug)) return;
      const suggestion = suggestClosest(slug, slugs);
      ctx.addIssue({ code: "custom", path: at(index, "sections", position), message: `"${slug}" is not a section of this site${suggestion ? `; did you mean "${suggestion}"?` : ""} (sections: ${slugs.join(", ")})` });
    });
  });
}

/** What an editor writes in `content/settings.yml`, as an object (tests and the benchmark write it). */
export type SettingsInput = z.input<typeof settingsSchema>;
export type Settings = z.output<typeof settingsSchema>;

/** Every field an article may have, for "did you mean" suggestions. */
export const ARTICLE_FIELDS = Object.keys(articleSchema.shape);
export const AUTHOR_FIELDS = Object.keys(authorSchema.shape);
export const PAGE_FIELDS = Object.keys(pageSchema.shape);
