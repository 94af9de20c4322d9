// Loads a whole newsroom: settings, authors, articles. Every file is validated and every problem
// collected before anything is encoded or rendered; one ContentError then stops the build.
import fs from "node:fs/promises";
import path from "node:path";
import type { MarkdownIt, Token } from "markdown-it";
import { SETTINGS_FILE, lineOfSetting, loadSettings } from "./load-settings.ts";
import { readAuthors, type AuthorSource } from "./load-authors.ts";
import { readArticle, readArticles, type ArticleContext, type ArticleSource, type EmbedSource } from "./load-articles.ts";
import { mapFiles, resolveImage } from "./files.ts";
import { ContentError } from "./errors.ts";
import type { Article, Author, Embed, Gallery, LiveCoverage, Newsroom } from "./types.ts";
import { createMarkdown, type MarkdownEnv } from "../markdown.ts";
import { IMAGE_WIDTHS, type ImagePipeline, type ImageSet, type ImageVariant, type SiteIcons } from "../images/index.ts";
import { parseMoment } from "../dates.ts";
import { buildNow } from "../now.ts";
import { mastodonUrl } from "../social.ts";
import { renderLiveCoverage } from "../live/render.ts";
import { monogramSvg } from "../images/monogram.ts";
import { readingMinutes, truncateText } from "../text.ts";
import type { Site } from "../site.ts";

export interface LoadOptions {
  contentDir: string;
  /** Drafts and scheduled (future-dated) articles are shown in the live preview and left out of production builds. */
  includeDrafts: boolean;
  /** The image pipeline for this site (its URLs carry the site's path prefix). */
  images: (site: Site) => ImagePipeline;
  /** Renders an inline figure (a layout component) to HTML. */
  renderFigure: (figure: { image: ImageSet; alt: string; caption: string; credit?: string }) => string;
  /** Renders a ```gallery block (a layout component) to HTML. */
  renderGallery?: (gallery: Gallery, site: Site) => string;
  /** Renders an ```embed block (a layout component) to HTML. */
  renderEmbed?: (embed: Embed, site: Site) => string;
}

/** Validates everything without encoding images or rendering: what `check:content` needs. */
export async function validateNewsroom(contentDir: string, { keepBodies = true }: { keepBodies?: boolean } = {}) {
  const dir = path.resolve(contentDir);
  const { site, problems } = await loadSettings(dir);
  const authors = await readAuthors(dir);
  problems.push(...authors.problems);
  if (!site) return { problems };
  const md = createMarkdown(site.language);
  const authorIds = new Set([...authors.authors.map((author) => author.id), ...authors.problems.map((p) => path.basename(p.file, ".md"))]);
  const articles = await readArticles({ contentDir: dir, site, authorIds, md, keepBodies });
  problems.push(...articles.problems);
  const logo = site.logo === undefined ? undefined : await resolveLogo(dir, site.logo);
  if (logo && !logo.ok) problems.push(logo.problem);
  return { site, md, authorIds, authors: authors.authors, articles: articles.articles, logoFile: logo?.ok ? logo.file : undefined, problems };
}

/** The settings' `logo`, checked like any photo: an image file inside the content folder. */
async function resolveLogo(contentDir: string, written: string) {
  const settingsFile = path.join(contentDir, SETTINGS_FILE);
  const resolved = await resolveImage(contentDir, settingsFile, written);
  if (resolved.ok) return { ok: true as const, file: resolved.file };
  const line = lineOfSetting(await fs.readFile(settingsFile, "utf8"), ["logo"]);
  return { ok: false as const, problem: { file: settingsFile, line, field: "logo", message: resolved.message } };
}

export async function loadNewsroom(options: LoadOptions): Promise<Newsroom> {
  return (await load(options, true)).newsroom;
}

/**
 * A newsroom whose article bodies are rendered part by part: what a build in parts needs (see
 * src/parts/). Every article is validated and listed, but its body is rendered only when a part asks.
 */
