import { externalRel, type Site } from "../src/site/site.ts";

/** A one-line "support our mission" banner on article pages, from the settings' `support.banner`. */
export function SupportBanner({ site, position }: { site: Site; position: "top" | "bottom" }) {
  const { support } = site;
  const banner = support?.banner;
  if (!support || !banner || (banner.placement !== "both" && banner.placement !== position)) return null;
  const url = banner.url ?? support.url;
  return (
    // Not a landmark: the support box below the story is the page's one "support" region.
    <div class={`support-banner support-banner--${position}`}>
      <p>
        <span class="support-banner__text">{banner.text}</span>{" "}
        <a class="support-banner__link" href={url} rel={externalRel(site, url)}>
          {banner.label ?? support.label}
        </a>
      </p>
    </div>
  );
}
