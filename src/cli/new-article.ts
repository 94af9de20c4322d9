// `npm run new -- "Headline" --section news --byline ana-ruiz[,li-wei]`: starts a draft article with
// its front matter filled in. The would-be file goes through the build's own checks first, so a wrong
// section or author gets the build's message, and nothing is written unless everything is right.
import fs from "node:fs/promises";
import path from "node:path";
import { DateTime } from "luxon";
import { Document, isSeq } from "yaml";
import { loadSettings } from "../content/load-settings.ts";
import { readAuthors } from "../content/load-authors.ts";
import { checkArticle, findDuplicateUrls, slugFromFileName, type ArticleContext, type ArticleSource } from "../content/load-articles.ts";
import { listMarkdown } from "../content/files.ts";
import { readText } from "../content/read-text.ts";
import { displayPath, formatProblem, type ContentProblem } from "../content/errors.ts";
import { createMarkdown } from "../markdown/markdown.ts";
import { buildNow } from "../now.ts";
import { isSlug, slugify } from "../slug.ts";
import { isMain, parseCommandLine, UsageError } from "./command-line.ts";

const USAGE = 'usage: npm run new -- "Headline" --section <slug> --byline <author-id>[,<author-id>…] [--slug <slug>] [--content <dir>]';

export interface NewArticleOptions {
  /** The content folder (default `content`). */
  contentDir: string;
  headline?: string;
  section?: string;
  /** Author ids, in byline order. */
  byline: string[];
  /** The URL slug; default: the headline, slugified. */
  slug?: string;
  /** Publication time; default: now (`DATELINE_NOW` fixes it). */
  now?: Date;
}

export type NewArticleResult =
  | { ok: true; file: string; sitePath: string }
  /** Lines to print: the build's messages, each led by the argument at fault. */
  | { ok: false; problems: string[] };

/** The body a new article starts with. */
export const PLACEHOLDER_BODY = [
  "Write the article here, in Markdown. Its first paragraph is the summary unless you add `summary:` above.",
  "",
  "When it is ready, delete the `draft: true` line: the next build publishes it.",
  "",
].join("\n");

