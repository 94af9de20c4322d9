// Head metadata for each kind of page: Open Graph, X cards and JSON-LD. Every URL is absolute and
// carries the site's path prefix; a page without a photo of its own shows the site's logo, if any.
import type { Article, Author, Shell } from "../../content/types.ts";
import type { HeadImage, HeadMeta } from "../head.ts";
import { machineMoment } from "../../dates.ts";
import { absoluteUrl, type Section } from "../site.ts";
import { collectionPageData, imageUrl, newsArticleData, profilePageData, webSiteData } from "./structured-data.ts";
import { localeOf } from "../../i18n/index.ts";

/** The site logo as a link-preview image: a small card, not a large one. */
function logoImage(shell: Shell): HeadImage | undefined {
  const { site, logo } = shell;
  if (!logo) return undefined;
  return { url: imageUrl(site, logo), width: logo.width, height: logo.height, alt: localeOf(site.language).t("logo.alt", { site: site.name }), large: false };
}

/** The 16:9 crop of the lead photo: the shape every link preview shows. */
function photoImage(article: Article, shell: Shell): HeadImage | undefined {
  if (!article.photo) return undefined;
  const crop = article.photo.crops["16x9"];
  return { url: imageUrl(shell.site, crop), width: crop.width, height: crop.height, alt: article.photo.alt };
}

export function articleHead(article: Article, shell: Shell): HeadMeta {
  const { site } = shell;
  return {
    ogType: "article",
    image: photoImage(article, shell) ?? logoImage(shell),
    article: {
      publishedTime: machineMoment(article.published),
      modifiedTime: machineMoment(article.updated ?? article.published),
      section: article.section.title,
      tags: article.tags,
      authors: article.authors.map((author) => absoluteUrl(site, author.path)),
    },
    // In byline order: the card credits the first author who has an X handle.
    creators: article.authors.flatMap((author) => (author.x ? [author.x] : [])),
    jsonLd: [newsArticleData(article, shell)],
  };
}

export function authorHead(author: Author, shell: Shell): HeadMeta {
  return { ogType: "profile", image: logoImage(shell), jsonLd: [profilePageData(author, shell)] };
}

export function sectionHead(section: Section, shell: Shell): HeadMeta {
  return { ogType: "website", image: logoImage(shell), jsonLd: [collectionPageData(section, shell)] };
}

export function frontHead(shell: Shell): HeadMeta {
  return { ogType: "website", image: logoImage(shell), jsonLd: [webSiteData(shell)] };
}

/** Any other page: tag, archive, search, 404. */
export function pageHead(shell: Shell): HeadMeta {
  return { ogType: "website", image: logoImage(shell) };
}
