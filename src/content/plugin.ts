// Eleventy plugin: before each build, load and validate the whole newsroom from the input folder
// and expose it as the `newsroom` global data; after the build, copy the images it used.
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { loadNewsroom } from "./newsroom.ts";
import type { Newsroom } from "./types.ts";
import { ImagePipeline } from "../images/index.ts";
import { siteUrl } from "../site.ts";
import { renderFigureHtml } from "../render.ts";

/** One line after each build: what was published, what was skipped, what the images cost. */
export function summarizeBuild(newsroom: Newsroom): string {
  const { encoded, reused } = newsroom.images.getStats();
  const drafts = newsroom.skippedDrafts.length;
  const parts = [
    `${newsroom.articles.length} articles`,
    `${newsroom.authors.length} authors`,
    `images: ${encoded} encoded, ${reused} reused`,
  ];
  if (drafts > 0) parts.push(`${drafts} draft${drafts === 1 ? "" : "s"} skipped (${newsroom.skippedDrafts.map((draft) => draft.id).join(", ")})`);
  return `[dateline] ${parts.join("; ")}`;
}

export interface ContentPluginOptions {
  /** Persistent image cache; `DATELINE_CACHE_DIR` overrides it. Default `.cache/images`. */
  imageCacheDir?: string;
}

interface BuildEvent {
  directories: { input: string; output: string };
  runMode: "build" | "watch" | "serve";
}

export default function contentPlugin(eleventyConfig: UserConfig, options: ContentPluginOptions = {}): void {
  let newsroom: Newsroom | undefined;
  const cacheDir = path.resolve(process.env["DATELINE_CACHE_DIR"] ?? options.imageCacheDir ?? ".cache/images");

  // Content files are data, not templates, so Eleventy does not watch them by itself.
  const { input } = eleventyConfig.directories as { input: string };
  eleventyConfig.addWatchTarget(path.join(input, "**/*.{md,ts,jpg,jpeg,png,webp,avif,gif}"));

  eleventyConfig.on("eleventy.before", async ({ directories, runMode }: BuildEvent) => {
    newsroom = undefined;
    newsroom = await loadNewsroom({
      contentDir: directories.input,
      includeDrafts: runMode !== "build",
      images: (site) => new ImagePipeline({ cacheDir, urlPath: siteUrl(site, "/img/") }),
      renderFigure: (figure) => renderFigureHtml({ ...figure, kind: "inline" }),
    });
  });

  eleventyConfig.addGlobalData("newsroom", () => {
    if (!newsroom) throw new Error("[content] the newsroom was read before it was loaded");
    return newsroom;
  });

  eleventyConfig.on("eleventy.after", async ({ directories }: BuildEvent) => {
    if (!newsroom) return;
    await newsroom.images.copyUsed(directories.output);
    console.log(summarizeBuild(newsroom));
  });
}
