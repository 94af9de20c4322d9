import type { Correction } from "../src/content/types.ts";
import type { Site } from "../src/site/site.ts";
import { siteUrl } from "../src/site/site.ts";
import { Time } from "./Timestamps.tsx";
import { localeOf } from "../src/i18n/index.ts";

/** Corrections as a labelled note, each with its date and an anchor the corrections log links to. */
export function Corrections({ corrections, site }: { corrections: Correction[]; site: Site }) {
  if (corrections.length === 0) return null;
  const locale = localeOf(site.language);
  return (
    <aside class="corrections" aria-labelledby="corrections-heading">
      <h2 id="corrections-heading">{locale.plural("article.corrections", corrections.length)}</h2>
      <ul>
        {corrections.map((correction) => (
          <li id={correction.id}>
            <Time moment={correction.date} site={site} />: {correction.text}
          </li>
        ))}
      </ul>
      <p class="corrections__log">
        <a href={siteUrl(site, "/corrections/")}>{locale.t("corrections.all")}</a>
      </p>
    </aside>
  );
}
