import type { CorrectionEntry } from "../src/site/corrections-log.ts";
import type { Listing } from "../src/site/collections.ts";
import type { Site } from "../src/site/site.ts";
import { siteUrl } from "../src/site/site.ts";
import { Time } from "./Timestamps.tsx";
import { Pagination } from "./Pagination.tsx";
import { PagedTitle } from "./ListPage.tsx";
import { localeOf } from "../src/i18n/index.ts";

interface CorrectionsPageProps {
  title: string;
  listing: Listing<CorrectionEntry>;
  site: Site;
  /** Site path of the corrections policy page, when a standalone page states it. */
  policy?: string | undefined;
  /** Site path of the log's Atom feed. */
  feed: string;
}

/** The corrections log: each correction with its date, the story it corrects (linked to the note) and its text. */
export function CorrectionsPage({ title, listing, site, policy, feed }: CorrectionsPageProps) {
  const locale = localeOf(site.language);
  return (
    <div class="list-page corrections-log">
      <header class="list-page__header">
        <h1>
          <PagedTitle title={title} pageNumber={listing.pageNumber} site={site} />
        </h1>
        <p>{locale.t("corrections.intro")}</p>
        <ul class="corrections-log__links">
          {policy && (
            <li>
              <a href={siteUrl(site, policy)}>{locale.t("corrections.policy")}</a>
            </li>
          )}
          <li>
            <a href={siteUrl(site, feed)} type="application/atom+xml">
              {locale.t("corrections.feed")}
            </a>
          </li>
        </ul>
      </header>
      {listing.items.length === 0 ? (
        <p class="list-page__empty">{locale.t("corrections.none")}</p>
      ) : (
        <ol class="corrections-log__list">
          {listing.items.map((entry) => (
            <li class="corrections-log__entry">
              <p class="corrections-log__story">
                <a href={`${siteUrl(site, entry.article.path)}#${entry.anchor}`}>{entry.article.headline}</a>
              </p>
              <p class="corrections-log__text">{entry.text}</p>
              <p class="corrections-log__date">
                <Time moment={entry.date} site={site} />
              </p>
            </li>
          ))}
        </ol>
      )}
      <Pagination listing={listing} site={site} label={locale.t("corrections.pages")} />
    </div>
  );
}
