// A newsletter's edition as one typed model: the published stories of its day (or week) in the site's
// time zone and its sections (src/edition/schedule.ts), the lead story first, then the rest by section
// in the settings' order. The email, the plain text, the web page and the feed are all printed from
// this model, so they always carry the same stories.
import type { Teaser } from "../content/types.ts";
import type { ImageSet, ImageVariant } from "../images/index.ts";
import { absoluteUrl, type Section, type Site } from "../site/site.ts";
import type { Newsletter } from "../site/newsletters.ts";
import { localeOf } from "../i18n/index.ts";
import { dateFormatter } from "../dates.ts";
import { editionLead, storiesInEdition } from "./schedule.ts";
import { absoluteHref } from "../site/feeds/absolute-urls.ts";
import type { EditorNote } from "./note.ts";

/** Display widths in the 600 px email: the lead photo fills the column, thumbnails sit beside a story. */
export const EMAIL_WIDTH = 600;
export const LEAD_IMAGE_WIDTH = 600;
export const THUMBNAIL_WIDTH = 120;

export interface EditionImage {
  /** Absolute URL of a JPEG about twice the display width (every mail client reads JPEG). */
  url: string;
  /** Display size, for the `width`/`height` attributes. */
  width: number;
  height: number;
  alt: string;
}

export interface EditionStory {
  headline: string;
  summary: string;
  /** "Ana Ruiz and Li Wei". */
  byline: string;
  /** Absolute URL of the article, for the email. */
  url: string;
  /** Site path of the article, for the web page. */
  path: string;
  section: Section;
  /** What kind of story it is, for its label (issue 18); news has none. */
  type: Teaser["type"];
  /** The sponsor's name, for a sponsored story's label. */
  sponsor?: string;
  /** The lead photo as one JPEG at 2x, for the email. */
  image?: EditionImage;
  /** The lead photo in every format, for the web page. */
  photo?: { image: ImageSet; alt: string };
}

export interface EditionSection {
  section: Section;
  stories: EditionStory[];
}

export interface Edition {
  /** The newsletter it is an edition of. */
  newsletter: Newsletter;
  /** The edition's day in the site's zone, yyyy-mm-dd: the day itself, or the last day of a weekly edition's week. */
  day: string;
  /** "Friday, November 20, 2026" in the site's language. */
  dateLabel: string;
  /** Email subject: the short date, then the lead headline ("Tue, Mar 10: Port budget passes…"); the note may set it. */
  subject: string;
  /** The hidden line inboxes show after the subject. */
  preheader: string;
  lead: EditionStory;
  /** Every other story, by section in the settings' order, newest first within one. */
  sections: EditionSection[];
  note?: EditorNote;
  /** Absolute URL of the edition's web page. */
  webUrl: string;
  /** Site path of the edition's web page: "/newsletter/2026/11/20/" or "/newsletter/weekly-sports/2026/11/23/". */
  path: string;
  /** The newest publication time among its stories (ISO 8601), for the feed. */
  updated: string;
  /** How many stories, the lead included. */
  storyCount: number;
  site: Site;
}

/** An edition as its newsletter's archive lists it: its date, its lead's headline and how many stories. */
export interface ArchivedEdition {
  path: string;
  dateLabel: string;
  headline: string;
  storyCount: number;
}

/** "/newsletter/2026/11/20/" for the single newsletter's "2026-11-20"; "/newsletter/<id>/2026/11/20/" for one of several. */
export function editionPath(newsletter: Pick<Newsletter, "path">, day: string): string {
  return `${newsletter.path}${day.replace(/-/g, "/")}/`;
}

/**
 * The JPEG variant whose width is closest to `target` (ties: the larger). An ImageSet is made for the
 * web, in AVIF and WebP too; email clients read JPEG, so only those are candidates.
 */
export function pickJpeg(image: ImageSet, target: number): ImageVariant {
  const jpegs = image.sources.find((source) => source.format === "jpeg")?.variants ?? [];
  const candidates = jpegs.length > 0 ? jpegs : [image.fallback];
  return candidates.reduce((best, variant) => {
    const distance = Math.abs(variant.width - target) - Math.abs(best.width - target);
    return distance < 0 || (distance === 0 && variant.width > best.width) ? variant : best;
  });
}

