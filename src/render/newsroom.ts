// From loaded content to the newsroom pages are made of: photos through the image service (lead
// photos and their crops, headshots, the logo, the icons), bios rendered, teasers and articles made
// and digested, bodies left to the body renderer. Drafts and scheduled stories are left out of a
// production build and kept, marked, in the preview.
import type { MarkdownIt } from "markdown-it";
import type { ArticleSource } from "../content/load-articles.ts";
import type { AuthorSource } from "../content/load-authors.ts";
import type { PageSource } from "../content/load-pages.ts";
import type { Article, Author, AuthorRef, Correction, Newsroom, Photo, Promo, Shell, SkippedArticle, StandalonePage, Teaser } from "../content/types.ts";
import { IMAGE_WIDTHS, type ImagePipeline, type ImageVariant } from "../images/index.ts";
import { monogramSvg } from "../images/monogram.ts";
import { mastodonUrl } from "../social.ts";
import { readingMinutes, truncateText } from "../text.ts";
import type { MarkdownEnv } from "../markdown/markdown.ts";
import type { Site } from "../site/site.ts";
import { digestOf, withDigest } from "../build/digest.ts";
import { latestYear } from "../site/collections.ts";
import { stylesheetPath, versionedPath } from "../site/assets.ts";
import type { BodyRenderer } from "./bodies.ts";
import { imageFailureFor } from "../content/image-failures.ts";
import { drawShareCard, SHARE_CARD_VERSION } from "./share-card.ts";
import { storyLabel } from "../site/story-types.ts";
import { localeOf } from "../i18n/index.ts";
import { addDays, type Moment } from "../dates.ts";

/** What the loader checked: the settings, authors and articles, each valid. */
export interface CheckedContent {
  site: Site;
  md: MarkdownIt;
  authors: readonly AuthorSource[];
  articles: readonly ArticleSource[];
  pages: readonly PageSource[];
  logoFile?: string | undefined;
  /** Each promo's thumbnail, resolved (undefined where it has none). */
  promoFiles: readonly (string | undefined)[];
  /** An article's body template, read again for an article that came from the build's cache without it. */
  reread: (source: ArticleSource) => Promise<NonNullable<ArticleSource["template"]>>;
}

export interface PrepareOptions {
  images: ImagePipeline;
  bodies: BodyRenderer;
  /** The live preview: drafts and scheduled stories are shown (bannered) and every page says noindex. */
  preview: boolean;
  /** The build's "now": stories dated after it are scheduled. */
  now: Date;
}

export async function prepareNewsroom(content: CheckedContent, options: PrepareOptions): Promise<Newsroom> {
  const { md } = content;
  // The settings are in the inputs of thousands of pages (feeds, editions): digested once, not with
  // each. A copy is digested (and so frozen): the loaded content stays as the loader made it.
  const site = withDigest({ ...content.site });
  const { images, bodies, preview } = options;
  const now = options.now.getTime();
  // An image that fails to encode is a content problem of the file that shows it, never a libvips stack.
  const logo = content.logoFile ? await images.logo(content.logoFile).catch(imageFailureFor(content.logoFile)) : undefined;
  const icons = await images.icons(content.logoFile, monogramSvg(site.name)).catch(imageFailureFor(content.logoFile ?? ""));
  const authors = await Promise.all(content.authors.map((source) => prepareAuthor(source, md, images, site)));
  const byId = new Map(authors.map((author) => [author.id, author]));

  const isDraft = (source: ArticleSource) => source.fields.draft === true;
  const isScheduled = (source: ArticleSource) => source.published.epoch > now;
  const skipped = (test: (source: ArticleSource) => boolean): SkippedArticle[] =>
    preview ? [] : content.articles.filter(test).map((source) => ({ id: source.id, headline: source.fields.headline, published: source.published }));
  const published = content.articles.filter((source) => preview || (!isDraft(source) && !isScheduled(source)));
  const context: ArticleContext = { site, byId, images, bodies, reread: content.reread, scheduled: false, logoFile: content.logoFile, cardsFrom: shareCardsFrom(site, published) };
  const articles = await Promise.all(published.map((source) => prepareArticle(source, { ...context, scheduled: isScheduled(source) })));
  articles.sort((a, b) => b.published.epoch - a.published.epoch || a.id.localeCompare(b.id));
  const pages = await Promise.all(content.pages.map((source) => preparePage(source, bodies)));
  const promos = await Promise.all((site.promos ?? []).map((promo, index) => preparePromo(promo, content.promoFiles[index], images)));
  // The banner links to a story that is out: never to a draft or a scheduled story shown in the preview.
  const breaking = breakingStory(published.filter((source) => !isDraft(source) && !isScheduled(source)), now);

  const shell: Shell = withDigest({
    site,
    ...(logo && { logo }),
    icons,
    year: latestYear(articles.map((article) => article.teaser)),
    stylesheet: stylesheetPath(),
    scripts: { signup: versionedPath("/js/signup.js"), live: versionedPath("/js/live.js") },
    preview,
    pages: pages.map(({ title, path, nav }) => ({ title, path, nav })),
    policies: Object.fromEntries(pages.flatMap((page) => page.policies.map((policy) => [policy, page.path] as const))),
    ...(breaking && { breaking }),
    promos,
  });
  const shown = new Set(articles.map((article) => article.id));
  return {
    shell,
    site,
    articles,
    authors,
    skippedDrafts: skipped(isDraft),
    // A draft that is also future-dated counts once, as a draft.
    skippedScheduled: skipped((source) => !isDraft(source) && isScheduled(source)),
    pages,
    links: [...content.articles.filter((source) => shown.has(source.id)).flatMap((source) => source.links), ...content.pages.flatMap((page) => page.links)],
  };
}

