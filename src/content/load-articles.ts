// Articles: every `articles/**/*.md` is parsed, validated against the schema and checked against
// the site (authors, sections, images, URLs). Problems are collected, never thrown one by one.
import fs from "node:fs/promises";
import path from "node:path";
import type { MarkdownIt } from "markdown-it";
export type { EmbedSource, GallerySource, PhotoSource } from "./load-blocks.ts";
import { articleSchema, ARTICLE_FIELDS, type ArticleFrontMatter } from "./schema.ts";
import { parseFrontMatter } from "./front-matter.ts";
import { problemsFromSchema } from "./problems.ts";
import { listMarkdown, mapFiles, resolveImage } from "./files.ts";
import { completePhoto, readBodyBlocks, type EmbedSource, type GallerySource, type PhotoSource } from "./load-blocks.ts";
import { readText } from "./read-text.ts";
import { checkBody } from "./check-body.ts";
import { suggestClosest } from "./closest.ts";
import type { ContentProblem } from "./errors.ts";
import { parseMoment, type Moment } from "../dates.ts";
import { firstParagraphText, plainText } from "../markdown/markdown.ts";
import { countWords } from "../text.ts";
import { newestUpdate, readLiveUpdates, type LiveSource } from "./live-updates.ts";
import { readPhotoDetails, type PhotoDetails } from "../images/metadata.ts";
import type { Site } from "../site/site.ts";
import { packTemplate, renderBodyTemplate, isSpilled, type KeptTemplate, type TemplateKeeper } from "../render/body-template.ts";
import type { ArticleSourceCache } from "./source-cache.ts";
import { digestText } from "../build/digest.ts";
import { slugFromFileName, slugify } from "../slug.ts";
export { slugFromFileName } from "../slug.ts";
import { readBodyLinks } from "./body-links.ts";
import type { BodyLink } from "./types.ts";
import { checkInParallel, checkThreads } from "./article-pool.ts";

/** A validated article whose body and images are not rendered yet. */
export interface ArticleSource {
  id: string;
  file: string;
  fields: ArticleFrontMatter;
  slug: string;
  /** Line of `slug:` (1 when the slug comes from the file name), for duplicate-URL messages. */
  slugLine: number;
  path: string;
  published: Moment;
  updated?: Moment;
  /** Digest of the file's text: with the files its blocks show, what names its body. */
  sourceDigest: string;
  /**
   * The body rendered with a marker for each block (src/render/body-template.ts), packed: the tokens
   * are not kept; a build keeps it on disk (src/render/template-spill.ts). Absent when the article came
   * from a build's cache: the render stage reads it again.
   */
  template?: KeptTemplate | undefined;
  firstParagraph: string;
  /** Words in the body, counted while parsing. */
  words: number;
  photo?: PhotoSource;
  figures: PhotoSource[];
  galleries: GallerySource[];
  embeds: EmbedSource[];
  /** A live blog (`live: true`): its updates, and when coverage ended if it has. */
  live?: LiveSource & { ended?: Moment };
  /** Location and camera of the lead photo, read only when the settings publish them. */
  photoDetails?: PhotoDetails;
  /** Corrections, dated in the site's zone, oldest first as written. */
  corrections: { date: Moment; text: string }[];
  /** Links the body makes to pages of this site. */
  links: BodyLink[];
  /** When a breaking story's banner comes down, if the editor said. */
  breakingUntil?: Moment;
}

export interface ArticleContext {
  contentDir: string;
  site: Site;
  authorIds: ReadonlySet<string>;
  md: MarkdownIt;
  /** The image cache whose manifest knows the photos. */
  imageCacheDir?: string | undefined;
  /**
   * Only the problems matter (`check:content`): what pages are made from (the body template, the
   * digest, the words) is left empty rather than made for nothing.
   */
  problemsOnly?: boolean | undefined;
  /** The content folder's real path, resolved once for all the files of a load. */
  contentRoot?: string | undefined;
  /** Where the articles the load keeps put their body templates (a build's spill); default: in memory. */
  templates?: TemplateKeeper | undefined;
}

