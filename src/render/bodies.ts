// The render stage for article bodies: an article's body template (src/render/body-template.ts) gets
// its figures, galleries and embeds, their photos through the image service. Bodies are rendered only
// when a page that shows them is written, and dropped after, so a large archive's bodies are never
// all in memory. A body's digest is its source's, so a plan knows whether it changed without it.
import type { ArticleSource, EmbedSource, PhotoSource } from "../content/load-articles.ts";
import type { Article, BodyRef, Embed, Gallery, GalleryPhoto, LiveCoverage, RenderedBody } from "../content/types.ts";
import type { Site } from "../site/site.ts";
import { IMAGE_WIDTHS, type ImagePipeline } from "../images/index.ts";
import { fillBlocks, isSpilled, unpackTemplate, type KeptTemplate } from "./body-template.ts";
import type { TemplateSpill } from "./template-spill.ts";
import { htmlToText } from "../site/seo/structured-data.ts";
import { withDigest } from "../build/digest.ts";
import { imageFailureFor } from "../content/image-failures.ts";
import { renderEmbedHtml, renderFigureHtml, renderGalleryHtml } from "./components.ts";

/** What rendering a body needs from its article's source. */
export interface BodySource {
  id: string;
  /** The article file: an image that fails to encode is its content problem. */
  file: string;
  /** Absent for an article the load reused from the build's cache: then `reread` gets it from the file. */
  template?: KeptTemplate | undefined;
  reread: () => Promise<KeptTemplate>;
  figures: readonly PhotoSource[];
  galleries: ArticleSource["galleries"];
  embeds: readonly EmbedSource[];
  live?: { ended?: ArticleSource["published"] | undefined } | undefined;
  /** When live coverage started; a standalone page has none (and no live coverage). */
  published?: ArticleSource["published"] | undefined;
}

/** Player addresses that set no tracking cookies (YouTube's privacy-enhanced mode, Vimeo's dnt). */
function playerUrl(embed: Extract<EmbedSource, { id: string }>): string {
  return embed.type === "youtube"
    ? `https://www.youtube-nocookie.com/embed/${embed.id}?autoplay=1`
    : `https://player.vimeo.com/video/${embed.id}?autoplay=1&dnt=1`;
}

export class BodyRenderer {
  private readonly sources = new Map<string, BodySource>();
  private readonly rendered = new Map<string, RenderedBody>();

  constructor(
    private readonly site: Site,
    private readonly images: ImagePipeline,
    /** Where the loader kept the body templates (a build's); without one, they are in memory. */
    private readonly templates?: TemplateSpill,
  ) {}

  /**
   * The body of an article, named by `digest` (that of everything it is rendered from: its file's
   * text and the files its blocks show). Reading `rendered` before `prepare` is a Dateline defect.
   */
  ref(source: BodySource, digest: string): BodyRef {
    this.sources.set(source.id, source);
    const rendered = this.rendered;
    const id = source.id;
    return withDigest(
      {
        get rendered(): RenderedBody {
          const body = rendered.get(id);
          if (!body) throw new Error(`[render] the body of ${id} was read before it was rendered (a Dateline defect: a page must list the bodies it shows)`);
          return body;
        },
      },
      digest,
    );
  }

  /**
   * Runs the body's files through the image service without rendering it: every build publishes the
   * images of every body, rendered now or reused from the last build. The result (image URLs, named by
   * content) is part of the body's digest.
   */
  async media(source: Pick<BodySource, "figures" | "galleries" | "embeds">): Promise<unknown[]> {
    const photos = [...source.figures, ...source.galleries.flatMap((gallery) => gallery.photos)];
    return Promise.all([
      ...photos.map((photo) => this.images.process(photo.file, IMAGE_WIDTHS.inline)),
      ...source.embeds.map((embed) => this.prepareEmbed(embed)),
    ]);
  }

  /** Renders the bodies of `articles` not rendered yet. */
  async prepare(articles: Iterable<Pick<Article, "id">>): Promise<void> {
    const wanted = [...new Set([...articles].map((article) => article.id))].filter((id) => !this.rendered.has(id));
    await Promise.all(
      wanted.map(async (id) => {
        const source = this.sources.get(id);
        if (!source) throw new Error(`[render] no body source for ${id}`);
        this.rendered.set(id, await this.render(source).catch(imageFailureFor(source.file)));
      }),
    );
  }

  /** Forgets rendered bodies (all, or those of `articles`): memory follows one batch of pages, not the archive. */
  release(articles?: Iterable<Pick<Article, "id">>): void {
    if (!articles) return this.rendered.clear();
    for (const article of articles) this.rendered.delete(article.id);
  }

  private async render(source: BodySource): Promise<RenderedBody> {
    const photo = async ({ file, fromFile: _fromFile, ...text }: PhotoSource): Promise<GalleryPhoto> => ({ ...text, image: await this.images.process(file, IMAGE_WIDTHS.inline) });
    const [figures, galleries, embeds] = await Promise.all([
      Promise.all(source.figures.map(photo)),
      Promise.all(source.galleries.map(async (gallery, index): Promise<Gallery> => ({ id: `gallery-${index + 1}`, title: gallery.title, photos: await Promise.all(gallery.photos.map(photo)) }))),
      Promise.all(source.embeds.map((embed) => this.prepareEmbed(embed))),
    ]);
    const pick = <T>(list: readonly T[], what: string, index: number): T => {
      const item = list[index];
      if (item === undefined) throw new Error(`[render] ${what} ${index} of ${source.id} was not prepared`);
      return item;
    };
    const block = (kind: "figure" | "gallery" | "embed", index: number) =>
      kind === "figure"
        ? renderFigureHtml({ ...pick(figures, "figure", index), kind: "inline", site: this.site })
        : kind === "gallery"
          ? renderGalleryHtml(pick(galleries, "gallery", index), this.site)
          : renderEmbedHtml(pick(embeds, "embed", index), this.site);
    const template = unpackTemplate(await this.bytesOf(source.template ?? (await source.reread())));
    const body: RenderedBody = { html: fillBlocks(template.html, block) };
    const live = template.live;
    if (live) {
      const updates = live.updates
        .map((update) => {
          const html = fillBlocks(update.html, block);
          return { id: update.id, time: update.time, ...(update.headline && { headline: update.headline }), html, text: htmlToText(html) };
        })
        .sort((a, b) => b.time.epoch - a.time.epoch);
      const ended = source.live?.ended;
      if (!source.published) throw new Error(`[render] live coverage in ${source.id} has no start`);
      const coverage: LiveCoverage = { status: ended ? "ended" : "live", start: source.published, ...(ended && { end: ended }), summaryHtml: fillBlocks(live.summaryHtml, block), updates };
      body.live = coverage;
    }
    return body;
  }

  private async bytesOf(template: KeptTemplate) {
    if (this.templates) return this.templates.read(template);
    if (isSpilled(template)) throw new Error("[render] a body template was spilled to disk but the body renderer has no spill (a Dateline defect)");
    return template;
  }

  private async prepareEmbed(embed: EmbedSource): Promise<Embed> {
    if (embed.type === "audio") return { type: "audio", src: await this.images.publishFile(embed.file), title: embed.title };
    if ("id" in embed) {
      const video: Embed = { type: embed.type, url: embed.url, title: embed.title, playerUrl: playerUrl(embed) };
      if (embed.posterFile) video.poster = await this.images.process(embed.posterFile, IMAGE_WIDTHS.inline);
      return video;
    }
    return embed;
  }
}
