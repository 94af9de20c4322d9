// When a newsletter has an edition and what is in it: a daily one on each day with stories, a weekly
// one on its weekday with the seven days that end on it, never before its start day, only the
// sections it covers. And which story leads: the editors' signals, in a documented order.
import type { Teaser } from "../content/types.ts";
import type { Newsletter } from "../site/newsletters.ts";
import type { Section } from "../site/site.ts";
import { WEEKDAYS } from "../i18n/index.ts";
import { addDays } from "../dates.ts";

type Rule = Pick<Newsletter, "frequency" | "weekday" | "sections" | "start">;

/** The weekday of a yyyy-mm-dd day: "monday" … "sunday". */
export function weekdayOf(day: string): (typeof WEEKDAYS)[number] {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  // getUTCDay: 0 is Sunday; WEEKDAYS starts on Monday.
  return WEEKDAYS[(new Date(Date.UTC(year, month - 1, date)).getUTCDay() + 6) % 7] as (typeof WEEKDAYS)[number];
}

/** The days an edition dated `day` covers, oldest first: the day itself, or the week that ends on it. */
export function editionWindow(rule: Rule, day: string): string[] {
  return rule.frequency === "weekly" ? Array.from({ length: 7 }, (_, index) => addDays(day, index - 6)) : [day];
}

/** The day of the edition that carries a story published on `day`: that day, or the next weekday of a weekly newsletter. */
function editionDayOf(rule: Rule, day: string): string {
  if (rule.frequency !== "weekly") return day;
  const target = WEEKDAYS.indexOf(rule.weekday ?? "monday");
  const offset = (target - WEEKDAYS.indexOf(weekdayOf(day)) + 7) % 7;
  return addDays(day, offset);
}

function covers(rule: Rule, teaser: Teaser): boolean {
  return !rule.sections || rule.sections.includes(teaser.section.slug);
}

// A build asks for every edition of the archive: group the stories once per article list and rule.
const byEditionCache = new WeakMap<readonly Teaser[], Map<string, Map<string, Teaser[]>>>();

function storiesByEdition(rule: Rule, teasers: readonly Teaser[]): Map<string, Teaser[]> {
  let perRule = byEditionCache.get(teasers);
  if (!perRule) byEditionCache.set(teasers, (perRule = new Map<string, Map<string, Teaser[]>>()));
  const key = JSON.stringify([rule.frequency, rule.weekday, rule.sections, rule.start]);
  let byDay = perRule.get(key);
  if (!byDay) {
    byDay = new Map();
    for (const teaser of teasers) {
      if (!covers(rule, teaser)) continue;
      const day = editionDayOf(rule, teaser.published.day);
      if (rule.start !== undefined && day < rule.start) continue;
      const list = byDay.get(day);
      if (list) list.push(teaser);
      else byDay.set(day, [teaser]);
    }
    perRule.set(key, byDay);
  }
  return byDay;
}

/** The stories of the edition dated `day`, newest first as the newsroom keeps them; none on a day without one. */
export function storiesInEdition(rule: Rule, teasers: readonly Teaser[], day: string): Teaser[] {
  return [...(storiesByEdition(rule, teasers).get(day) ?? [])];
}

/**
 * Every day with an edition, newest first: from the start day on, days that have stories in the
 * newsletter's sections, and for a weekly newsletter only its weekday. `today` (the build's, in the
 * site's zone) leaves out a weekly edition whose day has not come yet.
 */
export function editionDays(rule: Rule, teasers: readonly Teaser[], today?: string): string[] {
  return [...storiesByEdition(rule, teasers).keys()].filter((day) => today === undefined || day <= today).sort().reverse();
}

/** Why `day` has no edition by the rule itself (before the start, not the weekday), if it has none for that reason. */
export function offSchedule(rule: Rule, day: string): "before-start" | "not-weekday" | undefined {
  if (rule.start !== undefined && day < rule.start) return "before-start";
  if (rule.frequency === "weekly" && weekdayOf(day) !== (rule.weekday ?? "monday")) return "not-weekday";
  return undefined;
}

/**
 * The lead story of an edition, by the editors' signals: a `featured` story first; then the higher
 * `priority`; then the section that comes first in the settings; then the newest; then the file
 * path, so the choice never depends on anything else.
 */
export function editionLead(stories: readonly Teaser[], sections: readonly Section[]): Teaser | undefined {
  const order = (teaser: Teaser) => {
    const index = sections.findIndex((section) => section.slug === teaser.section.slug);
    return index === -1 ? sections.length : index;
  };
  return [...stories].sort(
    (a, b) => Number(b.featured) - Number(a.featured) || b.priority - a.priority || order(a) - order(b) || b.published.epoch - a.published.epoch || a.id.localeCompare(b.id),
  )[0];
}
