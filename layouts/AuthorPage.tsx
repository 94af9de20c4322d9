import type { Article, Author } from "../src/content/types.ts";
import type { Site } from "../src/site.ts";
import { Picture } from "./Picture.tsx";
import { AuthorLinks } from "./AuthorLinks.tsx";
import { ArticleList } from "./ArticleList.tsx";

/** An author's page: headshot, bio, links and their articles, newest first. */
export function AuthorPage({ author, articles, site }: { author: Author; articles: Article[]; site: Site }) {
  return (
    <div class="author-page">
      <header class="author-page__header">
        {author.photo && <Picture class="author-page__photo" image={author.photo} alt={`Portrait of ${author.name}`} sizes="192px" priority />}
        <h1>{author.name}</h1>
        {author.role && <p class="author-page__role">{author.role}</p>}
      </header>
      <div class="author-page__bio" dangerouslySetInnerHTML={{ __html: author.bioHtml }} />
      <AuthorLinks author={author} />
      <section aria-labelledby="author-articles">
        <h2 id="author-articles">{`Articles by ${author.name}`}</h2>
        {articles.length > 0 ? <ArticleList articles={articles} site={site} headingLevel={3} /> : <p>No articles yet.</p>}
      </section>
    </div>
  );
}
