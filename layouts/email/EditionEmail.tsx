// A newsletter edition as an email: presentation tables that every client lays out (Outlook's Word
// engine through ghost tables in MSO conditional comments), a story row that puts its thumbnail
// beside the text at 600 px and under it on a phone without any media query, and classes only:
// src/edition/email.ts inlines the stylesheet, so nothing but the optional dark mode needs <style>.
import type { ComponentChildren } from "preact";
import type { Edition, EditionStory } from "../../src/edition/model.ts";
import { EMAIL_WIDTH, THUMBNAIL_WIDTH } from "../../src/edition/model.ts";
import type { Site } from "../../src/site/site.ts";
import { localeOf, type Locale } from "../../src/i18n/index.ts";
import { EMAIL_COLOURS } from "../../src/edition/email-css.ts";
import { storyLabelText } from "../../src/site/story-types.ts";

export interface EditionEmailProps {
  edition: Edition;
  /** The stylesheet juice inlines (our own constant, never editor text). */
  css: string;
  /** The provider's unsubscribe placeholder, or undefined when the provider adds its own footer. */
  unsubscribe?: string | undefined;
}

declare module "preact" {
  // Preact declares its JSX types in a namespace: adding an element to them takes one.
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      /** Replaced by an MSO conditional comment before the email is written (src/edition/email.ts). */
      "dateline-mso": { "data-html": string };
    }
  }
}

/** HTML attributes mail clients still read (`bgcolor`, `align` on tables) that Preact's types leave out. */
function legacy(attributes: Record<string, string>): object {
  return attributes;
}

/** Gutter of the 600 px column, and what is left of it for a story's text beside its thumbnail. */
const GUTTER = 24;
const THUMB_GAP = 16;
const STORY_TEXT_WIDTH = EMAIL_WIDTH - 2 * GUTTER - THUMBNAIL_WIDTH - THUMB_GAP;

/**
 * Markup only Outlook for Windows reads: src/edition/email.ts turns this element into
 * `<!--[if mso]>…<![endif]-->`. `html` is always our own constant markup, never editor text.
 */
function Mso({ html }: { html: string }) {
  return <dateline-mso data-html={html}></dateline-mso>;
}

/** One cell of a full-width presentation table: the building block of every row. */
function Row({ class: className, dir, children }: { class: string; dir: Locale["direction"]; children: ComponentChildren }) {
  return (
    <tr>
      <td class={`cell ${className}`} dir={dir}>
        {children}
      </td>
    </tr>
  );
}

function Byline({ story, locale }: { story: EditionStory; locale: Locale }) {
  return story.byline === "" ? null : <p class="byline">{locale.t("article.byline", { names: story.byline })}</p>;
}

/** An opinion, analysis, review or sponsored story says so in the email too, as text (issue 18). */
function StoryKind({ story, locale }: { story: EditionStory; locale: Locale }) {
  const label = storyLabelText(story.type, story.sponsor, locale);
  return label ? <p class="story-kind">{label}</p> : null;
}

function LeadStory({ story, locale }: { story: EditionStory; locale: Locale }) {
  return (
    <>
      {story.image && (
        <Row class="lead-photo" dir={locale.direction}>
          <a href={story.url}>
            <img class="lead-image" src={story.image.url} width={story.image.width} height={story.image.height} alt={story.image.alt} />
          </a>
        </Row>
      )}
      <Row class="lead" dir={locale.direction}>
        <p class="kicker">{story.section.title}</p>
        <StoryKind story={story} locale={locale} />
        <h1 class="lead-headline">
          <a href={story.url}>{story.headline}</a>
        </h1>
        <p class="summary">{story.summary}</p>
        <Byline story={story} locale={locale} />
        <p class="read-more">
          <a href={story.url}>{locale.t("email.readMore")}</a>
        </p>
      </Row>
    </>
  );
}

/** A story: its text, and its thumbnail beside it where there is room (under it on a narrow screen). */
function Story({ story, locale }: { story: EditionStory; locale: Locale }) {
  const { image } = story;
  const side = locale.direction === "rtl" ? "right" : "left";
  return (
    <div class="story" dir={locale.direction}>
      {image && <Mso html={`<table role="presentation" width="${EMAIL_WIDTH - 2 * GUTTER}" cellpadding="0" cellspacing="0" dir="${locale.direction}"><tr><td width="${STORY_TEXT_WIDTH}" valign="top">`} />}
      <div class={image ? "story-text" : "story-text story-text--wide"}>
        <StoryKind story={story} locale={locale} />
        <h3 class="story-headline">
          <a href={story.url}>{story.headline}</a>
        </h3>
        <p class="summary">{story.summary}</p>
        <Byline story={story} locale={locale} />
      </div>
      {image && <Mso html={`</td><td width="${THUMBNAIL_WIDTH}" valign="top" style="padding-${side}:${THUMB_GAP}px">`} />}
      {image && (
        <div class="story-thumb">
          <a href={story.url}>
            <img class="thumb" src={image.url} width={image.width} height={image.height} alt={image.alt} />
          </a>
        </div>
      )}
      {image && <Mso html="</td></tr></table>" />}
    </div>
  );
}

