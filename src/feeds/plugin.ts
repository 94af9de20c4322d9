// Eleventy plugin: Atom and JSON feeds for the site, each section and each author.
import type UserConfig from "@11ty/eleventy/UserConfig";

export default function feedsPlugin(_eleventyConfig: UserConfig): void {}
