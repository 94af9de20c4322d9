import type { CorrectionEntry } from "../src/site/corrections-log.ts";
import type { Listing } from "../src/site/collections.ts";
import type { Site } from "../src/site/site.ts";
import { siteUrl } from "../src/site/site.ts";
import { Time } from "./Timestamps.tsx";
import { Pagination } from "./Pagination.tsx";

/** Interface text (English; the message catalogue takes these over). */
const TEXT = {
  intro: "When we get something wrong, we correct it on the story and list it here, newest first.",
  policy: "Read our corrections policy",
  feed: "Follow corrections as a feed",
  none: "No corrections yet.",
  pages: "Pages of corrections",
  page: (n: number) => ` — page ${n}`,
} as const;

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
  return (
    <div class="list-page corrections-log">
      <header class="list-page__header">
        <h1>
          {title}
          {listing.pageNumber > 1 && <span class="list-page__page">{TEXT.page(listing.pageNumber)}</span>}
        </h1>
        <p>{TEXT.intro}</p>
        <ul class="corrections-log__links">
          {policy && (
            <li>
              <a href={siteUrl(site, policy)}>{TEXT.policy}</a>
            </li>
          )}
          <li>
            <a href={siteUrl(site, feed)} type="application/atom+xml">
              {TEXT.feed}
            </a>
          </li>
        </ul>
      </header>
      {listing.items.length === 0 ? (
        <p class="list-page__empty">{TEXT.none}</p>
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
      <Pagination listing={listing} site={site} label={TEXT.pages} />
    </div>
  );
}
