// robots.txt: everything may be crawled, both sitemaps named by absolute URL; with the settings'
// `robots.refuseAiTraining`, the crawlers that gather text for AI models are refused while search
// engines (Googlebot, Bingbot, Applebot…) keep their access.
import { absoluteUrl, type Site } from "../site.ts";

export const SITEMAP_PATH = "/sitemap.xml";
export const NEWS_SITEMAP_PATH = "/news-sitemap.xml";

/**
 * The robots.txt tokens of crawlers that collect pages for AI models, each as its operator
 * documents it (docs/feeds.md lists the operators and what refusing each one does). Google-Extended
 * and Applebot-Extended are tokens only: they govern training on pages Googlebot and Applebot
 * fetch for search, which stays allowed.
 */
export const AI_TRAINING_CRAWLERS = [
  "GPTBot",
  "ClaudeBot",
  "CCBot",
  "Google-Extended",
  "Applebot-Extended",
  "PerplexityBot",
  "Meta-ExternalAgent",
  "Bytespider",
  "cohere-training-data-crawler",
  "AI2Bot",
] as const;

/**
 * Crawlers read robots.txt only at the host's root: a site under a path prefix writes it too
 * (at /news/robots.txt), for its lines to be copied into the host's own, so the refused crawlers
 * are refused the prefix, not the whole host.
 */
export function robotsTxt(site: Pick<Site, "origin" | "pathPrefix"> & { robots?: Site["robots"] }): string {
  const refused = site.robots?.refuseAiTraining ? [...AI_TRAINING_CRAWLERS.map((agent) => `User-agent: ${agent}`), `Disallow: ${site.pathPrefix}`, ""] : [];
  return [...refused, "User-agent: *", "Allow: /", "", `Sitemap: ${absoluteUrl(site, SITEMAP_PATH)}`, `Sitemap: ${absoluteUrl(site, NEWS_SITEMAP_PATH)}`, ""].join("\n");
}
