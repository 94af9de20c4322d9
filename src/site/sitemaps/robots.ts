// robots.txt: everything may be crawled; both sitemaps named by absolute URL.
import { absoluteUrl, type Site } from "../site.ts";

export const SITEMAP_PATH = "/sitemap.xml";
export const NEWS_SITEMAP_PATH = "/news-sitemap.xml";

/**
 * Crawlers read robots.txt only at the host's root: a site under a path prefix writes it too
 * (at /news/robots.txt), for its lines to be copied into the host's own.
 */
export function robotsTxt(site: Pick<Site, "origin" | "pathPrefix">): string {
  return ["User-agent: *", "Allow: /", "", `Sitemap: ${absoluteUrl(site, SITEMAP_PATH)}`, `Sitemap: ${absoluteUrl(site, NEWS_SITEMAP_PATH)}`, ""].join("\n");
}
