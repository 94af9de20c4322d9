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

/**
 * A body template as the build keeps it from load to render: its JSON, as UTF-8 bytes, off the V8
 * heap. Every article's template is kept that long, and V8 stores a string with one character
 * beyond Latin-1 (a dateline's em dash) at two bytes a character: 100,000 templates took ~1.6 GB of
 * heap as strings, ~0.7 GB as bytes. Deflated they took half that again, but unpacking them for
 * every feed and page cost more time than the memory was worth (docs/performance.md).
 */
export type PackedTemplate = Uint8Array & { readonly packed: "body template" };

/** A body template a TemplateSpill (src/render/template-spill.ts) keeps on disk: where it is in the spill's file. */
export interface SpilledTemplate {
  readonly spilled: true;
  readonly offset: number;
  readonly length: number;
  /** The file, when it is not the reading build's own spill: a checked part's (`--checked`, src/build/check-part.ts). */
  readonly file?: string;
}

/** A body template as an article carries it from load to render: in memory, or spilled to disk. */
export type KeptTemplate = PackedTemplate | SpilledTemplate;

/** Where the loader puts each body template it keeps (a build's TemplateSpill); without one, in memory. */
export interface TemplateKeeper {
  keep(template: PackedTemplate): KeptTemplate;
}

export function isSpilled(template: KeptTemplate): template is SpilledTemplate {
  return "spilled" in template;
}

const encoder = new TextEncoder();

export function packTemplate(template: BodyTemplate): PackedTemplate {
  // A buffer of its own size (not a slice of a shared pool, which a worker's reply would copy whole).
  return encoder.encode(JSON.stringify(template)) as PackedTemplate;
}

export function unpackTemplate(packed: PackedTemplate): BodyTemplate {
  return JSON.parse(Buffer.from(packed.buffer, packed.byteOffset, packed.byteLength).toString("utf8")) as BodyTemplate;
}

/** Replaces each marker with its block's HTML. */
export function fillBlocks(html: string, block: (kind: BlockKind, index: number) => string): string {
  return html.replace(MARKER, (_marker, kind: BlockKind, index: string) => block(kind, Number(index)));
}
