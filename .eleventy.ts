// Dateline's Eleventy configuration: composition only. Each concern is one plugin in src/.
import type UserConfig from "@11ty/eleventy/UserConfig";
import contentPlugin from "./src/content/plugin.ts";
import pagesPlugin from "./src/pages/plugin.ts";
import feedsPlugin from "./src/feeds/plugin.ts";
import sitemapsPlugin from "./src/sitemaps/plugin.ts";
import editionPlugin from "./src/edition/plugin.ts";
import searchPlugin from "./src/search/plugin.ts";
import headersPlugin from "./src/headers.ts";
import assetsPlugin from "./src/assets.ts";

export default function (eleventyConfig: UserConfig) {
  eleventyConfig.addPlugin(contentPlugin); // schema, validation, images, drafts
  eleventyConfig.addPlugin(pagesPlugin); // articles, front page, sections, tags, authors, archive, 404
  eleventyConfig.addPlugin(feedsPlugin); // Atom + JSON Feed: site, sections, authors
  eleventyConfig.addPlugin(sitemapsPlugin); // sitemap.xml, News sitemap, robots.txt
  eleventyConfig.addPlugin(editionPlugin); // the daily edition: web pages, archive, feed
  eleventyConfig.addPlugin(searchPlugin); // Pagefind index and /search/
  eleventyConfig.addPlugin(headersPlugin); // _headers: Content-Security-Policy and friends
  eleventyConfig.addPlugin(assetsPlugin); // public/ as-is, hashed stylesheet URL
  eleventyConfig.addWatchTarget("./src/");
  eleventyConfig.addWatchTarget("./layouts/");
}

// The input folder (content/) is given on the command line, not here: a `dir` set in the config would
// override the folder a test or a script passes in.
export const config = {
  // Pages come only from our virtual templates: content files are data, never templates, and no
  // template language ever runs over them.
  templateFormats: ["11ty.js"],
  markdownTemplateEngine: false,
  htmlTemplateEngine: false,
};