export async function readArticles(context: ArticleContext, cache?: ArticleSourceCache, select: (files: readonly string[]) => readonly string[] = (files) => files): Promise<{ articles: ArticleSource[]; problems: ContentProblem[] }> {
  const files = select(await listMarkdown(path.join(context.contentDir, "articles")));
  context = { ...context, contentRoot: context.contentRoot ?? (await fs.realpath(context.contentDir).catch(() => undefined)) };
  // A large archive is checked on every core; with a cache (a build's, the preview's), the articles it
  // cannot reuse are (a cold build's are all of them).
  const check = (toCheck: readonly string[]) => {
    const threads = checkThreads(toCheck.length);
    return threads > 1 ? checkInParallel(toCheck, context, threads) : mapFiles(toCheck, (file) => readArticleToKeep(file, context));
  };
  const results = cache ? await cache.readAll(context.contentDir, files, check) : await check(files);
  const articles = results.flatMap((result) => (result.article ? [result.article] : []));
  const problems = results.flatMap((result) => result.problems);
  problems.push(...findDuplicateUrls(articles));
  return { articles, problems };
}

/** Reads and validates one article file. */
export async function readArticle(file: string, context: ArticleContext): Promise<{ article?: ArticleSource; problems: ContentProblem[] }> {
  const text = readText(context.contentDir, file, undefined, context.contentRoot);
  if (!text.ok) return { problems: [{ file, line: 1, field: "file", message: text.message }] };
  return checkArticle(file, text.text, context);
}

/**
 * `readArticle` for an article the load keeps: a copy that shares nothing with the file's text. V8
 * keeps a whole string alive for any piece cut from it (a YAML value, a caption), so every article's
 * source would stay in memory until the build ends (~0.6 GB at 100,000). A worker thread's results
 * are copies already (a message is a clone).
 */
export async function readArticleToKeep(file: string, context: ArticleContext): Promise<{ article?: ArticleSource; problems: ContentProblem[] }> {
  // The template is kept first: the copy then carries where it is, not its bytes.
  return structuredClone(keepTemplate(await readArticle(file, context), context));
}

/** A checked article the load keeps, its body template handed to `context.templates` (if any). */
export function keepTemplate<T extends { article?: ArticleSource }>(result: T, context: Pick<ArticleContext, "templates">): T {
  const { article } = result;
  if (!context.templates || !article?.template || isSpilled(article.template)) return result;
  return { ...result, article: { ...article, template: context.templates.keep(article.template) } };
}

