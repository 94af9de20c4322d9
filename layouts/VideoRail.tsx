import type { Teaser } from "../src/content/types.ts";
import type { Site } from "../src/site/site.ts";
import { siteUrl } from "../src/site/site.ts";
import { Picture } from "./Picture.tsx";
import { localeOf } from "../src/i18n/index.ts";

/** The newest stories that carry a video, each with the video's still (or the story's photo). */
export function VideoRail({ teasers, site }: { teasers: readonly Teaser[]; site: Site }) {
  if (teasers.length === 0) return null;
  const locale = localeOf(site.language);
  return (
    <section class="video-rail" aria-labelledby="video-heading">
      <h2 id="video-heading" class="front__heading">
        {locale.t("video.heading")}
      </h2>
      <ul class="video-rail__list">
        {teasers.map((teaser) => {
          const still = teaser.video?.poster ?? teaser.photo?.image;
          return (
            <li class="video-rail__item">
              {still && <Picture class="video-rail__still" image={still} alt="" sizes="(min-width: 48rem) 14rem, 45vw" />}
              <h3 class="video-rail__headline">
                <a href={siteUrl(site, teaser.path)}>
                  <span class="visually-hidden">{locale.t("video.watch")} </span>
                  {teaser.headline}
                </a>
              </h3>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
