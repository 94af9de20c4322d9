import type { Article } from "../src/content/types.ts";
import type { Site } from "../src/site.ts";
import { Teaser } from "./Teaser.tsx";

/** A list of article teasers, newest first. */
export function ArticleList({ articles, site, headingLevel = 2, variant = "standard" }: { articles: Article[]; site: Site; headingLevel?: 2 | 3; variant?: "standard" | "compact" }) {
  return (
    <ol class="article-list">
      {articles.map((article) => (
        <li>
          <Teaser article={article} site={site} headingLevel={headingLevel} variant={variant} />
        </li>
      ))}
    </ol>
  );
}
