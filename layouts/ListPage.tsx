import type { ComponentChildren } from "preact";
import type { Teaser } from "../src/content/types.ts";
import type { Listing } from "../src/site/collections.ts";
import type { Site } from "../src/site/site.ts";
import { ArticleList } from "./ArticleList.tsx";
import { Pagination } from "./Pagination.tsx";
import { localeOf } from "../src/i18n/index.ts";
import type { Signups } from "../src/site/newsletters.ts";
import { SignupBoxes } from "./SignupForm.tsx";

interface ListPageProps {
  title: string;
  /** Shown under the title, e.g. a section's description or an author's bio. */
  intro?: ComponentChildren;
  listing: Listing<Teaser>;
  site: Site;
  /** What the list is, for the pagination's accessible name: "News pages". */
  label: string;
  /** The signup boxes a section page shows, after its list. */
  signups?: Signups | undefined;
}

/** A list's title; on later pages "— page 3" follows it, in the site's language and muted. */
export function PagedTitle({ title, pageNumber, site }: { title: string; pageNumber: number | undefined; site: Site }) {
  if (pageNumber === undefined) return <>{title}</>;
  const marker = { title };
  return (
    <>
      {localeOf(site.language)
        .parts("list.page", { title: marker, number: pageNumber })
        .map((part) => (part === marker ? title : <span class="list-page__page">{part}</span>))}
    </>
  );
}

/** A titled, paginated list of articles: sections, tags, archive months, older front pages. */
export function ListPage({ title, intro, listing, site, label, signups }: ListPageProps) {
  return (
    <div class="list-page">
      <header class="list-page__header">
        <h1>
          <PagedTitle title={title} pageNumber={listing.pageNumber} site={site} />
        </h1>
        {intro}
      </header>
      {listing.items.length > 0 ? <ArticleList teasers={listing.items} site={site} /> : <p class="list-page__empty">{localeOf(site.language).t("list.empty")}</p>}
      <Pagination listing={listing} site={site} label={label} />
      {signups && <SignupBoxes signups={signups} site={site} />}
    </div>
  );
}
