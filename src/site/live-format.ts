// How an update's time reads on the page: the time of day in the site's zone, with the date only
// when the update is on another day than coverage began (after midnight, or days later).
import type { Moment } from "../dates.ts";

const formatters = new Map<string, Intl.DateTimeFormat>();

/** "2:05 PM CST", or "Nov 25, 12:40 AM CST" on a later day. */
export function formatUpdateTime(moment: Moment, start: Moment, language: string, timeZone: string): string {
  const withDate = moment.day !== start.day;
  const key = `${language}|${timeZone}|${withDate}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language, {
      timeZone,
      ...(withDate && { month: "short", day: "numeric" }),
      hour: "numeric",
      minute: "2-digit",
      timeZoneName: "short",
    });
    formatters.set(key, formatter);
  }
  return formatter.format(moment.epoch);
}
