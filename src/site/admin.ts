// /admin/: the browser CMS (Decap CMS) as outputs of the build like any other: its page and its
// configuration, generated from the content schema and the settings (src/cms/config.ts). Built only
// when the settings have a `cms` block. Its scripts are copied next to it (src/cms/bundle.ts).
import { h } from "preact";
import type { Newsroom } from "../content/types.ts";
import { page, type PageSpec } from "./page.ts";
import { renderDocument } from "../render/components.ts";
import { renderCmsConfig, type CmsConfigInputs } from "../cms/config.ts";
import { ADMIN_PATH, ADMIN_SCRIPT, DECAP_SCRIPT } from "../cms/bundle.ts";
import { PREVIEW_DATA_ID, type PreviewData } from "../cms/preview-data.ts";
import { AdminPage } from "../../layouts/AdminPage.tsx";

/** The admin page and config.yml, or nothing when the settings do not configure the CMS. */
export function adminPages(newsroom: Newsroom): PageSpec[] {
  const { site, shell } = newsroom;
  if (!site.cms) return [];
  const config: CmsConfigInputs = { cms: site.cms, baseUrl: site.baseUrl, timeZone: site.timeZone, sections: site.sections.map(({ slug, title }) => ({ slug, title })) };
  const preview: PreviewData = { site, stylesheet: shell.stylesheet, scripts: shell.scripts, authors: newsroom.authors };
  return [
    page("admin", ADMIN_PATH, { site, preview }, ({ site, preview }) =>
      renderDocument(h(AdminPage, { site, scripts: [`${ADMIN_PATH}${DECAP_SCRIPT}`, `${ADMIN_PATH}${ADMIN_SCRIPT}`], data: { id: PREVIEW_DATA_ID, value: preview } })),
    ),
    page("admin-config", `${ADMIN_PATH}config.yml`, { config }, ({ config }) => renderCmsConfig(config)),
  ];
}
