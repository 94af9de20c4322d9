// Eleventy plugin: sitemap.xml, the Google News sitemap and robots.txt.
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { Newsroom } from "../content/types.ts";
import { addFile, addPages } from "../pages/virtual.ts";
import { buildNow } from "../now.ts";
import { MAX_SITEMAP_URLS, renderUrlset, sitemapFiles, sitemapUrls, type SitemapFile } from "./sitemap.ts";
import { MAX_NEWS_URLS, articlesInNewsWindow, renderNewsUrlset } from "./news.ts";
import { NEWS_SITEMAP_PATH, SITEMAP_PATH, robotsTxt } from "./robots.ts";

function files(newsroom: Newsroom): SitemapFile[] {
  const { site } = newsroom;
  // The one output that depends on the clock: which articles are still "news".
  const news = articlesInNewsWindow(newsroom.articles, buildNow());
  return [
    ...sitemapFiles(site, SITEMAP_PATH, sitemapUrls(newsroom), MAX_SITEMAP_URLS, renderUrlset),
    ...sitemapFiles(site, NEWS_SITEMAP_PATH, news, MAX_NEWS_URLS, (articles) => renderNewsUrlset(articles, site)),
  ];
}

export default function sitemapsPlugin(eleventyConfig: UserConfig): void {
  // The News sitemap shows headlines; everything else in a sitemap changes only with the structure
  // (URLs, dates), which a preview rebuilds in full.
  addPages<SitemapFile>(eleventyConfig, "sitemap", files, (file) => file.path, (file) => file.xml, { affected: () => true, listingsOnly: true });
  addFile(eleventyConfig, "robots", "/robots.txt", (newsroom) => robotsTxt(newsroom.site));
}