function editionImage(article: Teaser, site: Site, displayWidth: number): EditionImage | undefined {
  if (!article.photo) return undefined;
  const variant = pickJpeg(article.photo.image, displayWidth * 2);
  const width = Math.min(displayWidth, variant.width);
  // Image URLs already carry the path prefix ("/news/img/…"): only the origin is missing.
  return { url: absoluteHref(variant.url, site.origin), width, height: Math.round((width * variant.height) / variant.width), alt: article.photo.alt };
}

function storyOf(article: Teaser, site: Site, imageWidth: number): EditionStory {
  const names = article.authors.map((author) => author.name);
  const story: EditionStory = {
    headline: article.headline,
    summary: article.summary,
    byline: localeOf(site.language).list(names),
    url: absoluteUrl(site, article.path),
    path: article.path,
    section: article.section,
    type: article.type,
    ...(article.sponsor && { sponsor: article.sponsor }),
  };
  const image = editionImage(article, site, imageWidth);
  if (image) story.image = image;
  if (article.photo) story.photo = { image: article.photo.image, alt: article.photo.alt };
  return story;
}

/** "Friday, November 20, 2026": the day is a calendar date, so it is formatted at noon UTC of that date. */
export function formatEditionDay(day: string, language: string, style: "long" | "short" = "long"): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const options: Intl.DateTimeFormatOptions =
    style === "long" ? { weekday: "long", year: "numeric", month: "long", day: "numeric" } : { weekday: "short", month: "short", day: "numeric" };
  return dateFormatter(language, { ...options, timeZone: "UTC" }).format(Date.UTC(year, month - 1, date, 12));
}

/** The edition of `newsletter` dated `day`, or undefined when it has no stories. */
export function buildEdition(site: Site, newsletter: Newsletter, teasers: readonly Teaser[], day: string, note?: EditorNote): Edition | undefined {
  return editionOf(site, { newsletter, day, stories: storiesInEdition(newsletter, teasers, day), note });
}

/** What an edition is made of: its newsletter, its day, its stories (`storiesInEdition`) and the editors' note. */
export interface EditionSource {
  newsletter: Newsletter;
  day: string;
  stories: readonly Teaser[];
  note?: EditorNote | undefined;
}

/** The edition made of `source`, or undefined when it has no stories. */
export function editionOf(site: Site, { newsletter, day, stories: articles, note }: EditionSource): Edition | undefined {
  const leadTeaser = editionLead(articles, site.sections);
  if (!leadTeaser) return undefined;
  const locale = localeOf(site.language);
  const rest = articles.filter((article) => article !== leadTeaser);
  const sections = site.sections
    .map((section) => ({ section, stories: rest.filter((article) => article.section.slug === section.slug).map((article) => storyOf(article, site, THUMBNAIL_WIDTH)) }))
    .filter((group) => group.stories.length > 0);
  const lead = storyOf(leadTeaser, site, LEAD_IMAGE_WIDTH);
  const others = rest.map((article) => article.headline);
  const path = editionPath(newsletter, day);
  const also = newsletter.frequency === "weekly" ? "edition.alsoThisWeek" : "edition.alsoToday";
  const edition: Edition = {
    newsletter,
    day,
    dateLabel: formatEditionDay(day, site.language),
    subject: note?.subject ?? locale.t("edition.subject", { date: formatEditionDay(day, site.language, "short"), headline: lead.headline }),
    preheader: others.length > 0 ? locale.t(also, { headlines: others.slice(0, 3).join(" · ") }) : lead.summary,
    lead,
    sections,
    webUrl: absoluteUrl(site, path),
    path,
    updated: articles[0]?.published.iso ?? leadTeaser.published.iso,
    storyCount: articles.length,
    site,
  };
  if (note) edition.note = note;
  return edition;
}

/** Every story in reading order: the lead, then each section's. */
export function editionStories(edition: Edition): EditionStory[] {
  return [edition.lead, ...edition.sections.flatMap((group) => group.stories)];
}
