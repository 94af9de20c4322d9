import type { ImageSet } from "../src/images/index.ts";
import { Picture } from "./Picture.tsx";
import type { Site } from "../src/site/site.ts";
import { localeOf } from "../src/i18n/index.ts";

export interface FigureProps {
  image: ImageSet;
  alt: string;
  caption: string;
  credit?: string | undefined;
  /** "lead" for the article's lead photo, "inline" for a figure in the body, "gallery" for a gallery's photo. */
  kind: "lead" | "inline" | "gallery";
  /** Load at once though not the lead (a gallery's first photo); others load lazily. */
  eager?: boolean;
  /** The site's language names the credit for screen readers. */
  site: Pick<Site, "language">;
}

/** Column width on wide screens is 44rem (see public/css/site.css). */
const SIZES = "(min-width: 48rem) 44rem, calc(100vw - 2rem)";

/**
 * A photo with its caption and, marked up apart, the photographer's credit. The credit is not story
 * text for the search index, as the byline is not: a result's excerpt never opens on "Name / Agency".
 */
export function Figure({ image, alt, caption, credit, kind, eager = false, site }: FigureProps) {
  return (
    <figure class={`figure figure--${kind}`}>
      <Picture image={image} alt={alt} sizes={SIZES} priority={kind === "lead"} eager={eager} />
      <figcaption>
        <span class="figure__caption">{caption}</span>
        {credit && (
          <>
            {" "}
            <span class="figure__credit" data-pagefind-ignore="">
              <span class="visually-hidden">{localeOf(site.language).t("figure.credit")} </span>
              {credit}
            </span>
          </>
        )}
      </figcaption>
    </figure>
  );
}
