// Prints an edition as email: HTML from the TSX layout with its stylesheet inlined by juice (mail
// clients drop <style> blocks and external CSS), and a plain-text part with links as footnotes.
import { h } from "preact";
import juice from "juice";
import type { NewsletterSettings } from "../content/schema.ts";
import { renderDocument } from "../render/components.ts";
import { EditionEmail } from "../../layouts/email/EditionEmail.tsx";
import type { Edition, EditionStory } from "./model.ts";

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

const SERIF = "Georgia, 'Times New Roman', Times, serif";
const SANS = "-apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/**
 * The email's stylesheet. Everything but the dark-mode query is inlined; that query stays in one
 * <style> block, which Apple Mail, iOS Mail and Outlook.com honour and Gmail drops (it then applies
 * its own inversion to the light colours, which are chosen to survive it).
 */
export const EMAIL_CSS = `
body, .body { margin: 0; padding: 0; width: 100%; background-color: #f4f2ed; color: #1b1b1b; -webkit-text-size-adjust: 100%; }
.preheader { display: none; max-height: 0; max-width: 0; overflow: hidden; opacity: 0; mso-hide: all; font-size: 1px; line-height: 1px; color: #f4f2ed; }
.wrapper { width: 100%; background-color: #f4f2ed; border-collapse: collapse; }
.wrapper-cell { padding: 0; }
.container { width: 100%; max-width: 600px; table-layout: fixed; background-color: #ffffff; border-collapse: collapse; }
.topbar { padding: 10px 24px; background-color: #f4f2ed; font: 12px/1.4 ${SANS}; text-align: right; color: #5b5b5b; }
.topbar a { color: #5b5b5b; }
.masthead { padding: 28px 24px 18px; border-bottom: 3px double #1b1b1b; text-align: center; }
.masthead-name { margin: 0; font: 700 34px/1.1 ${SERIF}; letter-spacing: -0.01em; }
.masthead-name a { color: #1b1b1b; text-decoration: none; }
.masthead-tagline { margin: 6px 0 0; font: italic 15px/1.4 ${SERIF}; color: #5b5b5b; }
.masthead-date { margin: 14px 0 0; font: 700 12px/1.4 ${SANS}; letter-spacing: 0.08em; text-transform: uppercase; color: #b0131d; }
.note { padding: 20px 24px; background-color: #faf8f3; border-bottom: 1px solid #dcd8cf; }
.note-text { margin: 0 0 10px; font: italic 17px/1.55 ${SERIF}; color: #1b1b1b; }
.note-signed { margin: 0; font: 14px/1.4 ${SANS}; color: #5b5b5b; }
.lead-photo { padding: 0; }
.lead-image { display: block; width: 100%; max-width: 600px; height: auto; border: 0; }
.lead { padding: 20px 24px 22px; border-bottom: 1px solid #dcd8cf; }
.story-kind { margin: 0 0 4px; font: 700 11px/1.3 ${SANS}; letter-spacing: 0.08em; text-transform: uppercase; color: #1b1b1b; }
.kicker { margin: 0 0 6px; font: 700 12px/1.3 ${SANS}; letter-spacing: 0.08em; text-transform: uppercase; color: #b0131d; }
.lead-headline { margin: 0 0 10px; font: 700 28px/1.2 ${SERIF}; overflow-wrap: anywhere; word-break: break-word; }
.lead-headline a, .story-headline a { color: #1b1b1b; text-decoration: none; }
.summary { margin: 0 0 8px; font: 17px/1.5 ${SERIF}; color: #333333; overflow-wrap: anywhere; word-break: break-word; }
.byline { margin: 0; font: 13px/1.4 ${SANS}; color: #5b5b5b; }
.read-more { margin: 14px 0 0; font: 700 14px/1.4 ${SANS}; }
.read-more a { color: #0b4f94; }
.section { padding: 22px 24px 6px; border-bottom: 1px solid #dcd8cf; }
.section-heading { margin: 0; padding: 0 0 6px; border-bottom: 2px solid #1b1b1b; font: 700 13px/1.3 ${SANS}; letter-spacing: 0.1em; text-transform: uppercase; color: #1b1b1b; }
.story { width: 100%; table-layout: fixed; border-collapse: collapse; }
.story-text { padding: 14px 0 16px; vertical-align: top; border-bottom: 1px solid #ebe8e1; }
.story-thumb { width: 120px; padding: 16px 0 16px 16px; vertical-align: top; border-bottom: 1px solid #ebe8e1; }
.thumb { display: block; width: 120px; height: auto; border: 0; }
.story-headline { margin: 0 0 6px; font: 700 20px/1.25 ${SERIF}; overflow-wrap: anywhere; word-break: break-word; }
.support { padding: 26px 24px 28px; background-color: #faf8f3; text-align: center; }
.support-heading { margin: 0 0 8px; font: 700 21px/1.3 ${SERIF}; color: #1b1b1b; }
.support-text { margin: 0 0 18px; font: 16px/1.5 ${SERIF}; color: #333333; }
.button { display: inline-block; padding: 12px 24px; border-radius: 4px; background-color: #b0131d; color: #ffffff; font: 700 15px/1.2 ${SANS}; text-decoration: none; }
.footer { padding: 22px 24px 30px; background-color: #f4f2ed; text-align: center; }
.footer-text { margin: 0 0 8px; font: 12px/1.5 ${SANS}; color: #5b5b5b; }
.footer-text a { color: #5b5b5b; }
@media (prefers-color-scheme: dark) {
  .body, .wrapper, .topbar, .footer { background-color: #151515 !important; }
  .container, .masthead, .lead, .section { background-color: #1e1e1e !important; }
  .note, .support { background-color: #262523 !important; }
  .masthead-name a, .lead-headline a, .story-headline a, .section-heading, .note-text, .support-heading, .story-kind { color: #ebe9e4 !important; }
  .summary, .support-text { color: #d6d4cf !important; }
  .masthead-tagline, .byline, .note-signed, .topbar a, .footer-text, .footer-text a { color: #acaaa5 !important; }
  .kicker, .masthead-date { color: #ff857c !important; }
  .read-more a { color: #8fbcf5 !important; }
  .masthead, .section-heading { border-color: #ebe9e4 !important; }
  .note, .lead, .section, .story-text, .story-thumb { border-color: #3b3a38 !important; }
}
`;

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

