// The validated settings plus what every page derives from them: the origin, the path prefix and
// the one way to turn a site path into a link, so a site under /news/ never links to /; and the
// texts the settings leave out, in the site's language.
import type { Settings } from "../content/schema.ts";
import { localeOf } from "../i18n/index.ts";
import { resolveNewsletters, type Newsletter } from "./newsletters.ts";
import { parseUrl } from "../content/web-address.ts";

export interface Section {
  slug: string;
  title: string;
  /** Site path of the section page, without the prefix: "/business/". */
  path: string;
}

/** The support call to action, its texts resolved. */
export interface Support {
  heading: string;
  text: string;
  url: string;
  label: string;
  banner?: NonNullable<Settings["support"]>["banner"];
}

export interface Site extends Omit<Settings, "sections" | "newsletter" | "newsletters" | "support"> {
  /** "https://example.org" */
  origin: string;
  /** "/" or "/news/" */
  pathPrefix: string;
  /** Sections in the settings' order. */
  sections: Section[];
  /** Every newsletter, in the settings' order (the single `newsletter` block of earlier versions is one). */
  newsletters: Newsletter[];
  support?: Support;
}

export function createSite(settings: Settings): Site {
  const base = new URL(settings.baseUrl);
  const pathPrefix = base.pathname.endsWith("/") ? base.pathname : `${base.pathname}/`;
  const locale = localeOf(settings.language);
  const sections = settings.sections
    .map((section, index) => ({ section, index }))
    .sort((a, b) => (a.section.order ?? a.index) - (b.section.order ?? b.index) || a.index - b.index)
    .map(({ section }) => ({ slug: section.slug, title: section.title, path: `/${section.slug}/` }));
  const { newsletter: _single, newsletters: _list, support, ...rest } = settings;
  const site: Site = { ...rest, origin: base.origin, pathPrefix, sections, newsletters: resolveNewsletters(settings, locale) };
  if (support) site.support = { ...support, heading: support.heading ?? locale.t("support.heading"), label: support.label ?? locale.t("support.label") };
  return site;
}

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * A site path ("/2026/03/05/flood/") as a link on the site: prefixed, root-relative. A path with
 * letters outside ASCII (an Arabic tag's page) is percent-encoded, as every URL on the wire is.
 */
export function siteUrl(site: Pick<Site, "pathPrefix">, sitePath: string): string {
  const url = site.pathPrefix + (sitePath.startsWith("/") ? sitePath.slice(1) : sitePath);
  return NON_ASCII.test(url) ? encodeURI(url) : url;
}

/** A site path as an absolute URL, for canonical links, feeds and structured data. */
export function absoluteUrl(site: Pick<Site, "pathPrefix" | "origin">, sitePath: string): string {
  return site.origin + siteUrl(site, sitePath);
}

/** `rel` for a link an editor configured: other sites get neither our window nor the referrer. */
export function externalRel(site: Pick<Site, "origin">, url: string): string | undefined {
  const parsed = parseUrl(url);
  return parsed && parsed.origin !== site.origin ? "noopener noreferrer" : undefined;
}
