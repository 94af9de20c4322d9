import type { StoryType } from "../src/content/schema.ts";
import type { Site } from "../src/site/site.ts";
import { storyLabel } from "../src/site/story-types.ts";
import { localeOf } from "../src/i18n/index.ts";

/**
 * What kind of story this is, as text (Analysis, Opinion, Review, Sponsored content — by <sponsor>)
 * in the site's language; nothing for news. On the article page the sponsor links to its site, marked sponsored.
 */
export function StoryLabel({ type, sponsor, site, class: className }: { type: StoryType; sponsor?: { name: string; url?: string | undefined } | string | undefined; site: Site; class: string }) {
  const locale = localeOf(site.language);
  const label = storyLabel(type, locale);
  if (!label) return null;
  const name = typeof sponsor === "string" ? sponsor : sponsor?.name;
  const url = typeof sponsor === "string" ? undefined : sponsor?.url;
  const credit = url ? (
    <a href={url} rel="sponsored noopener">
      {name}
    </a>
  ) : (
    name
  );
  return (
    <p class={`story-label story-label--${type} ${className}`}>
      {label}
      {type === "sponsored" && name && (
        <>
          {" "}
          {locale.parts("story.sponsoredBy", { sponsor: credit })}
        </>
      )}
    </p>
  );
}
