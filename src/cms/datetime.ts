// The CMS's date and time field works in the site's time zone, as the build reads dates: an editor in
// Berlin scheduling a Chicago story types Chicago time, and the file gets that time with Chicago's offset.
import { DateTime } from "luxon";

/** A stored date (ISO 8601, with or without offset or time) as the `datetime-local` input shows it, in the site's zone. */
export function toZoneInput(value: unknown, timeZone: string): string {
  if (typeof value !== "string" || value.trim() === "") return "";
  const parsed = DateTime.fromISO(value.trim().replace(" ", "T"), { zone: timeZone, setZone: false }).setZone(timeZone);
  return parsed.isValid ? parsed.toFormat("yyyy-LL-dd'T'HH:mm") : "";
}

/** What the input holds ("2026-11-19T06:40", site time) as the file stores it: with the zone's offset then. */
export function fromZoneInput(local: string, timeZone: string): string {
  const parsed = DateTime.fromISO(local, { zone: timeZone });
  return parsed.isValid ? (parsed.toISO({ suppressMilliseconds: true }) ?? "") : "";
}

/** Now, as the input shows it in the site's zone. */
export function nowInZone(timeZone: string, now = new Date()): string {
  return DateTime.fromJSDate(now, { zone: timeZone }).toFormat("yyyy-LL-dd'T'HH:mm");
}
