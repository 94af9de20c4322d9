// Rendered article bodies link root-relative ("/img/x.jpg", "/news/business/"), which is right on
// the site and broken in a feed reader: feeds get every link and image resolved against the article.

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** One URL from an href/src attribute, as written in the HTML (entities left as they are). */
export function absoluteHref(value: string, pageUrl: string): string {
  if (value === "" || SCHEME.test(value)) return value;
  // A root-relative path only needs the origin: joining strings keeps "&amp;" and the like untouched.
  if (value.startsWith("/") && !value.startsWith("//")) return new URL(pageUrl).origin + value;
  return new URL(value, pageUrl).href;
}

/** A srcset list: each candidate's URL made absolute, its width or density descriptor kept. */
export function absoluteSrcset(value: string, pageUrl: string): string {
  return value
    .split(",")
    .map((candidate) => candidate.trim())
    .filter((candidate) => candidate !== "")
    .map((candidate) => {
      const [url = "", ...descriptors] = candidate.split(/\s+/);
      return [absoluteHref(url, pageUrl), ...descriptors].join(" ");
    })
    .join(", ");
}

/**
 * Resolves every `href`, `src` and `srcset` in rendered HTML against `pageUrl` (the article's
 * absolute URL). The HTML is our own renderers' output, so attributes are double-quoted; text that
 * merely looks like an attribute is escaped there (`src=&quot;/`) and is left alone.
 */
export function absolutizeHtml(html: string, pageUrl: string): string {
  return html.replace(/(\s)(href|src|srcset)="([^"]*)"/gi, (_match, space: string, name: string, value: string) => {
    const resolved = name.toLowerCase() === "srcset" ? absoluteSrcset(value, pageUrl) : absoluteHref(value, pageUrl);
    return `${space}${name}="${resolved}"`;
  });
}
