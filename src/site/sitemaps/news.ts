// The Google News sitemap: only articles published in the 48 hours before the build's "now"
// (https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap).
import type { Teaser } from "../../content/types.ts";
import { absoluteUrl, type Site } from "../site.ts";
import { element, renderXml, textElement } from "../xml.ts";
import { SITEMAP_NAMESPACE } from "./sitemap.ts";

export const NEWS_NAMESPACE = "http://www.google.com/schemas/sitemap-news/0.9";

/** How far back the News sitemap reaches. */
export const NEWS_WINDOW_HOURS = 48;

/** URLs per News sitemap file allowed by Google. */
export const MAX_NEWS_URLS = 1_000;

/** Articles published from exactly 48 hours before `now` up to `now` (future ones are left out), newest first. */
export function articlesInNewsWindow(articles: readonly Teaser[], now: Date): Teaser[] {
  const end = now.getTime();
  const start = end - NEWS_WINDOW_HOURS * 3_600_000;
  return articles.filter((article) => article.published.epoch >= start && article.published.epoch <= end);
}

/**
 * `news:language`: the ISO 639 primary subtag ("en-US" → "en"), except Chinese, which Google wants
 * as "zh-cn" (Simplified) or "zh-tw" (Traditional: Hant script, or Taiwan, Hong Kong, Macau).
 */
export function newsLanguage(tag: string): string {
  const [primary = "", ...subtags] = tag.toLowerCase().split("-");
  if (primary !== "zh") return primary;
  return subtags.some((subtag) => ["hant", "tw", "hk", "mo"].includes(subtag)) ? "zh-tw" : "zh-cn";
}

export function renderNewsUrlset(articles: readonly Teaser[], site: Pick<Site, "origin" | "pathPrefix" | "name" | "language">): string {
  const language = newsLanguage(site.language);
  return renderXml(
    element(
      "urlset",
      { xmlns: SITEMAP_NAMESPACE, "xmlns:news": NEWS_NAMESPACE },
      ...articles.map((article) =>
        element(
          "url",
          {},
          textElement("loc", absoluteUrl(site, article.path)),
          element(
            "news:news",
            {},
            element("news:publication", {}, textElement("news:name", site.name), textElement("news:language", language)),
            textElement("news:publication_date", article.published.iso),
            textElement("news:title", article.headline),
          ),
        ),
      ),
    ),
  );
}

