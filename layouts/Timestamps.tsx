import type { Moment } from "../src/dates.ts";
import { formatMoment, machineMoment } from "../src/dates.ts";
import type { Site } from "../src/site/site.ts";
import { localeOf } from "../src/i18n/index.ts";

export function Time({ moment, site }: { moment: Moment; site: Site }) {
  return <time datetime={machineMoment(moment)}>{formatMoment(moment, site.language, site.timeZone)}</time>;
}

/** "Published …", "Updated …" when set, and the reading time. */
export function Timestamps({ published, updated, readingMinutes, site }: { published: Moment; updated?: Moment | undefined; readingMinutes: number; site: Site }) {
  const locale = localeOf(site.language);
  return (
    <p class="timestamps">
      <span class="timestamps__published">{locale.parts("article.published", { time: <Time moment={published} site={site} /> })}</span>
      {updated && <span class="timestamps__updated">{locale.parts("article.updated", { time: <Time moment={updated} site={site} /> })}</span>}
      <span class="timestamps__reading">{locale.plural("article.readingTime", readingMinutes)}</span>
    </p>
  );
}
