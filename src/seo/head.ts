// Head metadata for each kind of page: Open Graph, X cards and JSON-LD. Every URL is absolute and
// carries the site's path prefix; a page without a photo of its own shows the site's logo, if any.
import type { Article, Author, Newsroom } from "../content/types.ts";
import type { HeadImage, HeadMeta } from "../head.ts";
import { machineMoment } from "../dates.ts";
import { absoluteUrl, type Section } from "../site.ts";
import { collectionPageData, imageUrl, newsArticleData, profilePageData, webSiteData } from "./structured-data.ts";

/** The site logo as a link-preview image: a small card, not a large one. */
function logoImage(newsroom: Newsroom): HeadImage | undefined {
  const { site, logo } = newsroom;
  if (!logo) return undefined;
  return { url: imageUrl(site, logo), width: logo.width, height: logo.height, alt: `${site.name} logo`, large: false };
}

/** The 16:9 crop of the lead photo: the shape every link preview shows. */
function photoImage(article: Article, newsroom: Newsroom): HeadImage | undefined {
  if (!article.photo) return undefined;
  const crop = article.photo.crops["16x9"];
  return { url: imageUrl(newsroom.site, crop), width: crop.width, height: crop.height, alt: article.photo.alt };
}

export function articleHead(article: Article, newsroom: Newsroom): HeadMeta {
  const { site } = newsroom;
  return {
    ogType: "article",
    image: photoImage(article, newsroom) ?? logoImage(newsroom),
    article: {
      publishedTime: machineMoment(article.published),
      modifiedTime: machineMoment(article.updated ?? article.published),
      section: article.section.title,
      tags: article.tags,
      authors: article.authors.map((author) => absoluteUrl(site, author.path)),
    },
    // In byline order: the card credits the first author who has an X handle.
    creators: article.authors.flatMap((author) => (author.x ? [author.x] : [])),
    jsonLd: [newsArticleData(article, newsroom)],
  };
}

export function authorHead(author: Author, newsroom: Newsroom): HeadMeta {
  return { ogType: "profile", image: logoImage(newsroom), jsonLd: [profilePageData(author, newsroom)] };
}

export function sectionHead(section: Section, newsroom: Newsroom): HeadMeta {
  return { ogType: "website", image: logoImage(newsroom), jsonLd: [collectionPageData(section, newsroom)] };
}

export function frontHead(newsroom: Newsroom): HeadMeta {
  return { ogType: "website", image: logoImage(newsroom), jsonLd: [webSiteData(newsroom)] };
}

/** Any other page: tag, archive, search, 404. */
export function pageHead(newsroom: Newsroom): HeadMeta {
  return { ogType: "website", image: logoImage(newsroom) };
}
