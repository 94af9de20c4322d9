// What the admin page hands its preview pane (as JSON in the page): the site and its authors, as the
// build has them, so a story is previewed with the real byline, author boxes, sections and dates.
import type { Author, Shell } from "../content/types.ts";
import type { Site } from "../site/site.ts";

export interface PreviewData {
  site: Site;
  /** Site path of the stylesheet with its content hash, registered in the preview pane. */
  stylesheet: string;
  /** The pages' scripts, as the build names them (the pane runs none). */
  scripts: Shell["scripts"];
  authors: Author[];
}

/** The id of the `<script type="application/json">` element that carries it. */
export const PREVIEW_DATA_ID = "dateline-preview-data";
