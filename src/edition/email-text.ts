// The plain-text part of an edition's email: the same stories as the HTML, in the site's language,
// wrapped at 72 columns, every link a numbered footnote.
import { localeOf } from "../i18n/index.ts";
import type { Edition, EditionStory } from "./model.ts";
import { storyLabelText } from "../site/story-types.ts";

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

/** The plain-text part: story labels, headlines, summaries and bylines, each link a numbered footnote. */
export function renderEmailText(edition: Edition, unsubscribe?: string): string {
  const { site, newsletter } = edition;
  const locale = localeOf(site.language);
  const links: string[] = [];
  const cite = (url: string) => {
    const index = links.indexOf(url);
    if (index >= 0) return `[${index + 1}]`;
    links.push(url);
    return `[${links.length}]`;
  };
  // An opinion, analysis, review or sponsored story says so above its headline, as the HTML part does.
  const story = (item: EditionStory) =>
    [wrapText(storyLabelText(item.type, item.sponsor, locale) ?? ""), wrapText(`${item.headline} ${cite(item.url)}`), wrapText(item.summary), item.byline === "" ? "" : locale.t("article.byline", { names: item.byline })]
      .filter((line) => line !== "")
      .join("\n");
  const heading = (text: string) => `${text.toLocaleUpperCase(site.language)}\n${"-".repeat(Math.min(text.length, TEXT_WIDTH))}`;
  const blocks: string[] = [
    [site.name.toLocaleUpperCase(site.language), locale.t("email.masthead", { newsletter: newsletter.name, date: edition.dateLabel }), locale.t("email.readOnWeb", { url: edition.webUrl })].join("\n"),
  ];
  if (edition.note) blocks.push([...edition.note.paragraphs.map((p) => wrapText(p)), ...(edition.note.signed ? [`— ${edition.note.signed}`] : [])].join("\n\n"));
  blocks.push(`${heading(locale.t("email.topStory", { section: edition.lead.section.title }))}\n\n${story(edition.lead)}`);
  for (const group of edition.sections) blocks.push(`${heading(group.section.title)}\n\n${group.stories.map(story).join("\n\n")}`);
  if (site.support) blocks.push(`${heading(site.support.heading)}\n\n${wrapText(site.support.text)}\n${site.support.label} ${cite(site.support.url)}`);
  const footer = [locale.t("email.reason", { newsletter: newsletter.name, site: site.name, host: new URL(site.origin).host })];
  if (unsubscribe !== undefined) footer.push(locale.t("email.unsubscribeAt", { url: unsubscribe }));
  blocks.push(footer.map((line) => wrapText(line)).join("\n"));
  blocks.push(`${locale.t("email.links")}\n${links.map((url, index) => `[${index + 1}] ${url}`).join("\n")}`);
  return `${blocks.join("\n\n")}\n`;
}
