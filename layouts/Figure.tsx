import type { ImageSet } from "../src/images/index.ts";
import { Picture } from "./Picture.tsx";

export interface FigureProps {
  image: ImageSet;
  alt: string;
  caption: string;
  credit?: string | undefined;
  /** "lead" for the article's lead photo, "inline" for a figure in the body, "gallery" for a gallery's photo. */
  kind: "lead" | "inline" | "gallery";
  /** Load at once though not the lead (a gallery's first photo); others load lazily. */
  eager?: boolean;
}

/** Column width on wide screens is 44rem (see public/css/site.css). */
const SIZES = "(min-width: 48rem) 44rem, calc(100vw - 2rem)";

/** A photo with its caption and, marked up apart, the photographer's credit. */
export function Figure({ image, alt, caption, credit, kind, eager = false }: FigureProps) {
  return (
    <figure class={`figure figure--${kind}`}>
      <Picture image={image} alt={alt} sizes={SIZES} priority={kind === "lead"} eager={eager} />
      <figcaption>
        <span class="figure__caption">{caption}</span>
        {credit && (
          <>
            {" "}
            <span class="figure__credit">
              <span class="visually-hidden">Photo: </span>
              {credit}
            </span>
          </>
        )}
      </figcaption>
    </figure>
  );
}
