import type { PageLink } from "../src/content/types.ts";
import type { Site } from "../src/site/site.ts";
import { siteUrl } from "../src/site/site.ts";
import { PageLinks } from "./PageLinks.tsx";
import { mastodonUrl, xUrl } from "../src/social.ts";

/** The site's own pages, linked from every page so none is an orphan. */
const FOOTER_PAGES: [string, string][] = [
  ["/search/", "Search"],
  ["/archive/", "Archive"],
  ["/tags/", "Topics"],
  ["/authors/", "Our journalists"],
  ["/newsletter/", "Newsletter"],
  ["/corrections/", "Corrections"],
];

/** Footer: sections again, the site's pages and the standalone pages linked here, social accounts, copyright. `year` comes from content, never the clock. */
export function SiteFooter({ site, year, pages, path }: { site: Site; year: number; pages: readonly PageLink[]; path: string }) {
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
          {FOOTER_PAGES.map(([target, text]) => (
            <li>
              <a href={siteUrl(site, target)}>{text}</a>
            </li>
          ))}
          <PageLinks pages={pages} nav="footer" site={site} path={path} />
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
