import type { Site } from "../src/site/site.ts";
import { siteUrl } from "../src/site/site.ts";
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

/** Footer: sections again, social accounts, copyright. `year` comes from content, never the clock. */
export function SiteFooter({ site, year }: { site: Site; year: number }) {
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
          {FOOTER_PAGES.map(([path, key]) => (
            <li>
              <a href={siteUrl(site, path)}>{locale.t(key)}</a>
            </li>
          ))}
          <li>
            <a href={siteUrl(site, NEWSLETTERS_PATH)}>{locale.t(site.newsletters.length > 1 ? "footer.newsletters" : "footer.newsletter")}</a>
          </li>
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
