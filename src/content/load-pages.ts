// Standalone pages: every `pages/<slug>.md` (About, Ethics and corrections policy, Contact…) is
// parsed, validated against the page schema and checked against the site: its URL, /<slug>/, must
// not be a section's or one the site uses for its own pages, and each publisher policy is stated once.
import path from "node:path";
import type { MarkdownIt } from "markdown-it";
import { pageSchema, PAGE_FIELDS, type PageFrontMatter, type PublisherPolicy } from "./schema.ts";
import { parseFrontMatter } from "./front-matter.ts";
import { problemsFromSchema } from "./problems.ts";
import { listMarkdown } from "./files.ts";
import { readText } from "./read-text.ts";
import { checkBody } from "./check-body.ts";
import { readBodyBlocks, type EmbedSource, type GallerySource, type PhotoSource } from "./load-blocks.ts";
import { readBodyLinks } from "./body-links.ts";
import { slugFromFileName } from "./load-articles.ts";
import type { BodyLink } from "./types.ts";
import type { ContentProblem } from "./errors.ts";
import { parseMoment, type Moment } from "../dates.ts";
import { isReservedPath, RESERVED_PATHS } from "../slug.ts";
import { digestText } from "../build/digest.ts";
import { packTemplate, renderBodyTemplate, type PackedTemplate } from "../render/body-template.ts";
import type { Site } from "../site/site.ts";

export const PAGES_FOLDER = "pages";

/** A validated standalone page whose body's blocks are not rendered yet. */
export interface PageSource {
  /** "pages/about.md" */
  id: string;
  file: string;
  slug: string;
  /** "/about/" */
  path: string;
  fields: PageFrontMatter;
  updated?: Moment;
  sourceDigest: string;
  template: PackedTemplate;
  figures: PhotoSource[];
  galleries: GallerySource[];
  embeds: EmbedSource[];
  links: BodyLink[];
}

interface PageContext {
  contentDir: string;
  site: Site;
  md: MarkdownIt;
  imageCacheDir?: string | undefined;
}

export async function readPages(context: PageContext): Promise<{ pages: PageSource[]; problems: ContentProblem[] }> {
  const files = await listMarkdown(path.join(context.contentDir, PAGES_FOLDER));
  const results = await Promise.all(files.map((file) => readPage(file, context)));
  const pages = results.flatMap((result) => (result.page ? [result.page] : []));
  const problems = results.flatMap((result) => result.problems);
  problems.push(...findSharedPolicies(results.flatMap((result) => (result.page ? [{ page: result.page, lineOf: result.lineOf }] : []))));
  return { pages, problems };
}

async function readPage(file: string, context: PageContext): Promise<{ page?: PageSource; lineOf?: (fieldPath: readonly PropertyKey[]) => number; problems: ContentProblem[] }> {
  const { contentDir, site, md } = context;
  const text = readText(contentDir, file);
  if (!text.ok) return { problems: [{ file, line: 1, field: "file", message: text.message }] };
  const parsed = parseFrontMatter(text.text);
  if (!parsed.ok) return { problems: [{ file, ...parsed.problem }] };
  const { data, body, bodyLine, lineOf } = parsed.file;
  const result = pageSchema.safeParse(data);
  if (!result.success) return { problems: problemsFromSchema(result.error, file, lineOf, PAGE_FIELDS) };
  const fields = result.data;
  const problems: ContentProblem[] = [];

  const slug = slugFromFileName(file);
  const collision = pathCollision(slug, site);
  if (collision) problems.push({ file, line: 1, field: "file name", message: collision });

  const tokens = md.parse(body, {});
  const blocks = await readBodyBlocks(tokens, { file, bodyLine, contentDir, timeZone: site.timeZone, imageCacheDir: context.imageCacheDir });
  problems.push(...blocks.problems);
  problems.push(...checkBody(file, body, tokens, bodyLine).filter((found) => !blocks.problems.some((block) => block.line === found.line)));
  if (problems.length > 0) return { problems };

  const sitePath = `/${slug}/`;
  const page: PageSource = {
    id: path.relative(contentDir, file).split(path.sep).join("/"),
    file,
    slug,
    path: sitePath,
    fields,
    sourceDigest: digestText(text.text),
    template: packTemplate(renderBodyTemplate(md, tokens, site)),
    figures: blocks.figures,
    galleries: blocks.galleries,
    embeds: blocks.embeds,
    links: readBodyLinks(tokens, { file, bodyLine, body, origin: site.origin, pathPrefix: site.pathPrefix, pageUrl: site.origin + site.pathPrefix + sitePath.slice(1) }),
  };
  if (fields.updated) page.updated = parseMoment(fields.updated, site.timeZone);
  return { page, lineOf, problems };
}

/** Why a page called `slug` cannot be published at /<slug>/, if it cannot. */
export function pathCollision(slug: string, site: Pick<Site, "sections">): string | undefined {
  if (slug === "") return "makes no URL (rename the file to lowercase words with hyphens, e.g. about.md)";
  if (site.sections.some((section) => section.slug === slug)) {
    return `"${slug}" is the slug of the section "${site.sections.find((section) => section.slug === slug)?.title}": the page would take its URL /${slug}/ (rename the file)`;
  }
  if (isReservedPath(slug)) return `"${slug}" is a path the site uses for its own pages (rename the file; reserved: ${RESERVED_PATHS.join(", ")} and numbers)`;
  return undefined;
}

/** Each publisher policy is one page: a second page claiming it is a problem at its `policies` line. */
function findSharedPolicies(pages: { page: PageSource; lineOf: ((fieldPath: readonly PropertyKey[]) => number) | undefined }[]): ContentProblem[] {
  const claimed = new Map<PublisherPolicy, PageSource>();
  const problems: ContentProblem[] = [];
  for (const { page, lineOf } of [...pages].sort((a, b) => a.page.id.localeCompare(b.page.id))) {
    (page.fields.policies ?? []).forEach((policy, index) => {
      const first = claimed.get(policy);
      if (!first) return void claimed.set(policy, page);
      problems.push({ file: page.file, line: lineOf?.(["policies", index]) ?? 1, field: "policies", message: `"${policy}" is already stated by ${first.id} (a policy is one page: remove it from one of them)` });
    });
  }
  return problems;
}
