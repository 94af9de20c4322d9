import type { Article } from "../src/content/types.ts";
import type { Site } from "../src/site.ts";
import { ArticleList } from "./ArticleList.tsx";

/** A titled list of articles: the front page and section pages until they get their own design. */
export function ListPage({ title, articles, site, visuallyHiddenTitle = false }: { title: string; articles: Article[]; site: Site; visuallyHiddenTitle?: boolean }) {
  return (
    <div class="list-page">
      <h1 class={visuallyHiddenTitle ? "visually-hidden" : undefined}>{title}</h1>
      {articles.length > 0 ? <ArticleList articles={articles} site={site} /> : <p>No articles yet.</p>}
    </div>
  );
}
