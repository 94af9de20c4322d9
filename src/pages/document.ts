// One HTML document of the site: the shared shell (layouts/Page.tsx) around a page's body.
import { h, type VNode } from "preact";
import type { Newsroom } from "../content/types.ts";
import { renderDocument } from "../render.ts";
import { stylesheetPath } from "../assets.ts";
import { latestYear } from "../collections.ts";
import { Page, type PageProps } from "../../layouts/Page.tsx";

/** What a page says about itself; the shell adds the site, the year and the stylesheet. */
export type PageMeta = Omit<PageProps, "site" | "year" | "stylesheet" | "icons" | "children">;

export function renderPage<P>(newsroom: Newsroom, meta: PageMeta, body: VNode<P>): string {
  const props: PageProps = { ...meta, site: newsroom.site, year: latestYear(newsroom.articles), stylesheet: stylesheetPath(), icons: newsroom.icons, children: body };
  return renderDocument(h(Page, props));
}