function Support({ site, locale }: { site: Site; locale: Locale }) {
  const { support } = site;
  if (!support) return null;
  return (
    <Row class="support" dir={locale.direction}>
      <h2 class="support-heading">{support.heading}</h2>
      <p class="support-text">{support.text}</p>
      <table role="presentation" class="button-table" cellPadding="0" cellSpacing="0" {...legacy({ align: "center" })}>
        <tr>
          <td class="button-cell" align="center" {...legacy({ bgcolor: EMAIL_COLOURS.accent })}>
            <a class="button" href={support.url}>
              {support.label}
            </a>
          </td>
        </tr>
      </table>
    </Row>
  );
}

export function EditionEmail({ edition, css, unsubscribe }: EditionEmailProps) {
  const { site, newsletter } = edition;
  const locale = localeOf(site.language);
  const dir = locale.direction;
  const home = site.origin + site.pathPrefix;
  return (
    <html lang={site.language} dir={dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="x-apple-disable-message-reformatting" />
        <meta name="color-scheme" content="light dark" />
        <meta name="supported-color-schemes" content="light dark" />
        <title>{edition.subject}</title>
        <style dangerouslySetInnerHTML={{ __html: css }} />
      </head>
      <body class="body" dir={dir}>
        <div class="preheader">
          {edition.preheader}
          {/* Zero-width fillers keep the inbox preview from running on into the masthead. */}
          {"\u200C\u00A0".repeat(30)}
        </div>
        <table role="presentation" class="wrapper" width="100%" cellPadding="0" cellSpacing="0" dir={dir} {...legacy({ bgcolor: EMAIL_COLOURS.page })}>
          <tr>
            <td class="wrapper-cell" align="center">
              <Mso html={`<table role="presentation" width="${EMAIL_WIDTH}" align="center" cellpadding="0" cellspacing="0"><tr><td>`} />
              <table role="presentation" class="container" width={EMAIL_WIDTH} cellPadding="0" cellSpacing="0" dir={dir} {...legacy({ bgcolor: EMAIL_COLOURS.paper })}>
                <Row class="topbar" dir={dir}>
                  <a href={edition.webUrl}>{locale.t("email.viewInBrowser")}</a>
                </Row>
                <Row class="masthead" dir={dir}>
                  <p class="masthead-name">
                    <a href={home}>{site.name}</a>
                  </p>
                  {site.tagline && <p class="masthead-tagline">{site.tagline}</p>}
                  <p class="masthead-date">{locale.t("email.masthead", { newsletter: newsletter.name, date: edition.dateLabel })}</p>
                </Row>
                {edition.note && (
                  <Row class="note" dir={dir}>
                    {edition.note.paragraphs.map((paragraph) => (
                      <p class="note-text">{paragraph}</p>
                    ))}
                    {edition.note.signed && <p class="note-signed">— {edition.note.signed}</p>}
                  </Row>
                )}
                <LeadStory story={edition.lead} locale={locale} />
                {edition.sections.map((group) => (
                  <Row class="section" dir={dir}>
                    <h2 class="section-heading">{group.section.title}</h2>
                    {group.stories.map((story) => (
                      <Story story={story} locale={locale} />
                    ))}
                  </Row>
                ))}
                <Support site={site} locale={locale} />
                <Row class="footer" dir={dir}>
                  <p class="footer-text">
                    {locale.parts("email.reason", { newsletter: newsletter.name, site: site.name, host: <a href={home}>{new URL(site.origin).host}</a> })}
                  </p>
                  <p class="footer-text">
                    <a href={edition.webUrl}>{locale.t("email.webVersion")}</a>
                    {unsubscribe !== undefined && (
                      <>
                        {" · "}
                        <a href={unsubscribe}>{locale.t("email.unsubscribe")}</a>
                      </>
                    )}
                  </p>
                  <p class="footer-text">{locale.t("footer.copyright", { year: locale.integer(Number(edition.day.slice(0, 4))), holder: site.copyright ?? site.name })}</p>
                </Row>
              </table>
              <Mso html="</td></tr></table>" />
            </td>
          </tr>
        </table>
      </body>
    </html>
  );
}
