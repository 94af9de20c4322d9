import type { Site } from "../src/site/site.ts";
import { siteUrl } from "../src/site/site.ts";
import { mastodonUrl, xUrl } from "../src/social.ts";

/** The site's own pages, linked from every page so none is an orphan. */
const FOOTER_PAGES: [string, string][] = [
  ["/search/", "Search"],
  ["/archive/", "Archive"],
  ["/tags/", "Topics"],
  ["/authors/", "Our journalists"],
  ["/newsletter/", "Newsletter"],
];

/** Footer: sections again, social accounts, copyright. `year` comes from content, never the clock. */
export function SiteFooter({ site, year }: { site: Site; year: number }) {
  const social: { href: string; text: string }[] = [];
  if (site.social.x) social.push({ href: xUrl(site.social.x), text: "X" });
  if (site.social.mastodon) social.push({ href: mastodonUrl(site.social.mastodon), text: "Mastodon" });
  if (site.social.facebook) social.push({ href: site.social.facebook, text: "Facebook" });
  if (site.social.instagram) social.push({ href: site.social.instagram, text: "Instagram" });
  return (
    <footer class="site-footer">
      <nav aria-label="Footer">
        <ul>
          {site.sections.map((section) => (
            <li>
              <a href={siteUrl(site, section.path)}>{section.title}</a>
            </li>
          ))}
          {FOOTER_PAGES.map(([path, text]) => (
            <li>
              <a href={siteUrl(site, path)}>{text}</a>
            </li>
          ))}
          {social.map((link) => (
            <li>
              <a href={link.href} rel="me noopener noreferrer">
                {`${site.name} on ${link.text}`}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <p class="site-footer__copyright">
        © {year} {site.copyright ?? site.name}
      </p>
    </footer>
  );
}
