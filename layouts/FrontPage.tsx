import type { Promo, Teaser as TeaserData } from "../src/content/types.ts";
import type { Section, Site } from "../src/site/site.ts";
import type { Newsletter } from "../src/site/newsletters.ts";
import { siteUrl } from "../src/site/site.ts";
import { Teaser } from "./Teaser.tsx";
import { ArticleList } from "./ArticleList.tsx";
import { SignupBoxes } from "./SignupForm.tsx";
import { SupportCta } from "./SupportCta.tsx";
import { localeOf } from "../src/i18n/index.ts";
import { VideoRail } from "./VideoRail.tsx";
import { Promos } from "./Promos.tsx";

interface FrontPageProps {
  site: Site;
  lead: TeaserData | undefined;
  latest: TeaserData[];
  blocks: { section: Section; teasers: TeaserData[] }[];
  /** Site path of the next page of older stories, when there is one. */
  olderPath?: string | undefined;
  /** The newsletters whose signup box the front page shows. */
  signups: readonly Newsletter[];
  /** The newest stories with a video. */
  videos: TeaserData[];
  promos: readonly Promo[];
}

/** The front page: the lead story, the latest news, then a block per section. */
export function FrontPage({ site, lead, latest, blocks, olderPath, signups, videos, promos }: FrontPageProps) {
  const locale = localeOf(site.language);
  return (
    <div class="front">
      <h1 class="visually-hidden">{site.name}</h1>
      {lead ? (
        <section class="front__lead" aria-label={locale.t("front.top")}>
          <Teaser teaser={lead} site={site} headingLevel={2} variant="lead" />
        </section>
      ) : (
        <p>{locale.t("list.none")}</p>
      )}
      {latest.length > 0 && (
        <section class="front__latest" aria-labelledby="latest-heading">
          <h2 id="latest-heading" class="front__heading">
            {locale.t("front.latest")}
          </h2>
          <ArticleList teasers={latest} site={site} headingLevel={3} />
          {olderPath && (
            <p class="front__more">
              <a href={siteUrl(site, olderPath)}>{locale.t("front.older")}</a>
            </p>
          )}
        </section>
      )}
      <VideoRail teasers={videos} site={site} />
      {blocks.length > 0 && (
        <div class="front__sections">
          {blocks.map(({ section, teasers }) => (
            <section class="front__section" aria-labelledby={`block-${section.slug}`}>
              <h2 id={`block-${section.slug}`} class="front__heading">
                <a href={siteUrl(site, section.path)}>{section.title}</a>
              </h2>
              <ArticleList teasers={teasers} site={site} headingLevel={3} variant="compact" />
            </section>
          ))}
        </div>
      )}
      <SignupBoxes newsletters={signups} site={site} />
      <SupportCta site={site} />
      <Promos promos={promos} id="promos-heading" site={site} />
    </div>
  );
}
