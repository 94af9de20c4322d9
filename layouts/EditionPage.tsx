// A newsletter's edition on the web (<its path>/<yyyy>/<mm>/<dd>/), its archive of editions (its path)
// and, with several newsletters, the page listing them (/newsletter/).
import type { ArchivedEdition, Edition, EditionStory } from "../src/edition/model.ts";
import type { Site } from "../src/site/site.ts";
import { editionFeedPath, type Newsletter, type Signups } from "../src/site/newsletters.ts";
import { siteUrl } from "../src/site/site.ts";
import { Picture } from "./Picture.tsx";
import { SupportCta } from "./SupportCta.tsx";
import { SignupBoxes } from "./SignupForm.tsx";
import { localeOf } from "../src/i18n/index.ts";
import { StoryLabel } from "./StoryLabel.tsx";

function EditionStoryItem({ story, site, lead }: { story: EditionStory; site: Site; lead: boolean }) {
  const Heading = lead ? "h2" : "h3";
  return (
    <article class={`edition__story${lead ? " edition__story--lead" : ""}`}>
      {story.photo && (
        <Picture
          class="edition__photo"
          image={story.photo.image}
          alt={story.photo.alt}
          sizes={lead ? "(min-width: 48rem) 44rem, calc(100vw - 2rem)" : "8rem"}
          priority={lead}
        />
      )}
      <div class="edition__text">
        {lead && <p class="edition__kicker">{story.section.title}</p>}
        <StoryLabel type={story.type} sponsor={story.sponsor} site={site} class="teaser__label" />
        <Heading class="edition__headline">
          <a href={siteUrl(site, story.path)}>{story.headline}</a>
        </Heading>
        <p class="edition__summary">{story.summary}</p>
        {story.byline !== "" && <p class="edition__byline">{localeOf(site.language).t("article.byline", { names: story.byline })}</p>}
      </div>
    </article>
  );
}

/** One edition on the web: the same stories as the email, linking within the site. */
export function EditionPage({ edition, site }: { edition: Edition; site: Site }) {
  const locale = localeOf(site.language);
  return (
    <div class="edition">
      <p class="edition__label">
        <a href={siteUrl(site, edition.newsletter.path)}>{edition.newsletter.name}</a>
      </p>
      <h1 class="edition__title">{edition.dateLabel}</h1>
      {edition.note && (
        <aside class="edition__note" aria-label={locale.t("edition.fromEditor")}>
          {edition.note.paragraphs.map((paragraph) => (
            <p>{paragraph}</p>
          ))}
          {edition.note.signed && <p class="edition__signed">— {edition.note.signed}</p>}
        </aside>
      )}
      <EditionStoryItem story={edition.lead} site={site} lead />
      {edition.sections.map((group) => (
        <section class="edition__section" aria-labelledby={`edition-${group.section.slug}`}>
          <h2 id={`edition-${group.section.slug}`} class="edition__section-title">
            {group.section.title}
          </h2>
          {group.stories.map((story) => (
            <EditionStoryItem story={story} site={site} lead={false} />
          ))}
        </section>
      ))}
      <SupportCta site={site} />
    </div>
  );
}

/** Every edition of one newsletter, newest first, with its signup box: the newsletter's archive. */
export function EditionArchive({ newsletter, editions, site, signups }: { newsletter: Newsletter; editions: readonly ArchivedEdition[]; site: Site; signups: Signups }) {
  const locale = localeOf(site.language);
  const feed = <a href={siteUrl(site, editionFeedPath(newsletter))}>{locale.t("edition.feed")}</a>;
  return (
    <div class="index-page">
      <h1>{newsletter.name}</h1>
      <p>{locale.parts("edition.archiveIntro", { newsletter: newsletter.name, site: site.name, feed })}</p>
      {editions.length === 0 ? (
        <p>{locale.t("edition.none")}</p>
      ) : (
        <ul class="index-page__list">
          {editions.map((edition) => (
            <li>
              <a href={siteUrl(site, edition.path)}>{edition.dateLabel}</a>: {edition.headline}{" "}
              <span class="index-page__count">({locale.plural("edition.stories", edition.storyCount)})</span>
            </li>
          ))}
        </ul>
      )}
      <SignupBoxes signups={signups} site={site} />
    </div>
  );
}

/** Each newsletter, linking to its archive, with its latest edition; then every signup box. */
export function NewsletterIndex({ list, site, signups }: { list: { newsletter: Newsletter; latest?: { path: string; dateLabel: string } }[]; site: Site; signups: Signups }) {
  const locale = localeOf(site.language);
  return (
    <div class="index-page">
      <h1>{locale.t("newsletters.title")}</h1>
      <ul class="index-page__list">
        {list.map(({ newsletter, latest }) => (
          <li>
            <a href={siteUrl(site, newsletter.path)}>{newsletter.name}</a>
            {latest && (
              <>
                {" "}
                <span class="index-page__count">({locale.parts("newsletters.latest", { date: <a href={siteUrl(site, latest.path)}>{latest.dateLabel}</a> })})</span>
              </>
            )}
          </li>
        ))}
      </ul>
      <SignupBoxes signups={signups} site={site} />
    </div>
  );
}
