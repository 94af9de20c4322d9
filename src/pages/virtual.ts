// Pages and files are Eleventy virtual templates paginated over the loaded newsroom: one template
// per kind of output, one output per item. Plugins for pages, feeds and sitemaps all use this.
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { Newsroom } from "../content/types.ts";
import { previewChanges, type PreviewChanges } from "../content/preview-changes.ts";
import { buildPart } from "../parts/plan.ts";

/**
 * Which outputs a live-preview edit affects (see src/content/preview-changes.ts). A preview rebuild
 * after an article edit writes only those, and leaves the others from the previous build in place;
 * an output kind without one writes nothing on such a rebuild. Production builds write everything.
 */
export interface Narrowing<T> {
  affected: (item: T, changes: PreviewChanges, newsroom: Newsroom) => boolean;
  /** Only edits to what listings show (headline, summary, photo…) can affect this kind: body-only edits skip it without listing its items. */
  listingsOnly?: boolean;
}

/**
 * The items to write for this build: all of them, on a narrowed preview rebuild the affected ones,
 * and in one run of a build in parts (src/parts/) that part's.
 */
function itemsToWrite<T>(
  eleventyConfig: UserConfig,
  name: string,
  newsroom: Newsroom,
  items: (newsroom: Newsroom) => readonly T[],
  pathOf: (item: T) => string,
  narrowing: Narrowing<T> | undefined,
): readonly T[] {
  const part = buildPart(eleventyConfig);
  if (part) return part.writesTemplate(name) ? items(newsroom).filter((item) => part.writesPath(pathOf(item))) : [];
  const changes = previewChanges(eleventyConfig);
  if (!changes) return items(newsroom);
  if (!narrowing || changes.changed.size === 0 || (narrowing.listingsOnly && changes.listed.size === 0)) return [];
  return items(newsroom).filter((item) => narrowing.affected(item, changes, newsroom));
}

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
  narrowing?: Narrowing<T>,
): void {
  eleventyConfig.addTemplate(`${name}.11ty.js`, {
    data: {
      pagination: { data: "newsroom", size: 1, alias: "item", before: (_keys: unknown, data: { newsroom: Newsroom }) => itemsToWrite(eleventyConfig, name, data.newsroom, items, pathOf, narrowing) },
      permalink: (data: { item: T }) => {
        const sitePath = pathOf(data.item);
        return sitePath.endsWith("/") ? `${sitePath}index.html` : sitePath;
      },
      eleventyExcludeFromCollections: true,
    },
    render: (data: { item: T; newsroom: Newsroom }) => render(data.item, data.newsroom),
  });
}

/** Adds a virtual template that writes one file; `affected` says when a preview edit needs it rewritten. */
export function addFile(
  eleventyConfig: UserConfig,
  name: string,
  sitePath: string,
  render: (newsroom: Newsroom) => string,
  affected?: (changes: PreviewChanges, newsroom: Newsroom) => boolean,
): void {
  const narrowing: Narrowing<string> | undefined = affected && { affected: (_item, changes, newsroom) => affected(changes, newsroom) };
  addPages(eleventyConfig, name, () => [sitePath], (item) => item, (_item, newsroom) => render(newsroom), narrowing);
}
