import type { HeadMeta } from "../src/site/head.ts";
import type { Site } from "../src/site/site.ts";
import { absoluteUrl, siteUrl } from "../src/site/site.ts";

/** JSON for a <script> element: "<" is escaped so no string can close the element early. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

interface HeadTagsProps {
  site: Site;
  path: string;
  title: string;
  description: string;
  head: HeadMeta;
  /** Keep the page out of search engines: a preview build, or a page with nothing to index. */
  noindex: boolean;
}

/** Canonical URL, robots, Open Graph, X card, feeds, pagination links and JSON-LD. */
export function HeadTags({ site, path, title, description, head, noindex }: HeadTagsProps) {
  const url = absoluteUrl(site, path);
  return (
    <>
      <link rel="canonical" href={url} />
      <meta name="robots" content={noindex ? "noindex" : "max-image-preview:large"} />
      {head.prev && <link rel="prev" href={siteUrl(site, head.prev)} />}
      {head.next && <link rel="next" href={siteUrl(site, head.next)} />}
      {(head.feeds ?? []).map((feed) => (
        <link rel="alternate" type={feed.type} title={feed.title} href={absoluteUrl(site, feed.path)} />
      ))}
      <meta property="og:site_name" content={site.name} />
      <meta property="og:type" content={head.ogType} />
      <meta property="og:title" content={title} />
      <meta property="og:description" content={description} />
      <meta property="og:url" content={url} />
      <meta property="og:locale" content={site.language.replace("-", "_")} />
      {head.image && (
        <>
          <meta property="og:image" content={head.image.url} />
          <meta property="og:image:width" content={String(head.image.width)} />
          <meta property="og:image:height" content={String(head.image.height)} />
          <meta property="og:image:alt" content={head.image.alt} />
        </>
      )}
      {head.article && (
        <>
          <meta property="article:published_time" content={head.article.publishedTime} />
          {head.article.modifiedTime && <meta property="article:modified_time" content={head.article.modifiedTime} />}
          <meta property="article:section" content={head.article.section} />
          {head.article.tags.map((tag) => (
            <meta property="article:tag" content={tag} />
          ))}
          {head.article.authors.map((author) => (
            <meta property="article:author" content={author} />
          ))}
        </>
      )}
      <meta name="twitter:card" content={head.image && head.image.large !== false ? "summary_large_image" : "summary"} />
      {site.social.x && <meta name="twitter:site" content={`@${site.social.x}`} />}
      {(head.creators ?? []).slice(0, 1).map((creator) => (
        <meta name="twitter:creator" content={`@${creator}`} />
      ))}
      {head.image && <meta name="twitter:image:alt" content={head.image.alt} />}
      {(head.jsonLd ?? []).map((data) => (
        <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: scriptJson(data) }} />
      ))}
    </>
  );
}