/** Validates an article's text as if it were `file`: the build's checks, for a file not written yet too. */
export async function checkArticle(file: string, source: string, context: ArticleContext): Promise<{ article?: ArticleSource; problems: ContentProblem[] }> {
  const { contentDir, site, md } = context;
  const parsed = parseFrontMatter(source);
  if (!parsed.ok) return { problems: [{ file, ...parsed.problem }] };
  const { data, body, bodyLine, lineOf } = parsed.file;

  const result = articleSchema.safeParse(data);
  if (!result.success) {
    // The byline and section are still checked against the site, so the file's problems come at once.
    const problems = problemsFromSchema(result.error, file, lineOf, ARTICLE_FIELDS).map((found) => withReferenceSuggestion(found, data, context));
    const byline = articleSchema.shape.byline.safeParse(data["byline"]);
    const section = articleSchema.shape.section.safeParse(data["section"]);
    problems.push(...referenceProblems({ byline: byline.success ? byline.data : [], section: section.success ? section.data : undefined }, context).map((found) => ({ file, line: lineOf(found.path), field: found.field, message: found.message })));
    return { problems };
  }
  const fields = result.data;
  const problems: ContentProblem[] = [];
  const problem = (fieldPath: PropertyKey[], field: string, message: string) =>
    problems.push({ file, line: lineOf(fieldPath), field, message });

  for (const found of referenceProblems(fields, context)) problem(found.path, found.field, found.message);

  const published = parseMoment(fields.date, site.timeZone);
  const updated = fields.updated ? parseMoment(fields.updated, site.timeZone) : undefined;
  if (updated && updated.epoch < published.epoch) {
    problem(["updated"], "updated", `${fields.updated} is before the publication date ${fields.date} (updated must be the same or later)`);
  }
  const corrections = (fields.corrections ?? []).map((correction) => ({ date: parseMoment(correction.date, site.timeZone), text: correction.text }));
  corrections.forEach((correction, index) => {
    if (correction.date.epoch < published.epoch) {
      problem(["corrections", index, "date"], `corrections[${index}].date`, `${fields.corrections?.[index]?.date} is before the publication date ${fields.date} (a correction comes after the story it corrects)`);
    }
  });
  const breakingUntil = fields.breakingUntil ? parseMoment(fields.breakingUntil, site.timeZone) : undefined;
  if (breakingUntil && breakingUntil.epoch <= published.epoch) {
    problem(["breakingUntil"], "breakingUntil", `${fields.breakingUntil} is not after the publication date ${fields.date} (the banner comes down after the story goes up)`);
  }

  let photo: PhotoSource | undefined;
  if (fields.photo) {
    const resolved = await resolveImage(contentDir, file, fields.photo, context.imageCacheDir);
    if (!resolved.ok) problem(["photo"], "photo", resolved.message);
    else {
      // A missing field has no line of its own: point at the photo that needs it.
      const complete = await completePhoto(resolved.file, fields, "in the front matter");
      if (complete.ok) photo = complete.photo;
      else for (const missing of complete.missing) problem(["photo"], missing.field, `${missing.message.replace(/^is required/, "is required with photo")}`);
    }
  }

  // The dateline is placed while parsing, so the tokens kept for rendering already hold it.
  const tokens = md.parse(body, fields.dateline ? { dateline: fields.dateline } : {});
  const blocks = await readBodyBlocks(tokens, { file, bodyLine, contentDir, timeZone: site.timeZone, imageCacheDir: context.imageCacheDir });
  problems.push(...blocks.problems);
  // A line inside a block whose field already said what is wrong is not reported twice.
  problems.push(...checkBody(file, body, tokens, bodyLine).filter((found) => !blocks.problems.some((block) => block.line === found.line)));

  // Live coverage and corrections set the article's last change, so the page's "Updated", feeds,
  // sitemaps and structured data follow the newest of them.
  let live: ArticleSource["live"];
  let lastChange = updated;
  for (const correction of corrections) if (correction.date.epoch > (lastChange ?? published).epoch) lastChange = correction.date;
  if (fields.live) {
    const found = readLiveUpdates(tokens, { file, bodyLine, published, timeZone: site.timeZone }, lineOf(["live"]));
    problems.push(...found.problems);
    const newest = found.live && newestUpdate(found.live.updates);
    if (found.live && newest) {
      live = found.live;
      if (!lastChange || newest.epoch > lastChange.epoch) lastChange = newest;
      if (fields.liveEnded) {
        const ended = parseMoment(fields.liveEnded, site.timeZone);
        if (ended.epoch < newest.epoch) problem(["liveEnded"], "liveEnded", `${fields.liveEnded} is before the newest update, ${newest.iso} (coverage ends at or after its last update)`);
        else live.ended = ended;
      }
    }
  }
  const photoDetails = photo && (await readPhotoDetails(photo.file, site.photos));

  const slug = fields.slug ?? slugFromFileName(file);
  if (!slug) {
    problem(["slug"], "slug", `the file name "${path.basename(file)}" makes no URL (rename it to lowercase words with hyphens, or set slug:)`);
  }
  if (problems.length > 0 || !slug) return { problems };

  const [year, month, day] = published.day.split("-");
  const sitePath = `/${year}/${month}/${day}/${slug}/`;
  const article: ArticleSource = {
    id: path.relative(contentDir, file).split(path.sep).join("/"),
    file,
    fields,
    slug,
    slugLine: lineOf(["slug"]),
    path: sitePath,
    published,
    ...(context.problemsOnly
      ? { sourceDigest: "", template: packTemplate({ html: "" }), firstParagraph: "", words: 0 }
      : {
          sourceDigest: digestText(source),
          template: packTemplate(renderBodyTemplate(md, tokens, site, live, { sponsored: fields.type === "sponsored" })),
          firstParagraph: firstParagraphText(tokens),
          words: countWords(plainText(tokens)),
        }),
    figures: blocks.figures,
    galleries: blocks.galleries,
    embeds: blocks.embeds,
    corrections,
    links: readBodyLinks(tokens, { file, bodyLine, body, origin: site.origin, pathPrefix: site.pathPrefix, pageUrl: site.origin + site.pathPrefix + sitePath.slice(1) }),
  };
  if (lastChange) article.updated = lastChange;
  if (breakingUntil) article.breakingUntil = breakingUntil;
  if (photo) article.photo = photo;
  if (live) article.live = live;
  if (photoDetails) article.photoDetails = photoDetails;
  return { article, problems };
}

