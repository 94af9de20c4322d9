// Addresses from settings and front matter are published in links, in the signup form and in the
// `_headers` Content-Security-Policy. They are parsed here, never pieced together from strings, and
// refused unless the host is a plain domain name: WHATWG URL parsing accepts `;`, `,`, `'` or `*` in
// a host, and one of those in a CSP source would add directives of the editor's choosing.

/** A DNS name as browsers send it (lowercase, IDNs in punycode), or a dotted IPv4 address. */
const PLAIN_HOST = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;
/** Hosts a developer runs a test receiver on: the only ones an `http:` form may post to. */
const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * `value` parsed as a URL, or undefined. Not `URL.canParse`: on Node 22, once V8 optimises its call
 * (after some thousands), it answers false for valid addresses with non-ASCII text (IDNs, paths).
 */
export function parseUrl(value: string, base?: string): URL | undefined {
  try {
    return new URL(value, base);
  } catch {
    return undefined;
  }
}

export interface AddressRules {
  /** `https:` only (loopback `http:` excepted, for local testing): a form the site posts to. */
  httpsOnly?: boolean;
  /** No query and no fragment: an address other paths are added to (listmonk's, the site's own). */
  base?: boolean;
}

/** Why `value` is not a plain web address under `rules`, or undefined. */
export function webAddressProblem(value: string, rules: AddressRules = {}): string | undefined {
  if (/\s/.test(value)) return "has a space or line break inside it (an address is one word: remove them)";
  const url = parseUrl(value);
  if (!url) return undefined; // the schema's own "is not a valid address" says it
  if (url.protocol !== "https:" && url.protocol !== "http:") return undefined;
  if (!PLAIN_HOST.test(url.hostname) && !LOOPBACK.has(url.hostname)) {
    return `has "${url.hostname}" as its host, which is not a plain domain name (letters, digits, hyphens and dots, e.g. newsletter.example.org)`;
  }
  if (rules.httpsOnly && url.protocol === "http:" && !LOOPBACK.has(url.hostname)) {
    return "must start with https:// (browsers block or warn about a form on a site that posts to a plain http:// address)";
  }
  if (rules.base && (url.search !== "" || url.hash !== "" || value.includes("?") || value.includes("#"))) {
    return "must not have a ? query or a # fragment (other paths are added to this address: give only the address, e.g. https://lists.example.org/)";
  }
  return undefined;
}

/**
 * A Content-Security-Policy source for `address`: its origin, from the parsed URL, and only when it
 * is a plain web origin. The schema has refused anything else; this refuses it again, loudly,
 * because a wrong source here silently weakens every page's policy.
 */
export function cspSource(address: string): string {
  const url = parseUrl(address);
  const plain = url && (url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK.has(url.hostname))) && (PLAIN_HOST.test(url.hostname) || LOOPBACK.has(url.hostname));
  if (!url || !plain || !/^[a-z0-9.:[\]-]+$/.test(url.host)) {
    throw new Error(`[headers] "${address}" is not a plain https origin; the settings schema should have refused it (a Dateline defect)`);
  }
  return `${url.protocol}//${url.host}`;
}

/** `path` resolved against a base address as a folder: ("https://x.org/lists", "api/y") → https://x.org/lists/api/y. */
export function addressUnder(base: string, path: string): string {
  const url = new URL(base);
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  url.search = "";
  url.hash = "";
  return new URL(path.replace(/^\/+/, ""), url).href;
}
