// Dates are read and shown in the site's time zone, whatever zone the build machine runs in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { load } from "cheerio";
import fs from "node:fs/promises";
import path from "node:path";
import { makeSite, removeSite, runBuildCli, writeContent, type FixtureSite } from "./helpers/site.ts";
import { formatMoment, parseMoment } from "../src/dates.ts";

const ZONES = ["Pacific/Kiritimati", "America/Los_Angeles"]; // UTC+14 and UTC-8: a day apart
const sites: FixtureSite[] = [];

beforeAll(async () => {
  for (const zone of ZONES) {
    const site = await makeSite();
    // 23:30 in Chicago is already the next day in UTC: the URL and the shown date must not move.
    await writeContent(
      site,
      "articles/2026/late-night.md",
      "---\nheadline: Late vote\nbyline: ana-ruiz\ndate: 2026-03-05T23:30\nsection: news\n---\nThe council met late.\n",
    );
    // A process of its own: the machine's zone is the one the build's process starts in.
    const run = await runBuildCli(site, { TZ: zone }, { ownProcess: true });
    expect(run.status, run.output).toBe(0);
    sites.push(site);
  }
});
afterAll(async () => {
  for (const site of sites) await removeSite(site);
});

async function page(site: FixtureSite, sitePath: string) {
  return load(await fs.readFile(path.join(site.outputDir, sitePath, "index.html"), "utf8"));
}

describe("time zone", () => {
  it.each(ZONES.map((zone, index) => [zone, index]))("under TZ=%s a date-only article is March 5 in the site's zone", async (_zone, index) => {
    const site = sites[index]!;
    const $ = await page(site, "/2026/03/05/date-only/");
    expect($(".timestamps__published time").attr("datetime")).toBe("2026-03-05");
    expect($(".timestamps__published time").text()).toBe("March 5, 2026");
  });

  it.each(ZONES.map((zone, index) => [zone, index]))("under TZ=%s a 23:30 local article keeps its day and time", async (_zone, index) => {
    const site = sites[index]!;
    const $ = await page(site, "/2026/03/05/late-night/");
    expect($(".timestamps__published time").attr("datetime")).toBe("2026-03-05T23:30:00-06:00");
    expect($(".timestamps__published time").text()).toBe("March 5, 2026 at 11:30 PM CST");
  });

  it("reads offsets from other zones into the site's zone, across daylight saving time", () => {
    const moment = parseMoment("2026-07-01T03:15:00Z", "America/Chicago");
    expect(moment.iso).toBe("2026-06-30T22:15:00-05:00");
    expect(moment.day).toBe("2026-06-30");
    expect(formatMoment(moment, "en-US", "America/Chicago")).toBe("June 30, 2026 at 10:15 PM CDT");
  });
});
