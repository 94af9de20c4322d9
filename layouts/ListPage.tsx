import type { ComponentChildren } from "preact";
import type { Teaser } from "../src/content/types.ts";
import type { Listing } from "../src/site/collections.ts";
import type { Site } from "../src/site/site.ts";
import { ArticleList } from "./ArticleList.tsx";
import { Pagination } from "./Pagination.tsx";

interface ListPageProps {
  title: string;
  /** Shown under the title, e.g. a section's description or an author's bio. */
  intro?: ComponentChildren;
  listing: Listing<Teaser>;
  site: Site;
  /** What the list is, for the pagination's accessible name: "News pages". */
  label: string;
}

/** A titled, paginated list of articles: sections, tags, archive months, older front pages. */
export function ListPage({ title, intro, listing, site, label }: ListPageProps) {
  return (
    <div class="list-page">
      <header class="list-page__header">
        <h1>
          {title}
          {listing.pageNumber > 1 && <span class="list-page__page">{` — page ${listing.pageNumber}`}</span>}
        </h1>
        {intro}
      </header>
      {listing.items.length > 0 ? <ArticleList teasers={listing.items} site={site} /> : <p class="list-page__empty">No articles here yet.</p>}
      <Pagination listing={listing} site={site} label={label} />
    </div>
  );
}
