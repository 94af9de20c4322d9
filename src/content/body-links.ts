// The links a body makes to pages of this site, read from its parsed Markdown with the line each is
// written on: the build checks, once every page is planned, that each of them resolves
// (src/build/link-check.ts). Links to other sites are not collected.
import type { Token } from "markdown-it";
import type { BodyLink } from "./types.ts";

export interface LinkContext {
  file: string;
  /** File line of the body's first line. */
  bodyLine: number;
  /** The body's text, to find the line a link is written on. */
  body: string;
  /** "https://ledger.example.org" and "/" (or "/news/"): a link to them is a link to this site. */
  origin: string;
  pathPrefix: string;
  /** Absolute URL of the page the body is shown on, for relative links ("../harbour/"). */
  pageUrl: string;
}

/** The site path a link points at, or undefined when it is a link to another site (or no page at all). */
export function sitePathOf(href: string, context: Pick<LinkContext, "origin" | "pathPrefix" | "pageUrl">): string | undefined {
  if (href === "" || href.startsWith("#") || href.startsWith("?")) return undefined;
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) && !/^https?:/i.test(href)) return undefined;
  let url: URL;
  try {
    url = new URL(href, context.pageUrl);
  } catch {
    return undefined;
  }
  if (url.origin !== context.origin || !/^https?:$/.test(url.protocol)) return undefined;
  const pathname = safeDecode(url.pathname);
  // Another site on the same host (the site lives under /news/): not ours to check.
  if (!pathname.startsWith(context.pathPrefix) && `${pathname}/` !== context.pathPrefix) return undefined;
  return `/${pathname.slice(context.pathPrefix.length)}`.replace(/^\/\/+/, "/");
}

function safeDecode(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

/** Every link in `tokens` to a page of this site, with its file line. */
export function readBodyLinks(tokens: readonly Token[], context: LinkContext): BodyLink[] {
  const lines = context.body.split("\n");
  const links: BodyLink[] = [];
  for (const token of tokens) {
    if (token.type !== "inline" || !token.children) continue;
    const [start = 0, end = start + 1] = token.map ?? [];
    let cursor = start;
    for (const child of token.children) {
      if (child.type !== "link_open") continue;
      const href = String(child.attrGet("href") ?? "");
      const path = sitePathOf(href, context);
      // The line it is written on: the first line at or after the previous link that holds it.
      const written = safeDecode(href);
      let at = start;
      for (let line = cursor; line < end; line++) {
        const text = lines[line] ?? "";
        if (text.includes(href) || text.includes(written)) {
          at = line;
          cursor = line;
          break;
        }
      }
      if (path !== undefined) links.push({ file: context.file, line: context.bodyLine + at, href: written, path });
    }
  }
  return links;
}
