import type { Teaser as TeaserData } from "../src/content/types.ts";
import type { Site } from "../src/site/site.ts";
import { Teaser } from "./Teaser.tsx";

/** A list of article teasers, newest first. */
export function ArticleList({ teasers, site, headingLevel = 2, variant = "standard" }: { teasers: readonly TeaserData[]; site: Site; headingLevel?: 2 | 3; variant?: "standard" | "compact" }) {
  return (
    <ol class="article-list">
      {teasers.map((teaser) => (
        <li>
          <Teaser teaser={teaser} site={site} headingLevel={headingLevel} variant={variant} />
        </li>
      ))}
    </ol>
  );
}
