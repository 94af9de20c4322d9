// Issue 8: the daily headlines edition. One fixture day (2026-03-10 in America/Chicago) with a lead,
// a story at 23:30 local (already the 11th in UTC), one at 00:30 of the 11th (not in it), a draft and
// a hostile headline; the command's files, errors and draft requests to a local stand-in provider.
import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { load } from "cheerio";
import { XMLParser } from "fast-xml-parser";
import { buildSite, makeSite, readPage, removeSite, type FixtureSite } from "./helpers/site.ts";
import { runEdition as runCommand, startProviderApi, type EditionRun as Run } from "./helpers/edition.ts";
import { baseSettings, writeSettings } from "./helpers/settings.ts";
import { loadNewsroom } from "../src/build/build.ts";
import { buildEdition, editionStories, pickJpeg, type Edition } from "../src/edition/model.ts";
import { MAX_EMAIL_BYTES, neutralizeTemplateSyntax, wrapText } from "../src/edition/email.ts";
import { parseEditorNote, EditorNoteError } from "../src/edition/note.ts";
import type { Newsroom } from "../src/content/types.ts";
import type { Newsletter } from "../src/site/newsletters.ts";

const DAY = "2026-03-10";
const NOW = "2026-03-12T15:00:00Z";
const HOSTILE = '<script>alert(1)</script> {{ unsubscribe_url }} *|EMAIL|* & "quoted" <b>bold</b>';
const TOKEN = "tok-very-secret-0123456789";

const sites: FixtureSite[] = [];
/** One image cache for every site and run in this file: the photos are the same. */
let cacheDir = "";

/** The newsletter block of each provider with an API; the base fixture's own is generic. */
const PROVIDERS = {
  buttondown: { provider: "buttondown", username: "gazette" },
  mailchimp: { provider: "mailchimp", action: "https://gazette.us21.list-manage.com/subscribe/post?u=1a2b3c4d5e6f7a8b9c0d1e2f3&amp;id=9f8e7d6c5b" },
  listmonk: { provider: "listmonk", url: "https://lists.gazette.example.org", lists: ["7c2e4a1b-9f3d-4e8a-b6c5-1d2f3a4b5c6d"] },
} as const;

/** The edition-day fixture, its newsletter set to `provider` (default: the base fixture's generic form). */
async function site(provider?: keyof typeof PROVIDERS): Promise<FixtureSite> {
  const made = await makeSite("edition-day");
  sites.push(made);
  if (provider) await writeSettings(made, { ...baseSettings, newsletter: PROVIDERS[provider] as typeof baseSettings.newsletter });
  return made;
}

/** `npm run edition` for a fixture, with this file's shared image cache and its fixed "now". */
function runEdition(fixture: FixtureSite, args: string[], env: Record<string, string> = {}, options: { ownProcess?: boolean } = {}): Promise<Run> {
  return runCommand({ ...fixture, cacheDir }, args, { DATELINE_NOW: NOW, ...env }, options);
}

const emailFile = (fixture: FixtureSite, name: string) => path.join(fixture.outputDir, "newsletter/2026/03/10", name);

beforeAll(async () => {
  const first = await site();
  cacheDir = first.cacheDir;
});

afterAll(async () => {
  await Promise.all(sites.map(removeSite));
});

const teasers = (newsroom: Newsroom) => newsroom.articles.map((article) => article.teaser);

