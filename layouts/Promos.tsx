import type { Promo } from "../src/content/types.ts";
import { Picture } from "./Picture.tsx";

/** Interface text (English; the message catalogue takes these over). */
const TEXT = {
  heading: "Around the web",
  note: "Paid links from our partners",
} as const;

/** The settings' paid links: a labelled list, each link marked sponsored; nothing when none are configured. */
export function Promos({ promos, id }: { promos: readonly Promo[]; id: string }) {
  if (promos.length === 0) return null;
  return (
    <aside class="promos" aria-labelledby={id}>
      <h2 id={id} class="promos__heading">
        {TEXT.heading}
      </h2>
      <p class="promos__note">{TEXT.note}</p>
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
