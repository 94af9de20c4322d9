// The shapes layouts receive: validated front matter plus everything derived from it once
// (URLs, dates in the site's zone, rendered Markdown, processed images).
import type { ImageCrops, ImagePipeline, ImageSet, ImageVariant, SiteIcons } from "../images/index.ts";
import type { Moment } from "../dates.ts";
import type { Section, Site } from "../site.ts";

export interface Author {
  id: string;
  name: string;
  role?: string;
  email?: string;
  /** X handle without "@". */
  x?: string;
  /** Mastodon handle "user@instance" and its profile URL. */
  mastodon?: { handle: string; url: string };
  url?: string;
  organization: boolean;
  photo?: ImageSet;
  bioHtml: string;
  /** Site path of the author page: "/authors/ana-ruiz/". */
  path: string;
}

export interface Photo {
  image: ImageSet;
  /** Fixed-ratio crops for structured data and link previews (16:9, 4:3, 1:1). */
  crops: ImageCrops;
  alt: string;
  caption: string;
  credit?: string;
  /** From the file's GPS, only when the settings publish locations. */
  location?: { latitude: number; longitude: number };
  /** From the file's EXIF make and model, only when the settings publish cameras. */
  camera?: string;
}

/** A photo of a gallery, through the same pipeline as inline figures. */
export interface GalleryPhoto {
  image: ImageSet;
  alt: string;
  caption: string;
  credit?: string;
}

/** A ```gallery block, ready to render. */
export interface Gallery {
  /** Unique on its page: "gallery-1", "gallery-2", … */
  id: string;
  title: string;
  photos: GalleryPhoto[];
}

/** An ```embed block, ready to render: nothing in it loads from a third party by itself. */
export type Embed =
  | {
      type: "youtube" | "vimeo";
      /** The video's page: the facade's link without JavaScript. */
      url: string;
      title: string;
      /** The player loaded only after the reader clicks (youtube-nocookie.com or player.vimeo.com). */
      playerUrl: string;
      /** A still made at build time from a local file; without it the facade is a link card. */
      poster?: ImageSet;
    }
  | { type: "x" | "bluesky" | "mastodon"; url: string; author: string; text: string; date: Moment }
  | { type: "audio"; src: string; title: string };

/** One update of a live blog, rendered through the article's Markdown pipeline. */
export interface LiveUpdate {
  /** The anchor on the page: "update-20261124-1405". */
  id: string;
  time: Moment;
  /** Plain text; may be absent (the time is the heading). */
  headline?: string;
  html: string;
  /** The update's words as plain text, for structured data. */
  text: string;
}

/** A live blog: a pinned summary, then updates newest first. */
export interface LiveCoverage {
  /** "live" until the editor sets `liveEnded`. */
  status: "live" | "ended";
  /** The article's `date`. */
  start: Moment;
  /** `liveEnded`, when set. */
  end?: Moment;
  /** The body before the first update. */
  summaryHtml: string;
  /** Newest first. */
  updates: LiveUpdate[];
}

export interface Correction {
  date: Moment;
  text: string;
}

export interface Article {
  /** Source path relative to the content folder: "articles/2026/flood.md". */
  id: string;
  slug: string;
  /** Site path: "/2026/03/05/flood/". */
  path: string;
  headline: string;
  /** The summary as the editor wrote it: the dek shown under the headline. */
  dek?: string;
  /** The dek, or else the first paragraph trimmed: meta description and promo text. */
  summary: string;
  authors: Author[];
  published: Moment;
  updated?: Moment;
  dateline?: string;
  section: Section;
  tags: string[];
  photo?: Photo;
  corrections: Correction[];
  draft: boolean;
  /** Dated after the build's "now": published by the first build after that time. */
  scheduled: boolean;
  /** Marked to lead the front page. */
  featured: boolean;
  bodyHtml: string;
  /** A live blog (`live: true`): shown as a pinned summary and updates instead of `bodyHtml`. */
  live?: LiveCoverage;
  /** Holds a gallery or a video facade: the page loads public/js/story-formats.js once. */
  interactive: boolean;
  /** Photo fields (alt, caption, credit) this article took from the files' embedded IPTC/XMP/EXIF. */
  fieldsFromFiles: number;
  wordCount: number;
  readingMinutes: number;
}

/** An article a production build left out. */
export interface SkippedArticle {
  id: string;
  headline: string;
  published: Moment;
}

export interface Newsroom {
  site: Site;
  /** Articles to publish, newest first. */
  articles: Article[];
  authors: Author[];
  /** Drafts left out of this build. */
  skippedDrafts: SkippedArticle[];
  /** Future-dated articles left out of this build; a later build publishes them. */
  skippedScheduled: SkippedArticle[];
  /** The pipeline that made this build's images: its files are copied into the output. */
  images: ImagePipeline;
  /** The settings' logo, published as PNG: publisher logo and fallback link-preview image. */
  logo?: ImageVariant;
  /** Browser and home-screen icons, from a square logo or the name's initial. */
  icons: SiteIcons;
}
