import { externalRel, type Site } from "../src/site/site.ts";

/** "Support our journalism", from the settings; nothing when the newsroom has not set it up. */
export function SupportCta({ site }: { site: Site }) {
  const { support } = site;
  if (!support) return null;
  return (
    <aside class="support" aria-labelledby="support-heading">
      <h2 id="support-heading">{support.heading}</h2>
      <p>{support.text}</p>
      <a class="button" href={support.url} rel={externalRel(site, support.url)}>
        {support.label}
      </a>
    </aside>
  );
}
