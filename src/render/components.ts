// Renders layout components to HTML strings. Preact escapes every text and attribute value; raw
// HTML enters only where a layout passes rendered Markdown through `dangerouslySetInnerHTML`.
import { h, type VNode } from "preact";
import { renderToStaticMarkup } from "preact-render-to-string";
import { Figure, type FigureProps } from "../../layouts/Figure.tsx";
import { Gallery } from "../../layouts/Gallery.tsx";
import { Embed } from "../../layouts/Embed.tsx";
import type { Embed as EmbedData, Gallery as GalleryData } from "../content/types.ts";
import type { Site } from "../site/site.ts";

export function renderDocument<P>(page: VNode<P>): string {
  return `<!DOCTYPE html>\n${renderToStaticMarkup(page)}\n`;
}

/** A component's HTML on its own (not a document). */
export function renderFragment<P>(node: VNode<P>): string {
  return renderToStaticMarkup(node);
}

export function renderFigureHtml(props: FigureProps): string {
  return renderToStaticMarkup(h(Figure, props));
}

export function renderGalleryHtml(gallery: GalleryData, site: Site): string {
  return renderToStaticMarkup(h(Gallery, { gallery, site }));
}

export function renderEmbedHtml(embed: EmbedData, site: Site): string {
  return renderToStaticMarkup(h(Embed, { embed, site }));
}
