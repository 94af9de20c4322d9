import type { Site } from "../src/site/site.ts";
import { siteUrl } from "../src/site/site.ts";
import { localeOf } from "../src/i18n/index.ts";
import { pluralForms } from "../src/i18n/script-messages.ts";

export interface SearchPageProps {
  site: Site;
  /** URL of this page: the form submits `?q=` to it. */
  action: string;
  /** URL of the Pagefind bundle of the whole site's index, ending in "/". */
  bundle: string;
  /** URL of the script that runs the search. */
  script: string;
  /** Years with stories, newest first: the year facet's choices. */
  years: readonly string[];
}

/**
 * The search page: a plain GET form, and a status and results list that public/js/search.js fills
 * from Pagefind, saying what it says in the site's language. The section and year facets are plain
 * selects of the same form (`?q=…&section=…&year=…`), so the keyboard and the URL drive them. Without
 * JavaScript (or if Pagefind cannot load) it says so and offers the sections.
 */
export function SearchPage({ site, action, bundle, script, years }: SearchPageProps) {
  const locale = localeOf(site.language);
  const messages = {
    searching: locale.t("search.searching"),
    unavailable: locale.t("search.unavailable"),
    results: pluralForms(locale, "search.results"),
    none: locale.t("search.noResults", { query: "{query}" }),
  };
  return (
    <div
      class="list-page search-page"
      data-search=""
      data-search-bundle={bundle}
      data-search-base={siteUrl(site, "/")}
      data-search-messages={JSON.stringify(messages)}
    >
      <h1>{locale.t("search.title")}</h1>
      <form class="search-form" role="search" action={action} method="get">
        <label for="search-query">{locale.t("search.label")}</label>
        <div class="search-form__row">
          <input id="search-query" type="search" name="q" />
          <button type="submit">{locale.t("search.button")}</button>
        </div>
        <fieldset class="search-form__facets">
          <legend>{locale.t("search.filters")}</legend>
          <label>
            {locale.t("search.section")}{" "}
            <select name="section">
              <option value="">{locale.t("search.anySection")}</option>
              {site.sections.map((section) => (
                <option value={section.title}>{section.title}</option>
              ))}
            </select>
          </label>
          <label>
            {locale.t("search.year")}{" "}
            <select name="year">
              <option value="">{locale.t("search.anyYear")}</option>
              {years.map((year) => (
                <option value={year}>{year}</option>
              ))}
            </select>
          </label>
        </fieldset>
      </form>
      <p class="search-page__status" role="status" aria-live="polite" data-search-status=""></p>
      <ol class="search-results" data-search-results="" hidden></ol>
      <p data-search-more="" hidden>
        <button type="button">{locale.t("search.more")}</button>
      </p>
      <div class="search-page__browse" data-search-fallback="">
        <p>
          <span data-search-nojs="">{locale.t("search.needsScript")} </span>
          {locale.t("search.browse")}
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
