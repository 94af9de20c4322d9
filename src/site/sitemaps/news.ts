// The Google News sitemap: only articles published in the 48 hours before the build's "now"
// (https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap). Sponsored
// stories are advertising, not news, and stay out. It is valid against the sitemaps.org schema in
// every state: a day with no story in the window lists the newest story without its news tags.
import type { Teaser } from "../../content/types.ts";
import { machineMoment } from "../../dates.ts";
import { absoluteUrl, type Site } from "../site.ts";
import { element, renderXml, textElement } from "../xml.ts";
import { SITEMAP_NAMESPACE } from "./sitemap.ts";

export const NEWS_NAMESPACE = "http://www.google.com/schemas/sitemap-news/0.9";

/** How far back the News sitemap reaches. */
export const NEWS_WINDOW_HOURS = 48;

/** URLs per News sitemap file allowed by Google. */
export const MAX_NEWS_URLS = 1_000;

/** Articles published from exactly 48 hours before `now` up to `now` (future ones are left out), newest first; never sponsored ones. */
export function articlesInNewsWindow(articles: readonly Teaser[], now: Date): Teaser[] {
  const end = now.getTime();
  const start = end - NEWS_WINDOW_HOURS * 3_600_000;
  return articles.filter((article) => article.type !== "sponsored" && article.published.epoch >= start && article.published.epoch <= end);
}

/** One entry of the News sitemap as it is printed: a story in the window with its news tags, or only a URL. */
export interface NewsSitemapEntry {
  loc: string;
  news?: { publicationDate: string; title: string };
}

/** A story's entry in the News sitemap; `news`: with its news tags (a story in the window). */
export function newsSitemapEntry(article: Teaser, site: Pick<Site, "origin" | "pathPrefix">, news: boolean): NewsSitemapEntry {
  const loc = absoluteUrl(site, article.path);
  // A date without a time is published as a date: W3C format allows it, and no reader is told of a midnight that never was.
  return news ? { loc, news: { publicationDate: machineMoment(article.published), title: article.headline } } : { loc };
}

/**
 * The News sitemap's entries, as printed (a page's inputs: an edit the sitemap does not show prints
 * none). A sitemap must list at least one URL (the sitemaps.org schema), and Google asks that stories
 * older than two days lose their news tags: so a window without stories lists the newest story as a
 * plain URL, or the front page on a site with none yet.
 */
export function newsSitemapItems(articles: readonly Teaser[], now: Date, site: Pick<Site, "origin" | "pathPrefix">): NewsSitemapEntry[] {
  const inWindow = articlesInNewsWindow(articles, now);
  if (inWindow.length > 0) return inWindow.map((teaser) => newsSitemapEntry(teaser, site, true));
  const newest = articles.find((article) => article.published.epoch <= now.getTime());
  return [newest ? newsSitemapEntry(newest, site, false) : { loc: absoluteUrl(site, "/") }];
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

export function renderNewsUrlset(entries: readonly NewsSitemapEntry[], site: Pick<Site, "name" | "language">): string {
  const language = newsLanguage(site.language);
  return renderXml(
    element(
      "urlset",
      { xmlns: SITEMAP_NAMESPACE, "xmlns:news": NEWS_NAMESPACE },
      ...entries.map(({ loc, news }) =>
        element(
          "url",
          {},
          textElement("loc", loc),
          news &&
            element(
              "news:news",
              {},
              element("news:publication", {}, textElement("news:name", site.name), textElement("news:language", language)),
              textElement("news:publication_date", news.publicationDate),
              textElement("news:title", news.title),
            ),
        ),
      ),
    ),
  );
}
