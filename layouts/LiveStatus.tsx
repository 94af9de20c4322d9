import type { LiveState } from "../src/content/types.ts";
import type { Site } from "../src/site/site.ts";
import { Time } from "./Timestamps.tsx";
import { localeOf } from "../src/i18n/index.ts";

/** "Live" as text, not only a colour: teasers and the article header show it while coverage runs. */
export function LiveBadge({ site }: { site: Site }) {
  return <span class="live-badge">{localeOf(site.language).t("live.badge")}</span>;
}

/** Under the headline: the badge while live, or that coverage has ended and when. */
export function LiveStatus({ live, site }: { live: LiveState; site: Site }) {
  const locale = localeOf(site.language);
  if (live.status === "live") {
    return (
      <p class="live-status" id="live-status">
        <LiveBadge site={site} /> <span class="live-status__text">{locale.t("live.newestFirst")}</span>
      </p>
    );
  }
  return (
    <p class="live-status live-status--ended" id="live-status">
      <span class="live-status__text">{locale.t("live.ended")}</span>
      {live.end && (
        <>
          {" "}
          <Time moment={live.end} site={site} />
        </>
      )}
    </p>
  );
}
