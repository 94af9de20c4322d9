import type { Moment } from "../src/dates.ts";
import { formatMoment, machineMoment } from "../src/dates.ts";
import type { Site } from "../src/site/site.ts";

export function Time({ moment, site }: { moment: Moment; site: Site }) {
  return <time datetime={machineMoment(moment)}>{formatMoment(moment, site.language, site.timeZone)}</time>;
}

/** "Published …", "Updated …" when set, and the reading time. */
export function Timestamps({ published, updated, readingMinutes, site }: { published: Moment; updated?: Moment | undefined; readingMinutes: number; site: Site }) {
  return (
    <p class="timestamps">
      <span class="timestamps__published">
        Published <Time moment={published} site={site} />
      </span>
      {updated && (
        <span class="timestamps__updated">
          Updated <Time moment={updated} site={site} />
        </span>
      )}
      <span class="timestamps__reading">{readingMinutes} min read</span>
    </p>
  );
}
