import type { PageLink } from "../src/content/types.ts";
import type { Site } from "../src/site/site.ts";
import { siteUrl } from "../src/site/site.ts";
import { PageLinks } from "./PageLinks.tsx";
import { mastodonUrl, xUrl } from "../src/social.ts";
import { localeOf, type TextKey } from "../src/i18n/index.ts";
import { NEWSLETTERS_PATH } from "../src/site/newsletters.ts";

/** The site's own pages, linked from every page so none is an orphan. */
const FOOTER_PAGES: [string, TextKey][] = [
  ["/search/", "footer.search"],
  ["/archive/", "footer.archive"],
  ["/tags/", "footer.topics"],
  ["/authors/", "footer.authors"],
];

/** Footer: sections again, the site's pages and the standalone pages linked here, social accounts, copyright. `year` comes from content, never the clock. */
export function SiteFooter({ site, year, pages, path }: { site: Site; year: number; pages: readonly PageLink[]; path: string }) {
  const locale = localeOf(site.language);
  const social: { href: string; text: string }[] = [];
  if (site.social.x) social.push({ href: xUrl(site.social.x), text: "X" });
  if (site.social.mastodon) social.push({ href: mastodonUrl(site.social.mastodon), text: "Mastodon" });
  if (site.social.facebook) social.push({ href: site.social.facebook, text: "Facebook" });
  if (site.social.instagram) social.push({ href: site.social.instagram, text: "Instagram" });
  return (
    <footer class="site-footer">
      <nav aria-label={locale.t("footer.label")}>
        <ul>
          {site.sections.map((section) => (
            <li>
              <a href={siteUrl(site, section.path)}>{section.title}</a>
            </li>
          ))}
          {FOOTER_PAGES.map(([target, key]) => (
            <li>
              <a href={siteUrl(site, target)}>{locale.t(key)}</a>
            </li>
          ))}
          <li>
            <a href={siteUrl(site, NEWSLETTERS_PATH)}>{locale.t(site.newsletters.length > 1 ? "footer.newsletters" : "footer.newsletter")}</a>
          </li>
          <li>
            <a href={siteUrl(site, "/corrections/")}>{locale.t("footer.corrections")}</a>
          </li>
          <PageLinks pages={pages} nav="footer" site={site} path={path} />
          {social.map((link) => (
            <li>
              <a href={link.href} rel="me noopener noreferrer">
                {locale.t("footer.social", { site: site.name, network: link.text })}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <p class="site-footer__copyright">{locale.t("footer.copyright", { year: locale.integer(year), holder: site.copyright ?? site.name })}</p>
    </footer>
  );
}
