// The one Markdown pipeline for article bodies and author bios. Raw HTML is escaped (editors write
// Markdown, not markup), no template language ever runs over the text, and the newsroom's own
// blocks (```figure, ```gallery, ```embed, ```pullquote) and the dateline are added here.
import markdownIt, { type Env, type MarkdownIt, type Token } from "markdown-it";
import { reportDroppedContent } from "./drops.ts";
import { localeOf } from "../i18n/index.ts";

export interface MarkdownEnv extends Env {
  /** Printed in small caps at the start of the first paragraph: "PORT ALDER, Lakeshore —". */
  dateline?: string;
  /** Renders the n-th ```figure block of the body (in document order) to HTML. */
  renderFigure?: (index: number) => string;
  /** Renders the n-th ```gallery block of the body to HTML. */
  renderGallery?: (index: number) => string;
  /** Renders the n-th ```embed block of the body to HTML. */
  renderEmbed?: (index: number) => string;
  /** Origin of the site, so links to it are not marked external. */
  siteOrigin?: string;
  /** The site's path prefix ("/news/"): a link an editor writes as "/business/" must gain it. */
  pathPrefix?: string;
  /** A sponsored story: its links to other sites say so (rel="sponsored"), as search engines ask. */
  sponsored?: boolean;
}

export const FIGURE_INFO = "figure";
export const GALLERY_INFO = "gallery";
export const EMBED_INFO = "embed";
export const PULLQUOTE_INFO = "pullquote";

/** Blocks whose YAML the content loader validates and a renderer in the env turns into HTML. */
const DATA_BLOCKS = {
  [FIGURE_INFO]: "renderFigure",
  [GALLERY_INFO]: "renderGallery",
  [EMBED_INFO]: "renderEmbed",
} as const satisfies Record<string, keyof MarkdownEnv>;

type DataBlock = keyof typeof DATA_BLOCKS;

/** The pipeline for a site in `language`: straight quotes become that language's (its catalogue's, src/i18n/). */
export function createMarkdown(language = "en"): MarkdownIt {
  const md = markdownIt({ html: false, linkify: true, typographer: true });
  md.set({ quotes: [...localeOf(language).quotes] });
  md.linkify.set({ fuzzyLink: false, fuzzyEmail: false });
  reportDroppedContent(md);
  addDateline(md);
  addNewsroomBlocks(md);
  markExternalLinks(md);
  return md;
}

/** The ```<info> blocks of a parsed body (```figure by default), with their 0-based line in the body. */
export function findFigureBlocks(tokens: readonly Token[], info: DataBlock = FIGURE_INFO): { content: string; line: number }[] {
  return tokens
    .filter((token) => token.type === "fence" && token.info.trim() === info)
    .map((token) => ({ content: token.content, line: token.map?.[0] ?? 0 }));
}

/** The body's words as plain text (markup dropped), for counting. */
export function plainText(tokens: readonly Token[]): string {
  return tokens
    .flatMap((token) => (token.type === "inline" ? (token.children ?? []).map((child) => (child.type === "text" ? child.content : " ")) : [" "]))
    .join(" ");
}

/** Plain text of the first top-level paragraph: the default summary. */
export function firstParagraphText(tokens: readonly Token[]): string {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token?.type === "paragraph_open" && token.level === 0) {
      const inline = tokens[i + 1];
      return (inline?.children ?? [])
        .map((child) => (child.type === "text" || child.type === "code_inline" ? child.content : child.type === "softbreak" ? " " : ""))
        .join("")
        .replace(/\s+/g, " ")
        .trim();
    }
  }
  return "";
}

