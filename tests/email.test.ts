// Issue 20: the edition email in every inbox. Every edition of the sample newsroom (both newsletters)
// and of the Arabic fixture is linted with doiuse-email (caniemail's data) next to an MJML email of
// the same content that this test compiles: Gmail and Outlook errors at or below MJML's, none for
// Apple Mail. The counts are written to tests/artifacts/email-lint.json (git-ignored) for the record.
import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { load } from "cheerio";
import { doIUseEmail } from "doiuse-email";
import { MAX_EMAIL_BYTES } from "../src/edition/email.ts";
import type { Edition } from "../src/edition/model.ts";
import { removeSite, REPO, type FixtureSite } from "./helpers/site.ts";
import { mjmlReference } from "./helpers/mjml-reference.ts";
import { sampleAndArabicEditions } from "./helpers/edition.ts";
import { renderEmailText } from "../src/edition/email-text.ts";

interface Rendered {
  name: string;
  edition: Edition;
  html: string;
  reference: string;
}

const rendered: Rendered[] = [];
const sites: FixtureSite[] = [];

const CLIENTS = { gmail: "gmail.*", outlook: "outlook.*", apple: "apple-mail.*" } as const;

function errors(html: string, client: string): string[] {
  const result = doIUseEmail(html, { emailClients: [client] });
  return result.success ? [] : result.errors;
}

beforeAll(async () => {
  const made = await sampleAndArabicEditions();
  sites.push(...made.sites);
  // Each next to the same edition written in MJML.
  for (const { name, edition, html, unsubscribe } of made.editions) rendered.push({ name, edition, html, reference: await mjmlReference(edition, unsubscribe) });
}, 300_000);

afterAll(() => Promise.all(sites.map(removeSite)));

describe("every edition email", () => {
  it("comes from both sample newsletters and the Arabic fixture", () => {
    expect(rendered.map((item) => item.name)).toEqual([
      "en-US daily 2026-11-24",
      "en-US daily 2026-11-23",
      "en-US daily 2026-11-22",
      "en-US daily 2026-11-21",
      "en-US daily 2026-11-20",
      "en-US daily 2026-11-19",
      "en-US daily 2026-11-18",
      "en-US daily 2026-11-16",
      "en-US sports-week 2026-11-23",
      "ar daily 2026-03-05",
      "ar daily 2026-03-04",
    ]);
  });

  it("lints no worse than its MJML reference in Gmail and Outlook, and clean in Apple Mail", async () => {
    const counts = rendered.map(({ name, html, reference }) => ({
      name,
      ours: Object.fromEntries(Object.entries(CLIENTS).map(([client, glob]) => [client, errors(html, glob).length])),
      mjml: Object.fromEntries(Object.entries(CLIENTS).map(([client, glob]) => [client, errors(reference, glob).length])),
    }));
    await fs.mkdir(path.join(REPO, "tests/artifacts"), { recursive: true });
    await fs.writeFile(path.join(REPO, "tests/artifacts/email-lint.json"), `${JSON.stringify(counts, null, 2)}\n`);
    for (const { name, ours, mjml } of counts) {
      expect(ours["gmail"], `${name} Gmail`).toBeLessThanOrEqual(mjml["gmail"] ?? 0);
      expect(ours["outlook"], `${name} Outlook`).toBeLessThanOrEqual(mjml["outlook"] ?? 0);
      expect(ours["apple"], `${name} Apple Mail`).toBe(0);
    }
  });

  it("is under 100 KB, with a preheader, and every image sized, described and absolute", () => {
    for (const { name, html, edition } of rendered) {
      expect(Buffer.byteLength(html), name).toBeLessThan(MAX_EMAIL_BYTES);
      const $ = load(html);
      expect($(".preheader").text().trim().startsWith(edition.preheader), name).toBe(true);
      for (const image of $("img").toArray()) {
        expect($(image).attr("alt"), name).toBeTruthy();
        expect(Number($(image).attr("width")), name).toBeGreaterThan(0);
        expect(Number($(image).attr("height")), name).toBeGreaterThan(0);
        expect($(image).attr("src"), name).toMatch(/^https:\/\//);
      }
    }
  });

  it("keeps Outlook on a 600 px column with conditional ghost tables, and tells it to render at 96 dpi", () => {
    for (const { name, html, edition } of rendered) {
      expect(html, name).toContain('<!--[if mso]><table role="presentation" width="600" align="center" cellpadding="0" cellspacing="0"><tr><td><![endif]-->');
      expect(html, name).toContain("<o:PixelsPerInch>96</o:PixelsPerInch>");
      const thumbnails = [edition.lead, ...edition.sections.flatMap((group) => group.stories)].slice(1).filter((story) => story.image).length;
      expect(html.match(/<!--\[if mso\]><\/td><td width="120" valign="top"/g)?.length ?? 0, name).toBe(thumbnails);
      expect(html, name).not.toContain("dateline-mso");
    }
  });

  it("carries its layout and colours inline: only the dark-mode query is left in <style>", () => {
    for (const { name, html } of rendered) {
      const $ = load(html);
      expect($("style").length, name).toBe(1);
      expect($("style").text().trim(), name).toMatch(/^@media \(prefers-color-scheme: dark\) \{[\s\S]*\}$/);
      for (const selector of [".container", ".lead-headline", ".summary", ".footer-text", ".story-text"]) {
        for (const element of $(selector).toArray()) expect($(element).attr("style"), `${name} ${selector}`).toBeTruthy();
      }
    }
  });

  it("labels opinion, analysis, review and sponsored stories in the HTML and the plain-text part alike", () => {
    const labelled = rendered.flatMap(({ name, edition, html }) =>
      [edition.lead, ...edition.sections.flatMap((group) => group.stories)].filter((story) => story.type !== "news").map((story) => ({ name, story, html, text: renderEmailText(edition) })),
    );
    expect(new Set(labelled.map(({ story }) => story.type))).toEqual(new Set(["opinion", "analysis", "review", "sponsored"]));
    for (const { name, story, html, text } of labelled) {
      const $ = load(html);
      const label = $(`.story-kind + h1:contains(${JSON.stringify(story.headline)}), .story-kind + h3:contains(${JSON.stringify(story.headline)})`).prev().text();
      expect(label, `${name} ${story.headline}`).toBe(story.type === "sponsored" ? `Sponsored content — by ${story.sponsor}` : story.type[0]?.toUpperCase() + story.type.slice(1));
      // In the text part the label is the line above the headline.
      const lines = text.split("\n");
      expect(lines[lines.findIndex((line) => line.startsWith(story.headline.slice(0, 30))) - 1], `${name} ${story.headline}`).toBe(label);
    }
  });

  it("mirrors an Arabic edition: right to left, text aligned right, in the catalogue's words", () => {
    const arabic = rendered.filter(({ name }) => name.startsWith("ar "));
    for (const { name, html } of arabic) {
      const $ = load(html);
      expect([$("html").attr("dir"), $(".container").attr("dir"), $(".lead").attr("dir")], name).toEqual(["rtl", "rtl", "rtl"]);
      expect($(".lead").attr("style"), name).toContain("text-align: right");
      expect($(".topbar").attr("style"), name).toContain("text-align: left");
      expect($(".topbar a").text(), name).toBe("اعرضها في المتصفح");
    }
  });
});