/** The author id or section slug an editor most likely meant by `written`: a name, a title, another spelling. */
function closestReference(written: string, known: readonly { id: string; names: readonly string[] }[]): string | undefined {
  const slugged = slugify(written);
  const exact = known.find((candidate) => candidate.id === slugged || candidate.names.some((name) => name.toLowerCase() === written.trim().toLowerCase()));
  return exact?.id ?? suggestClosest(slugged || written, known.map((candidate) => candidate.id));
}

const authorsOf = (context: ArticleContext) => [...context.authorIds].map((id) => ({ id, names: [] }));
const sectionsOf = (context: ArticleContext) => context.site.sections.map((section) => ({ id: section.slug, names: [section.title] }));
const didYouMean = (suggestion: string | undefined) => (suggestion ? `; did you mean "${suggestion}"?` : "");

/** Byline ids without an author file and a section the site does not have, each with the likeliest fix. */
function referenceProblems(fields: { byline: readonly string[]; section: string | undefined }, context: ArticleContext): { path: PropertyKey[]; field: string; message: string }[] {
  const found: { path: PropertyKey[]; field: string; message: string }[] = [];
  fields.byline.forEach((id, index) => {
    if (context.authorIds.has(id)) return;
    const known = [...context.authorIds].sort().join(", ") || "none yet: add a file to authors/";
    found.push({ path: ["byline", index], field: "byline", message: `unknown author "${id}"${didYouMean(closestReference(id, authorsOf(context)))} (known: ${known})` });
  });
  const { section } = fields;
  if (section !== undefined && !context.site.sections.some((candidate) => candidate.slug === section)) {
    const slugs = context.site.sections.map((candidate) => candidate.slug);
    found.push({ path: ["section"], field: "section", message: `"${section}" is not a section of this site${didYouMean(closestReference(section, sectionsOf(context)))} (sections: ${slugs.join(", ")})` });
  }
  return found;
}

/**
 * A byline or section the schema refused as written ("Li Wei", "Business") names an author or a
 * section all the same: the schema's message gains the id or slug the editor meant.
 */
function withReferenceSuggestion(problem: ContentProblem, data: Record<string, unknown>, context: ArticleContext): ContentProblem {
  const at = /^byline(?:\[(\d+)\])?$/.exec(problem.field);
  const byline: unknown = data["byline"];
  const written: unknown = at ? (Array.isArray(byline) ? (byline as unknown[])[Number(at[1] ?? 0)] : byline) : problem.field === "section" ? data["section"] : undefined;
  if (typeof written !== "string" || !problem.message.startsWith(`"${written}" is not a valid`)) return problem;
  const suggestion = closestReference(written, at ? authorsOf(context) : sectionsOf(context));
  if (!suggestion) return problem;
  const cut = problem.message.indexOf(" (");
  const message = cut === -1 ? `${problem.message}${didYouMean(suggestion)}` : `${problem.message.slice(0, cut)}${didYouMean(suggestion)}${problem.message.slice(cut)}`;
  return { ...problem, message };
}

/** One problem per article that shares its URL with another. */
export function findDuplicateUrls(articles: readonly ArticleSource[]): ContentProblem[] {
  const byPath = new Map<string, ArticleSource[]>();
  for (const article of articles) byPath.set(article.path, [...(byPath.get(article.path) ?? []), article]);
  return [...byPath.values()]
    .filter((group) => group.length > 1)
    .flatMap((group) =>
      group.map((article) => {
        const others = group.filter((other) => other !== article).map((other) => other.id);
        return {
          file: article.file,
          line: article.slugLine,
          field: "slug",
          message: `would be published at ${article.path}, the same URL as ${others.join(", ")} (give one of them a different slug:)`,
        };
      }),
    );
}
