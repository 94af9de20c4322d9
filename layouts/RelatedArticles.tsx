import type { Article } from "../src/content/types.ts";
import type { Section, Site } from "../src/site.ts";
import { ArticleList } from "./ArticleList.tsx";

/** "More from <section>" under an article. */
export function RelatedArticles({ articles, section, site }: { articles: Article[]; section: Section; site: Site }) {
  if (articles.length === 0) return null;
  return (
    <section class="related" aria-labelledby="related-heading">
      <h2 id="related-heading">{`More from ${section.title}`}</h2>
      <ArticleList articles={articles} site={site} headingLevel={3} variant="compact" />
    </section>
  );
}
