import type { Author } from "../src/content/types.ts";
import type { Site } from "../src/site/site.ts";
import { xUrl } from "../src/social.ts";
import { localeOf } from "../src/i18n/index.ts";

/** X, Mastodon, email and website links, each with a name that says whose and where. */
export function AuthorLinks({ author, site }: { author: Author; site: Site }) {
  const locale = localeOf(site.language);
  const { name } = author;
  const links: { href: string; label: string; text: string; rel?: string }[] = [];
  if (author.x) links.push({ href: xUrl(author.x), label: locale.t("author.onX", { name }), text: locale.t("author.x", { handle: author.x }), rel: "me noopener noreferrer" });
  if (author.mastodon) {
    links.push({ href: author.mastodon.url, label: locale.t("author.onMastodon", { name }), text: locale.t("author.mastodon", { handle: author.mastodon.handle }), rel: "me noopener noreferrer" });
  }
  if (author.email) links.push({ href: `mailto:${author.email}`, label: locale.t("author.emailTo", { name }), text: locale.t("author.email", { address: author.email }) });
  if (author.url) links.push({ href: author.url, label: locale.t("author.websiteOf", { name }), text: locale.t("author.website", { host: new URL(author.url).host }), rel: "me noopener noreferrer" });
  if (links.length === 0) return null;
  return (
    <ul class="author-links">
      {links.map((link) => (
        <li>
          <a href={link.href} rel={link.rel} aria-label={`${link.text} (${link.label})`}>
            {link.text}
          </a>
        </li>
      ))}
    </ul>
  );
}
