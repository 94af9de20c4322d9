// schema.org structured data (JSON-LD) for each kind of page, shaped by Google's guidance for news
// articles, profile pages and site search. Values are plain data: HeadTags escapes them for <script>.
import type { Article, Author, LiveCoverage, Shell, StandalonePage } from "../../content/types.ts";
import type { CropName, ImageVariant } from "../../images/index.ts";
import { machineMoment } from "../../dates.ts";
import { absoluteUrl, type Section, type Site } from "../site.ts";
import { mastodonUrl, xUrl } from "../../social.ts";
import { truncateText } from "../../text.ts";
import { STORY_SCHEMA_TYPES } from "../story-types.ts";

/** One JSON-LD node. */
export type JsonLd = { [key: string]: unknown };

const CONTEXT = "https://schema.org";

/** Lead photo crops in the order Google's article guidance lists them. */
export const ARTICLE_IMAGE_CROPS: readonly CropName[] = ["16x9", "4x3", "1x1"];

/** A pipeline image URL made absolute. It already carries the site's path prefix, so only the origin is added. */
export function imageUrl(site: Pick<Site, "origin">, image: ImageVariant): string {
  return new URL(image.url, site.origin).href;
}

function imageObject(site: Site, image: ImageVariant): JsonLd {
  return { "@type": "ImageObject", url: imageUrl(site, image), width: image.width, height: image.height };
}

/** Identifiers of the site-wide nodes, so pages can point at them rather than repeat them. */
function siteIds(site: Site) {
  const home = absoluteUrl(site, "/");
  return { home, website: `${home}#website`, publisher: `${home}#publisher` };
}

/** The site as a short WebSite node, for `isPartOf`. */
function websiteRef(site: Site): JsonLd {
  const ids = siteIds(site);
  return { "@type": "WebSite", "@id": ids.website, name: site.name, url: ids.home };
}

/** An author's profiles elsewhere: X, Mastodon and website. */
export function authorSameAs(author: Author): string[] {
  return [author.x && xUrl(author.x), author.mastodon?.url, author.url].filter((url): url is string => Boolean(url));
}

/** What the publisher node reads from the shell: the site, its logo and the pages stating its policies. */
type PublisherShell = Pick<Shell, "site" | "logo" | "policies">;

/**
 * The publication as a NewsMediaOrganization, with its logo when one is configured and the pages
 * that state its policies (ethicsPolicy, correctionsPolicy, masthead…: the Trust Project's indicators).
 */
export function publisherData(shell: PublisherShell): JsonLd {
  const { site, logo } = shell;
  const ids = siteIds(site);
  const { x, mastodon, facebook, instagram } = site.social;
  const sameAs = [x && xUrl(x), mastodon && mastodonUrl(mastodon), facebook, instagram].filter((url): url is string => Boolean(url));
  return {
    "@type": "NewsMediaOrganization",
    "@id": ids.publisher,
    name: site.name,
    url: ids.home,
    ...(logo && { logo: imageObject(site, logo) }),
    ...(sameAs.length > 0 && { sameAs }),
    ...Object.fromEntries(Object.entries(shell.policies).map(([policy, path]) => [policy, absoluteUrl(site, path)])),
  };
}

/** A byline entry: a Person, or an Organization for a desk byline. `name` is only the name. */
function authorData(author: Author, site: Site): JsonLd {
  const sameAs = authorSameAs(author);
  return {
    "@type": author.organization ? "Organization" : "Person",
    name: author.name,
    url: absoluteUrl(site, author.path),
    ...(sameAs.length > 0 && { sameAs }),
  };
}

/** What the settings let a lead photo's file say about where and with what it was taken. */
function photoDetailsData(photo: NonNullable<Article["photo"]>): JsonLd {
  return {
    ...(photo.location && { contentLocation: { "@type": "Place", geo: { "@type": "GeoCoordinates", latitude: photo.location.latitude, longitude: photo.location.longitude } } }),
    ...(photo.camera && { exifData: [{ "@type": "PropertyValue", name: "Camera", value: photo.camera }] }),
  };
}

/** A live blog's coverage window and its updates, each a BlogPosting linked by its anchor. */
function liveBlogData(live: LiveCoverage, url: string, articleHeadline: string): JsonLd {
  return {
    coverageStartTime: machineMoment(live.start),
    ...(live.end && { coverageEndTime: machineMoment(live.end) }),
    liveBlogUpdate: live.updates.map((update) => ({
      "@type": "BlogPosting",
      // An update without a headline (only a time) is named by its first words, or else the article's.
      headline: update.headline ?? (truncateText(update.text, 110) || articleHeadline),
      datePublished: machineMoment(update.time),
      url: `${url}#${update.id}`,
      articleBody: update.text,
    })),
  };
}

