// The front page's editorial hierarchy, planned from the teasers alone: a lead, two or four
// secondary stories with pictures, the latest headlines, then a rail per section. Every story is
// shown once; editors order the top with `featured` and `priority` (docs/design.md).
import type { Teaser } from "../content/types.ts";
import type { Section } from "./site.ts";
import { teasersInSection } from "./collections.ts";

/** How many of the newest stories compete for the top: recent news leads, whatever its priority. */
export const TOP_WINDOW = 12;
/** Headlines in the Latest band: a multiple of 1, 2 and 3 columns, so no row is ragged. */
export const LATEST_COUNT = 6;
/** Most stories in a section's rail: four, else two, else one, so its two columns are never ragged. */
export const RAIL_COUNT = 4;

/** Four, two or one of `items`: what fills a grid of two or four columns without a hole. */
function even<T>(items: readonly T[], most: number): T[] {
  const count = items.length >= most ? most : items.length >= 2 ? 2 : items.length;
  return items.slice(0, count);
}

export interface FrontPlan {
  lead: Teaser | undefined;
  /** The secondary stories: four, else two, with pictures when the window has them. */
  top: Teaser[];
  /** The newest of the rest, headlines only. */
  latest: Teaser[];
  /** Per section in the settings' order, four, two or one of what is not shown above; empty rails are left out. */
  rails: { section: Section; teasers: Teaser[] }[];
}

/** Higher `priority` first, then the newer (the list is newest first, so a stable sort keeps that). */
function byPriority(teasers: readonly Teaser[]): Teaser[] {
  return [...teasers].sort((a, b) => b.priority - a.priority);
}

/**
 * The lead is the newest `featured` story with the highest priority, else the story of the highest
 * priority among the newest TOP_WINDOW (the newest when none has one). The secondaries are the next
 * by priority among the window, pictures first: four when four have one, else two, so the grid
 * they fill has no hole.
 */
export function planFront(teasers: readonly Teaser[], sections: readonly Section[]): FrontPlan {
  const window = teasers.slice(0, TOP_WINDOW);
  const featured = byPriority(teasers.filter((teaser) => teaser.featured))[0];
  const lead = featured ?? byPriority(window)[0];
  const ranked = byPriority(window.filter((teaser) => teaser !== lead));
  const pictured = ranked.filter((teaser) => teaser.photo);
  const top = pictured.length >= 2 ? even(pictured, 4) : ranked.slice(0, 2);
  const shown = new Set<Teaser>([...(lead ? [lead] : []), ...top]);
  const latest = teasers.filter((teaser) => !shown.has(teaser)).slice(0, LATEST_COUNT);
  for (const teaser of latest) shown.add(teaser);
  const rails = sections
    .map((section) => ({ section, teasers: even(teasersInSection(teasers, section.slug).filter((teaser) => !shown.has(teaser)), RAIL_COUNT) }))
    .filter((rail) => rail.teasers.length > 0);
  return { lead, top, latest, rails };
}
