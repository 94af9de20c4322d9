// The daily edition on the web (/newsletter/<yyyy>/<mm>/<dd>/) and the archive of editions (/newsletter/).
import type { Edition, EditionStory } from "../src/edition/model.ts";
import type { Site } from "../src/site/site.ts";
import { siteUrl } from "../src/site/site.ts";
import { Picture } from "./Picture.tsx";
import { SupportCta } from "./SupportCta.tsx";
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
        <StoryLabel type={story.type} sponsor={story.sponsor} class="teaser__label" />
        <Heading class="edition__headline">
          <a href={siteUrl(site, story.path)}>{story.headline}</a>
        </Heading>
        <p class="edition__summary">{story.summary}</p>
        {story.byline !== "" && <p class="edition__byline">By {story.byline}</p>}
      </div>
    </article>
  );
}

/** One day's edition on the web: the same stories as the email, linking within the site. */
export function EditionPage({ edition, site }: { edition: Edition; site: Site }) {
  return (
    <div class="edition">
      <p class="edition__label">
        <a href={siteUrl(site, "/newsletter/")}>Daily headlines</a>
      </p>
      <h1 class="edition__title">{edition.dateLabel}</h1>
      {edition.note && (
        <aside class="edition__note" aria-label="From the editor">
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

/** Every edition, newest first: the newsletter's archive. */
export function EditionArchive({ editions, site }: { editions: Edition[]; site: Site }) {
  return (
    <div class="index-page">
      <h1>Daily headlines</h1>
      <p>
        Every edition of {site.name}'s newsletter, also as a <a href={siteUrl(site, "/newsletter/feed.xml")}>feed</a>.
      </p>
      {editions.length === 0 ? (
        <p>No editions yet.</p>
      ) : (
        <ul class="index-page__list">
          {editions.map((edition) => (
            <li>
              <a href={siteUrl(site, edition.path)}>{edition.dateLabel}</a>: {edition.lead.headline}{" "}
              <span class="index-page__count">({edition.storyCount === 1 ? "1 story" : `${edition.storyCount} stories`})</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
