import type { StoryType } from "../src/content/schema.ts";
import { storyLabel, STORY_TYPE_TEXT } from "../src/site/story-types.ts";

/**
 * What kind of story this is, as text (Analysis, Opinion, Review, Sponsored content — by <sponsor>);
 * nothing for news. On the article page the sponsor links to its site, marked sponsored.
 */
export function StoryLabel({ type, sponsor, class: className }: { type: StoryType; sponsor?: { name: string; url?: string | undefined } | string | undefined; class: string }) {
  const label = storyLabel(type);
  if (!label) return null;
  const name = typeof sponsor === "string" ? sponsor : sponsor?.name;
  const url = typeof sponsor === "string" ? undefined : sponsor?.url;
  return (
    <p class={`story-label story-label--${type} ${className}`}>
      {label}
      {type === "sponsored" && name && (
        <>
          {" — "}
          {STORY_TYPE_TEXT.sponsoredBy}{" "}
          {url ? (
            <a href={url} rel="sponsored noopener">
              {name}
            </a>
          ) : (
            name
          )}
        </>
      )}
    </p>
  );
}
