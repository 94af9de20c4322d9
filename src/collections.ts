// Pure selections over the newsroom's articles (already sorted newest first).
import type { Article } from "./content/types.ts";

export function articlesInSection(articles: readonly Article[], section: string): Article[] {
  return articles.filter((article) => article.section.slug === section);
}

export function articlesByAuthor(articles: readonly Article[], authorId: string): Article[] {
  return articles.filter((article) => article.authors.some((author) => author.id === authorId));
}

/** The copyright year: the newest article's, so output never depends on the build's clock. */
export function latestYear(articles: readonly Article[]): number {
  const newest = articles[0];
  return newest ? Number(newest.published.day.slice(0, 4)) : 1970;
}
