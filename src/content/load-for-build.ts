// The newsroom as a build sees it: content rendered with our layouts, images through the
// persistent cache. One place, so the site build and `npm run edition` can never load it apart.
import path from "node:path";
import { loadNewsroom, type LoadOptions } from "./newsroom.ts";
import type { Newsroom } from "./types.ts";
import { defaultCacheDir, ImagePipeline } from "../images/index.ts";
import { siteUrl } from "../site.ts";
import { renderEmbedHtml, renderFigureHtml, renderGalleryHtml } from "../render.ts";

/** The persistent image cache: `DATELINE_CACHE_DIR`, else `.cache/images`. Cache it in CI. */
export function imageCacheDir(env: NodeJS.ProcessEnv = process.env, fallback?: string): string {
  return fallback === undefined || env["DATELINE_CACHE_DIR"] !== undefined ? defaultCacheDir(env) : path.resolve(fallback);
}

export interface BuildLoadOptions {
  contentDir: string;
  includeDrafts: boolean;
  cacheDir: string;
}

/** The loader's options for a build: also what the live preview's article cache renders with. */
export function buildLoadOptions(options: BuildLoadOptions): LoadOptions {
  return {
    contentDir: options.contentDir,
    includeDrafts: options.includeDrafts,
    images: (site) => new ImagePipeline({ cacheDir: options.cacheDir, urlPath: siteUrl(site, "/img/") }),
    renderFigure: (figure) => renderFigureHtml({ ...figure, kind: "inline" }),
    renderGallery: renderGalleryHtml,
    renderEmbed: renderEmbedHtml,
  };
}

export function loadNewsroomForBuild(options: BuildLoadOptions): Promise<Newsroom> {
  return loadNewsroom(buildLoadOptions(options));
}
