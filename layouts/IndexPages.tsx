import type { Author } from "../src/content/types.ts";
import type { Site } from "../src/site/site.ts";
import { siteUrl } from "../src/site/site.ts";
import { localeOf } from "../src/i18n/index.ts";

/** All topics, with how many articles each has. */
export function TagIndex({ tags, site }: { tags: { name: string; path: string; count: number }[]; site: Site }) {
  const locale = localeOf(site.language);
  return (
    <div class="index-page">
      <h1>{locale.t("topics.title")}</h1>
      {tags.length === 0 ? (
        <p>{locale.t("topics.none")}</p>
      ) : (
        <ul class="index-page__list">
          {tags.map((tag) => (
            <li>
              <a href={siteUrl(site, tag.path)}>{tag.name}</a> <span class="index-page__count">({locale.number(tag.count)})</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function AuthorLink({ author, site }: { author: Author; site: Site }) {
  return <a href={siteUrl(site, author.path)}>{author.name}</a>;
}

/** Everyone who writes for the newsroom. */
export function AuthorIndex({ authors, site }: { authors: { author: Author; count: number }[]; site: Site }) {
  const locale = localeOf(site.language);
  return (
    <div class="index-page">
      <h1>{locale.t("authors.title")}</h1>
      <ul class="index-page__list">
        {authors.map(({ author, count }) => (
          <li>
            {author.role ? locale.parts("author.withRole", { name: <AuthorLink author={author} site={site} />, role: author.role }) : <AuthorLink author={author} site={site} />}{" "}
            <span class="index-page__count">({locale.plural("authors.count", count)})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A month of the archive and how many articles it has. */
interface ArchiveMonthCount {
  /** "November 2026" in the site's language. */
  title: string;
  year: string;
  path: string;
  count: number;
}

/** Every month with articles, grouped by year. */
export function ArchiveIndex({ months, site }: { months: ArchiveMonthCount[]; site: Site }) {
  const locale = localeOf(site.language);
  const years = [...new Set(months.map((month) => month.year))];
  return (
    <div class="index-page">
      <h1>{locale.t("archive.title")}</h1>
      {years.length === 0 && <p>{locale.t("list.none")}</p>}
      {years.map((year) => (
        <section aria-labelledby={`year-${year}`}>
          <h2 id={`year-${year}`}>{locale.integer(Number(year))}</h2>
          <ul class="index-page__list">
            {months
              .filter((month) => month.year === year)
              .map((month) => (
                <li>
                  <a href={siteUrl(site, month.path)}>{month.title}</a> <span class="index-page__count">({locale.number(month.count)})</span>
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
  const locale = localeOf(site.language);
  return (
    <div class="index-page">
      <h1>{locale.t("notFound.title")}</h1>
      <p>{locale.t("notFound.text")}</p>
      <ul class="index-page__list">
        <li>
          <a href={siteUrl(site, "/")}>{locale.t("notFound.front")}</a>
        </li>
        <li>
          <a href={siteUrl(site, "/search/")}>{locale.t("notFound.search")}</a>
        </li>
        <li>
          <a href={siteUrl(site, "/archive/")}>{locale.t("notFound.archive")}</a>
        </li>
      </ul>
    </div>
  );
}
