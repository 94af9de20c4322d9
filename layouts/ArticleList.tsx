import type { Article } from "../src/content/types.ts";
import type { Site } from "../src/site.ts";
import { siteUrl } from "../src/site.ts";
import { Time } from "./Timestamps.tsx";

/** A list of article teasers: headline link, summary, date. */
export function ArticleList({ articles, site, headingLevel = 2 }: { articles: Article[]; site: Site; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ol class="article-list">
      {articles.map((article) => (
        <li class="teaser">
          <Heading class="teaser__headline">
            <a href={siteUrl(site, article.path)}>{article.headline}</a>
          </Heading>
          <p class="teaser__summary">{article.summary}</p>
          <p class="teaser__meta">
            <Time moment={article.published} site={site} /> · {article.authors.map((author) => author.name).join(", ")}
          </p>
        </li>
      ))}
    </ol>
  );
}
