// Issue 20: several newsletters. The two-newsletters fixture has the daily headlines from 5 March and
// a weekly business letter on Fridays: the settings' checks, which days have editions and which story
// leads, where each signup box shows, each newsletter's archive and feed, the page listing them, the
// editors' notes per newsletter, and `npm run edition -- --newsletter` with a draft per newsletter
// sent to a local stand-in for the providers' APIs.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { XMLParser } from "fast-xml-parser";
import { buildSite, makeSite, readPage, removeSite, writeContent, type FixtureSite } from "./helpers/site.ts";
import { runEdition, startProviderApi } from "./helpers/edition.ts";
import { problemLines } from "./helpers/check.ts";
import { validateHtmlFile } from "./helpers/html.ts";
import { parseHeaders } from "./helpers/browser.ts";
import { loadSettings } from "../src/content/load-settings.ts";
import { formatProblem } from "../src/content/errors.ts";
import { editionDays, editionLead, editionWindow, weekdayOf } from "../src/edition/schedule.ts";
import { addDays } from "../src/dates.ts";
import { parseMoment } from "../src/dates.ts";
import type { Teaser } from "../src/content/types.ts";

const HEAD = ["name: The Gazette", "baseUrl: https://gazette.example.org/", "timeZone: America/Chicago", "sections: [{ slug: news, title: News }, { slug: sports, title: Sports }]"];

describe("settings.newsletters", () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((dir) => fs.rm(dir, { recursive: true, force: true }))));

  async function problems(lines: string[]): Promise<string[]> {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "dateline-newsletters-"));
    dirs.push(dir);
    await fs.writeFile(path.join(dir, "settings.yml"), [...HEAD, ...lines].join("\n"));
    return (await loadSettings(dir)).problems.map((problem) => formatProblem(problem).replace(/^.*settings\.yml:/, "settings.yml:"));
  }

  it("needs an id and a start for each newsletter of the list, each at its own line", async () => {
    expect(await problems(["newsletters:", "  - provider: buttondown", "    username: gazette", "  - id: sports", "    provider: buttondown", "    username: gazette-sports"])).toEqual([
      'settings.yml:6 newsletters[0].id: is required (an id for its URLs and the edition command, e.g. "daily")',
      "settings.yml:6 newsletters[0].start: is required (the day of the first edition, yyyy-mm-dd: no edition is made for the days before it)",
      "settings.yml:8 newsletters[1].start: is required (the day of the first edition, yyyy-mm-dd: no edition is made for the days before it)",
    ]);
  });

  it("refuses a second newsletter with the same id, a section the site lacks, a weekday for a daily, an unknown place", async () => {
    expect(
      await problems([
        "newsletters:",
        "  - { id: daily, start: 2026-03-01, provider: buttondown, username: a, weekday: monday }",
        "  - { id: daily, start: 2026-03-01, provider: buttondown, username: b, frequency: weekly, sections: [sprots] }",
      ]),
    ).toEqual([
      "settings.yml:6 newsletters[0].weekday: is set but the newsletter is daily (add frequency: weekly, or remove this field)",
      'settings.yml:7 newsletters[1].id: "daily" is the id of another newsletter too (each needs its own)',
      'settings.yml:7 newsletters[1].sections[0]: "sprots" is not a section of this site; did you mean "sports"? (sections: news, sports)',
    ]);
    expect(await problems(["newsletters:", "  - { id: daily, start: 2026-03-01, provider: buttondown, username: a, signup: [sidebar], frequency: monthly }"])).toEqual([
      'settings.yml:6 newsletters[0].frequency: "monthly" is not a frequency (one of: daily, weekly)',
      'settings.yml:6 newsletters[0].signup[0]: "sidebar" is not a place for the signup box (one of: front, articles, sections)',
    ]);
  });

  it("takes the single newsletter block of earlier versions, or the list, not both and not neither", async () => {
    expect(await problems(["newsletter: { provider: buttondown, username: a }"])).toEqual([]);
    expect(await problems(["newsletter: { provider: buttondown, username: a }", "newsletters: [{ id: b, start: 2026-03-01, provider: buttondown, username: b }]"])).toEqual([
      "settings.yml:5 newsletter: cannot be used together with newsletters (move this block into the newsletters list, with an id and a start)",
    ]);
    expect(await problems([])).toEqual([expect.stringMatching(/^settings\.yml:1 newsletter: is required \(the signup form: a provider and its address/)]);
    expect(await problems(["newsletters:", "  - { id: 9-sports, start: 2026-03-01, provider: buttondown, username: a }"])).toEqual([
      'settings.yml:6 newsletters[0].id: "9-sports" is not a newsletter id (lowercase letters, digits and single hyphens, starting with a letter, e.g. "weekly-sports")',
    ]);
  });

  it("fills what the settings leave out in the site's language, and gives each newsletter its address", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "dateline-newsletters-"));
    dirs.push(dir);
    await fs.writeFile(path.join(dir, "settings.yml"), [...HEAD, "language: de-DE", "newsletters: [{ id: woche, start: 2026-03-01, frequency: weekly, weekday: sunday, provider: buttondown, username: a }]"].join("\n"));
    const [newsletter] = (await loadSettings(dir)).site?.newsletters ?? [];
    expect(newsletter).toMatchObject({ id: "woche", path: "/newsletter/woche/", name: "Wochen-Newsletter", heading: "Unseren Wochen-Newsletter abonnieren", buttonLabel: "Abonnieren", weekday: "sunday", signup: ["front", "articles"] });
    expect(newsletter?.description).toBe("Die wichtigsten Nachrichten der Woche, jeden Sonntag in Ihrem Postfach.");
  });
});

