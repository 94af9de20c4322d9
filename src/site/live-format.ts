// How an update's time reads on the page: the time of day in the site's zone, with the date only
// when the update is on another day than coverage began (after midnight, or days later).
import { dateFormatter, type Moment } from "../dates.ts";

/** "2:05 PM CST", or "Nov 25, 12:40 AM CST" on a later day. */
export function formatUpdateTime(moment: Moment, start: Moment, language: string, timeZone: string): string {
  const withDate = moment.day !== start.day;
  return dateFormatter(language, { timeZone, ...(withDate && { month: "short", day: "numeric" }), hour: "numeric", minute: "2-digit", timeZoneName: "short" }).format(moment.epoch);
}