/** How long the breaking-news banner stays up without a `breakingUntil`. */
export const BREAKING_HOURS = 6;

/** The newest story marked breaking whose window (`date` to `breakingUntil`, else six hours on) holds `now`. */
export function breakingStory(sources: readonly ArticleSource[], now: number): { headline: string; path: string } | undefined {
  const live = sources
    .filter((source) => source.fields.breaking === true && source.published.epoch <= now)
    .filter((source) => now < (source.breakingUntil?.epoch ?? source.published.epoch + BREAKING_HOURS * 3_600_000))
    .sort((a, b) => b.published.epoch - a.published.epoch || a.id.localeCompare(b.id));
  const story = live[0];
  return story && { headline: story.fields.headline, path: story.path };
}

async function preparePage(source: PageSource, bodies: BodyRenderer): Promise<StandalonePage> {
  const bodyDigest = digestOf({ text: source.sourceDigest, media: await bodies.media(source).catch(imageFailureFor(source.file)) });
  const body = bodies.ref({ id: source.id, file: source.file, template: source.template, reread: () => Promise.resolve(source.template), figures: source.figures, galleries: source.galleries, embeds: source.embeds }, bodyDigest);
  const { fields } = source;
  return withDigest({
    id: source.id,
    slug: source.slug,
    path: source.path,
    title: fields.title,
    nav: fields.nav ?? "footer",
    ...(fields.description && { description: fields.description }),
    ...(source.updated && { updated: source.updated }),
    policies: fields.policies ?? [],
    body,
  });
}

async function preparePromo(promo: NonNullable<Site["promos"]>[number], file: string | undefined, images: ImagePipeline): Promise<Promo> {
  const image = file === undefined ? undefined : await images.process(file, IMAGE_WIDTHS.promo).catch(imageFailureFor(file));
  return { title: promo.title, url: promo.url, source: promo.source, ...(image && { image }) };
}

