// Renders layout components to HTML strings. Preact escapes every text and attribute value; raw
// HTML enters only where a layout passes rendered Markdown through `dangerouslySetInnerHTML`.
import { h, type VNode } from "preact";
import { renderToStaticMarkup } from "preact-render-to-string";
import { Figure, type FigureProps } from "../layouts/Figure.tsx";

export function renderDocument<P>(page: VNode<P>): string {
  return `<!DOCTYPE html>\n${renderToStaticMarkup(page)}\n`;
}

export function renderFigureHtml(props: FigureProps): string {
  return renderToStaticMarkup(h(Figure, props));
}
