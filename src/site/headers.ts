// The `_headers` file (Netlify / Cloudflare Pages format) with a Content-Security-
// Policy the site satisfies: no inline script or style anywhere (JSON-LD is data, not script), our
// own scripts from files, WebAssembly for Pagefind, the newsletter providers as the only other
// origins a page may post to or fetch from, and two video players a reader may choose to load.
import { siteUrl, type Site } from "./site.ts";
import { buildProviderForm } from "../newsletter/presets.ts";
import { cspSource } from "../content/web-address.ts";

/** The Content-Security-Policy for every page of this site; its only sources from settings are parsed origins. */
export function contentSecurityPolicy(site: Site): string {
  const forms = site.newsletters.map(buildProviderForm);
  const formOrigins = forms.map((form) => cspSource(form.action));
  const fetchOrigins = forms.flatMap((form) => (form.inPlace ? [cspSource(form.inPlace.endpoint)] : []));
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    // Pagefind's search runs WebAssembly, in a worker.
    ["script-src", "'self'", "'wasm-unsafe-eval'"],
    ["worker-src", "'self'"],
    ["style-src", "'self'"],
    ["img-src", "'self'", "data:"],
    ["font-src", "'self'"],
    // Video embeds load their player only after the reader clicks, from these privacy-enhanced hosts.
    ["frame-src", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
    ["connect-src", "'self'", ...fetchOrigins],
    ["form-action", "'self'", ...formOrigins],
    ["frame-ancestors", "'none'"],
    ["base-uri", "'self'"],
    ["object-src", "'none'"],
  ];
  return directives.map((directive) => [...new Set(directive)].join(" ")).join("; ");
}

/** Where `npm run cms`'s local backend (decap-server) answers; the CMS asks it only when /admin/ is opened on localhost. */
export const LOCAL_CMS_BACKEND = "http://localhost:8081";

/**
 * The CMS's own policy, for /admin/ only: Decap CMS is a React application that injects its styles
 * and compiles its configuration's validators at run time, talks to GitHub's API (or the local
 * backend), and shows uploaded photos from memory (blob:) before they are committed.
 */
export function adminContentSecurityPolicy(): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", "'unsafe-eval'"],
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:", "https://avatars.githubusercontent.com"],
    ["font-src", "'self'", "data:"],
    ["connect-src", "'self'", "blob:", "https://api.github.com", LOCAL_CMS_BACKEND],
    ["frame-src", "'self'", "blob:"],
    ["worker-src", "'self'", "blob:"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
    ["base-uri", "'self'"],
    ["object-src", "'none'"],
  ];
  return directives.map((directive) => directive.join(" ")).join("; ");
}

/**
 * The `_headers` file: security headers on every path, long caching for content-hashed files, and
 * /admin/'s own policy. A request matching two rules gets both rules' headers: Cloudflare Pages joins
 * two values of one header (two policies, both enforced) unless the later rule detaches it with
 * "! Name"; Netlify ignores that line (it has no colon) and lets the later rule's value replace the earlier.
 */
export function renderHeaders(site: Site): string {
  return [
    "/*",
    `  Content-Security-Policy: ${contentSecurityPolicy(site)}`,
    "  X-Content-Type-Options: nosniff",
    "  Referrer-Policy: strict-origin-when-cross-origin",
    "  Permissions-Policy: camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    "  X-Frame-Options: DENY",
    "/img/*",
    "  Cache-Control: public, max-age=31536000, immutable",
    ...(site.cms
      ? [
          siteUrl(site, "/admin/*"),
          "  ! Content-Security-Policy",
          `  Content-Security-Policy: ${adminContentSecurityPolicy()}`,
          "  X-Robots-Tag: noindex",
          // The CMS's files keep their names from version to version: always ask whether they changed.
          "  Cache-Control: no-cache",
        ]
      : []),
    "",
  ].join("\n");
}
