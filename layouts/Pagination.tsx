import type { Listing } from "../src/site/collections.ts";
import type { Site } from "../src/site/site.ts";
import { siteUrl } from "../src/site/site.ts";
import { localeOf } from "../src/i18n/index.ts";

/** Newer / the page list / older links for a paginated list (src/site/collections.ts); nothing for a single page. */
export function Pagination<T>({ listing, site, label }: { listing: Listing<T>; site: Site; label: string }) {
  if (listing.links.length === 0) return null;
  const locale = localeOf(site.language);
  return (
    <nav class="pagination" aria-label={label}>
      <ul>
        {listing.newer !== undefined && (
          <li class="pagination__prev">
            <a href={siteUrl(site, listing.newer)} rel="prev">
              {locale.t("pagination.newer")}
            </a>
          </li>
        )}
        {listing.links.map((link) =>
          link === "gap" ? (
            <li class="pagination__gap" aria-hidden="true">
              …
            </li>
          ) : link.label === "first" ? (
            <li>
              <a href={siteUrl(site, link.path)} aria-current={link.current ? "page" : undefined}>
                {locale.t("pagination.first")}
              </a>
            </li>
          ) : (
            <li>
              <a href={siteUrl(site, link.path)} aria-current={link.current ? "page" : undefined} aria-label={locale.t("pagination.page", { number: locale.integer(link.label) })}>
                {locale.integer(link.label)}
              </a>
            </li>
          ),
        )}
        {listing.older !== undefined && (
          <li class="pagination__next">
            <a href={siteUrl(site, listing.older)} rel="next">
              {locale.t("pagination.older")}
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}
