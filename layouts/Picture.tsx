import type { ImageSet } from "../src/images/index.ts";

interface PictureProps {
  image: ImageSet;
  alt: string;
  /** How wide the image is shown, for the browser to pick a file. */
  sizes: string;
  /** The lead photo is the page's largest paint: load it first, never lazily. */
  priority?: boolean;
  /** Overrides lazy loading for an image that is not the lead but is shown at once (a gallery's first photo). */
  eager?: boolean;
  class?: string;
}

/** A responsive `<picture>`: AVIF and WebP sources, a JPEG `<img>` with its intrinsic size. */
export function Picture({ image, alt, sizes, priority = false, eager = false, class: className }: PictureProps) {
  const srcset = (format: string) =>
    image.sources
      .find((source) => source.format === format)
      ?.variants.map((variant) => `${variant.url} ${variant.width}w`)
      .join(", ");
  return (
    <picture>
      {image.sources
        .filter((source) => source.format !== "jpeg")
        .map((source) => (
          <source type={source.type} srcset={srcset(source.format)} sizes={sizes} />
        ))}
      <img
        class={className}
        src={image.fallback.url}
        srcset={srcset("jpeg")}
        sizes={sizes}
        width={image.fallback.width}
        height={image.fallback.height}
        alt={alt}
        decoding={priority ? "sync" : "async"}
        loading={priority || eager ? "eager" : "lazy"}
        fetchpriority={priority ? "high" : undefined}
      />
    </picture>
  );
}
