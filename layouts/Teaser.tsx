import type { Teaser as TeaserData } from "../src/content/types.ts";
import type { Site } from "../src/site/site.ts";
import { siteUrl } from "../src/site/site.ts";
import { splitMoment, machineMoment } from "../src/dates.ts";
import { Picture } from "./Picture.tsx";
import { LiveBadge } from "./LiveStatus.tsx";
import { localeOf } from "../src/i18n/index.ts";
import { StoryLabel } from "./StoryLabel.tsx";

/**
 * How a teaser is shown. "lead": the front page's first story, photo large and loaded first;
 * "secondary": the front page's next stories, photo on top; "standard": a listing's row with a
 * thumbnail; "compact": a rail's or related list's row, a small thumbnail and no summary;
 * "headline": section, headline and time only.
 */
export type TeaserVariant = "lead" | "secondary" | "standard" | "compact" | "headline";

interface TeaserProps {
  teaser: TeaserData;
  site: Site;
  headingLevel: 2 | 3;
  variant?: TeaserVariant;
  /** The story the breaking-news banner points to: marked in words, like a live one. */
  breaking?: boolean;
}

/** How wide each variant shows its photo, for the browser to pick a file (the thumbnails take the smallest). */
const PHOTO_SIZES: Record<TeaserVariant, string | undefined> = {
  lead: "(min-width: 64rem) 34rem, calc(100vw - 2rem)",
  secondary: "(min-width: 64rem) 17rem, (min-width: 40rem) 45vw, 7rem",
  standard: "8rem",
  compact: "6rem",
  headline: undefined,
};

/** A publication time whose time of day and zone stay together on one line. */
function TeaserTime({ teaser, site }: { teaser: TeaserData; site: Site }) {
  const [before, time, after] = splitMoment(teaser.published, site.language, site.timeZone);
  return (
    <time datetime={machineMoment(teaser.published)}>
      {before}
      {time && <span class="nowrap">{time}</span>}
      {after}
    </time>
  );
}

/** One article in a list: section, label, headline link, summary, byline and date, maybe its photo. */
export function Teaser({ teaser, site, headingLevel, variant = "standard", breaking = false }: TeaserProps) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const sizes = PHOTO_SIZES[variant];
  const photo = sizes ? teaser.photo : undefined;
  const locale = localeOf(site.language);
  const summary = variant === "lead" || variant === "secondary" || variant === "standard";
  return (
    <article class={`teaser teaser--${variant}`}>
      {photo && sizes && <Picture class="teaser__photo" image={photo.image} alt={photo.alt} sizes={sizes} priority={variant === "lead"} />}
      <div class="teaser__text">
        <p class="teaser__section">{teaser.section.title}</p>
        <StoryLabel type={teaser.type} sponsor={teaser.sponsor} site={site} class="teaser__label" />
        <Heading class="teaser__headline">
          {breaking && (
            <>
              <strong class="teaser__breaking">{locale.t("teaser.breaking")}</strong>{" "}
            </>
          )}
          {teaser.live === "live" && (
            <>
              <LiveBadge site={site} />{" "}
            </>
          )}
          <a href={siteUrl(site, teaser.path)}>{teaser.headline}</a>
        </Heading>
        {summary && <p class="teaser__summary">{teaser.summary}</p>}
        <p class="teaser__meta">
          <TeaserTime teaser={teaser} site={site} />
          {variant !== "compact" && variant !== "headline" && teaser.authors.length > 0 && ` · ${locale.list(teaser.authors.map((author) => author.name))}`}
        </p>
      </div>
    </article>
  );
}
