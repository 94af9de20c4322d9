import type { Gallery as GalleryData } from "../src/content/types.ts";
import { Figure } from "./Figure.tsx";

/**
 * A ```gallery block: a titled group holding an ordered list of figures, readable as such without
 * JavaScript and in print. public/js/story-formats.js (loaded by ArticlePage) turns it into a one-photo-at-a-time viewer
 * with previous/next buttons, arrow keys and a live "3 of 7" position.
 */
export function Gallery({ gallery }: { gallery: GalleryData }) {
  const labelId = `${gallery.id}-title`;
  return (
    <figure class="gallery" id={gallery.id} data-gallery="" aria-labelledby={labelId}>
      <figcaption class="gallery__title" id={labelId}>
        {gallery.title} <span class="gallery__count">({gallery.photos.length} photos)</span>
      </figcaption>
      <ol class="gallery__photos">
        {gallery.photos.map((photo, index) => (
          <li class="gallery__item">
            <Figure kind="gallery" image={photo.image} alt={photo.alt} caption={photo.caption} credit={photo.credit} eager={index === 0} />
          </li>
        ))}
      </ol>
    </figure>
  );
}
