// The daily edition as an email: nested presentation tables 600 px wide, the way every mail client
// (Outlook's Word engine included) lays out reliably. Classes only: src/edition/email.ts inlines the
// stylesheet with juice, so no client needs a <style> block except for the optional dark mode.
import type { ComponentChildren } from "preact";
import type { Edition, EditionStory } from "../../src/edition/model.ts";
import { EMAIL_WIDTH } from "../../src/edition/model.ts";
import type { Site } from "../../src/site/site.ts";
import { storyLabel, STORY_TYPE_TEXT } from "../../src/site/story-types.ts";

export interface EditionEmailProps {
  edition: Edition;
  /** The stylesheet juice inlines (our own constant, never editor text). */
  css: string;
  /** The provider's unsubscribe placeholder, or undefined when the provider adds its own footer. */
  unsubscribe?: string | undefined;
}

/** One cell of a full-width presentation table: the building block of every row. */
function Row({ class: className, children }: { class: string; children: ComponentChildren }) {
  return (
    <tr>
      <td class={className}>{children}</td>
    </tr>
  );
}

function Byline({ story }: { story: EditionStory }) {
  return story.byline === "" ? null : <p class="byline">By {story.byline}</p>;
}

/** An opinion, analysis, review or sponsored story says so in the email too, as text (issue 18). */
function StoryKind({ story }: { story: EditionStory }) {
  const label = storyLabel(story.type);
  if (!label) return null;
  return <p class="story-kind">{story.type === "sponsored" && story.sponsor ? `${label} — ${STORY_TYPE_TEXT.sponsoredBy} ${story.sponsor}` : label}</p>;
}

function LeadStory({ story }: { story: EditionStory }) {
  return (
    <>
      {story.image && (
        <Row class="lead-photo">
          <a href={story.url}>
            <img class="lead-image" src={story.image.url} width={story.image.width} height={story.image.height} alt={story.image.alt} />
          </a>
        </Row>
      )}
      <Row class="lead">
      <p class="kicker">{story.section.title}</p>
      <StoryKind story={story} />
      <h1 class="lead-headline">
        <a href={story.url}>{story.headline}</a>
      </h1>
      <p class="summary">{story.summary}</p>
      <Byline story={story} />
      <p class="read-more">
        <a href={story.url}>Read the full story</a>
      </p>
      </Row>
    </>
  );
}

function Story({ story }: { story: EditionStory }) {
  return (
    <table role="presentation" class="story" width="100%" cellPadding="0" cellSpacing="0">
      <tr>
        <td class="story-text">
          <StoryKind story={story} />
          <h3 class="story-headline">
            <a href={story.url}>{story.headline}</a>
          </h3>
          <p class="summary">{story.summary}</p>
          <Byline story={story} />
        </td>
        {story.image && (
          <td class="story-thumb" width={story.image.width}>
            <a href={story.url}>
              <img class="thumb" src={story.image.url} width={story.image.width} height={story.image.height} alt={story.image.alt} />
            </a>
          </td>
        )}
      </tr>
    </table>
  );
}

function Support({ site }: { site: Site }) {
  const { support } = site;
  if (!support) return null;
  return (
    <Row class="support">
      <h2 class="support-heading">{support.heading}</h2>
      <p class="support-text">{support.text}</p>
      <a class="button" href={support.url}>
        {support.label}
      </a>
    </Row>
  );
}

export function EditionEmail({ edition, css, unsubscribe }: EditionEmailProps) {
  const { site } = edition;
  return (
    <html lang={site.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <meta name="supported-color-schemes" content="light dark" />
        <title>{edition.subject}</title>
        <style dangerouslySetInnerHTML={{ __html: css }} />
      </head>
      <body class="body">
        <div class="preheader">{edition.preheader}</div>
        <table role="presentation" class="wrapper" width="100%" cellPadding="0" cellSpacing="0">
          <tr>
            <td class="wrapper-cell" align="center">
              <table role="presentation" class="container" width={EMAIL_WIDTH} cellPadding="0" cellSpacing="0">
                <Row class="topbar">
                  <a href={edition.webUrl}>View in your browser</a>
                </Row>
                <Row class="masthead">
                  <p class="masthead-name">
                    <a href={site.origin + site.pathPrefix}>{site.name}</a>
                  </p>
                  {site.tagline && <p class="masthead-tagline">{site.tagline}</p>}
                  <p class="masthead-date">Daily headlines · {edition.dateLabel}</p>
                </Row>
                {edition.note && (
                  <Row class="note">
                    {edition.note.paragraphs.map((paragraph) => (
                      <p class="note-text">{paragraph}</p>
                    ))}
                    {edition.note.signed && <p class="note-signed">— {edition.note.signed}</p>}
                  </Row>
                )}
                <LeadStory story={edition.lead} />
                {edition.sections.map((group) => (
                  <Row class="section">
                    <h2 class="section-heading">{group.section.title}</h2>
                    {group.stories.map((story) => (
                      <Story story={story} />
                    ))}
                  </Row>
                ))}
                <Support site={site} />
                <Row class="footer">
                  <p class="footer-text">
                    You are receiving {site.name}'s daily headlines because you signed up at{" "}
                    <a href={site.origin + site.pathPrefix}>{new URL(site.origin).host}</a>.
                  </p>
                  <p class="footer-text">
                    <a href={edition.webUrl}>Read this edition on the web</a>
                    {unsubscribe !== undefined && (
                      <>
                        {" · "}
                        <a href={unsubscribe}>Unsubscribe</a>
                      </>
                    )}
                  </p>
                  <p class="footer-text">© {edition.day.slice(0, 4)} {site.copyright ?? site.name}</p>
                </Row>
              </table>
            </td>
          </tr>
        </table>
      </body>
    </html>
  );
}
