import type { Teaser as TeaserData } from "../src/content/types.ts";
import type { Site } from "../src/site/site.ts";
import { siteUrl } from "../src/site/site.ts";
import { Picture } from "./Picture.tsx";
import { Time } from "./Timestamps.tsx";
import { LiveBadge } from "./LiveStatus.tsx";
import { localeOf } from "../src/i18n/index.ts";
import { StoryLabel } from "./StoryLabel.tsx";

interface TeaserProps {
  teaser: TeaserData;
  site: Site;
  headingLevel: 2 | 3;
  /** "lead" shows the photo large (the front page's first paint); "standard" a thumbnail. */
  variant?: "lead" | "standard" | "compact";
}

/** One article in a list: section, headline link, summary, byline and date, maybe its photo. */
export function Teaser({ teaser, site, headingLevel, variant = "standard" }: TeaserProps) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const photo = variant !== "compact" ? teaser.photo : undefined;
  return (
    <article class={`teaser teaser--${variant}`}>
      {photo && (
        <Picture
          class="teaser__photo"
          image={photo.image}
          alt={photo.alt}
          sizes={variant === "lead" ? "(min-width: 48rem) 44rem, calc(100vw - 2rem)" : "(min-width: 48rem) 12rem, 33vw"}
          priority={variant === "lead"}
        />
      )}
      <div class="teaser__text">
        <p class="teaser__section">{teaser.section.title}</p>
        <StoryLabel type={teaser.type} sponsor={teaser.sponsor} site={site} class="teaser__label" />
        <Heading class="teaser__headline">
          {teaser.live === "live" && (
            <>
              <LiveBadge site={site} />{" "}
            </>
          )}
          <a href={siteUrl(site, teaser.path)}>{teaser.headline}</a>
        </Heading>
        {variant !== "compact" && <p class="teaser__summary">{teaser.summary}</p>}
        <p class="teaser__meta">
          <Time moment={teaser.published} site={site} />
          {variant !== "compact" && teaser.authors.length > 0 && ` · ${localeOf(site.language).list(teaser.authors.map((author) => author.name))}`}
        </p>
      </div>
    </article>
  );
}
