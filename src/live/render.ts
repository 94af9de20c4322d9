// Live coverage ready for a layout: the pinned summary and each update rendered through the same
// Markdown pipeline (and env) as any article body, so figures and embeds work inside updates.
import type { Token } from "markdown-it";
import type { LiveCoverage } from "../content/types.ts";
import type { Moment } from "../dates.ts";
import { htmlToText } from "../seo/structured-data.ts";
import type { LiveSource } from "./updates.ts";

/** `render` turns a slice of the article's tokens into HTML with the article's env. */
export function renderLiveCoverage(source: LiveSource & { ended?: Moment }, tokens: readonly Token[], start: Moment, render: (tokens: Token[]) => string): LiveCoverage {
  const updates = source.updates
    .map((update) => {
      const html = render(tokens.slice(update.start, update.end));
      return { id: update.id, time: update.time, ...(update.headline && { headline: update.headline }), html, text: htmlToText(html) };
    })
    .sort((a, b) => b.time.epoch - a.time.epoch);
  return {
    status: source.ended ? "ended" : "live",
    start,
    ...(source.ended && { end: source.ended }),
    summaryHtml: render(tokens.slice(0, source.summaryEnd)),
    updates,
  };
}