function addDateline(md: MarkdownIt): void {
  md.core.ruler.push("dateline", (state) => {
    const dateline = (state.env as MarkdownEnv).dateline;
    if (!dateline) return;
    const index = state.tokens.findIndex((token) => token.type === "paragraph_open" && token.level === 0);
    const inline = state.tokens[index + 1];
    if (index === -1 || !inline?.children) return;
    const token = new state.Token("dateline", "", 0);
    token.content = dateline;
    inline.children.unshift(token);
  });
  md.renderer.rules["dateline"] = (tokens, idx) =>
    `<span class="dateline">${md.utils.escapeHtml(tokens[idx]?.content ?? "")} —</span> `;
}

function addNewsroomBlocks(md: MarkdownIt): void {
  const fence = md.renderer.rules.fence;
  const isDataBlock = (info: string): info is DataBlock => Object.hasOwn(DATA_BLOCKS, info);
  md.core.ruler.push("figure_index", (state) => {
    const counts = new Map<string, number>();
    for (const token of state.tokens) {
      const info = token.info.trim();
      if (token.type !== "fence" || !isDataBlock(info)) continue;
      const index = counts.get(info) ?? 0;
      token.meta = { blockIndex: index };
      counts.set(info, index + 1);
    }
  });
  md.renderer.rules.fence = (tokens, idx, options, rawEnv, self) => {
    const env = (rawEnv ?? {}) as MarkdownEnv;
    const token = tokens[idx];
    const info = token?.info.trim() ?? "";
    if (token && isDataBlock(info)) {
      const render = env[DATA_BLOCKS[info]];
      if (!render) throw new Error(`markdown: a \`\`\`${info} block was rendered without a ${info} renderer`);
      return render((token.meta as { blockIndex: number }).blockIndex);
    }
    if (token && info === PULLQUOTE_INFO) return renderPullQuote(md, token.content);
    return fence ? fence(tokens, idx, options, rawEnv, self) : self.renderToken(tokens, idx, options);
  };
}

/** A pull quote: the quoted lines, then an optional attribution line starting with a dash. */
function renderPullQuote(md: MarkdownIt, content: string): string {
  const lines = content.trim().split(/\r?\n/);
  const last = lines[lines.length - 1] ?? "";
  const attribution = /^\s*(?:—|–|--)\s*(.+)$/.exec(last)?.[1];
  const quote = (attribution ? lines.slice(0, -1) : lines).join(" ").trim();
  const cite = attribution ? `<figcaption class="pull-quote__source">${md.renderInline(attribution)}</figcaption>` : "";
  return `<figure class="pull-quote"><blockquote><p>${md.renderInline(quote)}</p></blockquote>${cite}</figure>\n`;
}

/** Root-relative links and images ("/business/") gain the site's path prefix. */
function prefixed(url: string, env: MarkdownEnv): string {
  return env.pathPrefix && url.startsWith("/") && !url.startsWith("//") ? env.pathPrefix + url.slice(1) : url;
}

function markExternalLinks(md: MarkdownIt): void {
  const linkOpen = md.renderer.rules.link_open;
  md.renderer.rules.link_open = (tokens, idx, options, rawEnv, self) => {
    const env = (rawEnv ?? {}) as MarkdownEnv;
    const token = tokens[idx];
    const href = String(token?.attrGet("href") ?? "");
    if (token && /^https?:\/\//i.test(href) && !(env.siteOrigin && href.startsWith(env.siteOrigin))) {
      token.attrSet("rel", env.sponsored ? "sponsored noopener noreferrer" : "noopener noreferrer");
    }
    if (token) token.attrSet("href", prefixed(href, env));
    return linkOpen ? linkOpen(tokens, idx, options, rawEnv, self) : self.renderToken(tokens, idx, options);
  };
  const image = md.renderer.rules.image;
  md.renderer.rules.image = (tokens, idx, options, rawEnv, self) => {
    const token = tokens[idx];
    if (token) token.attrSet("src", prefixed(String(token.attrGet("src") ?? ""), (rawEnv ?? {})));
    return image ? image(tokens, idx, options, rawEnv, self) : self.renderToken(tokens, idx, options);
  };
}
