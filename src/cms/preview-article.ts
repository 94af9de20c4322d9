// The CMS's preview of an article: the form's values made into the same `Article` a build makes, then
// rendered by the site's own layout (layouts/ArticlePage.tsx) with the site's Markdown pipeline. Photos
// are the CMS's own copies (uploaded, not yet encoded), so the preview shows them as they are.
import { h } from "preact";
import { renderToStaticMarkup } from "preact-render-to-string";
import { parse as parseYaml } from "yaml";
import type { Article, Author, Correction, RenderedBody, Shell } from "../content/types.ts";
import type { ImageSet } from "../images/index.ts";
import { articleSchema, embedSchema, figureSchema, gallerySchema, STORY_TYPES } from "../content/schema.ts";
import { parseMoment, type Moment } from "../dates.ts";
import { createMarkdown, EMBED_INFO, FIGURE_INFO, findFigureBlocks, firstParagraphText, GALLERY_INFO, plainText, type MarkdownEnv } from "../markdown/markdown.ts";
import { countWords, readingMinutes, truncateText } from "../text.ts";
import { renderFigureHtml, renderGalleryHtml } from "../render/components.ts";
import type { PreviewData } from "./preview-data.ts";
import { ArticlePage, ArticleStory } from "../../layouts/ArticlePage.tsx";

/** Turns a path the editor wrote (relative to the article) into a URL the preview can show. */
export type AssetUrl = (path: string) => string;

const text = (value: unknown): string | undefined => (typeof value === "string" && value.trim() !== "" ? value.trim() : undefined);
const list = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : typeof value === "string" ? [value] : []);

function moment(value: unknown, timeZone: string): Moment | undefined {
  const written = text(value);
  if (!written || !articleSchema.shape.date.safeParse(written).success) return undefined;
  return parseMoment(written, timeZone);
}

/** A photo the CMS holds, as one image: the preview shows the file itself, not encoded sizes. */
function previewImage(url: string): ImageSet {
  return { sources: [], fallback: { url, width: 1600, height: 1067 } };
}

/** A block the form's Markdown holds that the build would refuse: said in the preview, where the editor looks. */
function blockProblem(kind: string): string {
  return `<p class="article__draft">This \`\`\`${kind} block has a problem: \`npm run check:content\` (or the pull request's check) says which.</p>`;
}

/** The body through the site's Markdown pipeline, its figures and galleries from the CMS's copies of the files. */
export function previewBody(body: string, data: PreviewData, dateline: string | undefined, assetUrl: AssetUrl): { html: string; words: number; firstParagraph: string } {
  const { site } = data;
  const md = createMarkdown(site.language);
  const env: MarkdownEnv = { siteOrigin: site.origin, pathPrefix: site.pathPrefix, ...(dateline && { dateline }) };
  const tokens = md.parse(body, env);
  const blocks = (info: typeof FIGURE_INFO | typeof GALLERY_INFO | typeof EMBED_INFO) => findFigureBlocks(tokens, info).map((block) => { try { return parseYaml(block.content) as unknown; } catch { return undefined; } });
  const figures = blocks(FIGURE_INFO);
  const galleries = blocks(GALLERY_INFO);
  const embeds = blocks(EMBED_INFO);
  env.renderFigure = (index) => {
    const figure = figureSchema.safeParse(figures[index]);
    if (!figure.success) return blockProblem(FIGURE_INFO);
    const { src, alt = "", caption = "", credit } = figure.data;
    return renderFigureHtml({ image: previewImage(assetUrl(src)), alt, caption, credit, kind: "inline", site });
  };
  env.renderGallery = (index) => {
    const gallery = gallerySchema.safeParse(galleries[index]);
    if (!gallery.success) return blockProblem(GALLERY_INFO);
    const photos = gallery.data.photos.map(({ src, alt = "", caption = "", credit }) => ({ image: previewImage(assetUrl(src)), alt, caption, ...(credit && { credit }) }));
    return renderGalleryHtml({ id: `gallery-${index + 1}`, title: gallery.data.title, photos }, site);
  };
  // Embeds load nothing from a third party in the preview either: their address, as a link.
  env.renderEmbed = (index) => {
    const embed = embedSchema.safeParse(embeds[index]);
    if (!embed.success) return blockProblem(EMBED_INFO);
    const label = "title" in embed.data ? embed.data.title : embed.data.author;
    return `<p class="embed-preview">${md.utils.escapeHtml(embed.data.type)}: ${md.utils.escapeHtml(label)}</p>`;
  };
  return { html: md.renderer.render(tokens, md.options, env), words: countWords(plainText(tokens)), firstParagraph: firstParagraphText(tokens) };
}

