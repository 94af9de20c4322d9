import type { Site } from "../src/site/site.ts";
import { siteUrl } from "../src/site/site.ts";

/** Interface text (English; the message catalogue takes these over). */
const TEXT = {
  region: "Breaking news",
  label: "Breaking",
} as const;

/** The site-wide banner while a story marked `breaking` is inside its window: a labelled link to it. */
export function BreakingBanner({ breaking, site, current }: { breaking: { headline: string; path: string }; site: Site; current: boolean }) {
  return (
    <aside class="breaking" aria-label={TEXT.region}>
      <p class="breaking__inner">
        <strong class="breaking__label">{TEXT.label}</strong>{" "}
        <a class="breaking__link" href={siteUrl(site, breaking.path)} aria-current={current ? "page" : undefined}>
          {breaking.headline}
        </a>
      </p>
    </aside>
  );
}
