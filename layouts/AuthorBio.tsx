import type { Author } from "../src/content/types.ts";
import type { Site } from "../src/site/site.ts";
import { siteUrl } from "../src/site/site.ts";
import { Picture } from "./Picture.tsx";
import { AuthorLinks } from "./AuthorLinks.tsx";

/** The box after an article: headshot, name, role, bio and links for one byline author. */
export function AuthorBio({ author, site }: { author: Author; site: Site }) {
  const headingId = `author-${author.id}`;
  return (
    <aside class="author-bio" aria-labelledby={headingId}>
      {author.photo && <Picture class="author-bio__photo" image={author.photo} alt="" sizes="96px" />}
      <div class="author-bio__text">
        <h2 id={headingId} class="author-bio__name">
          <a href={siteUrl(site, author.path)}>{author.name}</a>
        </h2>
        {author.role && <p class="author-bio__role">{author.role}</p>}
        <div class="author-bio__bio" dangerouslySetInnerHTML={{ __html: author.bioHtml }} />
        <AuthorLinks author={author} site={site} />
      </div>
    </aside>
  );
}
