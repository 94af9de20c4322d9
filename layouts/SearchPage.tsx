import type { Site } from "../src/site.ts";
import { siteUrl } from "../src/site.ts";

export interface SearchPageProps {
  site: Site;
  /** URL of this page: the form submits `?q=` to it. */
  action: string;
  /** URL of the Pagefind bundle folder, ending in "/". */
  bundle: string;
  /** URL of the script that runs the search. */
  script: string;
}

/**
 * The search page: a plain GET form, and a status and results list that public/js/search.js fills
 * from Pagefind. Without JavaScript (or if Pagefind cannot load) it says so and offers the sections.
 */
export function SearchPage({ site, action, bundle, script }: SearchPageProps) {
  return (
    <div class="list-page search-page" data-search="" data-search-bundle={bundle} data-search-base={siteUrl(site, "/")}>
      <h1>Search</h1>
      <form class="search-form" role="search" action={action} method="get">
        <label for="search-query">Search articles</label>
        <div class="search-form__row">
          <input id="search-query" type="search" name="q" />
          <button type="submit">Search</button>
        </div>
      </form>
      <p class="search-page__status" role="status" aria-live="polite" data-search-status=""></p>
      <ol class="search-results" data-search-results="" hidden></ol>
      <p data-search-more="" hidden>
        <button type="button">More results</button>
      </p>
      <div class="search-page__browse" data-search-fallback="">
        <p>
          <span data-search-nojs="">Search needs JavaScript. </span>You can browse by section:
        </p>
        <ul>
          {site.sections.map((section) => (
            <li>
              <a href={siteUrl(site, section.path)}>{section.title}</a>
            </li>
          ))}
        </ul>
      </div>
      <script type="module" src={script}></script>
    </div>
  );
}
