import type { Promo } from "../src/content/types.ts";
import type { Site } from "../src/site/site.ts";
import { Picture } from "./Picture.tsx";
import { localeOf } from "../src/i18n/index.ts";

/** The settings' paid links: a labelled list, each link marked sponsored; nothing when none are configured. */
export function Promos({ promos, id, site }: { promos: readonly Promo[]; id: string; site: Site }) {
  if (promos.length === 0) return null;
  const locale = localeOf(site.language);
  return (
    <aside class="promos" aria-labelledby={id}>
      <h2 id={id} class="promos__heading">
        {locale.t("promos.heading")}
      </h2>
      <p class="promos__note">{locale.t("promos.note")}</p>
      <ul class="promos__list">
        {promos.map((promo) => (
          <li class="promo">
            {promo.image && <Picture class="promo__image" image={promo.image} alt="" sizes="8rem" />}
            <p class="promo__text">
              <a class="promo__title" href={promo.url} rel="sponsored noopener">
                {promo.title}
              </a>
              <span class="promo__source">{promo.source}</span>
            </p>
          </li>
        ))}
      </ul>
    </aside>
  );
}
