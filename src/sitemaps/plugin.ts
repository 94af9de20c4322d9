// Eleventy plugin: sitemap.xml, the Google News sitemap and robots.txt.
import type UserConfig from "@11ty/eleventy/UserConfig";

export default function sitemapsPlugin(_eleventyConfig: UserConfig): void {}
