// Prints an edition as email HTML: the TSX layout with its stylesheet inlined by juice (mail clients
// drop <style> blocks and external CSS), Outlook's conditional comments put in, template syntax made
// inert, and the provider's unsubscribe tag placed last.
import { h } from "preact";
import juice from "juice";
import type { NewsletterSettings } from "../content/schema.ts";
import { renderDocument } from "../render/components.ts";
import { EditionEmail } from "../../layouts/email/EditionEmail.tsx";
import { localeOf } from "../i18n/index.ts";
import { emailCss } from "./email-css.ts";
import { renderEmailText } from "./email-text.ts";
import type { Edition } from "./model.ts";

export { renderEmailText, wrapText } from "./email-text.ts";

/** Gmail clips a message larger than about 102 KB: an edition stays under this. */
export const MAX_EMAIL_BYTES = 100 * 1024;

/**
 * The unsubscribe link each provider replaces when it sends: Buttondown's and listmonk's template
 * tags, Mailchimp's merge tag. A generic provider has none: the caller may pass its own.
 */
export function unsubscribePlaceholder(newsletter: NewsletterSettings): string | undefined {
  switch (newsletter.provider) {
    case "buttondown":
      return "{{ unsubscribe_url }}";
    case "mailchimp":
      return "*|UNSUB|*";
    case "listmonk":
      return "{{ UnsubscribeURL }}";
    default:
      return undefined;
  }
}

// A link target no real message contains: the placeholder replaces it after inlining, so that the
// template-syntax guard below never touches the one template tag we mean.
const UNSUBSCRIBE_SENTINEL = "https://unsubscribe.dateline.invalid/";

/**
 * Providers run a template language over the message (Buttondown and listmonk `{{ }}`, Mailchimp
 * `*|TAG|*`): a headline containing one would be executed. Outside the <style> block every brace and
 * bar becomes a character reference, which the template engines do not see and browsers show as typed.
 */
export function neutralizeTemplateSyntax(html: string): string {
  return html
    .split(/(<style[^>]*>[\s\S]*?<\/style>)/i)
    .map((part, index) => (index % 2 === 1 ? part : part.replace(/[{}|]/g, (char) => `&#${char.charCodeAt(0)};`)))
    .join("");
}

/** Outlook for Windows renders at 96 dpi only when told: without this its images and tables scale at 120 dpi. */
const MSO_HEAD = "<!--[if mso]><noscript><xml><o:OfficeDocumentSettings><o:PixelsPerInch>96</o:PixelsPerInch></o:OfficeDocumentSettings></xml></noscript><![endif]-->";

const ENTITIES: Record<string, string> = { "&amp;": "&", "&quot;": '"', "&lt;": "<", "&gt;": ">", "&#39;": "'" };

/** The layout's `<dateline-mso>` markers as Outlook-only conditional comments; their markup is our own constant. */
export function insertMsoComments(html: string): string {
  return html
    .replace(/<dateline-mso data-html="([^"]*)"><\/dateline-mso>/g, (_marker, markup: string) => `<!--[if mso]>${markup.replace(/&(?:amp|quot|lt|gt|#39);/g, (entity) => ENTITIES[entity] ?? entity)}<![endif]-->`)
    .replace("</head>", `${MSO_HEAD}</head>`);
}

/** The email's HTML: one document, styles inlined, `unsubscribe` as the provider's placeholder. */
export function renderEmailHtml(edition: Edition, unsubscribe?: string): string {
  const css = emailCss(localeOf(edition.site.language).direction);
  const html = renderDocument(h(EditionEmail, { edition, css, unsubscribe: unsubscribe === undefined ? undefined : UNSUBSCRIBE_SENTINEL }));
  const inlined = juice(html, { removeStyleTags: true, preserveMediaQueries: true, preserveImportant: true, applyWidthAttributes: false, applyHeightAttributes: false });
  const safe = neutralizeTemplateSyntax(insertMsoComments(inlined));
  return unsubscribe === undefined ? safe : safe.replace(UNSUBSCRIBE_SENTINEL, unsubscribe.replace(/&/g, "&amp;").replace(/"/g, "&quot;"));
}

/** Both parts of an edition's email. */
export function renderEmail(edition: Edition, unsubscribe?: string): { html: string; text: string } {
  return { html: renderEmailHtml(edition, unsubscribe), text: renderEmailText(edition, unsubscribe) };
}
