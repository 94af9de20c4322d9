// One HTML document of the site: the shared frame (layouts/Page.tsx) around a page's body.
import { h, type VNode } from "preact";
import type { Shell } from "../content/types.ts";
import { renderDocument } from "../render/components.ts";
import { Page, type PageProps } from "../../layouts/Page.tsx";

/** What a page says about itself; the shell adds the site, the year, the icons and the stylesheet. */
export type PageMeta = Omit<PageProps, "shell" | "children">;

export function renderPage<P>(shell: Shell, meta: PageMeta, body: VNode<P>): string {
  return renderDocument(h(Page, { ...meta, shell, children: body }));
}
