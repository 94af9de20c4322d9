// The newsroom as a build sees it: content rendered with our layouts, images through the
// persistent cache. One place, so the site build and `npm run edition` can never load it apart.
import path from "node:path";
import { loadNewsroom } from "./newsroom.ts";
import type { Newsroom } from "./types.ts";
import { ImagePipeline } from "../images/index.ts";
import { siteUrl } from "../site.ts";
import { renderEmbedHtml, renderFigureHtml, renderGalleryHtml } from "../render.ts";

/** The persistent image cache: `DATELINE_CACHE_DIR`, else `.cache/images`. Cache it in CI. */
export function imageCacheDir(env: NodeJS.ProcessEnv = process.env, fallback = ".cache/images"): string {
  return path.resolve(env["DATELINE_CACHE_DIR"] ?? fallback);
}

export function loadNewsroomForBuild(options: { contentDir: string; includeDrafts: boolean; cacheDir: string }): Promise<Newsroom> {
  return loadNewsroom({
    contentDir: options.contentDir,
    includeDrafts: options.includeDrafts,
    images: (site) => new ImagePipeline({ cacheDir: options.cacheDir, urlPath: siteUrl(site, "/img/") }),
    renderFigure: (figure) => renderFigureHtml({ ...figure, kind: "inline" }),
    renderGallery: renderGalleryHtml,
    renderEmbed: renderEmbedHtml,
  });
}