export interface NewsroomInParts {
  /** Every article with what listings, feeds' metadata and related lists show; bodies are withheld (reading one throws). */
  newsroom: Newsroom;
  /** The same articles with their bodies: read, checked and rendered again from their files. */
  withBodies: (articles: readonly Article[]) => Promise<Article[]>;
}

export async function loadNewsroomInParts(options: LoadOptions): Promise<NewsroomInParts> {
  const { newsroom, context } = await load(options, false);
  const withBodies = async (articles: readonly Article[]) => {
    const read = await mapFiles(articles, (article) => readArticle(path.join(context.contentDir, article.id), context));
    const problems = read.flatMap((result, index) => {
      const before = articles[index];
      if (result.problems.length > 0 || !result.article || !before) return result.problems;
      if (result.article.path !== before.path) return [{ file: result.article.file, line: 1, field: "file", message: `changed while the site was being built (its URL is now ${result.article.path}); build again` }];
      return [];
    });
    if (problems.length > 0) throw new ContentError(problems);
    return Promise.all(
      articles.map(async (listed, index) => {
        const source = read[index]?.article;
        if (!source?.tokens) throw new Error(`[parts] ${listed.id} was read again without its body`);
        // The listing (lead photo included) was made by the first load: only the body is new.
        const article = listingOf(listed);
        await renderBody(article, source, source.tokens, newsroom.site, context.md, newsroom.images, options);
        return article;
      }),
    );
  };
  return { newsroom, withBodies };
}

/** Validates and renders the newsroom; without `keepBodies`, articles come without their bodies. */
async function load(options: LoadOptions, keepBodies: boolean) {
  const checked = await validateNewsroom(options.contentDir, { keepBodies });
  if (checked.problems.length > 0 || !checked.site) throw new ContentError(checked.problems);
  const { site, md } = checked;
  const images = options.images(site);
  const base = await renderNewsroomBase(site, md, checked.authors, checked.logoFile, images);
  const { authors } = base;

  const now = buildNow().getTime();
  const isScheduled = (source: ArticleSource) => source.published.epoch > now;
  const isDraft = (source: ArticleSource) => source.fields.draft === true;
  const published = checked.articles.filter((source) => options.includeDrafts || (!isDraft(source) && !isScheduled(source)));
  const publishedSet = new Set(published);
  const articles = await Promise.all(published.map((source) => renderArticle(source, site, md, authors, images, options, isScheduled(source))));
  const skipped = (test: (source: ArticleSource) => boolean) =>
    checked.articles.filter((source) => !publishedSet.has(source) && test(source)).map((source) => ({ id: source.id, headline: source.fields.headline, published: source.published }));
  const newsroom = assembleNewsroom(site, articles, base, images, {
    drafts: skipped(isDraft),
    // A draft that is also future-dated counts once, as a draft.
    scheduled: skipped((source) => !isDraft(source) && isScheduled(source)),
  });
  const context: ArticleContext = { contentDir: path.resolve(options.contentDir), site, authorIds: checked.authorIds, md };
  return { newsroom, context, authors };
}

/** What every article is rendered against besides the settings: the logo, the site icons and the authors. */
export interface NewsroomBase {
  authors: ReadonlyMap<string, Author>;
  logo: ImageVariant | undefined;
  icons: SiteIcons;
}

/** Renders the logo, icons and authors; shared by `loadNewsroom` and the live preview's article cache. */
export async function renderNewsroomBase(site: Site, md: MarkdownIt, authorSources: readonly AuthorSource[], logoFile: string | undefined, images: ImagePipeline): Promise<NewsroomBase> {
  const logo = logoFile ? await images.logo(logoFile) : undefined;
  const icons = await images.icons(logoFile, monogramSvg(site.name));
  const authors = new Map<string, Author>();
  for (const source of authorSources) authors.set(source.id, await renderAuthor(source, md, images, site));
  return { authors, logo, icons };
}

