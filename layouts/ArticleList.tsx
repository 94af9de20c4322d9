import type { Teaser as TeaserData } from "../src/content/types.ts";
import type { Site } from "../src/site/site.ts";
import { Teaser, type TeaserVariant } from "./Teaser.tsx";

interface ArticleListProps {
  teasers: readonly TeaserData[];
  site: Site;
  headingLevel?: 2 | 3;
  variant?: TeaserVariant;
  /** A modifier class for the list's layout (the front page's grids). */
  class?: string;
  /** Site path of the story the breaking-news banner points to, marked in its teaser. */
  breaking?: string | undefined;
}

/** A list of article teasers, in the order given. */
export function ArticleList({ teasers, site, headingLevel = 2, variant = "standard", class: className, breaking }: ArticleListProps) {
  return (
    <ol class={className ? `article-list ${className}` : "article-list"}>
      {teasers.map((teaser) => (
        <li>
          <Teaser teaser={teaser} site={site} headingLevel={headingLevel} variant={variant} breaking={teaser.path === breaking} />
        </li>
      ))}
    </ol>
  );
}
