// The edition email's stylesheet, written for mail clients: juice inlines every rule but the dark-mode
// query (src/edition/email.ts), so the message reads the same where a client strips <style>. Only
// properties the major clients support carry the layout; no overflow-wrap, table-layout or position.
// A right-to-left language gets the same sheet mirrored: clients do not support logical properties.

const SERIF = "Georgia, 'Times New Roman', Times, serif";
const SANS = "-apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/** The light palette, also what Gmail's own dark-mode inversion starts from. */
export const EMAIL_COLOURS = { page: "#f4f2ed", paper: "#ffffff", panel: "#faf8f3", text: "#1b1b1b", body: "#333333", muted: "#5b5b5b", accent: "#b0131d", link: "#0b4f94", rule: "#dcd8cf", hairline: "#ebe8e1" } as const;

export function emailCss(direction: "ltr" | "rtl"): string {
  const start = direction === "rtl" ? "right" : "left";
  const end = direction === "rtl" ? "left" : "right";
  // Tracking pulls joined Arabic letters apart.
  const track = (amount: string) => (direction === "rtl" ? "0" : amount);
  const c = EMAIL_COLOURS;
  return `
body, .body { margin: 0; padding: 0; width: 100%; background-color: ${c.page}; color: ${c.text}; -webkit-text-size-adjust: 100%; }
.preheader { display: none; max-height: 0; max-width: 0; overflow: hidden; opacity: 0; mso-hide: all; font-size: 1px; line-height: 1px; color: ${c.page}; }
.wrapper { width: 100%; background-color: ${c.page}; }
.wrapper-cell { padding: 0; }
.container { width: 100%; max-width: 600px; background-color: ${c.paper}; }
.cell { text-align: ${start}; }
.topbar { padding: 10px 24px; background-color: ${c.page}; font: 12px/1.4 ${SANS}; text-align: ${end}; color: ${c.muted}; }
.topbar a { color: ${c.muted}; }
.masthead { padding: 28px 24px 18px; border-bottom: 3px double ${c.text}; text-align: center; }
.masthead-name { margin: 0; font: 700 34px/1.1 ${SERIF}; letter-spacing: ${track("-0.01em")}; }
.masthead-name a { color: ${c.text}; text-decoration: none; }
.masthead-tagline { margin: 6px 0 0; font: 15px/1.4 ${SERIF}; color: ${c.muted}; }
.masthead-date { margin: 14px 0 0; font: 700 12px/1.4 ${SANS}; letter-spacing: ${track("0.08em")}; text-transform: uppercase; color: ${c.accent}; }
.note { padding: 20px 24px; background-color: ${c.panel}; border-bottom: 1px solid ${c.rule}; text-align: ${start}; }
.note-text { margin: 0 0 10px; font: 17px/1.55 ${SERIF}; color: ${c.text}; }
.note-signed { margin: 0; font: 14px/1.4 ${SANS}; color: ${c.muted}; }
.lead-photo { padding: 0; background-color: ${c.hairline}; }
.lead-image { display: block; width: 100%; max-width: 600px; height: auto; border: 0; font: 15px/1.4 ${SANS}; color: ${c.muted}; }
.lead { padding: 20px 24px 22px; border-bottom: 1px solid ${c.rule}; text-align: ${start}; }
.story-kind { margin: 0 0 4px; font: 700 11px/1.3 ${SANS}; letter-spacing: ${track("0.08em")}; text-transform: uppercase; color: ${c.text}; }
.kicker { margin: 0 0 6px; font: 700 12px/1.3 ${SANS}; letter-spacing: ${track("0.08em")}; text-transform: uppercase; color: ${c.accent}; }
.lead-headline { margin: 0 0 10px; font: 700 28px/1.2 ${SERIF}; word-break: break-word; }
.lead-headline a, .story-headline a { color: ${c.text}; text-decoration: none; }
.summary { margin: 0 0 8px; font: 17px/1.5 ${SERIF}; color: ${c.body}; word-break: break-word; }
.byline { margin: 0; font: 13px/1.4 ${SANS}; color: ${c.muted}; }
.read-more { margin: 14px 0 0; font: 700 14px/1.4 ${SANS}; }
.read-more a { color: ${c.link}; }
.section { padding: 22px 24px 6px; border-bottom: 1px solid ${c.rule}; text-align: ${start}; }
.section-heading { margin: 0; padding: 0 0 6px; border-bottom: 2px solid ${c.text}; font: 700 13px/1.3 ${SANS}; letter-spacing: ${track("0.1em")}; text-transform: uppercase; color: ${c.text}; }
.story { padding: 14px 0 16px; border-bottom: 1px solid ${c.hairline}; font-size: 0; text-align: ${start}; }
.story-text { display: inline-block; width: 100%; max-width: 416px; vertical-align: top; font-size: 16px; text-align: ${start}; }
.story-text--wide { max-width: 552px; }
.story-thumb { display: inline-block; width: 120px; padding-${start}: 16px; vertical-align: top; font-size: 16px; text-align: ${start}; }
.thumb { display: block; width: 120px; height: auto; border: 0; background-color: ${c.hairline}; font: 12px/1.3 ${SANS}; color: ${c.muted}; }
.story-headline { margin: 0 0 6px; font: 700 20px/1.25 ${SERIF}; word-break: break-word; }
.support { padding: 26px 24px 28px; background-color: ${c.panel}; text-align: center; }
.support-heading { margin: 0 0 8px; font: 700 21px/1.3 ${SERIF}; color: ${c.text}; }
.support-text { margin: 0 0 18px; font: 16px/1.5 ${SERIF}; color: ${c.body}; }
.button-cell { background-color: ${c.accent}; border-radius: 4px; mso-padding-alt: 12px 24px; }
.button { display: inline-block; padding: 12px 24px; color: #ffffff; font: 700 15px/1.2 ${SANS}; text-decoration: none; }
.footer { padding: 22px 24px 30px; background-color: ${c.page}; text-align: center; }
.footer-text { margin: 0 0 8px; font: 12px/1.5 ${SANS}; color: ${c.muted}; }
.footer-text a { color: ${c.muted}; }
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
  .note, .lead, .section, .story { border-color: #3b3a38 !important; }
}
`;
}
