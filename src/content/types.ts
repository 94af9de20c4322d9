// The shapes pages are made from. Field types come from the one schema (src/content/schema.ts);
// what is added here is derived once by the pipeline: URLs, dates in the site's zone, processed
// images and rendered Markdown. Two views of an article exist on purpose: the Teaser is what any list
// shows of it (and all a list page's digest depends on); the Article is its own page.
import type { ArticleFrontMatter, AuthorFrontMatter, PageFrontMatter, PublisherPolicy, StoryType } from "./schema.ts";
import type { ImageCrops, ImageSet, ImageVariant, SiteIcons } from "../images/index.ts";
import type { Moment } from "../dates.ts";
import type { Section, Site } from "../site/site.ts";

/** What a byline in a list shows of an author. */
export interface AuthorRef {
  /** The author file's name: "ana-ruiz". */
  id: string;
  name: string;
  /** Site path of the author page: "/authors/ana-ruiz/". */
  path: string;
}

export interface Author extends AuthorRef, Pick<AuthorFrontMatter, "role" | "email" | "url"> {
  /** X handle without "@". */
  x?: string;
  /** Mastodon handle "user@instance" and its profile URL. */
  mastodon?: { handle: string; url: string };
  organization: boolean;
  photo?: ImageSet;
  bioHtml: string;
}

/** What a list shows of a lead photo. */
export interface TeaserPhoto {
  image: ImageSet;
  alt: string;
}

export interface Photo extends TeaserPhoto {
  /** Fixed-ratio crops for structured data and link previews (16:9, 4:3, 1:1). */
  crops: ImageCrops;
  caption: string;
  credit?: string;
  /** From the file's GPS, only when the settings publish locations. */
  location?: { latitude: number; longitude: number };
  /** From the file's EXIF make and model, only when the settings publish cameras. */
  camera?: string;
}

/** A photo of a gallery or an inline figure, through the same pipeline. */
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

/** Where live coverage stands: lists show the badge from this alone. */
export interface LiveState {
  /** "live" until the editor sets `liveEnded`. */
  status: "live" | "ended";
  /** The article's `date`. */
  start: Moment;
  /** `liveEnded`, when set. */
  end?: Moment;
}

/** A live blog's rendered text: a pinned summary, then updates newest first. */
export interface LiveCoverage extends LiveState {
  /** The body before the first update. */
  summaryHtml: string;
  updates: LiveUpdate[];
}

/** An article's rendered body: Markdown with its figures, galleries and embeds, and live updates. */
export interface RenderedBody {
  html: string;
  live?: LiveCoverage;
}

/**
 * An article's body, rendered only when a page that shows it is written (its own page, the feeds
 * that carry it in full). Its digest is that of its source, so a plan knows whether it changed
 * without rendering it; reading `rendered` before the build prepared it is a Dateline defect.
 */
export interface BodyRef {
  readonly rendered: RenderedBody;
}

export interface Correction {
  /** Its anchor on the article page, from its time: "correction-20261124-0915". */
  id: string;
  date: Moment;
  text: string;
}

/** A link an editor wrote in a body to a page of this site, for the build's check that it resolves. */
export interface BodyLink {
  /** The Markdown file it is written in. */
  file: string;
  line: number;
  /** As written. */
  href: string;
  /** The site path it points at ("/business/"), query and fragment dropped. */
  path: string;
}

/** What a sponsored story says of who paid for it. */
export interface Sponsor {
  name: string;
  url?: string;
}