describe("the edition model", () => {
  let newsroom: Newsroom;
  let edition: Edition;
  let daily: Newsletter;

  beforeAll(async () => {
    const fixture = await site();
    ({ newsroom } = await loadNewsroom({ input: fixture.contentDir, cacheDir: fixture.cacheDir, now: new Date(NOW), preview: false }));
    daily = newsroom.site.newsletters[0] as Newsletter;
    edition = buildEdition(newsroom.site, daily, teasers(newsroom), DAY) as Edition;
  });

  it("has exactly the day's published articles in the site's zone: lead (featured) first, then by section in the settings' order", () => {
    expect(edition.lead.headline).toBe("Port budget passes with a new ferry fund");
    expect(edition.sections.map((group) => [group.section.title, group.stories.map((story) => story.headline)])).toEqual([
      ["News", ["School board votes late into the night on bus routes", "Shore road closed for repairs until Friday"]],
      ["Business", [HOSTILE]],
    ]);
    expect(edition.storyCount).toBe(4);
    // 23:30 in Chicago is already the next day in UTC, and still belongs to the 10th.
    const late = newsroom.articles.find((article) => article.slug === "school-board-vote");
    expect(new Date(late?.published.epoch ?? 0).toISOString().slice(0, 10)).toBe("2026-03-11");
    // 00:30 on the 11th, the draft: not in it.
    const headlines = editionStories(edition).map((story) => story.headline);
    expect(headlines).not.toContain("Overnight fire at the cannery is put out");
    expect(headlines).not.toContain("Draft that must not be sent");
    expect(buildEdition(newsroom.site, daily, teasers(newsroom), "2026-03-11")?.lead.headline).toBe("Overnight fire at the cannery is put out");
    expect(buildEdition(newsroom.site, daily, teasers(newsroom), "2026-03-09")).toBeUndefined();
  });

  it("leads with the newest story when none is featured", () => {
    const unfeatured = teasers(newsroom).map((teaser) => ({ ...teaser, featured: false }));
    expect(buildEdition(newsroom.site, daily, unfeatured, DAY)?.lead.headline).toBe("School board votes late into the night on bus routes");
  });

  it("gives each story an absolute link and its photo as the JPEG closest to twice its slot", () => {
    expect(edition.lead.url).toBe("https://gazette.example.org/2026/03/10/budget-passes/");
    expect(edition.lead.image).toMatchObject({ width: 600, alt: "The east harbour at dusk, boats at their moorings" });
    expect(edition.lead.image?.url).toMatch(/^https:\/\/gazette\.example\.org\/img\/.+\.jpeg$/);
    const shore = edition.sections[0]?.stories[1];
    expect(shore?.image?.width).toBe(120);
    expect(edition.lead.byline).toBe("Li Wei");
    expect(edition.sections[0]?.stories[0]?.byline).toBe("Ana Ruiz and Li Wei");
  });

  it("picks the JPEG variant nearest the target width", () => {
    const variant = (width: number) => ({ url: `/img/${width}.jpeg`, width, height: width / 2 });
    const image = { sources: [{ format: "webp" as const, type: "image/webp", variants: [variant(1200)] }, { format: "jpeg" as const, type: "image/jpeg", variants: [variant(480), variant(960), variant(1600)] }], fallback: variant(1600) };
    expect(pickJpeg(image, 1200).width).toBe(960);
    expect(pickJpeg(image, 240).width).toBe(480);
    expect(pickJpeg(image, 5000).width).toBe(1600);
  });
});

describe("pieces of the email", () => {
  it("turns template syntax into character references outside the style block", () => {
    expect(neutralizeTemplateSyntax("<style>@media x { a { b: c } }</style><p>{{ x }} *|UNSUB|*</p>")).toBe(
      "<style>@media x { a { b: c } }</style><p>&#123;&#123; x &#125;&#125; *&#124;UNSUB&#124;*</p>",
    );
  });

  it("wraps plain text at 72 columns without breaking words", () => {
    const wrapped = wrapText("word ".repeat(40));
    expect(wrapped.split("\n").every((line) => line.length <= 72)).toBe(true);
    expect(wrapped.replace(/\n/g, " ")).toBe("word ".repeat(40).trim());
  });

  it("reads an editor's note and names the line of a mistake", () => {
    expect(parseEditorNote("---\nsigned: Ana\n---\nOne\nline.\n\nTwo.\n", "n.md")).toEqual({ signed: "Ana", paragraphs: ["One line.", "Two."] });
    expect(() => parseEditorNote("---\nsigned: Ana\nsubjet: x\n---\nBody\n", "content/newsletter/2026-03-10.md")).toThrow(EditorNoteError);
    expect(() => parseEditorNote("---\nsigned: Ana\nsubjet: x\n---\nBody\n", "content/newsletter/2026-03-10.md")).toThrow(/^content\/newsletter\/2026-03-10\.md:\d+ /);
  });
});

