// A page of the site as the build plan sees it: where it goes, what it is made from, and how to
// render it. `inputs` is plain data (digested values inside); `render` reads nothing else but the
// code, so two builds whose inputs have the same digest write the same file.
import type { Article } from "../content/types.ts";

export type PageKind =
  | "article"
  | "front"
  | "section"
  | "tag"
  | "tag-index"
  | "author"
  | "author-index"
  | "archive"
  | "archive-index"
  | "not-found"
  | "search"
  | "feed"
  | "sitemap"
  | "robots"
  | "headers"
  | "edition"
  | "edition-archive"
  | "edition-feed"
  | "admin"
  | "admin-config";

export interface PageSpec<I extends object = object> {
  /** Site path: "/2026/03/05/flood/" is written as its index.html; "/feed.xml" as is. */
  path: string;
  kind: PageKind;
  /** Everything the output depends on besides the code. */
  inputs: I;
  render(inputs: I): string;
  /** Articles whose rendered bodies the page shows: the build renders them before the page. */
  bodies?: readonly Article[];
}

/** A page spec; the type ties `render` to its inputs. */
export function page<I extends object>(kind: PageKind, path: string, inputs: I, render: (inputs: I) => string, bodies?: readonly Article[]): PageSpec<I> {
  return bodies && bodies.length > 0 ? { kind, path, inputs, render, bodies } : { kind, path, inputs, render };
}

/** The file a site path is written to, relative to the output folder. */
export function outputFile(sitePath: string): string {
  const relative = sitePath.replace(/^\//, "");
  return sitePath.endsWith("/") ? `${relative}index.html` : relative;
}
