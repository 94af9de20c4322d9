import type { Author } from "../src/content/types.ts";
import type { Site } from "../src/site/site.ts";
import { siteUrl } from "../src/site/site.ts";

/** All topics, with how many articles each has. */
export function TagIndex({ tags, site }: { tags: { name: string; path: string; count: number }[]; site: Site }) {
  return (
    <div class="index-page">
      <h1>Topics</h1>
      {tags.length === 0 ? (
        <p>No topics yet.</p>
      ) : (
        <ul class="index-page__list">
          {tags.map((tag) => (
            <li>
              <a href={siteUrl(site, tag.path)}>{tag.name}</a> <span class="index-page__count">({tag.count})</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Everyone who writes for the newsroom. */
export function AuthorIndex({ authors, site }: { authors: { author: Author; count: number }[]; site: Site }) {
  return (
    <div class="index-page">
      <h1>Our journalists</h1>
      <ul class="index-page__list">
        {authors.map(({ author, count }) => (
          <li>
            <a href={siteUrl(site, author.path)}>{author.name}</a>
            {author.role && `, ${author.role}`} <span class="index-page__count">({count === 1 ? "1 article" : `${count} articles`})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A month of the archive and how many articles it has. */
interface ArchiveMonthCount {
  year: string;
  month: string;
  path: string;
  count: number;
}

/** Every month with articles, grouped by year. */
export function ArchiveIndex({ months, site }: { months: ArchiveMonthCount[]; site: Site }) {
  const years = [...new Set(months.map((month) => month.year))];
  const monthName = (month: ArchiveMonthCount) => new Intl.DateTimeFormat(site.language, { month: "long", timeZone: "UTC" }).format(Date.UTC(Number(month.year), Number(month.month) - 1, 15));
  return (
    <div class="index-page">
      <h1>Archive</h1>
      {years.length === 0 && <p>No articles yet.</p>}
      {years.map((year) => (
        <section aria-labelledby={`year-${year}`}>
          <h2 id={`year-${year}`}>{year}</h2>
          <ul class="index-page__list">
            {months
              .filter((month) => month.year === year)
              .map((month) => (
                <li>
                  <a href={siteUrl(site, month.path)}>{`${monthName(month)} ${month.year}`}</a> <span class="index-page__count">({month.count})</span>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

/** The page a static host serves for an unknown address. */
export function NotFoundPage({ site }: { site: Site }) {
  return (
    <div class="index-page">
      <h1>Page not found</h1>
      <p>The page you asked for is not here. It may have moved, or the address may be mistyped.</p>
      <ul class="index-page__list">
        <li>
          <a href={siteUrl(site, "/")}>Go to the front page</a>
        </li>
        <li>
          <a href={siteUrl(site, "/search/")}>Search the site</a>
        </li>
        <li>
          <a href={siteUrl(site, "/archive/")}>Browse the archive</a>
        </li>
      </ul>
    </div>
  );
}
