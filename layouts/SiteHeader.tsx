import type { PageLink } from "../src/content/types.ts";
import type { Site } from "../src/site/site.ts";
import { siteUrl } from "../src/site/site.ts";
import { localeOf } from "../src/i18n/index.ts";
import { PageLinks } from "./PageLinks.tsx";

/**
 * Site name, tagline, the front page's date, and the section navigation: one row that scrolls
 * sideways on a narrow screen; the current section is marked for assistive technology.
 */
export function SiteHeader({ site, currentSection, path, pages, today }: { site: Site; currentSection?: string | undefined; path: string; pages: readonly PageLink[]; today?: { day: string; label: string } | undefined }) {
  const locale = localeOf(site.language);
  return (
    <header class="site-header">
      <div class="site-header__inner">
        <a class="site-header__name" href={siteUrl(site, "/")}>
          {site.name}
        </a>
        {site.tagline && <p class="site-header__tagline">{site.tagline}</p>}
        {today && (
          <p class="site-header__date">
            <time datetime={today.day}>{today.label}</time>
          </p>
        )}
      </div>
      <nav class="site-nav" aria-label={locale.t("nav.sections")}>
        <ul>
          {site.sections.map((section) => (
            <li>
              <a href={siteUrl(site, section.path)} aria-current={section.path === path ? "page" : section.slug === currentSection ? "true" : undefined}>
                {section.title}
              </a>
            </li>
          ))}
          <PageLinks pages={pages} nav="header" site={site} path={path} />
          <li class="site-nav__search">
            <a href={siteUrl(site, "/search/")} aria-current={path === "/search/" ? "page" : undefined}>
              {locale.t("nav.search")}
            </a>
          </li>
        </ul>
      </nav>
    </header>
  );
}
