import type { ComponentChildren } from "preact";
import { siteUrl } from "../src/site/site.ts";
import type { HeadMeta } from "../src/site/head.ts";
import type { Shell } from "../src/content/types.ts";
import { HeadTags } from "./HeadTags.tsx";
import { localeOf } from "../src/i18n/index.ts";
import { SiteHeader } from "./SiteHeader.tsx";
import { SiteFooter } from "./SiteFooter.tsx";
import { BreakingBanner } from "./BreakingBanner.tsx";

export interface PageProps {
  /** The site, its icons, the year and the stylesheet: the same on every page. */
  shell: Shell;
  /** Site path of this page, for its canonical URL. */
  path: string;
  /** The page's own title; the site name is added. */
  title: string;
  description: string;
  /** Open Graph, feeds, pagination links, structured data. */
  head: HeadMeta;
  /** Section slug to mark as current in the navigation. */
  section?: string | undefined;
  /** The front page's masthead date: the build's day in the site's zone, and how it reads. */
  today?: { day: string; label: string } | undefined;
  children: ComponentChildren;
}

/** The document shell every page shares: head, skip link, header, main landmark, footer. */
export function Page({ shell, path, title, description, head, section, today, children }: PageProps) {
  const { site, icons, stylesheet, year } = shell;
  const fullTitle = path === "/" ? site.name : `${title} | ${site.name}`;
  const locale = localeOf(site.language);
  return (
    <html lang={site.language} dir={locale.direction}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        <meta name="description" content={description} />
        <meta name="color-scheme" content="light dark" />
        <link rel="stylesheet" href={siteUrl(site, stylesheet)} />
        {/* Declared, so browsers never ask for a /favicon.ico the site does not have. */}
        <link rel="icon" type="image/png" sizes={`${icons.favicon.width}x${icons.favicon.height}`} href={icons.favicon.url} />
        <link rel="apple-touch-icon" href={icons.touch.url} />
        <HeadTags site={site} path={path} title={title} description={description} head={head} noindex={shell.preview || head.noindex === true} />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {locale.t("page.skip")}
        </a>
        {shell.breaking && <BreakingBanner breaking={shell.breaking} site={site} current={shell.breaking.path === path} />}
        <SiteHeader site={site} currentSection={section} path={path} pages={shell.pages} today={today} />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter site={site} year={year} pages={shell.pages} path={path} />
      </body>
    </html>
  );
}
