// The `_headers` file (Netlify / Cloudflare Pages format) with a Content-Security-
// Policy the site satisfies: no inline script or style anywhere (JSON-LD is data, not script), our
// own scripts from files, WebAssembly for Pagefind, the newsletter providers as the only other
// origins a page may post to or fetch from, and two video players a reader may choose to load.
import type { Site } from "./site.ts";
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

/** The `_headers` file: security headers on every path, long caching for content-hashed files. */
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
    "",
  ].join("\n");
}