/** Checks the arguments as the build would check the file, then writes it, never over another file. */
export async function createArticle(options: NewArticleOptions): Promise<NewArticleResult> {
  const contentDir = path.resolve(options.contentDir);
  const settings = await loadSettings(contentDir);
  if (!settings.site) return { ok: false, problems: settings.problems.map(formatProblem) };
  const site = settings.site;
  const authors = await readAuthors(contentDir);
  // As in the build, an author whose own file has a problem is still an author: that file is the fix.
  const authorIds = new Set([...authors.authors.map((author) => author.id), ...authors.problems.map((problem) => path.basename(problem.file, ".md"))]);
  const context: ArticleContext = { contentDir, site, authorIds, md: createMarkdown(site.language) };

  const headline = options.headline?.replace(/\s+/g, " ").trim();
  const published = DateTime.fromJSDate(options.now ?? buildNow(), { zone: site.timeZone }).startOf("minute");
  const slug = options.slug ?? slugify(headline ?? "");
  // The file name is the slug (src/slug.ts); a headline with no letters or digits makes none.
  const usableSlug = options.slug !== undefined || isSlug(slug);
  const file = path.join(contentDir, "articles", published.toFormat("yyyy"), `${usableSlug ? slug : "untitled"}.md`);
  const text = articleText({ ...options, headline, date: published.toISO({ suppressMilliseconds: true }) ?? "" });

  const checked = await checkArticle(file, text, context);
  const problems = checked.problems.map(formatArgumentProblem);
  if (headline && !usableSlug) {
    problems.push(`headline: "${headline}" makes no URL (use a headline with letters or digits, or give one with --slug, e.g. --slug harbour-vote)`);
  }
  if (problems.length > 0 || !checked.article) return { ok: false, problems };

  const article = checked.article;
  const clash = await findSameUrl(article, context);
  if (clash.length > 0) return { ok: false, problems: clash.map(formatArgumentProblem) };

  await fs.mkdir(path.dirname(file), { recursive: true });
  try {
    await fs.writeFile(file, text, { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return { ok: false, problems: [`${displayPath(file)} already exists; it was left as it is (choose another headline, or give a slug with --slug)`] };
  }
  return { ok: true, file, sitePath: article.path };
}

/** The file as it will be written: YAML front matter (made by the yaml package, so any headline is safe) and a placeholder body. */
export function articleText(fields: { headline?: string | undefined; byline: string[]; date: string; section?: string | undefined; slug?: string | undefined }): string {
  const doc = new Document({
    headline: fields.headline,
    byline: fields.byline.length === 1 ? fields.byline[0] : fields.byline.length > 1 ? fields.byline : undefined,
    date: fields.date,
    section: fields.section,
    draft: true,
    slug: fields.slug,
  });
  const byline = doc.get("byline", true);
  if (isSeq(byline)) byline.flow = true;
  return `---\n${doc.toString({ lineWidth: 0, flowCollectionPadding: false })}---\n${PLACEHOLDER_BODY}`;
}

/**
 * Existing articles at the new one's URL, reported as the build reports them. Only files that could
 * share the slug (by file name, or naming it in their text) are checked in full.
 */
async function findSameUrl(article: ArticleSource, context: ArticleContext): Promise<ContentProblem[]> {
  const files = (await listMarkdown(path.join(context.contentDir, "articles"))).filter((file) => file !== article.file);
  const existing = await Promise.all(
    files.map(async (file) => {
      const text = readText(context.contentDir, file);
      if (!text.ok || (slugFromFileName(file) !== article.slug && !text.text.includes(article.slug))) return undefined;
      return (await checkArticle(file, text.text, context)).article;
    }),
  );
  const others = existing.filter((other): other is ArticleSource => other?.path === article.path);
  return findDuplicateUrls([article, ...others]).filter((problem) => problem.file === article.file);
}

/** The command's arguments, by the front matter field each one fills. */
const ARGUMENT_OF_FIELD: Record<string, string> = { headline: "headline", section: "--section", byline: "--byline", slug: "--slug" };

/** A problem in a file not written yet: the build's message, led by the argument to change. */
function formatArgumentProblem(problem: ContentProblem): string {
  // "byline[1]": the second id given to --byline.
  const field = problem.field.replace(/\[\d+\]$/, "");
  return `${ARGUMENT_OF_FIELD[field] ?? problem.field}: ${problem.message}`;
}

/** Runs the command: exit code 0 when the article was written, 1 when the arguments are wrong, 2 on bad usage. */
export async function main(args: readonly string[]): Promise<number> {
  let options: NewArticleOptions;
  try {
    const { values, positionals } = parseCommandLine(args, USAGE, {
      section: { type: "string" },
      byline: { type: "string", multiple: true },
      slug: { type: "string" },
      content: { type: "string", default: "content" },
    });
    if (positionals.length > 1) throw new UsageError(`the headline must be one argument: put it in quotes ("${positionals.join(" ")}")`, USAGE);
    options = {
      contentDir: values.content,
      headline: positionals[0],
      section: values.section,
      byline: (values.byline ?? []).flatMap((ids) => ids.split(",")).map((id) => id.trim()).filter((id) => id !== ""),
      slug: values.slug,
    };
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(error.message);
    return 2;
  }
  const result = await createArticle(options);
  if (!result.ok) {
    for (const problem of result.problems) console.error(problem);
    console.error("Nothing was written.");
    return 1;
  }
  console.log(`Created ${displayPath(result.file)}`);
  console.log(`It is a draft: \`npm start\` shows it at ${result.sitePath}; delete \`draft: true\` to publish it.`);
  return 0;
}

if (isMain(import.meta.filename)) process.exitCode = await main(process.argv.slice(2));
