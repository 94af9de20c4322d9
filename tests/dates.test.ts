// A teaser's time in three pieces (src/dates.ts `splitMoment`): remembered once split, so the same
// story shown in many listings costs one split; what is remembered must never leak across languages,
// zones or date-only moments.
import { describe, expect, it } from "vitest";
import { formatMoment, monthTitle, parseMoment, splitMoment } from "../src/dates.ts";

const SITES = [
  { language: "en-US", timeZone: "America/Chicago" },
  { language: "en-US", timeZone: "Asia/Tokyo" },
  { language: "fr", timeZone: "Europe/Paris" },
  { language: "de", timeZone: "Europe/Berlin" },
  { language: "ar", timeZone: "Asia/Dubai" },
];

/** The pieces keep the narrow no-break space some ICU versions put before "AM"/"PM", which `format` turns into a space. */
const joined = (pieces: readonly string[]) => pieces.join("").replace(/\u202f/g, " ");

describe("splitMoment", () => {
  it("joins to exactly formatMoment's text, for every site, first call or remembered", () => {
    // Times spread over two years, some repeated, a few written without a time of day.
    const values = Array.from({ length: 300 }, (_, index) => {
      const epoch = Date.UTC(2025, 0, 1) + ((index * 7919) % 200) * 3_600_000 * 37;
      const iso = new Date(epoch).toISOString();
      return index % 10 === 0 ? iso.slice(0, 10) : iso;
    });
    // One moment object per value and zone, as a build keeps them: the second round is remembered.
    const moments = SITES.map(({ timeZone }) => values.map((value) => ({ value, moment: parseMoment(value, timeZone) })));
    for (const round of [1, 2]) {
      for (const [site, { language, timeZone }] of SITES.entries()) {
        for (const { value, moment } of moments[site] ?? []) {
          const [before, time, after] = splitMoment(moment, language, timeZone);
          expect(joined([before, time, after]), `${value} in ${language} ${timeZone}, round ${round}`).toBe(formatMoment(moment, language, timeZone));
          if (moment.hasTime) expect(time).not.toBe("");
          else expect([time, after]).toEqual(["", ""]);
        }
      }
    }
  });

  it("keeps one instant apart in two zones, two languages, and with or without a time of day", () => {
    const timed = parseMoment("2026-03-05T23:30:00-06:00", "America/Chicago");
    expect(joined(splitMoment(timed, "en-US", "America/Chicago"))).toBe("March 5, 2026 at 11:30 PM CST");
    expect(joined(splitMoment(timed, "en-US", "Asia/Tokyo"))).toBe("March 6, 2026 at 2:30 PM GMT+9");
    expect(joined(splitMoment(timed, "fr", "America/Chicago"))).toBe(formatMoment(timed, "fr", "America/Chicago"));
    expect(joined(splitMoment(timed, "fr", "America/Chicago"))).not.toBe(joined(splitMoment(timed, "en-US", "America/Chicago")));
    const dateOnly = { ...timed, hasTime: false };
    expect(splitMoment(dateOnly, "en-US", "America/Chicago")).toEqual(["March 5, 2026", "", ""]);
    expect(joined([splitMoment(timed, "en-US", "America/Chicago")[1]])).toBe("11:30 PM CST");
  });

  it("gives one moment object the text of whichever language and zone it is asked in, in any order", () => {
    const moment = parseMoment("2026-03-05T23:30:00-06:00", "America/Chicago");
    const asked = [
      ["fr", "America/Chicago"],
      ["en-US", "America/Chicago"],
      ["en-US", "Asia/Tokyo"],
      ["fr", "America/Chicago"],
    ] as const;
    const expected = asked.map(([language, timeZone]) => new Intl.DateTimeFormat(language, { timeZone, year: "numeric", month: "long", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short" }).format(moment.epoch));
    for (const round of [1, 2]) {
      asked.forEach(([language, timeZone], index) => {
        expect(formatMoment(moment, language, timeZone), `${language} ${timeZone}, round ${round}`).toBe(expected[index]);
        expect(joined(splitMoment(moment, language, timeZone))).toBe(expected[index]);
      });
    }
  });
});

describe("monthTitle", () => {
  it("names an archive month in the site's language, whatever the machine's zone", () => {
    expect(monthTitle("en-US", "2026", "01")).toBe("January 2026");
    expect(monthTitle("fr", "2026", "11")).toBe("novembre 2026");
    expect(monthTitle("en-US", "2025", "12")).toBe("December 2025");
  });
});
