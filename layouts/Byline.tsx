import type { Author } from "../src/content/types.ts";
import type { Site } from "../src/site/site.ts";
import { siteUrl } from "../src/site/site.ts";
import { localeOf } from "../src/i18n/index.ts";

/** "By Ana Ruiz and Li Wei" in the site's language, each name linking to the author's page. */
export function Byline({ authors, site }: { authors: Author[]; site: Site }) {
  const locale = localeOf(site.language);
  const byId = new Map(authors.map((author) => [author.id, author]));
  const names = locale.listParts(authors.map((author) => author.id)).map((part) => {
    const author = part.type === "element" ? byId.get(part.value) : undefined;
    return author ? (
      <a class="byline__author" rel="author" href={siteUrl(site, author.path)}>
        {author.name}
      </a>
    ) : (
      part.value
    );
  });
  return <p class="byline">{locale.parts("article.byline", { names: <>{names}</> })}</p>;
}

/** Under an opinion piece's byline: who each author is ("Mara Quinn is City Hall reporter"), so readers can weigh the view. */
export function BylineRoles({ authors, site }: { authors: readonly Author[]; site: Site }) {
  const locale = localeOf(site.language);
  const described = authors.filter((author) => author.role);
  if (described.length === 0) return null;
  return (
    <ul class="byline__roles">
      {described.map((author) => (
        <li>{locale.t("author.withRole", { name: author.name, role: author.role ?? "" })}</li>
      ))}
    </ul>
  );
}