describe("npm run edition", () => {
  let fixture: FixtureSite;
  let html: string;
  let text: string;
  let run: Run;

  beforeAll(async () => {
    fixture = await site("buttondown");
    run = await runEdition(fixture, ["--date", DAY]);
    html = await fs.readFile(emailFile(fixture, "email.html"), "utf8");
    text = await fs.readFile(emailFile(fixture, "email.txt"), "utf8");
  });

  it("writes email.html and email.txt and prints where they are with a one-screen summary", () => {
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("newsletter/2026/03/10/email.html");
    expect(run.stdout).toContain("newsletter/2026/03/10/email.txt");
    expect(run.stdout).toContain("Tuesday, March 10, 2026: 4 stories");
    expect(run.stdout.split("\n").length).toBeLessThan(20);
  });

  it("passes the email lint: no external CSS or script, every image sized and described, absolute URLs, under 100 KB", () => {
    const $ = load(html);
    expect(Buffer.byteLength(html)).toBeLessThan(MAX_EMAIL_BYTES);
    expect($('link[rel="stylesheet"]').length).toBe(0);
    expect($("script").length).toBe(0);
    expect($("html").attr("lang")).toBe("en-US");
    // Only the dark-mode query is left in a <style> block; everything else is inline.
    expect($("style").length).toBe(1);
    expect($("style").text().trim()).toMatch(/^@media \(prefers-color-scheme: dark\) \{[\s\S]*\}$/);
    const images = $("img").toArray();
    expect(images.length).toBe(2);
    for (const image of images) {
      expect($(image).attr("alt")).toBeTruthy();
      expect(Number($(image).attr("width"))).toBeGreaterThan(0);
      expect(Number($(image).attr("height"))).toBeGreaterThan(0);
      expect($(image).attr("src")).toMatch(/^https:\/\//);
    }
    const links = $("a[href]").toArray().map((a) => $(a).attr("href") ?? "");
    expect(links.filter((href) => !/^https?:\/\//.test(href))).toEqual(["{{ unsubscribe_url }}"]);
    expect($(".container").attr("width")).toBe("600");
    expect($(".preheader").attr("style")).toContain("display: none");
    expect($(".preheader").text()).toContain("Also today:");
    expect($(".lead-headline").attr("style")).toContain("font:");
  });

  it("survives a hostile headline: printed as text, its template tags never reach the provider's engine", () => {
    const $ = load(html);
    expect($(".story-headline a").toArray().map((a) => $(a).text())).toContain(HOSTILE);
    expect($("b").length).toBe(0);
    // The one real template tag is the unsubscribe link; the headline's copies are character references.
    expect(html.split("{{ unsubscribe_url }}").length - 1).toBe(1);
    expect(html).not.toContain("*|EMAIL|*");
    expect(html).not.toContain("{{ UnsubscribeURL }}");
    expect(html).not.toContain("{%");
  });

  it("writes a plain-text version with every headline and every link as a numbered footnote", () => {
    const $ = load(html);
    for (const headline of $("h1, h3").toArray().map((node) => $(node).text())) expect(text.replace(/\s+/g, " ")).toContain(headline);
    const storyLinks = [...new Set($(".lead-headline a, .story-headline a").toArray().map((a) => $(a).attr("href") ?? ""))];
    expect(storyLinks.length).toBe(4);
    storyLinks.forEach((url, index) => expect(text).toContain(`[${index + 1}] ${url}`));
    expect(text).toContain("Unsubscribe: {{ unsubscribe_url }}");
    expect(text).toContain("Good morning.");
    expect(text).not.toContain("Overnight fire");
  });

  it("prints the same files for the same content (deterministic)", async () => {
    await runEdition(fixture, ["--date", DAY]);
    expect(await fs.readFile(emailFile(fixture, "email.html"), "utf8")).toBe(html);
    expect(await fs.readFile(emailFile(fixture, "email.txt"), "utf8")).toBe(text);
  });

  it("uses each provider's unsubscribe placeholder", async () => {
    const mailchimp = await site("mailchimp");
    await runEdition(mailchimp, ["--date", DAY]);
    expect(load(await fs.readFile(emailFile(mailchimp, "email.html"), "utf8"))('a:contains("Unsubscribe")').attr("href")).toBe("*|UNSUB|*");
    const listmonk = await site("listmonk");
    await runEdition(listmonk, ["--date", DAY]);
    expect(load(await fs.readFile(emailFile(listmonk, "email.html"), "utf8"))('a:contains("Unsubscribe")').attr("href")).toBe("{{ UnsubscribeURL }}");
  });
});

describe("npm run edition: what cannot be done is one line and a non-zero exit", () => {
  const oneLine = (run: Run) => {
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    return run.stderr.trim();
  };

  it("a day without articles", async () => {
    const fixture = await site();
    expect(oneLine(await runEdition(fixture, ["--date", "2026-03-09"]))).toBe("[edition] no articles were published on 2026-03-09 (America/Chicago): no edition");
    await expect(fs.stat(path.join(fixture.outputDir, "newsletter/2026/03/09"))).rejects.toThrow();
  });

  it("a day in the future", async () => {
    const fixture = await site();
    expect(oneLine(await runEdition(fixture, ["--date", "2026-03-13"]))).toBe("[edition] 2026-03-13 is in the future (today is 2026-03-12 in America/Chicago): there is no edition yet");
  });

  it("--send without a token", async () => {
    const fixture = await site("buttondown");
    expect(oneLine(await runEdition(fixture, ["--date", DAY, "--send"]))).toBe(
      "[edition] --send needs the Buttondown API token in the environment variable DATELINE_NEWSLETTER_TOKEN (it is never read from a file)",
    );
  });

  it("--send with the generic provider, which has no API", async () => {
    const fixture = await site();
    expect(oneLine(await runEdition(fixture, ["--date", DAY, "--send"], { DATELINE_NEWSLETTER_TOKEN: TOKEN }))).toMatch(/^\[edition\] --send: the generic newsletter provider has no API/);
  });

  it("a malformed date is a usage error (exit 2), in a process of its own too", async () => {
    const fixture = await site();
    const run = await runEdition(fixture, ["--date", "2026-02-30"], {}, { ownProcess: true });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--date "2026-02-30" is not a date');
  });
});

describe("npm run edition --send: a draft through each provider's API, proven against a local receiver", () => {
  let api: Awaited<ReturnType<typeof startProviderApi>>;
  beforeAll(async () => {
    api = await startProviderApi({ lists: [{ id: 7, uuid: "7c2e4a1b-9f3d-4e8a-b6c5-1d2f3a4b5c6d" }], campaign: 42, draft: "draft-1" });
  });
  afterAll(async () => {
    await api.close();
  });

  async function send(provider: keyof typeof PROVIDERS, env: Record<string, string> = {}) {
    api.requests.splice(0);
    const fixture = await site(provider);
    const run = await runEdition(fixture, ["--date", DAY, "--send"], { DATELINE_NEWSLETTER_TOKEN: TOKEN, DATELINE_NEWSLETTER_API: api.origin, ...env });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain(TOKEN);
    expect(run.stdout).toContain("[edition] draft created in");
    const html = await fs.readFile(emailFile(fixture, "email.html"), "utf8");
    return { requests: [...api.requests], html };
  }

  it("Buttondown: POST /v1/emails with Token auth, subject, body and status draft", async () => {
    const { requests, html } = await send("buttondown");
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ method: "POST", path: "/v1/emails", authorization: `Token ${TOKEN}` });
    expect(requests[0]?.json).toEqual({ subject: "Tue, Mar 10: Port budget passes with a new ferry fund", body: html, status: "draft" });
  });

  it("Mailchimp: creates a regular campaign for the form's audience, then PUTs its HTML, with basic auth", async () => {
    const { requests, html } = await send("mailchimp");
    const auth = `Basic ${Buffer.from(`dateline:${TOKEN}`).toString("base64")}`;
    expect(requests.map((r) => [r.method, r.path, r.authorization])).toEqual([
      ["POST", "/3.0/campaigns", auth],
      ["PUT", "/3.0/campaigns/draft-1/content", auth],
    ]);
    expect(requests[0]?.json).toMatchObject({ type: "regular", recipients: { list_id: "9f8e7d6c5b" }, settings: { subject_line: "Tue, Mar 10: Port budget passes with a new ferry fund" } });
    expect(requests[1]?.json).toEqual({ html });
  });

  it("listmonk: looks up the list ids, then POSTs /api/campaigns (a draft) with basic auth as the API user", async () => {
    const { requests, html } = await send("listmonk", { DATELINE_NEWSLETTER_USER: "dateline-api" });
    const auth = `Basic ${Buffer.from(`dateline-api:${TOKEN}`).toString("base64")}`;
    expect(requests.map((r) => [r.method, r.path, r.authorization])).toEqual([
      ["GET", "/api/lists?per_page=all", auth],
      ["POST", "/api/campaigns", auth],
    ]);
    expect(requests[1]?.json).toMatchObject({ subject: "Tue, Mar 10: Port budget passes with a new ferry fund", lists: [7], content_type: "html", body: html, type: "regular" });
    expect(requests[1]?.json).not.toHaveProperty("status");
  });
});

describe("the edition on the web", () => {
  let fixture: FixtureSite;
  beforeAll(async () => {
    fixture = await site();
    await buildSite({ ...fixture, cacheDir });
  });

  it("writes /newsletter/<yyyy>/<mm>/<dd>/ with the same stories in the same order, and the editor's note", async () => {
    const $ = await readPage(fixture, "/newsletter/2026/03/10/");
    expect($("h1").text()).toBe("Tuesday, March 10, 2026");
    expect($(".edition__headline a").toArray().map((a) => $(a).text())).toEqual([
      "Port budget passes with a new ferry fund",
      "School board votes late into the night on bus routes",
      "Shore road closed for repairs until Friday",
      HOSTILE,
    ]);
    expect($(".edition__headline a").first().attr("href")).toBe("/2026/03/10/budget-passes/");
    expect($(".edition__note").text()).toContain("Good morning.");
    expect($('link[type="application/atom+xml"]').attr("href")).toBe("https://gazette.example.org/newsletter/feed.xml");
  });

  it("lists every edition on /newsletter/, linked from the footer, and in an Atom feed", async () => {
    const $ = await readPage(fixture, "/newsletter/");
    expect($(".index-page__list a").toArray().map((a) => $(a).attr("href"))).toEqual(["/newsletter/2026/03/11/", "/newsletter/2026/03/10/", "/newsletter/2026/03/05/"]);
    const front = await readPage(fixture, "/");
    expect(front('.site-footer a[href="/newsletter/"]').length).toBe(1);
    const feed = new XMLParser({ ignoreAttributes: false }).parse(await fs.readFile(path.join(fixture.outputDir, "newsletter/feed.xml"), "utf8"));
    const entries = [feed.feed.entry].flat() as { link: { "@_href": string } }[];
    expect(entries.map((entry) => entry.link["@_href"])).toEqual([
      "https://gazette.example.org/newsletter/2026/03/11/",
      "https://gazette.example.org/newsletter/2026/03/10/",
      "https://gazette.example.org/newsletter/2026/03/05/",
    ]);
  });
});
