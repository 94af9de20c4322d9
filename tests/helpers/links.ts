// Whole-site link checks: every internal href/src/srcset resolves to a file in the output, and
// every page can be reached from the front page.
import fs from "node:fs/promises";
import path from "node:path";
import { load } from "cheerio";

export interface SiteOutput {
  outputDir: string;
  /** "https://example.org" */
  origin: string;
  /** "/" or "/news/" */
  prefix: string;
}

/** Every URL a page refers to: links, images, sources, stylesheets, form actions. */
export function referencedUrls(html: string): string[] {
  const $ = load(html);
  const urls: string[] = [];
  $("[href]").each((_, element) => void urls.push($(element).attr("href") ?? ""));
  $("[src]").each((_, element) => void urls.push($(element).attr("src") ?? ""));
  $("[action]").each((_, element) => void urls.push($(element).attr("action") ?? ""));
  $("[srcset]").each((_, element) => {
    for (const candidate of ($(element).attr("srcset") ?? "").split(",")) urls.push(candidate.trim().split(/\s+/)[0] ?? "");
  });
  return urls;
}

/** The output file an internal URL points at, or undefined for an external URL. */
export function internalTarget(site: SiteOutput, url: string, fromPage: string): { file: string; fragment: string } | { outsidePrefix: string } | undefined {
  const absolute = new URL(url, `${site.origin}${fromPage}`);
  if (absolute.origin !== site.origin || !/^https?:$/.test(absolute.protocol)) return undefined;
  if (!absolute.pathname.startsWith(site.prefix)) return { outsidePrefix: absolute.pathname };
  const sitePath = decodeURIComponent(absolute.pathname.slice(site.prefix.length - 1));
  const file = path.join(site.outputDir, sitePath.endsWith("/") ? `${sitePath}index.html` : sitePath);
  return { file, fragment: absolute.hash.slice(1) };
}

export interface LinkReport {
  broken: string[];
  pages: string[];
  /** Pages (site paths) not reachable from the front page. */
  orphans: string[];
}

/** Checks every HTML page's internal references and walks the site from the front page. */
export async function checkLinks(site: SiteOutput): Promise<LinkReport> {
  const files = (await fs.readdir(site.outputDir, { recursive: true })).filter((file) => file.endsWith(".html"));
  const pages = files.map((file) => `${site.prefix}${file.split(path.sep).join("/")}`.replace(/index\.html$/, ""));
  const broken: string[] = [];
  const linksFrom = new Map<string, Set<string>>();
  const ids = new Map<string, Set<string>>();
  const html = new Map<string, string>();
  for (const [index, file] of files.entries()) {
    const text = await fs.readFile(path.join(site.outputDir, file), "utf8");
    html.set(pages[index] ?? "", text);
    ids.set(path.join(site.outputDir, file), new Set(load(text)("[id]").map((_, element) => element.attribs["id"] ?? "").get()));
  }
  for (const page of pages) {
    const targets = new Set<string>();
    for (const url of referencedUrls(html.get(page) ?? "")) {
      const target = internalTarget(site, url, page);
      if (!target) continue;
      if ("outsidePrefix" in target) {
        broken.push(`${page}: ${url} is outside the path prefix ${site.prefix}`);
        continue;
      }
      try {
        await fs.access(target.file);
      } catch {
        broken.push(`${page}: ${url} → no file ${path.relative(site.outputDir, target.file)}`);
        continue;
      }
      if (target.fragment && target.file.endsWith(".html") && !ids.get(target.file)?.has(target.fragment)) {
        broken.push(`${page}: ${url} → no element with id "${target.fragment}"`);
      }
      if (target.file.endsWith(".html")) targets.add(target.file);
    }
    linksFrom.set(path.join(site.outputDir, page.slice(site.prefix.length), page.endsWith(".html") ? "" : "index.html"), targets);
  }
  const start = path.join(site.outputDir, "index.html");
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length > 0) {
    for (const next of linksFrom.get(queue.shift() ?? "") ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  const orphans = pages.filter((page) => !seen.has(path.join(site.outputDir, page.slice(site.prefix.length), page.endsWith(".html") ? "" : "index.html")));
  return { broken, pages, orphans };
}
