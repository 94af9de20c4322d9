// The newsroom's standalone pages (About, Ethics and corrections policy, Contact…), one page each at
// /<slug>/, their Markdown bodies rendered by the article pipeline (figures, galleries, embeds).
import { h } from "preact";
import type { Newsroom } from "../content/types.ts";
import { renderPage } from "./document.ts";
import { page, type PageSpec } from "./page.ts";
import { standaloneHead } from "./seo/head.ts";
import { StandalonePage } from "../../layouts/StandalonePage.tsx";
import { localeOf } from "../i18n/index.ts";

export function standalonePages(newsroom: Newsroom): PageSpec[] {
  const { shell } = newsroom;
  return newsroom.pages.map((standalone) =>
    page(
      "standalone",
      standalone.path,
      { shell, standalone },
      ({ shell, standalone }) =>
        renderPage(
          shell,
          { path: standalone.path, title: standalone.title, description: standalone.description ?? localeOf(shell.site.language).t("standalone.description", { title: standalone.title, site: shell.site.name }), head: standaloneHead(standalone, shell) },
          h(StandalonePage, { page: standalone, site: shell.site }),
        ),
      [standalone],
    ),
  );
}
