// The yardstick for the edition email (issue 20): the same edition written in MJML, the email world's
// usual tool, compiled by the mjml package. A linter flags many of MJML's safe fallbacks too, so our
// email is held to "no worse than MJML", not to zero.
import mjml2html from "mjml";
import type { Edition, EditionStory } from "../../src/edition/model.ts";
import { localeOf } from "../../src/i18n/index.ts";

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function story(item: EditionStory, direction: "ltr" | "rtl"): string {
  const text = `<mj-column width="${item.image ? "75%" : "100%"}"><mj-text font-size="20px" font-weight="700"><a href="${escape(item.url)}" style="color:#1b1b1b;text-decoration:none">${escape(item.headline)}</a></mj-text><mj-text>${escape(item.summary)}</mj-text>${item.byline ? `<mj-text font-size="13px" color="#5b5b5b">${escape(item.byline)}</mj-text>` : ""}</mj-column>`;
  const thumb = item.image ? `<mj-column width="25%"><mj-image src="${escape(item.image.url)}" width="${item.image.width}px" height="${item.image.height}px" alt="${escape(item.image.alt)}" href="${escape(item.url)}" /></mj-column>` : "";
  return `<mj-section direction="${direction}" background-color="#ffffff" padding="0 12px">${text}${thumb}</mj-section>`;
}

/** The edition as MJML markup: preheader, masthead, note, lead with photo, sections, support, footer. */
export function mjmlMarkup(edition: Edition, unsubscribe?: string): string {
  const { site, newsletter } = edition;
  const locale = localeOf(site.language);
  const direction = locale.direction;
  const align = direction === "rtl" ? "right" : "left";
  const lead = edition.lead;
  return `<mjml lang="${escape(site.language)}" dir="${direction}">
<mj-head><mj-title>${escape(edition.subject)}</mj-title><mj-preview>${escape(edition.preheader)}</mj-preview>
<mj-attributes><mj-all font-family="Georgia, serif" /><mj-text align="${align}" color="#333333" font-size="17px" line-height="1.5" /></mj-attributes></mj-head>
<mj-body background-color="#f4f2ed" width="600px">
<mj-section><mj-column><mj-text align="${direction === "rtl" ? "left" : "right"}" font-size="12px"><a href="${escape(edition.webUrl)}">${escape(locale.t("email.viewInBrowser"))}</a></mj-text></mj-column></mj-section>
<mj-section background-color="#ffffff"><mj-column><mj-text align="center" font-size="34px" font-weight="700">${escape(site.name)}</mj-text>${site.tagline ? `<mj-text align="center">${escape(site.tagline)}</mj-text>` : ""}<mj-text align="center" color="#b0131d" font-size="12px">${escape(locale.t("email.masthead", { newsletter: newsletter.name, date: edition.dateLabel }))}</mj-text><mj-divider border-width="3px" border-style="double" border-color="#1b1b1b" /></mj-column></mj-section>
${edition.note ? `<mj-section background-color="#faf8f3"><mj-column>${edition.note.paragraphs.map((p) => `<mj-text>${escape(p)}</mj-text>`).join("")}${edition.note.signed ? `<mj-text>— ${escape(edition.note.signed)}</mj-text>` : ""}</mj-column></mj-section>` : ""}
<mj-section background-color="#ffffff" padding="0"><mj-column>${lead.image ? `<mj-image src="${escape(lead.image.url)}" width="600px" height="${lead.image.height}px" alt="${escape(lead.image.alt)}" href="${escape(lead.url)}" padding="0" />` : ""}<mj-text color="#b0131d" font-size="12px">${escape(lead.section.title)}</mj-text><mj-text font-size="28px" font-weight="700"><a href="${escape(lead.url)}" style="color:#1b1b1b;text-decoration:none">${escape(lead.headline)}</a></mj-text><mj-text>${escape(lead.summary)}</mj-text>${lead.byline ? `<mj-text font-size="13px">${escape(lead.byline)}</mj-text>` : ""}<mj-text><a href="${escape(lead.url)}">${escape(locale.t("email.readMore"))}</a></mj-text></mj-column></mj-section>
${edition.sections.map((group) => `<mj-section background-color="#ffffff"><mj-column><mj-text font-size="13px" font-weight="700">${escape(group.section.title)}</mj-text><mj-divider border-width="2px" border-color="#1b1b1b" /></mj-column></mj-section>${group.stories.map((item) => story(item, direction)).join("")}`).join("\n")}
${site.support ? `<mj-section background-color="#faf8f3"><mj-column><mj-text align="center" font-size="21px">${escape(site.support.heading)}</mj-text><mj-text align="center">${escape(site.support.text)}</mj-text><mj-button href="${escape(site.support.url)}" background-color="#b0131d">${escape(site.support.label)}</mj-button></mj-column></mj-section>` : ""}
<mj-section><mj-column><mj-text align="center" font-size="12px">${escape(locale.t("email.reason", { newsletter: newsletter.name, site: site.name, host: new URL(site.origin).host }))}</mj-text><mj-text align="center" font-size="12px"><a href="${escape(edition.webUrl)}">${escape(locale.t("email.webVersion"))}</a>${unsubscribe ? ` · <a href="${escape(unsubscribe)}">${escape(locale.t("email.unsubscribe"))}</a>` : ""}</mj-text></mj-column></mj-section>
</mj-body></mjml>`;
}

/** The edition as MJML compiles it, with MJML's own validation on (strict: a mistake here fails the test). */
export async function mjmlReference(edition: Edition, unsubscribe?: string): Promise<string> {
  const result = await mjml2html(mjmlMarkup(edition, unsubscribe), { validationLevel: "strict" });
  return result.html;
}