/** The Newsroom object from its rendered parts; sorts `articles` (newest first) in place. */
export function assembleNewsroom(site: Site, articles: Article[], base: NewsroomBase, images: ImagePipeline, skipped: { drafts: Newsroom["skippedDrafts"]; scheduled: Newsroom["skippedScheduled"] }): Newsroom {
  articles.sort((a, b) => b.published.epoch - a.published.epoch || a.id.localeCompare(b.id));
  const { authors, logo, icons } = base;
  return {
    site,
    articles,
    authors: [...authors.values()],
    skippedDrafts: skipped.drafts,
    skippedScheduled: skipped.scheduled,
    images,
    ...(logo && { logo }),
    icons,
  };
}

async function renderAuthor(source: AuthorSource, md: MarkdownIt, images: ImagePipeline, site: Site): Promise<Author> {
  const { fields } = source;
  const author: Author = {
    id: source.id,
    name: fields.name,
    organization: fields.organization ?? false,
    bioHtml: md.render(source.bio, { siteOrigin: site.origin, pathPrefix: site.pathPrefix } satisfies MarkdownEnv),
    path: `/authors/${source.id}/`,
  };
  if (fields.role) author.role = fields.role;
  if (fields.email) author.email = fields.email;
  const x = fields.x ?? fields.twitter;
  if (x) author.x = x;
  if (fields.mastodon) author.mastodon = { handle: fields.mastodon, url: mastodonUrl(fields.mastodon) };
  if (fields.url) author.url = fields.url;
  if (source.photoFile) author.photo = await images.process(source.photoFile, IMAGE_WIDTHS.headshot);
  return author;
}

export async function renderArticle(
  source: ArticleSource,
  site: Site,
  md: MarkdownIt,
  authors: ReadonlyMap<string, Author>,
  images: ImagePipeline,
  renderers: Pick<LoadOptions, "renderFigure" | "renderGallery" | "renderEmbed">,
  scheduled: boolean,
): Promise<Article> {
  const { fields } = source;
  const article: Article = {
    id: source.id,
    slug: source.slug,
    path: source.path,
    headline: fields.headline,
    summary: fields.summary ?? truncateText(source.firstParagraph),
    authors: fields.byline.map((id) => authors.get(id)).filter((author): author is Author => author !== undefined),
    published: source.published,
    section: site.sections.find((section) => section.slug === fields.section) ?? { slug: fields.section, title: fields.section, path: `/${fields.section}/` },
    tags: fields.tags ?? [],
    corrections: (fields.corrections ?? []).map((correction) => ({ date: parseMoment(correction.date, site.timeZone), text: correction.text })),
    draft: fields.draft ?? false,
    scheduled,
    featured: fields.featured ?? false,
    bodyHtml: "",
    interactive: source.galleries.length > 0 || source.embeds.some((embed) => "id" in embed),
    fieldsFromFiles: [source.photo, ...source.figures, ...source.galleries.flatMap((gallery) => gallery.photos)].reduce((sum, photo) => sum + (photo?.fromFile.length ?? 0), 0),
    wordCount: source.words,
    readingMinutes: readingMinutes(source.words),
  };
  if (source.updated) article.updated = source.updated;
  if (fields.dateline) article.dateline = fields.dateline;
  if (fields.summary) article.dek = fields.summary;
  if (source.photo) {
    const { file, alt, caption, credit } = source.photo;
    const [image, crops] = await Promise.all([images.process(file, IMAGE_WIDTHS.lead), images.crop(file)]);
    article.photo = { image, crops, alt, caption };
    if (credit) article.photo.credit = credit;
    if (source.photoDetails) Object.assign(article.photo, source.photoDetails);
  }
  if (source.tokens) await renderBody(article, source, source.tokens, site, md, images, renderers);
  else withholdBody(article, source);
  return article;
}

