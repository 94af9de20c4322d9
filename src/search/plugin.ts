// Eleventy plugin: the Pagefind index of article bodies and the /search/ page.
import type UserConfig from "@11ty/eleventy/UserConfig";

export default function searchPlugin(_eleventyConfig: UserConfig): void {}
