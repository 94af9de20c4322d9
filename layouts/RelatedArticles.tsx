import type { Teaser } from "../src/content/types.ts";
import type { Section, Site } from "../src/site/site.ts";
import { ArticleList } from "./ArticleList.tsx";
import { localeOf } from "../src/i18n/index.ts";

/** "More from <section>" under an article. */
export function RelatedArticles({ teasers, section, site }: { teasers: readonly Teaser[]; section: Section; site: Site }) {
  if (teasers.length === 0) return null;
  return (
    <section class="related" aria-labelledby="related-heading">
      <h2 id="related-heading">{localeOf(site.language).t("article.related", { section: section.title })}</h2>
      <ArticleList teasers={teasers} site={site} headingLevel={3} variant="compact" />
    </section>
  );
}
