// Live coverage: finds the timestamped updates in a live article's parsed body. An update starts at a
// level-2 heading that begins with its time (`## 14:05 — Ferry resumes`, or `## 2026-11-25 00:40`
// after midnight); everything before the first one is the pinned summary. Problems are collected.
import type { Token } from "markdown-it";
import { DateTime } from "luxon";
import type { ContentProblem } from "./errors.ts";
import { addDays, parseMoment, type Moment } from "../dates.ts";

/** One update as written: its time, headline and where its body lies in the article's tokens. */
export interface UpdateSource {
  /** The anchor: "update-20261124-1405", from the time in the site's zone. */
  id: string;
  time: Moment;
  /** Plain text after the time, if any. */
  headline?: string;
  /** File line of the update's heading. */
  line: number;
  /** Token range of the update's body: from after its heading to the next update (exclusive). */
  start: number;
  end: number;
}

export interface LiveSource {
  /** Tokens [0, summaryEnd) are the pinned summary. */
  summaryEnd: number;
  /** In the order written. */
  updates: UpdateSource[];
}

export interface LiveContext {
  file: string;
  /** File line of the body's first line. */
  bodyLine: number;
  /** The article's `date`: coverage starts there, and a bare time belongs to its day. */
  published: Moment;
  timeZone: string;
}

/** "14:05", "9:30" or "2026-11-25 00:40" (also with a T) at the start of a heading. */
const UPDATE_TIME = /^(?:(\d{4}-\d{2}-\d{2})[ T]+)?(\d{1,2}):(\d{2})(?!\d)/;
/** A heading that starts like a time or a date is meant as an update, so a malformed one is an error, not a subheading. */
const LOOKS_LIKE_TIME = /^(?:\d{1,2}:\d|\d{4}-\d{2}-\d{2})/;
/** What may separate the time from the headline: a dash, a colon or a bar, with spaces. */
const SEPARATOR = /^\s*(?:[—–|:-]+\s*)?/;

const FORM_HELP = "write ## 14:05 — headline, or ## 2026-11-25 00:40 — headline for another day";

/** Plain text of a heading's inline tokens, as written (markup dropped). */
function headingText(inline: Token | undefined): string {
  return (inline?.children ?? [])
    .map((child) => (child.type === "text" || child.type === "code_inline" ? child.content : child.type === "softbreak" ? " " : ""))
    .join("")
    .replace(/\s+/g, " ")
    .trim();
}

/** "update-20261124-1405": stable while the update's time is. */
export function updateId(time: Moment): string {
  return `update-${time.day.replace(/-/g, "")}-${time.iso.slice(11, 16).replace(":", "")}`;
}

/**
 * The updates of a live article's body. `liveLine` is the line of `live:`, for an article that has
 * none; headings that do not start with a time are ordinary subheadings of the update they are in.
 */
export function readLiveUpdates(tokens: readonly Token[], context: LiveContext, liveLine: number): { live?: LiveSource; problems: ContentProblem[] } {
  const { file, bodyLine, published, timeZone } = context;
  const problems: ContentProblem[] = [];
  const found: (Omit<UpdateSource, "end"> & { headingStart: number })[] = [];
  tokens.forEach((token, index) => {
    if (token.type !== "heading_open" || token.tag !== "h2" || token.level !== 0) return;
    const text = headingText(tokens[index + 1]);
    if (!LOOKS_LIKE_TIME.test(text)) return;
    const line = bodyLine + (token.map?.[0] ?? 0);
    const match = UPDATE_TIME.exec(text);
    const [, day = published.day, hour = "", minute = ""] = match ?? [];
    const local = `${day}T${hour.padStart(2, "0")}:${minute}`;
    if (!match || !DateTime.fromISO(local, { zone: timeZone }).isValid) {
      problems.push({ file, line, field: "live update", message: `"## ${text}" does not start with a time this newsroom can read (${FORM_HELP}; times are in ${timeZone})` });
      return;
    }
    const time = parseMoment(local, timeZone);
    const written = match[0].trim();
    if (time.epoch < published.epoch) {
      const hint = match[1] ? "" : `; an update after midnight needs its date: ## ${addDays(published.day, 1)} ${written}`;
      problems.push({ file, line, field: "live update", message: `${written} is before the article's date ${published.iso} (an update cannot come before coverage starts${hint})` });
      return;
    }
    const headline = text.slice(match[0].length).replace(SEPARATOR, "").trim();
    const update = { id: updateId(time), time, line, headingStart: index, start: index + 3 };
    const twin = found.find((other) => other.id === update.id);
    if (twin) {
      problems.push({ file, line, field: "live update", message: `${written} is the time of another update too (line ${twin.line}): give each update its own minute` });
      return;
    }
    found.push(headline ? { ...update, headline } : update);
  });
  if (found.length === 0 && problems.length === 0) {
    problems.push({ file, line: liveLine, field: "live", message: `is true but the body has no updates (start each update with a level-2 heading that begins with its time: ## 14:05 — Ferry resumes)` });
  }
  if (problems.length > 0) return { problems };
  // Found in document order; each update's body runs to the next update heading, whatever its time.
  const updates = found.map(({ headingStart: _start, ...update }, index): UpdateSource => ({ ...update, end: found[index + 1]?.headingStart ?? tokens.length }));
  return { live: { summaryEnd: found[0]?.headingStart ?? tokens.length, updates }, problems };
}

/** The newest of some updates' times. */
export function newestUpdate(updates: readonly UpdateSource[]): Moment | undefined {
  return updates.reduce<Moment | undefined>((newest, update) => (!newest || update.time.epoch > newest.epoch ? update.time : newest), undefined);
}

