import type { LiveState } from "../src/content/types.ts";
import type { Site } from "../src/site/site.ts";
import { Time } from "./Timestamps.tsx";

/** "Live" as text, not only a colour: teasers and the article header show it while coverage runs. */
export function LiveBadge() {
  return <span class="live-badge">Live</span>;
}

/** Under the headline: the badge while live, or that coverage has ended and when. */
export function LiveStatus({ live, site }: { live: LiveState; site: Site }) {
  if (live.status === "live") {
    return (
      <p class="live-status" id="live-status">
        <LiveBadge /> <span class="live-status__text">Updates appear newest first</span>
      </p>
    );
  }
  return (
    <p class="live-status live-status--ended" id="live-status">
      <span class="live-status__text">Live coverage has ended</span>
      {live.end && (
        <>
          {" "}
          <Time moment={live.end} site={site} />
        </>
      )}
    </p>
  );
}
