import type { LiveCoverage, LiveUpdate } from "../src/content/types.ts";
import type { Site } from "../src/site/site.ts";
import { formatUpdateTime } from "../src/site/live-format.ts";
import { pluralForms } from "../src/i18n/script-messages.ts";
import { machineMoment } from "../src/dates.ts";
import { localeOf } from "../src/i18n/index.ts";

/** How often the optional script looks for a newer build of a page that is still live. */
export const LIVE_POLL_SECONDS = 60;

/** One update: its time (a link to itself), its headline as text, then its rendered Markdown. */
function Update({ update, live, site }: { update: LiveUpdate; live: LiveCoverage; site: Site }) {
  const headingId = `${update.id}-heading`;
  return (
    <article class="live-update" id={update.id} aria-labelledby={headingId}>
      <h2 class="live-update__heading" id={headingId}>
        <a class="live-update__time" href={`#${update.id}`}>
          <time datetime={machineMoment(update.time)}>{formatUpdateTime(update.time, live.start, site.language, site.timeZone)}</time>
        </a>
        {update.headline && (
          <>
            {" "}
            <span class="live-update__headline">{update.headline}</span>
          </>
        )}
      </h2>
      <div class="article__body live-update__body" dangerouslySetInnerHTML={{ __html: update.html }} />
    </article>
  );
}

/**
 * The pinned summary, then every update newest first. Only rendered Markdown is raw. The texts the
 * optional script announces travel with the list, in the site's language.
 */
export function LiveUpdates({ live, site }: { live: LiveCoverage; site: Site }) {
  const locale = localeOf(site.language);
  const following = live.status === "live" && {
    "data-live-poll-seconds": String(LIVE_POLL_SECONDS),
    "data-live-messages": JSON.stringify({
      offer: pluralForms(locale, "live.offer"),
      shown: pluralForms(locale, "live.shown"),
      offerEnded: locale.t("live.offerEnded"),
      ended: locale.t("live.ended"),
    }),
  };
  return (
    <>
      {live.summaryHtml.trim() && <div class="article__body live-summary" dangerouslySetInnerHTML={{ __html: live.summaryHtml }} />}
      <section class="live-updates" aria-label={locale.t("live.updates")} {...following}>
        {live.updates.map((update) => (
          <Update update={update} live={live} site={site} />
        ))}
      </section>
    </>
  );
}