/** What any list of articles shows of one (teasers, related stories, editions, sitemaps). */
export interface Teaser extends Pick<ArticleFrontMatter, "headline"> {
  /** Source path relative to the content folder: "articles/2026/flood.md". */
  id: string;
  /** Site path: "/2026/03/05/flood/". */
  path: string;
  /** The dek, or else the first paragraph trimmed: meta description and promo text. */
  summary: string;
  section: Section;
  tags: string[];
  published: Moment;
  /** The last substantive change: `updated`, or the newest live update. */
  updated?: Moment;
  authors: AuthorRef[];
  photo?: TeaserPhoto;
  /** Marked to lead the front page. */
  featured: boolean;
  /** 0 to 9: the higher leads a newsletter edition (after `featured`). */
  priority: number;
  /** Not published: shown only in the live preview. */
  draft: boolean;
  /** Dated after the build's "now": published by the first build after that time. */
  scheduled: boolean;
  live?: LiveState["status"];
  /** What kind of story: lists show its label (news has none). */
  type: StoryType;
  /** The sponsor's name, for a sponsored story's label. */
  sponsor?: string;
  /** The story's first video, for the Video rail: its title and the still made from its poster. */
  video?: { title: string; poster?: ImageSet };
}

export interface Article extends Pick<ArticleFrontMatter, "headline" | "dateline"> {
  /** The same article as lists show it. */
  teaser: Teaser;
  id: string;
  slug: string;
  path: string;
  /** The summary as the editor wrote it: the dek shown under the headline. */
  dek?: string;
  summary: string;
  authors: Author[];
  published: Moment;
  updated?: Moment;
  section: Section;
  tags: string[];
  photo?: Photo;
  corrections: Correction[];
  draft: boolean;
  scheduled: boolean;
  featured: boolean;
  live?: LiveState;
  type: StoryType;
  sponsor?: Sponsor;
  /** A generated 1200×630 share card, for a story without a photo: link previews and structured data. */
  card?: ImageVariant;
  body: BodyRef;
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

/** A standalone page (About, Ethics, Contact…) as the navigation links it. */
export interface PageLink {
  title: string;
  /** Site path: "/about/". */
  path: string;
  nav: NonNullable<PageFrontMatter["nav"]>;
}

/** A standalone page, `pages/<slug>.md`, ready to render. */
export interface StandalonePage extends PageLink {
  /** Source path relative to the content folder: "pages/about.md". */
  id: string;
  slug: string;
  description?: string;
  updated?: Moment;
  policies: PublisherPolicy[];
  body: BodyRef;
}

/** A paid link of the "Around the web" block. */
export interface Promo {
  title: string;
  url: string;
  source: string;
  image?: ImageSet;
}

/** What every page's frame shows besides its own content: one digest for every page. */
export interface Shell {
  site: Site;
  /** The settings' logo, published as PNG: publisher logo and fallback link-preview image. */
  logo?: ImageVariant;
  /** Browser and home-screen icons, from a square logo or the name's initial. */
  icons: SiteIcons;
  /** The copyright year: the newest article's, so output never depends on the build's clock. */
  year: number;
  /** Site path of the stylesheet with its content hash. */
  stylesheet: string;
  /** Site paths of the pages' scripts with their content hash: the signup boxes', a live story's. */
  scripts: { signup: string; live: string };
  /** A preview build: every page says noindex, and unpublished stories carry a banner. */
  preview: boolean;
  /** Standalone pages, for the header's and footer's navigation. */
  pages: PageLink[];
  /** Site paths of the pages that state the publisher's policies, for its structured data. */
  policies: Partial<Record<PublisherPolicy, string>>;
  /** The story the breaking-news banner links to while this build is inside its window. */
  breaking?: { headline: string; path: string };
  /** The "Around the web" block's paid links, thumbnails made. */
  promos: Promo[];
}

export interface Newsroom {
  shell: Shell;
  site: Site;
  /** Articles to publish (in the preview, drafts and scheduled too), newest first. */
  articles: Article[];
  authors: Author[];
  /** Drafts left out of this build. */
  skippedDrafts: SkippedArticle[];
  /** Future-dated articles left out of this build; a later build publishes them. */
  skippedScheduled: SkippedArticle[];
  /** Standalone pages, by slug. */
  pages: StandalonePage[];
  /** Links to this site written in the published bodies, for the check that each resolves. */
  links: BodyLink[];
}
