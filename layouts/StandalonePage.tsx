import type { StandalonePage as StandalonePageData } from "../src/content/types.ts";
import type { Site } from "../src/site/site.ts";
import { Time } from "./Timestamps.tsx";
import { localeOf } from "../src/i18n/index.ts";

/** A standalone page: its title, its Markdown body (the only raw HTML), and when it last changed. */
export function StandalonePage({ page, site }: { page: StandalonePageData; site: Site }) {
  return (
    <article class="standalone">
      <h1 class="standalone__title">{page.title}</h1>
      <div class="article__body standalone__body" dangerouslySetInnerHTML={{ __html: page.body.rendered.html }} />
      {page.updated && (
        <p class="standalone__updated">
          {localeOf(site.language).parts("standalone.updated", { time: <Time moment={page.updated} site={site} /> })}
        </p>
      )}
    </article>
  );
}