describe("the edition schedule", () => {
  const teaser = (id: string, date: string, fields: Partial<Teaser> = {}): Teaser => ({
    id,
    path: `/${id}/`,
    headline: id,
    summary: "",
    section: { slug: "news", title: "News", path: "/news/" },
    tags: [],
    published: parseMoment(date, "UTC"),
    authors: [],
    featured: false,
    priority: 0,
    draft: false,
    scheduled: false,
    type: "news",
    ...fields,
  });
  const sports = { slug: "sports", title: "Sports", path: "/sports/" };
  const news = { slug: "news", title: "News", path: "/news/" };

  it("counts days on the calendar, whatever the machine's zone", () => {
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(weekdayOf("2026-03-06")).toBe("friday");
    expect(editionWindow({ frequency: "weekly" }, "2026-03-06")).toEqual(["2026-02-28", "2026-03-01", "2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06"]);
  });

  it("makes daily editions from the start day on, and none before it, however long the archive", () => {
    const archive = Array.from({ length: 3650 }, (_, day) => teaser(`story-${day}`, addDays("2016-03-07", day))).reverse();
    const days = editionDays({ frequency: "daily", start: "2026-03-01" }, archive);
    expect(days).toEqual(["2026-03-04", "2026-03-03", "2026-03-02", "2026-03-01"]);
  });

  it("makes a weekly edition on its weekday for the week ending on it, of its sections, once the day has come", () => {
    const stories = [teaser("mon", "2026-03-02T10:00"), teaser("fri", "2026-03-06T10:00", { section: sports }), teaser("sat", "2026-03-07T10:00", { section: sports }), teaser("old", "2026-02-20T10:00", { section: sports })].reverse();
    const rule = { frequency: "weekly" as const, weekday: "friday" as const, sections: ["sports"], start: "2026-03-01" };
    expect(editionDays(rule, stories)).toEqual(["2026-03-13", "2026-03-06"]);
    expect(editionDays(rule, stories, "2026-03-10")).toEqual(["2026-03-06"]);
  });

  it("leads with the featured story, then the higher priority, then the first section, then the newest", () => {
    const sections = [news, sports];
    const newest = teaser("newest-sports", "2026-03-06T22:00", { section: sports });
    const earlyNews = teaser("early-news", "2026-03-06T06:00");
    const urgent = teaser("urgent", "2026-03-06T05:00", { section: sports, priority: 4 });
    const featured = teaser("featured", "2026-03-06T04:00", { section: sports, featured: true });
    expect(editionLead([newest, earlyNews], sections)?.id).toBe("early-news");
    expect(editionLead([newest, earlyNews, urgent], sections)?.id).toBe("urgent");
    expect(editionLead([newest, earlyNews, urgent, featured], sections)?.id).toBe("featured");
    expect(editionLead([teaser("a", "2026-03-06T01:00"), teaser("b", "2026-03-06T02:00")], sections)?.id).toBe("b");
  });
});

