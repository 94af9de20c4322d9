// The shapes layouts receive: validated front matter plus everything derived from it once
// (URLs, dates in the site's zone, rendered Markdown, processed images).
import type { ImageCrops, ImagePipeline, ImageSet, ImageVariant } from "../images/index.ts";
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
}
