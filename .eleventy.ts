// Dateline's Eleventy configuration: composition only. Eleventy is the write stage and the live
// preview's server: the pipeline (load → plan → render → write, docs/architecture.md) hands it the
// pages of each run through a session, and no template or data file is ever discovered from disk.
import type UserConfig from "@11ty/eleventy/UserConfig";
import pagesPlugin, { type WriteSession } from "./src/build/eleventy-pages.ts";

export default function dateline(eleventyConfig: UserConfig, session: WriteSession): void {
  // Only our one virtual template; Eleventy's input is an empty folder, and no template language
  // ever runs over anything.
  eleventyConfig.setTemplateFormats(["11ty.js"]);
  eleventyConfig.addPlugin(pagesPlugin, { session }); // the run's pages, each rendered by its layout
}