describe("two newsletters built", () => {
  let site: FixtureSite;
  beforeAll(async () => {
    site = await makeSite("two-newsletters");
    await buildSite(site);
  });
  afterAll(() => removeSite(site));

  const boxes = async (sitePath: string) => {
    const $ = await readPage(site, sitePath);
    return $("section.signup").map((_, box) => $(box).attr("data-newsletter")).get();
  };

  it("shows each signup box where the settings place it", async () => {
    expect(await boxes("/")).toEqual(["daily"]);
    expect(await boxes("/2026/03/05/harbour-vote/")).toEqual(["daily"]);
    expect(await boxes("/2026/03/05/date-only/")).toEqual(["daily", "business-week"]);
    expect(await boxes("/business/")).toEqual(["business-week"]);
    expect(await boxes("/news/")).toEqual([]);
    expect(await boxes("/newsletter/")).toEqual(["daily", "business-week"]);
    expect(await boxes("/newsletter/business-week/")).toEqual(["business-week"]);
  });

  it("gives each box on a page its own ids, and loads the script once", async () => {
    const $ = await readPage(site, "/2026/03/05/date-only/");
    const ids = $("[id]").map((_, element) => $(element).attr("id")).get();
    expect(new Set(ids).size).toBe(ids.length);
    expect($("#signup-business-week-email").attr("aria-describedby")).toBe("signup-business-week-message");
    expect($("section.signup form").map((_, form) => $(form).attr("action")).get()).toEqual(["https://buttondown.com/api/emails/embed-subscribe/gazette", "https://lists.gazette.example.org/subscription/form"]);
    expect($('script[src^="/js/signup.js"]')).toHaveLength(1);
    for (const page of ["2026/03/05/date-only/index.html", "newsletter/index.html", "business/index.html"]) expect(await validateHtmlFile(path.join(site.outputDir, page)), page).toEqual([]);
  });

  it("allows every newsletter's provider in the Content-Security-Policy", async () => {
    const csp = parseHeaders(await fs.readFile(path.join(site.outputDir, "_headers"), "utf8"))["Content-Security-Policy"] ?? "";
    expect(csp).toContain("form-action 'self' https://buttondown.com https://lists.gazette.example.org;");
  });

  it("writes each newsletter's editions from its start day, its archive and its feed", async () => {
    const daily = await readPage(site, "/newsletter/daily/");
    expect(daily("h1").text()).toBe("Daily headlines");
    expect(daily(".index-page__list a").map((_, a) => daily(a).attr("href")).get()).toEqual(["/newsletter/daily/2026/03/05/"]);
    const weekly = await readPage(site, "/newsletter/business-week/");
    expect(weekly(".index-page__list a").map((_, a) => weekly(a).attr("href")).get()).toEqual(["/newsletter/business-week/2026/03/06/"]);
    const feed = new XMLParser({ ignoreAttributes: false }).parse(await fs.readFile(path.join(site.outputDir, "newsletter/business-week/feed.xml"), "utf8"));
    expect(feed.feed.title["#text"]).toBe("The Fixture Gazette: The Business Week");
    expect(feed.feed.entry.link["@_href"]).toBe("https://gazette.example.org/newsletter/business-week/2026/03/06/");
    expect(feed.feed.entry.id).toBe("tag:gazette.example.org,2026-03-06:/newsletter/business-week/2026-03-06");
    await expect(fs.access(path.join(site.outputDir, "newsletter/daily/2026/03/04/index.html"))).rejects.toThrow();
  });

  it("puts the week's business stories in the weekly edition, led by priority, with its own editor's note", async () => {
    const $ = await readPage(site, "/newsletter/business-week/2026/03/06/");
    expect($(".edition__label a").text()).toBe("The Business Week");
    expect($(".edition__headline a").map((_, a) => $(a).text()).get()).toEqual(["Whitefish prices climb at the dock market", "Library extends weekend hours", "Cannery hires forty for the spring run"]);
    expect($(".edition__note").text()).toContain("the cannery is hiring");
    expect($('link[type="application/atom+xml"]').attr("href")).toBe("https://gazette.example.org/newsletter/business-week/feed.xml");
  });

  it("lists the newsletters on /newsletter/, linked from the footer", async () => {
    const $ = await readPage(site, "/newsletter/");
    expect($("h1").text()).toBe("Newsletters");
    expect($(".index-page__list > li > a").map((_, a) => $(a).attr("href")).get()).toEqual(["/newsletter/daily/", "/newsletter/business-week/"]);
    const front = await readPage(site, "/");
    expect(front('.site-footer a[href="/newsletter/"]').text()).toBe("Newsletters");
  });

  it("refuses a folder of notes named for no newsletter", async () => {
    const broken = await makeSite("two-newsletters");
    await writeContent(broken, "newsletter/bussiness-week/2026-03-06.md", "---\nsigned: Li\n---\nHello.\n");
    expect(await problemLines(broken)).toEqual(['newsletter/bussiness-week:1 folder: is named for no newsletter; did you mean "business-week"? (a folder of notes is named by its newsletter\'s id: daily, business-week)']);
    await removeSite(broken);
  });
});

