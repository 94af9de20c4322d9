import type { Author, Teaser } from "../src/content/types.ts";
import type { Listing } from "../src/site/collections.ts";
import type { Site } from "../src/site/site.ts";
import { Picture } from "./Picture.tsx";
import { AuthorLinks } from "./AuthorLinks.tsx";
import { ArticleList } from "./ArticleList.tsx";
import { Pagination } from "./Pagination.tsx";
import { PagedTitle } from "./ListPage.tsx";
import { localeOf } from "../src/i18n/index.ts";

/** An author's page: headshot, bio, links and their articles, newest first, paginated. */
export function AuthorPage({ author, listing, site }: { author: Author; listing: Listing<Teaser>; site: Site }) {
  const locale = localeOf(site.language);
  const name = author.name;
  return (
    <div class="author-page">
      <header class="author-page__header">
        {author.photo && <Picture class="author-page__photo" image={author.photo} alt={locale.t("author.portrait", { name })} sizes="192px" priority={listing.first} />}
        <h1>
          <PagedTitle title={name} pageNumber={listing.pageNumber} site={site} />
        </h1>
        {author.role && <p class="author-page__role">{author.role}</p>}
      </header>
      <div class="author-page__bio" dangerouslySetInnerHTML={{ __html: author.bioHtml }} />
      <AuthorLinks author={author} site={site} />
      <section aria-labelledby="author-articles">
        <h2 id="author-articles">{locale.t("author.articles", { name })}</h2>
        {listing.items.length > 0 ? <ArticleList teasers={listing.items} site={site} headingLevel={3} /> : <p>{locale.t("list.none")}</p>}
        <Pagination listing={listing} site={site} label={locale.t("author.pages", { name })} />
      </section>
    </div>
  );
}