/** Each correction with the anchor it has on the article page: its time, made unique within the article. */
export function correctionsWithIds(corrections: readonly { date: Moment; text: string }[]): Correction[] {
  const seen = new Map<string, number>();
  return corrections.map(({ date, text }) => {
    const base = `correction-${date.day.replace(/-/g, "")}${date.hasTime ? `-${date.iso.slice(11, 16).replace(":", "")}` : ""}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return { id: count === 1 ? base : `${base}-${count}`, date, text };
  });
}

async function prepareAuthor(source: AuthorSource, md: MarkdownIt, images: ImagePipeline, site: Site): Promise<Author> {
  const { fields } = source;
  const author: Author = {
    id: source.id,
    name: fields.name,
    path: `/authors/${source.id}/`,
    organization: fields.organization ?? false,
    bioHtml: md.render(source.bio, { siteOrigin: site.origin, pathPrefix: site.pathPrefix } satisfies MarkdownEnv),
  };
  if (fields.role) author.role = fields.role;
  if (fields.email) author.email = fields.email;
  const x = fields.x ?? fields.twitter;
  if (x) author.x = x;
  if (fields.mastodon) author.mastodon = { handle: fields.mastodon, url: mastodonUrl(fields.mastodon) };
  if (fields.url) author.url = fields.url;
  if (source.photoFile) author.photo = await images.process(source.photoFile, IMAGE_WIDTHS.headshot).catch(imageFailureFor(source.file));
  return withDigest(author);
}

interface ArticleContext {
  site: Site;
  byId: ReadonlyMap<string, Author>;
  images: ImagePipeline;
  bodies: BodyRenderer;
  scheduled: boolean;
  reread: CheckedContent["reread"];
  logoFile: string | undefined;
  /** Stories published before this day (yyyy-mm-dd) get no share card; undefined: every story does. */
  cardsFrom: string | undefined;
}

/** How far back from the newest story share cards are drawn, unless the settings name a day. */
export const SHARE_CARD_DAYS = 90;

/**
 * The first day whose photo-less stories get a share card: the settings' `from`, else 90 days before
 * the newest story. Cards are for sharing what is new; each costs ~30 ms of CPU to draw, which an
 * archive of years would pay for every old brief (docs/story-types.md). Taken from the content, not
 * the clock, so a build is a function of its content.
 */
function shareCardsFrom(site: Site, stories: readonly ArticleSource[]): string | undefined {
  if (site.shareCards.from !== undefined) return site.shareCards.from;
  const newest = stories.reduce((day, story) => (story.published.day > day ? story.published.day : day), "");
  return newest === "" ? undefined : addDays(newest, -SHARE_CARD_DAYS);
}

/** A generated share card for a story without a photo; its URL names what it shows, so a new headline makes a new card. */
function shareCard(source: ArticleSource, section: { title: string }, context: ArticleContext): Promise<ImageVariant> {
  const locale = localeOf(context.site.language);
  const label = storyLabel(source.fields.type ?? "news", locale);
  const text = { headline: source.fields.headline, kicker: label ? locale.t("story.cardKicker", { label, section: section.title }) : section.title, name: context.site.name, direction: locale.direction };
  return context.images.shareCard({ key: { ...text, version: SHARE_CARD_VERSION }, logoFile: context.logoFile, draw: (logo) => drawShareCard(text, logo), owner: source.file }).catch(imageFailureFor(source.file));
}

async function prepareArticle(source: ArticleSource, context: ArticleContext): Promise<Article> {
  const { site, byId, images, bodies, scheduled, reread } = context;
  const { fields } = source;
  const authors = fields.byline.map((id) => byId.get(id)).filter((author): author is Author => author !== undefined);
  const section = site.sections.find((candidate) => candidate.slug === fields.section) ?? { slug: fields.section, title: fields.section, path: `/${fields.section}/` };

  let photo: Photo | undefined;
  if (source.photo) {
    const { file, alt, caption, credit } = source.photo;
    const [image, crops] = await Promise.all([images.process(file, IMAGE_WIDTHS.lead), images.crop(file)]).catch(imageFailureFor(source.file));
    photo = { image, crops, alt, caption, ...(credit && { credit }), ...source.photoDetails };
  }
  // The body is named by what it is made from: the file's text and the images its blocks show.
  const bodyDigest = digestOf({ text: source.sourceDigest, media: await bodies.media(source).catch(imageFailureFor(source.file)) });
  const body = bodies.ref({ id: source.id, file: source.file, template: source.template, reread: () => reread(source), figures: source.figures, galleries: source.galleries, embeds: source.embeds, live: source.live, published: source.published }, bodyDigest);

  const summary = fields.summary ?? truncateText(source.firstParagraph);
  const live = source.live ? { status: source.live.ended ? ("ended" as const) : ("live" as const), start: source.published, ...(source.live.ended && { end: source.live.ended }) } : undefined;
  const byline: AuthorRef[] = authors.map(({ id, name, path }) => ({ id, name, path }));
  const type = fields.type ?? "news";
  const { cardsFrom } = context;
  const card = photo || !site.shareCards.draw || (cardsFrom !== undefined && source.published.day < cardsFrom) ? undefined : await shareCard(source, section, context);
  const video = source.embeds.find((embed): embed is Extract<typeof embed, { id: string }> => "id" in embed);
  const poster = video?.posterFile ? await images.process(video.posterFile, IMAGE_WIDTHS.inline).catch(imageFailureFor(source.file)) : undefined;
  const teaser: Teaser = withDigest({
    id: source.id,
    path: source.path,
    headline: fields.headline,
    summary,
    section,
    tags: fields.tags ?? [],
    published: source.published,
    updated: source.updated,
    authors: byline,
    photo: photo && { image: photo.image, alt: photo.alt },
    featured: fields.featured ?? false,
    priority: fields.priority ?? 0,
    draft: fields.draft ?? false,
    scheduled,
    live: live?.status,
    type,
    sponsor: fields.sponsor?.name,
    video: video && { title: video.title, ...(poster && { poster }) },
  });
  return withDigest({
    teaser,
    id: source.id,
    slug: source.slug,
    path: source.path,
    headline: fields.headline,
    dek: fields.summary || undefined,
    summary,
    authors,
    published: source.published,
    updated: source.updated,
    dateline: fields.dateline || undefined,
    section,
    tags: fields.tags ?? [],
    photo,
    corrections: correctionsWithIds(source.corrections),
    draft: fields.draft ?? false,
    scheduled,
    featured: fields.featured ?? false,
    live,
    type,
    sponsor: fields.sponsor && { name: fields.sponsor.name, ...(fields.sponsor.url && { url: fields.sponsor.url }) },
    card,
    body,
    interactive: source.galleries.length > 0 || source.embeds.some((embed) => "id" in embed),
    fieldsFromFiles: [source.photo, ...source.figures, ...source.galleries.flatMap((gallery) => gallery.photos)].reduce((sum, item) => sum + (item?.fromFile.length ?? 0), 0),
    wordCount: source.words,
    readingMinutes: readingMinutes(source.words),
  });
}
