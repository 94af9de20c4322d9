// An article's Markdown rendered while its tokens are at hand (~0.03 ms): HTML with a marker where
// each figure, gallery and embed goes, filled in by the render stage once their images exist. Only
// this string is kept per article, never the tokens (a 10,000-article archive's tokens take gigabytes).
import type { MarkdownIt, Token } from "markdown-it";
import type { MarkdownEnv } from "../markdown/markdown.ts";
import type { UpdateSource } from "../content/live-updates.ts";
import type { Moment } from "../dates.ts";

/** A block the render stage fills in: the n-th block of its kind in the body. */
export type BlockKind = "figure" | "gallery" | "embed";

/** NUL never survives into an article (text hygiene refuses it), so it can delimit markers. */
const MARKER = /\u0000(figure|gallery|embed):(\d+)\u0000/g;

export interface LiveUpdateTemplate {
  id: string;
  time: Moment;
  headline?: string;
  html: string;
}

export interface BodyTemplate {
  html: string;
  /** A live blog's pinned summary and updates, in the order written. */
  live?: { summaryHtml: string; updates: LiveUpdateTemplate[] };
}

/** Renders `tokens` with markers for the newsroom's blocks; `live` splits a live blog into its updates. */
export function renderBodyTemplate(
  md: MarkdownIt,
  tokens: Token[],
  site: { origin: string; pathPrefix: string },
  live?: { summaryEnd: number; updates: readonly UpdateSource[] },
  options: { sponsored?: boolean } = {},
): BodyTemplate {
  const env: MarkdownEnv = {
    siteOrigin: site.origin,
    pathPrefix: site.pathPrefix,
    ...(options.sponsored && { sponsored: true }),
    renderFigure: (index) => `\u0000figure:${index}\u0000`,
    renderGallery: (index) => `\u0000gallery:${index}\u0000`,
    renderEmbed: (index) => `\u0000embed:${index}\u0000`,
  };
  const render = (slice: Token[]) => md.renderer.render(slice, md.options, env);
  const template: BodyTemplate = { html: render(tokens) };
  if (live) {
    template.live = {
      summaryHtml: render(tokens.slice(0, live.summaryEnd)),
      updates: live.updates.map((update) => ({ id: update.id, time: update.time, ...(update.headline && { headline: update.headline }), html: render(tokens.slice(update.start, update.end)) })),
    };
  }
  return template;
}

/** Replaces each marker with its block's HTML. */
export function fillBlocks(html: string, block: (kind: BlockKind, index: number) => string): string {
  return html.replace(MARKER, (_marker, kind: BlockKind, index: string) => block(kind, Number(index)));
}
