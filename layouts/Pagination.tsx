import { listingPath, type Listing } from "../src/site/collections.ts";
import type { Site } from "../src/site/site.ts";
import { siteUrl } from "../src/site/site.ts";
import { localeOf } from "../src/i18n/index.ts";

/** Page numbers shown around the current one; the first and last are always shown. */
function visiblePages(current: number, total: number): (number | "gap")[] {
  const pages: (number | "gap")[] = [];
  for (let n = 1; n <= total; n++) {
    if (n === 1 || n === total || Math.abs(n - current) <= 2) pages.push(n);
    else if (pages.at(-1) !== "gap") pages.push("gap");
  }
  return pages;
}

/** Previous / numbered / next links for a paginated list; nothing for a single page. */
export function Pagination<T>({ listing, site, label }: { listing: Listing<T>; site: Site; label: string }) {
  const { pageNumber, totalPages, base } = listing;
  const pathOf = (n: number) => listingPath(base, n);
  if (totalPages <= 1) return null;
  const locale = localeOf(site.language);
  return (
    <nav class="pagination" aria-label={label}>
      <ul>
        {pageNumber > 1 && (
          <li class="pagination__prev">
            <a href={siteUrl(site, pathOf(pageNumber - 1))} rel="prev">
              {locale.t("pagination.newer")}
            </a>
          </li>
        )}
        {visiblePages(pageNumber, totalPages).map((n) =>
          n === "gap" ? (
            <li class="pagination__gap" aria-hidden="true">
              …
            </li>
          ) : (
            <li>
              <a href={siteUrl(site, pathOf(n))} aria-current={n === pageNumber ? "page" : undefined} aria-label={locale.t("pagination.page", { number: locale.integer(n) })}>
                {locale.integer(n)}
              </a>
            </li>
          ),
        )}
        {pageNumber < totalPages && (
          <li class="pagination__next">
            <a href={siteUrl(site, pathOf(pageNumber + 1))} rel="next">
              {locale.t("pagination.older")}
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}
