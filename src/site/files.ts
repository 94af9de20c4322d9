// The site's machine-readable files as page specs: Atom and JSON feeds (site, sections, topics, authors),
// sitemap.xml and the Google News sitemap, robots.txt and the host's `_headers`.
import type { Newsroom, Teaser } from "../content/types.ts";
import { page, type PageSpec } from "./page.ts";
import { newestChange, type Tag } from "./collections.ts";
import type { Moment } from "../dates.ts";
import { articlesByScope, buildFeed } from "./feeds/feed.ts";
import { renderAtom } from "./feeds/atom.ts";
import { renderJsonFeed } from "./feeds/json-feed.ts";
import { feedPath, feedScopes } from "./feeds/links.ts";
import { MAX_SITEMAP_URLS, renderSitemapFile, renderUrlset, sitemapFiles, sitemapUrls } from "./sitemaps/sitemap.ts";
import { MAX_NEWS_URLS, newsSitemapItems, renderNewsUrlset } from "./sitemaps/news.ts";
import { NEWS_SITEMAP_PATH, SITEMAP_PATH, robotsTxt } from "./sitemaps/robots.ts";
import { renderHeaders } from "./headers.ts";

/** Atom and JSON Feed for the site, each section, each topic and each author: their newest articles in full. */
export function feedFiles(newsroom: Newsroom, tags: readonly Tag[]): PageSpec[] {
  const { site } = newsroom;
  const siteUpdated = newestChange(newsroom.articles)?.iso;
  const topics = tags.map(({ slug, name, path }) => ({ slug, name, path }));
  const scopes = feedScopes(site, newsroom.authors, topics);
  const followed = articlesByScope(scopes, newsroom.articles);
  return scopes.flatMap((scope, index) => {
    const articles = followed[index] ?? [];
    // Only an empty feed dates itself by the site's newest change (`buildFeed`): were it an input of
    // every feed, any story anywhere would write all of them again, each with its stories in full.
    const inputs = { scope, site, articles, siteUpdated: articles.length === 0 ? siteUpdated : undefined };
    return [
      page("feed", feedPath(scope, "atom"), inputs, ({ scope, site, articles, siteUpdated }) => renderAtom(buildFeed(scope, site, articles, siteUpdated)), articles),
      page("feed", feedPath(scope, "json"), inputs, ({ scope, site, articles, siteUpdated }) => renderJsonFeed(buildFeed(scope, site, articles, siteUpdated)), articles),
    ];
  });
}

/**
 * sitemap.xml (split past 50,000 URLs) and the News sitemap, whose window is the one output that
 * depends on the clock: `now` is the build's. From the stories, their topics (`collectTags`) and the
 * newest correction, as the plan collected them.
 */
export function sitemapFilesOf(newsroom: Newsroom, { teasers, tags, newestCorrection }: { teasers: readonly Teaser[]; tags: readonly Tag[]; newestCorrection: Moment | undefined }, now: Date): PageSpec[] {
  const { site } = newsroom;
  const urls = sitemapUrls(site, teasers, newsroom.authors, { pages: newsroom.pages, corrections: newestCorrection, tags });
  const news = newsSitemapItems(teasers, now, site);
  // A sitemap depends on every article, but only on its URL and last change (the News sitemap, on
  // the window's stories): its entries are its inputs, and an edit that moves neither prints none.
  return [
    ...sitemapFiles(site, SITEMAP_PATH, urls, MAX_SITEMAP_URLS).map((file) => page("sitemap", file.path, { urls: file }, ({ urls }) => renderSitemapFile(urls, renderUrlset))),
    ...sitemapFiles(site, NEWS_SITEMAP_PATH, news, MAX_NEWS_URLS).map((file) =>
      page("sitemap", file.path, { site, urls: file }, ({ site, urls }) => renderSitemapFile(urls, (items) => renderNewsUrlset(items, site))),
    ),
  ];
}

export function robotsFile(newsroom: Newsroom): PageSpec {
  return page("robots", "/robots.txt", { site: newsroom.site }, ({ site }) => robotsTxt(site));
}

export function headersFile(newsroom: Newsroom): PageSpec {
  return page("headers", "/_headers", { site: newsroom.site }, ({ site }) => renderHeaders(site));
}