/** The article the form describes, as its page would show it (related stories aside). */
export function previewArticle(values: Record<string, unknown>, data: PreviewData, assetUrl: AssetUrl, now: Date): Article {
  const { site } = data;
  const published = moment(values["date"], site.timeZone) ?? parseMoment(now.toISOString(), site.timeZone);
  const updated = moment(values["updated"], site.timeZone);
  const section = site.sections.find((candidate) => candidate.slug === values["section"]) ?? site.sections[0] ?? { slug: "news", title: "News", path: "/news/" };
  const byId = new Map(data.authors.map((author) => [author.id, author]));
  const authors = list(values["byline"])
    .map((id) => byId.get(id))
    .filter((author): author is Author => author !== undefined);
  const dateline = text(values["dateline"]);
  const body = previewBody(typeof values["body"] === "string" ? values["body"] : "", data, dateline, assetUrl);
  const photoPath = text(values["photo"]);
  const photo = photoPath
    ? { image: previewImage(assetUrl(photoPath)), crops: { "16x9": previewImage("").fallback, "4x3": previewImage("").fallback, "1x1": previewImage("").fallback }, alt: text(values["alt"]) ?? "", caption: text(values["caption"]) ?? "", ...(text(values["credit"]) && { credit: text(values["credit"]) }) }
    : undefined;
  const corrections: Correction[] = (Array.isArray(values["corrections"]) ? values["corrections"] : []).flatMap((item: unknown, index: number) => {
    const fields = (item ?? {}) as Record<string, unknown>;
    const date = moment(fields["date"], site.timeZone);
    const note = text(fields["text"]);
    return date && note ? [{ id: `correction-${index + 1}`, date, text: note }] : [];
  });
  const headline = text(values["headline"]) ?? "Headline";
  const summary = text(values["summary"]) ?? truncateText(body.firstParagraph);
  const slug = text(values["slug"]) ?? "preview";
  const path = `/${published.day.replaceAll("-", "/")}/${slug}/`;
  const draft = values["draft"] === true;
  const scheduled = published.epoch > now.getTime();
  const rendered: RenderedBody = { html: body.html };
  const dek = text(values["summary"]);
  const storyType = STORY_TYPES.find((candidate) => candidate === values["type"]) ?? "news";
  const article: Article = {
    teaser: { id: "preview", path, headline, summary, section, tags: list(values["tags"]), published, authors, featured: false, priority: 0, draft, scheduled, type: storyType },
    id: "preview",
    slug,
    path,
    headline,
    ...(dek && { dek }),
    summary,
    authors,
    published,
    ...(updated && { updated }),
    ...(dateline && { dateline }),
    section,
    tags: list(values["tags"]),
    ...(photo && { photo }),
    corrections,
    draft,
    scheduled,
    featured: values["featured"] === true,
    type: storyType,
    body: { rendered },
    interactive: false,
    fieldsFromFiles: 0,
    wordCount: body.words,
    readingMinutes: readingMinutes(body.words),
  };
  return article;
}

/** The preview pane's HTML: the article page's `<main>` content, from the site's own layout. */
export function renderArticlePreview(values: Record<string, unknown>, data: PreviewData, assetUrl: AssetUrl, now: Date): string {
  const shell: Shell = { site: data.site, icons: { favicon: { url: "", width: 32, height: 32 }, touch: { url: "", width: 180, height: 180 } }, year: now.getFullYear(), stylesheet: data.stylesheet, scripts: data.scripts, preview: true, pages: [], policies: {}, promos: [] };
  const article = previewArticle(values, data, assetUrl, now);
  return renderToStaticMarkup(h("main", { id: "main" }, h(ArticlePage, { article, related: [], shell, story: h(ArticleStory, { article, shell }), signups: { newsletters: [], script: data.scripts.signup } })));
}
