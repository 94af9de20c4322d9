import type { Site } from "../src/site/site.ts";
import { siteUrl } from "../src/site/site.ts";
import { scriptJson } from "./HeadTags.tsx";

export interface AdminPageProps {
  site: Site;
  /** Site paths of Decap CMS's script and ours, in loading order. */
  scripts: string[];
  /** The preview pane's data, as JSON in the page. */
  data: { id: string; value: unknown };
}

/** /admin/: the CMS's single page. Never indexed; nothing of it is linked from reader pages. */
export function AdminPage({ site, scripts, data }: AdminPageProps) {
  return (
    <html lang={site.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{`Content manager | ${site.name}`}</title>
        <link rel="cms-config-url" type="text/yaml" href={siteUrl(site, "/admin/config.yml")} />
      </head>
      <body>
        <script type="application/json" id={data.id} dangerouslySetInnerHTML={{ __html: scriptJson(data.value) }} />
        {scripts.map((script) => (
          <script src={siteUrl(site, script)}></script>
        ))}
      </body>
    </html>
  );
}