describe("npm run edition with two newsletters", () => {
  let site: FixtureSite;
  let api: Awaited<ReturnType<typeof startProviderApi>>;
  beforeAll(async () => {
    site = await makeSite("two-newsletters");
    api = await startProviderApi({ lists: [{ id: 9, uuid: "0f9e8d7c-6b5a-4f3e-9d2c-1b0a9f8e7d6c" }], campaign: 5, draft: "draft-7" });
  });
  afterAll(async () => {
    await api.close();
    await removeSite(site);
  });

  const run = (args: string[], env: Record<string, string> = {}) => runEdition(site, args, { DATELINE_NOW: "2026-03-12T15:00:00Z", ...env });

  it("asks which newsletter when there are several (exit 2), and refuses a day its rule has no edition for", async () => {
    const none = await run(["--date", "2026-03-06"]);
    expect([none.status, none.stderr.split("\n")[0]]).toEqual([2, "--newsletter is required: the settings have 2 newsletters (daily, business-week)"]);
    const unknown = await run(["--newsletter", "weekly", "--date", "2026-03-06"]);
    expect([unknown.status, unknown.stderr.split("\n")[0]]).toEqual([2, '--newsletter "weekly" is not a newsletter of the settings (newsletters: daily, business-week)']);
    const thursday = await run(["--newsletter", "business-week", "--date", "2026-03-05"]);
    expect([thursday.status, thursday.stderr.trim()]).toEqual([1, "[edition] business-week comes out on Fridays and 2026-03-05 is not one: no edition (its edition covers the week that ends on it)"]);
    const early = await run(["--newsletter", "daily", "--date", "2026-03-04"]);
    expect([early.status, early.stderr.trim()]).toEqual([1, "[edition] 2026-03-04 is before daily's first edition (start: 2026-03-05): no edition"]);
  });

  it("writes each newsletter's email next to its web edition and sends each draft with its own token", async () => {
    const weekly = await run(["--newsletter", "business-week", "--date", "2026-03-06", "--send"], { DATELINE_NEWSLETTER_TOKEN_BUSINESS_WEEK: "weekly-token", DATELINE_NEWSLETTER_USER: "api", DATELINE_NEWSLETTER_API: api.origin });
    expect(weekly.stderr).toBe("");
    expect(weekly.stdout).toContain("[edition] The Business Week, Friday, March 6, 2026: 3 stories");
    expect(weekly.stdout).toContain("newsletter/business-week/2026/03/06/email.html");
    const html = await fs.readFile(path.join(site.outputDir, "newsletter/business-week/2026/03/06/email.html"), "utf8");
    expect(html).toContain('href="{{ UnsubscribeURL }}"');
    const daily = await run(["--newsletter", "daily", "--date", "2026-03-05", "--send"], { DATELINE_NEWSLETTER_TOKEN: "shared-token", DATELINE_NEWSLETTER_API: api.origin });
    expect(daily.stderr).toBe("");
    expect(api.requests.map((request) => [request.path, request.authorization])).toEqual([
      ["/api/lists?per_page=all", `Basic ${Buffer.from("api:weekly-token").toString("base64")}`],
      ["/api/campaigns", `Basic ${Buffer.from("api:weekly-token").toString("base64")}`],
      ["/v1/emails", "Token shared-token"],
    ]);
    expect(api.requests[1]?.json).toMatchObject({ name: "The Fixture Gazette: The Business Week 2026-03-06", subject: "Fri, Mar 6: Whitefish prices climb at the dock market", lists: [9] });
    expect(api.requests[2]?.json).toMatchObject({ subject: "Thu, Mar 5: Council backs harbour plan after long night", status: "draft" });
  });

  it("names the newsletter's own token variable when none is set", async () => {
    const result = await run(["--newsletter", "daily", "--date", "2026-03-05", "--send"]);
    expect(result.stderr.trim()).toBe("[edition] --send needs the Buttondown API token in the environment variable DATELINE_NEWSLETTER_TOKEN_DAILY (or DATELINE_NEWSLETTER_TOKEN, shared by every newsletter) (it is never read from a file)");
  });
});
