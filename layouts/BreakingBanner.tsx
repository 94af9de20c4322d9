import type { Site } from "../src/site/site.ts";
import { siteUrl } from "../src/site/site.ts";
import { localeOf } from "../src/i18n/index.ts";

/** The site-wide banner while a story marked `breaking` is inside its window: a labelled link to it. */
export function BreakingBanner({ breaking, site, current }: { breaking: { headline: string; path: string }; site: Site; current: boolean }) {
  const locale = localeOf(site.language);
  return (
    <aside class="breaking" aria-label={locale.t("breaking.region")}>
      <p class="breaking__inner">
        <strong class="breaking__label">{locale.t("breaking.label")}</strong>{" "}
        <a class="breaking__link" href={siteUrl(site, breaking.path)} aria-current={current ? "page" : undefined}>
          {breaking.headline}
        </a>
      </p>
    </aside>
  );
}
