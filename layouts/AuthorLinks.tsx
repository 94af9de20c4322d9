import type { Author } from "../src/content/types.ts";
import { xUrl } from "../src/social.ts";

/** X, Mastodon, email and website links, each with a name that says whose and where. */
export function AuthorLinks({ author }: { author: Author }) {
  const links: { href: string; label: string; text: string; rel?: string }[] = [];
  if (author.x) links.push({ href: xUrl(author.x), label: `${author.name} on X`, text: `X @${author.x}`, rel: "me noopener noreferrer" });
  if (author.mastodon) links.push({ href: author.mastodon.url, label: `${author.name} on Mastodon`, text: `Mastodon @${author.mastodon.handle}`, rel: "me noopener noreferrer" });
  if (author.email) links.push({ href: `mailto:${author.email}`, label: `Email ${author.name}`, text: `Email ${author.email}` });
  if (author.url) links.push({ href: author.url, label: `${author.name}'s website`, text: `Website ${new URL(author.url).host}`, rel: "me noopener noreferrer" });
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
