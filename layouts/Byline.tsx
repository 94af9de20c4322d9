import type { Author } from "../src/content/types.ts";
import type { Site } from "../src/site/site.ts";
import { siteUrl } from "../src/site/site.ts";

// Making a ListFormat costs far more than using one, and every teaser has a byline.
const JOIN_NAMES = new Intl.ListFormat("en", { type: "conjunction" });

/** "By Ana Ruiz and Li Wei", each name linking to the author's page. */
export function Byline({ authors, site }: { authors: Author[]; site: Site }) {
  const parts = JOIN_NAMES.formatToParts(authors.map((author) => author.id));
  const byId = new Map(authors.map((author) => [author.id, author]));
  return (
    <p class="byline">
      By{" "}
      {parts.map((part) => {
        const author = part.type === "element" ? byId.get(part.value) : undefined;
        return author ? (
          <a class="byline__author" rel="author" href={siteUrl(site, author.path)}>
            {author.name}
          </a>
        ) : (
          part.value
        );
      })}
    </p>
  );
}

/** Under an opinion piece's byline: who each author is ("Mara Quinn is City Hall reporter"), so readers can weigh the view. */
export function BylineRoles({ authors }: { authors: readonly Author[] }) {
  const described = authors.filter((author) => author.role);
  if (described.length === 0) return null;
  return (
    <ul class="byline__roles">
      {described.map((author) => (
        <li>
          {author.name}, {author.role}
        </li>
      ))}
    </ul>
  );
}
