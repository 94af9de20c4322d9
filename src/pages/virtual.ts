// Pages and files are Eleventy virtual templates paginated over the loaded newsroom: one template
// per kind of output, one output per item. Plugins for pages, feeds and sitemaps all use this.
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { Newsroom } from "../content/types.ts";

/**
 * Adds a virtual template that writes one output per item of `items`. `pathOf` gives each item's
 * site path: one ending in "/" is written as its index.html, anything else ("/feed.xml") as is.
 */
export function addPages<T>(
  eleventyConfig: UserConfig,
  name: string,
  items: (newsroom: Newsroom) => readonly T[],
  pathOf: (item: T) => string,
  render: (item: T, newsroom: Newsroom) => string,
): void {
  eleventyConfig.addTemplate(`${name}.11ty.js`, {
    data: {
      pagination: { data: "newsroom", size: 1, alias: "item", before: (_keys: unknown, data: { newsroom: Newsroom }) => items(data.newsroom) },
      permalink: (data: { item: T }) => {
        const sitePath = pathOf(data.item);
        return sitePath.endsWith("/") ? `${sitePath}index.html` : sitePath;
      },
      eleventyExcludeFromCollections: true,
    },
    render: (data: { item: T; newsroom: Newsroom }) => render(data.item, data.newsroom),
  });
}

/** Adds a virtual template that writes one file. */
export function addFile(eleventyConfig: UserConfig, name: string, sitePath: string, render: (newsroom: Newsroom) => string): void {
  addPages(eleventyConfig, name, () => [sitePath], (item) => item, (_item, newsroom) => render(newsroom));
}