/** Renders the body (and live updates) with its figures, galleries and embeds. */
async function renderBody(
  article: Article,
  source: ArticleSource,
  tokens: Token[],
  site: Site,
  md: MarkdownIt,
  images: ImagePipeline,
  renderers: Pick<LoadOptions, "renderFigure" | "renderGallery" | "renderEmbed">,
): Promise<void> {
  const process = ({ file, fromFile: _fromFile, ...text }: ArticleSource["figures"][number]) =>
    images.process(file, IMAGE_WIDTHS.inline).then((image) => ({ ...text, image }));
  const [figures, galleries, embeds] = await Promise.all([
    Promise.all(source.figures.map(process)),
    Promise.all(
      source.galleries.map(async (gallery, index): Promise<Gallery> => ({ id: `gallery-${index + 1}`, title: gallery.title, photos: await Promise.all(gallery.photos.map(process)) })),
    ),
    Promise.all(source.embeds.map((embed) => prepareEmbed(embed, images))),
  ]);
  const prepared = <T>(list: readonly T[], what: string, index: number): T => {
    const item = list[index];
    if (item === undefined) throw new Error(`[markdown] ${what} ${index} of ${source.id} was not prepared`);
    return item;
  };
  const env: MarkdownEnv = {
    siteOrigin: site.origin,
    pathPrefix: site.pathPrefix,
    renderFigure: (index) => renderers.renderFigure(prepared(figures, "figure", index)),
  };
  const { renderGallery, renderEmbed } = renderers;
  if (renderGallery) env.renderGallery = (index) => renderGallery(prepared(galleries, "gallery", index), site);
  if (renderEmbed) env.renderEmbed = (index) => renderEmbed(prepared(embeds, "embed", index), site);
  article.bodyHtml = md.renderer.render(tokens, md.options, env);
  if (source.live) article.live = renderLiveCoverage(source.live, tokens, source.published, (slice) => md.renderer.render(slice, md.options, env));
}

/** A copy of an article loaded without its body: everything but what was withheld. */
function listingOf(listed: Article): Article {
  const article = {} as Article;
  for (const [key, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(listed))) {
    if ("value" in descriptor && key !== "live") Object.defineProperty(article, key, descriptor);
  }
  return article;
}

/**
 * An article loaded without its body (a build in parts): its rendered text is withheld, and
 * reading it throws, so a page that needs the body can never be written without it by mistake.
 */
function withholdBody(article: Article, source: ArticleSource): void {
  // The getters keep only the id: a closure over `source` would keep every file's front matter,
  // and with it the file's whole text, alive for the length of the build.
  const { id, live } = source;
  Object.defineProperty(article, "bodyHtml", withheld("body", id));
  if (live) {
    // Listings show whether coverage is live; only the article's own page shows the updates.
    const coverage = { status: live.ended ? "ended" : "live", start: source.published, ...(live.ended && { end: live.ended }) } as LiveCoverage;
    Object.defineProperties(coverage, { summaryHtml: withheld("live summary", id), updates: withheld("live updates", id) });
    article.live = coverage;
  }
}

function withheld(what: string, id: string): PropertyDescriptor {
  return {
    enumerable: true,
    configurable: true,
    get(): never {
      throw new Error(`[parts] the ${what} of ${id} was read in a part of the build that did not render it (a Dateline defect: see src/parts/)`);
    },
  };
}

/** Player addresses that set no tracking cookies (YouTube's privacy-enhanced mode, Vimeo's dnt). */
function playerUrl(embed: Extract<EmbedSource, { id: string }>): string {
  return embed.type === "youtube"
    ? `https://www.youtube-nocookie.com/embed/${embed.id}?autoplay=1`
    : `https://player.vimeo.com/video/${embed.id}?autoplay=1&dnt=1`;
}

async function prepareEmbed(embed: EmbedSource, images: ImagePipeline): Promise<Embed> {
  if (embed.type === "audio") return { type: "audio", src: await images.publishFile(embed.file), title: embed.title };
  if ("id" in embed) {
    const video: Embed = { type: embed.type, url: embed.url, title: embed.title, playerUrl: playerUrl(embed) };
    if (embed.posterFile) video.poster = await images.process(embed.posterFile, IMAGE_WIDTHS.inline);
    return video;
  }
  return embed;
}