/** The email's HTML: one document, styles inlined, `unsubscribe` as the provider's placeholder. */
export function renderEmailHtml(edition: Edition, unsubscribe?: string): string {
  const html = renderDocument(h(EditionEmail, { edition, css: EMAIL_CSS, unsubscribe: unsubscribe === undefined ? undefined : UNSUBSCRIBE_SENTINEL }));
  const inlined = juice(html, { removeStyleTags: true, preserveMediaQueries: true, preserveImportant: true, applyWidthAttributes: false, applyHeightAttributes: false });
  const safe = neutralizeTemplateSyntax(inlined);
  return unsubscribe === undefined ? safe : safe.replace(UNSUBSCRIBE_SENTINEL, unsubscribe.replace(/&/g, "&amp;").replace(/"/g, "&quot;"));
}

const TEXT_WIDTH = 72;

/** Wraps a paragraph at `width` columns, never breaking a word (a long URL stays whole). */
export function wrapText(text: string, width = TEXT_WIDTH, indent = ""): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    if (line !== "" && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  if (line !== "") lines.push(indent + line);
  return lines.join("\n");
}

/** The plain-text part: headlines, summaries and bylines, each link a numbered footnote. */
export function renderEmailText(edition: Edition, unsubscribe?: string): string {
  const { site } = edition;
  const links: string[] = [];
  const cite = (url: string) => {
    const index = links.indexOf(url);
    if (index >= 0) return `[${index + 1}]`;
    links.push(url);
    return `[${links.length}]`;
  };
  const story = (item: EditionStory) =>
    [wrapText(`${item.headline} ${cite(item.url)}`), wrapText(item.summary), item.byline === "" ? "" : `By ${item.byline}`].filter((line) => line !== "").join("\n");
  const heading = (text: string) => `${text.toUpperCase()}\n${"-".repeat(Math.min(text.length, TEXT_WIDTH))}`;
  const blocks: string[] = [
    `${site.name.toUpperCase()}\nDaily headlines · ${edition.dateLabel}\nRead on the web: ${edition.webUrl}`,
  ];
  if (edition.note) blocks.push([...edition.note.paragraphs.map((p) => wrapText(p)), ...(edition.note.signed ? [`— ${edition.note.signed}`] : [])].join("\n\n"));
  blocks.push(`${heading(`Top story · ${edition.lead.section.title}`)}\n\n${story(edition.lead)}`);
  for (const group of edition.sections) blocks.push(`${heading(group.section.title)}\n\n${group.stories.map(story).join("\n\n")}`);
  if (site.support) blocks.push(`${heading(site.support.heading)}\n\n${wrapText(site.support.text)}\n${site.support.label} ${cite(site.support.url)}`);
  const footer = [`You are receiving ${site.name}'s daily headlines because you signed up at ${new URL(site.origin).host}.`];
  if (unsubscribe !== undefined) footer.push(`Unsubscribe: ${unsubscribe}`);
  blocks.push(footer.map((line) => wrapText(line)).join("\n"));
  blocks.push(`Links\n${links.map((url, index) => `[${index + 1}] ${url}`).join("\n")}`);
  return `${blocks.join("\n\n")}\n`;
}

/** Both parts of an edition's email. */
export function renderEmail(edition: Edition, unsubscribe?: string): { html: string; text: string } {
  return { html: renderEmailHtml(edition, unsubscribe), text: renderEmailText(edition, unsubscribe) };
}

