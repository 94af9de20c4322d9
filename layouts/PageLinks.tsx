import type { PageLink } from "../src/content/types.ts";
import type { Site } from "../src/site/site.ts";
import { siteUrl } from "../src/site/site.ts";

/** The standalone pages linked from one place (`nav: header` or `footer`), as list items; the current page is marked. */
export function PageLinks({ pages, nav, site, path }: { pages: readonly PageLink[]; nav: PageLink["nav"]; site: Site; path: string }) {
  return (
    <>
      {pages
        .filter((page) => page.nav === nav)
        .map((page) => (
          <li>
            <a href={siteUrl(site, page.path)} aria-current={page.path === path ? "page" : undefined}>
              {page.title}
            </a>
          </li>
        ))}
    </>
  );
}
