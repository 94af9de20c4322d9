// Head metadata for each kind of page: Open Graph, X cards and JSON-LD (filled in by the SEO work).
import type { Article, Author, Newsroom } from "../content/types.ts";
import type { HeadMeta } from "../head.ts";
import type { Section } from "../site.ts";

export function articleHead(_article: Article, _newsroom: Newsroom): HeadMeta {
  return { ogType: "article" };
}

export function authorHead(_author: Author, _newsroom: Newsroom): HeadMeta {
  return { ogType: "profile" };
}

export function sectionHead(_section: Section, _newsroom: Newsroom): HeadMeta {
  return { ogType: "website" };
}

export function frontHead(_newsroom: Newsroom): HeadMeta {
  return { ogType: "website" };
}

/** Any other page: tag, archive, search, 404. */
export function pageHead(_newsroom: Newsroom): HeadMeta {
  return { ogType: "website" };
}
