// The validated settings plus what every page derives from them: the origin, the path prefix and
// the one way to turn a site path into a link, so a site under /news/ never links to /.
import type { Settings } from "../content/schema.ts";

export interface Section {
  slug: string;
  title: string;
  /** Site path of the section page, without the prefix: "/business/". */
  path: string;
}

export interface Site extends Omit<Settings, "sections"> {
  /** "https://example.org" */
  origin: string;
  /** "/" or "/news/" */
  pathPrefix: string;
  /** Sections in the settings' order. */
  sections: Section[];
}

export function createSite(settings: Settings): Site {
  const base = new URL(settings.baseUrl);
  const pathPrefix = base.pathname.endsWith("/") ? base.pathname : `${base.pathname}/`;
  const sections = settings.sections
    .map((section, index) => ({ section, index }))
    .sort((a, b) => (a.section.order ?? a.index) - (b.section.order ?? b.index) || a.index - b.index)
    .map(({ section }) => ({ slug: section.slug, title: section.title, path: `/${section.slug}/` }));
  return { ...settings, origin: base.origin, pathPrefix, sections };
}

/** A site path ("/2026/03/05/flood/") as a link on the site: prefixed, root-relative. */
export function siteUrl(site: Pick<Site, "pathPrefix">, sitePath: string): string {
  return site.pathPrefix + sitePath.replace(/^\//, "");
}

/** A site path as an absolute URL, for canonical links, feeds and structured data. */
export function absoluteUrl(site: Pick<Site, "pathPrefix" | "origin">, sitePath: string): string {
  return site.origin + siteUrl(site, sitePath);
}

/** `rel` for a link an editor configured: other sites get neither our window nor the referrer. */
export function externalRel(site: Pick<Site, "origin">, url: string): string | undefined {
  return URL.canParse(url) && new URL(url).origin !== site.origin ? "noopener noreferrer" : undefined;
}
