// Publication times are read and shown in the site's time zone, never the machine's: a YAML
// `date: 2026-03-05` is March 5 in the newsroom whatever TZ the build runs under.
import { DateTime } from "luxon";

export interface Moment {
  /** ISO 8601 with the site zone's offset, e.g. 2026-03-05T09:30:00-06:00. */
  iso: string;
  /** Milliseconds since the epoch, for sorting. */
  epoch: number;
  /** False when the editor wrote only a date: then no time of day is shown. */
  hasTime: boolean;
  /** The calendar date in the site zone, yyyy-mm-dd. */
  day: string;
}

/** Reads an ISO 8601 date (already validated by the schema) in the site's time zone. */
export function parseMoment(value: string, timeZone: string): Moment {
  const normalized = value.trim().replace(" ", "T");
  const dateTime = DateTime.fromISO(normalized, { zone: timeZone, setZone: false }).setZone(timeZone);
  if (!dateTime.isValid) throw new Error(`parseMoment: invalid date ${value}`);
  return {
    iso: dateTime.toISO({ suppressMilliseconds: true }) ?? normalized,
    epoch: dateTime.toMillis(),
    hasTime: normalized.includes("T"),
    day: dateTime.toISODate() ?? normalized.slice(0, 10),
  };
}

// Making an Intl.DateTimeFormat costs ~1 ms, formatting with one a few µs: a site has one language
// and zone, and a build formats thousands of dates (story times, archive months, edition days, live
// updates), so each formatter is made once, here.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The formatter for `language` and `options`, made once. */
export function dateFormatter(language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) formatters.set(key, (formatter = new Intl.DateTimeFormat(language, options)));
  return formatter;
}

function formatterFor(language: string, timeZone: string, hasTime: boolean): Intl.DateTimeFormat {
  return dateFormatter(
    language,
    hasTime ? { timeZone, year: "numeric", month: "long", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short" } : { timeZone, year: "numeric", month: "long", day: "numeric" },
  );
}

/**
 * A moment's text, kept with the moment while it is in use. A story's time is shown wherever its
 * teaser is (related lists, its section's, topics' and author's listings, the front page): ~120,000
 * times in a 10,000-story build, and a memory found by a key made of its language, zone and instant
 * built a string and hashed it at each call. A moment is one object from load to write, so it is its
 * own key; its texts go with it. The language and zone are kept beside them: a site has one of each,
 * but the function takes any.
 */
interface MomentTexts {
  language: string;
  timeZone: string;
  text: string;
  split?: readonly [string, string, string];
}
const momentTexts = new WeakMap<Moment, MomentTexts>();

function textsOf(moment: Moment, language: string, timeZone: string): MomentTexts {
  const known = momentTexts.get(moment);
  if (known && known.language === language && known.timeZone === timeZone) return known;
  const texts: MomentTexts = { language, timeZone, text: formatterFor(language, timeZone, moment.hasTime).format(moment.epoch) };
  momentTexts.set(moment, texts);
  return texts;
}

/** "March 5, 2026" or "March 5, 2026, 9:30 AM CST" in the site's language and zone. */
export function formatMoment(moment: Moment, language: string, timeZone: string): string {
  return textsOf(moment, language, timeZone).text;
}

/** The value for `<time datetime>`: a plain date when no time was given. */
export function machineMoment(moment: Moment): string {
  return moment.hasTime ? moment.iso : moment.day;
}

/** The calendar day (yyyy-mm-dd) of an instant in the site's zone: the build's "today". */
export function dayIn(now: Date, timeZone: string): string {
  return DateTime.fromJSDate(now).setZone(timeZone).toISODate() ?? now.toISOString().slice(0, 10);
}

/** The calendar day `days` after `day` (yyyy-mm-dd; negative: before), as a calendar counts, whatever the zone. */
export function addDays(day: string, days: number): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

const TIME_PARTS = new Set<Intl.DateTimeFormatPartTypes>(["hour", "minute", "dayPeriod", "timeZoneName"]);

/**
 * `formatMoment` in three pieces: what comes before the time of day, the time of day with its zone
 * ("10:05 PM CST"), and what follows; a narrow teaser keeps the middle on one line, so a zone's
 * abbreviation never wraps alone. The pieces join to `formatMoment`'s text, but for the narrow
 * no-break space some ICU versions put before "AM"/"PM" (which V8's `format` turns into a space).
 */
export function splitMoment(moment: Moment, language: string, timeZone: string): readonly [string, string, string] {
  const texts = textsOf(moment, language, timeZone);
  return (texts.split ??= splitText(moment, texts.text, formatterFor(language, timeZone, moment.hasTime)));
}

function splitText(moment: Moment, text: string, formatter: Intl.DateTimeFormat): readonly [string, string, string] {
  if (!moment.hasTime) return [text, "", ""];
  const parts = formatter.formatToParts(moment.epoch);
  const first = parts.findIndex((part) => TIME_PARTS.has(part.type));
  const last = parts.findLastIndex((part) => TIME_PARTS.has(part.type));
  const join = (from: number, to: number) => parts.slice(from, to).map((part) => part.value).join("");
  return [join(0, first), join(first, last + 1), join(last + 1, parts.length)];
}

/** "November 2026" in the site's language: an archive month's title. */
export function monthTitle(language: string, year: string, month: string): string {
  return dateFormatter(language, { month: "long", year: "numeric", timeZone: "UTC" }).format(Date.UTC(Number(year), Number(month) - 1, 15));
}
