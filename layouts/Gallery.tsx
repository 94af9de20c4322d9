import type { Gallery as GalleryData } from "../src/content/types.ts";
import { Figure } from "./Figure.tsx";
import type { Site } from "../src/site/site.ts";
import { localeOf } from "../src/i18n/index.ts";

/**
 * A ```gallery block: a titled group holding an ordered list of figures, readable as such without
 * JavaScript and in print. public/js/story-formats.js (loaded by ArticlePage) turns it into a one-photo-at-a-time viewer
 * with previous/next buttons, arrow keys and a live "3 of 7" position, labelled in the site's language.
 */
export function Gallery({ gallery, site }: { gallery: GalleryData; site: Pick<Site, "language"> }) {
  const locale = localeOf(site.language);
  const labelId = `${gallery.id}-title`;
  const messages = { previous: locale.t("gallery.previous"), next: locale.t("gallery.next"), keys: locale.t("gallery.keys"), position: locale.t("gallery.position", { current: "{current}", total: "{total}" }) };
  return (
    <figure class="gallery" id={gallery.id} data-gallery="" data-gallery-messages={JSON.stringify(messages)} aria-labelledby={labelId}>
      <figcaption class="gallery__title" id={labelId}>
        {gallery.title} <span class="gallery__count">{locale.plural("gallery.count", gallery.photos.length)}</span>
      </figcaption>
      <ol class="gallery__photos">
        {gallery.photos.map((photo, index) => (
          <li class="gallery__item">
            <Figure kind="gallery" image={photo.image} alt={photo.alt} caption={photo.caption} credit={photo.credit} eager={index === 0} site={site} />
          </li>
        ))}
      </ol>
    </figure>
  );
}
