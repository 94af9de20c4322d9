import type { Promo, Teaser as TeaserData } from "../src/content/types.ts";
import type { Site } from "../src/site/site.ts";
import type { Signups } from "../src/site/newsletters.ts";
import type { FrontPlan } from "../src/site/front-page.ts";
import { siteUrl } from "../src/site/site.ts";
import { Teaser } from "./Teaser.tsx";
import { ArticleList } from "./ArticleList.tsx";
import { SignupBoxes } from "./SignupForm.tsx";
import { SupportCta } from "./SupportCta.tsx";
import { localeOf } from "../src/i18n/index.ts";
import { VideoRail } from "./VideoRail.tsx";
import { Promos } from "./Promos.tsx";

interface FrontPageProps extends FrontPlan {
  site: Site;
  /** Site path of the list of every story, newest first (/latest/), when the front page leaves some out. */
  listPath?: string | undefined;
  /** The signup boxes the front page shows. */
  signups: Signups;
  /** The newest stories with a video. */
  videos: TeaserData[];
  promos: readonly Promo[];
  /** Site path of the story the breaking-news banner points to, if any. */
  breaking?: string | undefined;
}

/**
 * The front page in an editor's order (src/site/front-page.ts plans it, docs/design.md explains it):
 * the top stories, the latest headlines, the Video rail, then a rail per section.
 */
export function FrontPage({ site, lead, top, latest, rails, listPath, signups, videos, promos, breaking }: FrontPageProps) {
  const locale = localeOf(site.language);
  const shape = [lead?.photo ? "front__top--photo" : "front__top--text", top.length === 4 ? "front__top--four" : top.length === 2 ? "front__top--two" : ""].filter(Boolean).join(" ");
  return (
    <div class="front">
      <h1 class="visually-hidden">{site.name}</h1>
      {lead ? (
        <section class={`front__top ${shape}`} aria-label={locale.t("front.topStories")}>
          <div class="front__lead">
            <Teaser teaser={lead} site={site} headingLevel={2} variant="lead" breaking={lead.path === breaking} />
          </div>
          {top.length > 0 && <ArticleList teasers={top} site={site} headingLevel={2} variant="secondary" class="front__secondary" breaking={breaking} />}
        </section>
      ) : (
        <p>{locale.t("list.none")}</p>
      )}
      {latest.length > 0 && (
        <section class="front__latest" aria-labelledby="latest-heading">
          <h2 id="latest-heading" class="front__heading">
            {locale.t("front.latest")}
          </h2>
          <ArticleList teasers={latest} site={site} headingLevel={3} variant="headline" class="front__grid" breaking={breaking} />
          {listPath && (
            <p class="front__more">
              <a href={siteUrl(site, listPath)}>{locale.t("latest.title")}</a>
            </p>
          )}
        </section>
      )}
      <VideoRail teasers={videos} site={site} />
      {rails.map(({ section, teasers }) => (
        <section class="front__rail" aria-labelledby={`rail-${section.slug}`}>
          <h2 id={`rail-${section.slug}`} class="front__heading">
            <a href={siteUrl(site, section.path)}>{section.title}</a>
          </h2>
          <ArticleList teasers={teasers} site={site} headingLevel={3} variant="compact" class="front__grid" breaking={breaking} />
        </section>
      ))}
      <SignupBoxes signups={signups} site={site} />
      <SupportCta site={site} />
      <Promos promos={promos} id="promos-heading" site={site} />
    </div>
  );
}
