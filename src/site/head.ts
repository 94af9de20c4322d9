// What a page puts in its <head> beyond title and description: the shape every page builder fills
// and layouts/HeadTags.tsx renders. Paths are site paths; URLs are absolute.

export interface FeedLink {
  title: string;
  /** Site path of the feed: "/feed.xml". */
  path: string;
  type: "application/atom+xml" | "application/feed+json";
}

export interface HeadImage {
  /** Absolute URL. */
  url: string;
  width: number;
  height: number;
  alt: string;
  /** Worth a large preview (X `summary_large_image`); false for a logo shown as a thumbnail. Default true. */
  large?: boolean;
}

export interface HeadMeta {
  /** Open Graph type. */
  ogType: "website" | "article" | "profile";
  /** A page search engines should not list (a preview build marks every page so anyway). */
  noindex?: boolean;
  image?: HeadImage;
  /** `article:*` Open Graph properties. */
  article?: {
    publishedTime: string;
    modifiedTime?: string;
    section: string;
    tags: string[];
    /** Absolute URLs of the author pages. */
    authors: string[];
  };
  /** X handles (without "@") of the people who wrote the page. */
  creators?: string[];
  /** Feed autodiscovery links. */
  feeds?: FeedLink[];
  /** JSON-LD objects, each rendered in its own script element. */
  jsonLd?: object[];
  /** Site paths of the previous and next page of a paginated list. */
  prev?: string;
  next?: string;
}