/**
 * A NewsArticle, or the type of its kind of story (AnalysisNewsArticle, OpinionNewsArticle,
 * ReviewNewsArticle, AdvertiserContentArticle with its sponsor), or for live coverage a
 * LiveBlogPosting with the same fields plus its coverage and updates. Each correction is a
 * CorrectionComment; the last change (an update, a correction) is `dateModified`.
 */
export function newsArticleData(article: Article, shell: PublisherShell): JsonLd {
  const { site } = shell;
  // Only live coverage needs the rendered body here: its updates are listed.
  const live = article.live && article.body.rendered.live;
  const url = absoluteUrl(site, article.path);
  const photo = article.photo;
  const photoDetails = photo && photoDetailsData(photo);
  const image = photo ? ARTICLE_IMAGE_CROPS.map((name) => ({ ...imageObject(site, photo.crops[name]), ...photoDetails })) : article.card ? [imageObject(site, article.card)] : undefined;
  return {
    "@context": CONTEXT,
    "@type": article.live ? "LiveBlogPosting" : STORY_SCHEMA_TYPES[article.type],
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    url,
    headline: article.headline,
    description: article.summary,
    ...(image && { image }),
    datePublished: machineMoment(article.published),
    dateModified: machineMoment(article.updated ?? article.published),
    author: article.authors.map((author) => authorData(author, site)),
    publisher: publisherData(shell),
    ...(article.dateline && { dateline: article.dateline }),
    articleSection: article.section.title,
    ...(article.tags.length > 0 && { keywords: article.tags }),
    wordCount: article.wordCount,
    isAccessibleForFree: true,
    inLanguage: site.language,
    ...(article.sponsor && { sponsor: { "@type": "Organization", name: article.sponsor.name, ...(article.sponsor.url && { url: article.sponsor.url }) } }),
    ...(article.corrections.length > 0 && {
      correction: article.corrections.map((correction) => ({ "@type": "CorrectionComment", text: correction.text, datePublished: machineMoment(correction.date), url: `${url}#${correction.id}` })),
    }),
    ...(live && liveBlogData(live, url, article.headline)),
  };
}

/** A standalone page: a WebPage of the site, with when it last changed. */
export function standalonePageData(page: StandalonePage, shell: PublisherShell): JsonLd {
  const { site } = shell;
  return {
    "@context": CONTEXT,
    "@type": "WebPage",
    name: page.title,
    url: absoluteUrl(site, page.path),
    ...(page.description && { description: page.description }),
    ...(page.updated && { dateModified: machineMoment(page.updated) }),
    inLanguage: site.language,
    isPartOf: websiteRef(site),
    publisher: publisherData(shell),
  };
}

/** An author page: the person (or desk) as the page's main entity. */
export function profilePageData(author: Author, shell: Pick<Shell, "site">): JsonLd {
  const { site } = shell;
  const description = truncateText(htmlToText(author.bioHtml), 300);
  return {
    "@context": CONTEXT,
    "@type": "ProfilePage",
    url: absoluteUrl(site, author.path),
    isPartOf: websiteRef(site),
    inLanguage: site.language,
    mainEntity: {
      ...authorData(author, site),
      ...(author.photo && { image: imageObject(site, author.photo.fallback) }),
      ...(author.role && !author.organization && { jobTitle: author.role }),
      ...(description && { description }),
    },
  };
}

/** A section front: a collection of the section's articles, part of the site. */
export function collectionPageData(section: Section, shell: Pick<Shell, "site">): JsonLd {
  const { site } = shell;
  return {
    "@context": CONTEXT,
    "@type": "CollectionPage",
    name: section.title,
    url: absoluteUrl(site, section.path),
    inLanguage: site.language,
    isPartOf: websiteRef(site),
  };
}

/** The front page: the site itself, its search and its publisher. */
export function webSiteData(shell: PublisherShell): JsonLd {
  const { site } = shell;
  const ids = siteIds(site);
  return {
    "@context": CONTEXT,
    "@type": "WebSite",
    "@id": ids.website,
    name: site.name,
    url: ids.home,
    ...(site.tagline && { description: site.tagline }),
    inLanguage: site.language,
    publisher: publisherData(shell),
    potentialAction: {
      "@type": "SearchAction",
      target: absoluteUrl(site, "/search/?q={search_term_string}"),
      "query-input": "required name=search_term_string",
    },
  };
}

const ENTITIES: Record<string, string> = { "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&amp;": "&" };

/**
 * Plain text of HTML rendered by our Markdown: markdown-it escapes every `<`, `>` and `"` in text
 * and attributes, so every `<` starts a tag and these entities are all it writes. Tags are dropped
 * (not spaced: `<em>` may sit inside a word); markdown-it ends every block with a newline.
 */
export function htmlToText(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&(?:lt|gt|quot|#39|amp);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/\s+/g, " ")
    .trim();
}
