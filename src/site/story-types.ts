// What each kind of story is called: the label above its headline and on its teasers, and its
// schema.org type. A news story carries no label; readers are told when a story is something else.
import type { StoryType } from "../content/schema.ts";

/** Interface text (English; the message catalogue takes these over). */
export const STORY_TYPE_TEXT = {
  analysis: "Analysis",
  opinion: "Opinion",
  review: "Review",
  sponsored: "Sponsored content",
  /** After the sponsored label: "Sponsored content — by Lakeshore Credit Union". */
  sponsoredBy: "by",
} as const;

/** schema.org's type for each kind of story (Google reads all of them as articles). */
export const STORY_SCHEMA_TYPES: Record<StoryType, string> = {
  news: "NewsArticle",
  analysis: "AnalysisNewsArticle",
  opinion: "OpinionNewsArticle",
  review: "ReviewNewsArticle",
  sponsored: "AdvertiserContentArticle",
};

/** The label a story carries, or undefined for news. */
export function storyLabel(type: StoryType): string | undefined {
  return type === "news" ? undefined : STORY_TYPE_TEXT[type];
}
