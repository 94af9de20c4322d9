// What each kind of story is called: the label above its headline and on its teasers, and its
// schema.org type. A news story carries no label; readers are told when a story is something else.
import type { StoryType } from "../content/schema.ts";
import type { Locale, TextKey } from "../i18n/index.ts";

/** Each labelled kind's text in the catalogues. */
const LABEL_KEYS: Record<Exclude<StoryType, "news">, TextKey> = {
  analysis: "story.analysis",
  opinion: "story.opinion",
  review: "story.review",
  sponsored: "story.sponsored",
};

/** schema.org's type for each kind of story (Google reads all of them as articles). */
export const STORY_SCHEMA_TYPES: Record<StoryType, string> = {
  news: "NewsArticle",
  analysis: "AnalysisNewsArticle",
  opinion: "OpinionNewsArticle",
  review: "ReviewNewsArticle",
  sponsored: "AdvertiserContentArticle",
};

/** The label a story carries in the site's language, or undefined for news. */
export function storyLabel(type: StoryType, locale: Locale): string | undefined {
  return type === "news" ? undefined : locale.t(LABEL_KEYS[type]);
}

/** The label as plain text, with its sponsor when it has one: "Sponsored content — by Lakeshore Credit Union". */
export function storyLabelText(type: StoryType, sponsor: string | undefined, locale: Locale): string | undefined {
  const label = storyLabel(type, locale);
  return label && type === "sponsored" && sponsor ? `${label} ${locale.t("story.sponsoredBy", { sponsor })}` : label;
}
