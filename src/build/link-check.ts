// Links to our own site must resolve: once the plan knows every page the build writes, each link an
// editor wrote to a path of this site (root-relative, or absolute with the base URL) is looked up,
// and one that no page answers is a content error at its file and line, before anything is written,
// with the page it most likely meant (an old /section/slug/ address whose story is now dated).
import type { BodyLink } from "../content/types.ts";
import type { ContentProblem } from "../content/errors.ts";

/** Folders the build fills with generated files (images, the search index): links into them are not checked. */
const GENERATED = new Set(["img", "pagefind"]);

/** Whether `sitePath` is served by the build: a page, a file, or a folder's page without its slash. */
function resolves(sitePath: string, paths: ReadonlySet<string>): boolean {
  if (paths.has(sitePath)) return true;
  if (!sitePath.endsWith("/") && paths.has(`${sitePath}/`)) return true;
  if (sitePath.endsWith("/index.html") && paths.has(sitePath.slice(0, -"index.html".length))) return true;
  return GENERATED.has(sitePath.split("/")[1] ?? "");
}

/** The last non-empty segment of a path: "/news/harbour-vote/" → "harbour-vote". */
function lastSegment(sitePath: string): string {
  return sitePath.split("/").filter(Boolean).at(-1) ?? "";
}

/** Pages by their last segment, articles first (a story's slug is what an old link most often names). */
function pagesBySlug(paths: Iterable<string>): Map<string, string[]> {
  const bySlug = new Map<string, string[]>();
  for (const sitePath of paths) {
    if (!sitePath.endsWith("/")) continue;
    const slug = lastSegment(sitePath);
    bySlug.set(slug, [...(bySlug.get(slug) ?? []), sitePath]);
  }
  const isArticle = (sitePath: string) => /^\/\d{4}\/\d{2}\/\d{2}\//.test(sitePath);
  for (const list of bySlug.values()) list.sort((a, b) => Number(isArticle(b)) - Number(isArticle(a)) || b.localeCompare(a));
  return bySlug;
}

/** One problem per link to this site that no page of the build answers. */
export function findBrokenLinks(links: readonly BodyLink[], pagePaths: Iterable<string>): ContentProblem[] {
  const paths = new Set(pagePaths);
  let bySlug: Map<string, string[]> | undefined;
  const problems: ContentProblem[] = [];
  for (const link of links) {
    if (resolves(link.path, paths)) continue;
    bySlug ??= pagesBySlug(paths);
    const suggestion = bySlug.get(lastSegment(link.path))?.[0];
    problems.push({
      file: link.file,
      line: link.line,
      field: "link",
      message: `"${link.href}" goes to no page of this site${suggestion ? `; did you mean "${suggestion}"?` : ""} (link to a page the site publishes, or remove the link)`,
    });
  }
  return problems;
}
