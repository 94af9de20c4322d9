// A page of the site as the build plan sees it: where it goes, what it is made from, and how to
// render it. `inputs` is plain data (digested values inside); `render` reads nothing else but the
// code, so two builds whose inputs have the same digest write the same file.

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
  | "newsletter-index"
  | "standalone"
  | "corrections"
  | "admin"
  | "admin-config";

/** A rendered page that the search index reads too: its HTML, and the document the index is given. */
export interface IndexedPage {
  html: string;
  /** The page as the search index reads it: language, title and the indexed element only. */
  search: string;
}

export interface PageSpec<I extends object = object> {
  /** Site path: "/2026/03/05/flood/" is written as its index.html; "/feed.xml" as is. */
  path: string;
  kind: PageKind;
  /** Everything the output depends on besides the code. */
  inputs: I;
  render(inputs: I): string | IndexedPage;
  /** Articles (or standalone pages) whose rendered bodies the page shows: the build renders them before the page. */
  bodies?: readonly { id: string }[];
}

/** A page spec; the type ties `render` to its inputs. */
export function page<I extends object>(kind: PageKind, path: string, inputs: I, render: (inputs: I) => string | IndexedPage, bodies?: readonly { id: string }[]): PageSpec<I> {
  return bodies && bodies.length > 0 ? { kind, path, inputs, render, bodies } : { kind, path, inputs, render };
}

/** The file a site path is written to, relative to the output folder. */
export function outputFile(sitePath: string): string {
  const relative = sitePath.replace(/^\//, "");
  return sitePath.endsWith("/") ? `${relative}index.html` : relative;
}
