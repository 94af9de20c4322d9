// The live preview (`npm start`) after an edit: a body edit rewrites that article's page and the
// feeds that carry it, a headline edit also the pages that list it, a broken article stops the
// preview with the build's own message until fixed, and a deleted article is no longer served.
// Every assertion is on files on disk and pages served; the test waits on what the preview prints.
import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { load } from "cheerio";
import { makeSite, removeSite, type FixtureSite } from "./helpers/site.ts";
import { fileTimes, rewritten, startPreview, type PreviewProcess } from "./helpers/preview.ts";

const ARTICLE = "articles/2026/harbour-vote.md";
const PAGE = "/2026/03/05/harbour-vote/";
let site: FixtureSite;
let preview: PreviewProcess;

/**
 * Saves a content file and waits for the rebuild it causes; returns what it printed and the files it
 * rewrote. A save renders pages: a rebuild that renders none is not the save's (on a busy machine the
 * preview's own start-up check can still cause one just after it says it is ready).
 */
async function save(relativePath: string, change: (text: string) => string, expect: RegExp = /\[dateline\] preview: rendered [1-9]/) {
  const file = path.join(site.contentDir, relativePath);
  const before = await fileTimes(preview.output);
  const from = preview.log().length;
  await fs.writeFile(file, change(await fs.readFile(file, "utf8")));
  const printed = await preview.waitFor(expect, from);
  return { printed, pages: rewritten(before, await fileTimes(preview.output)) };
}

beforeAll(async () => {
  site = await makeSite();
  preview = await startPreview(site, { DATELINE_NOW: "2026-03-10T12:00:00Z" });
}, 180_000);

afterAll(async () => {
  await preview?.stop();
  await removeSite(site);
});

describe("live preview edits (npm start)", () => {
  it("rewrites only the edited article's page and the feeds that carry it when only its body changed", async () => {
    const { pages } = await save(ARTICLE, (text) => text.replace("that began in 2024.", "that began in 2024 and cost millions."));
    expect(load((await preview.fetch(PAGE)).text)(".article__body").text()).toContain("that began in 2024 and cost millions.");
    expect(pages.filter((page) => !/\/feed\.(xml|json)$/.test(page))).toEqual([PAGE]);
    expect(pages).toContain("/feed.xml");
    expect(pages).toContain("/authors/ana-ruiz/feed.json");
  }, 60_000);

  it("also rewrites the pages listing the article when its headline changed, and leaves pages that show no headline", async () => {
    const { pages } = await save(ARTICLE, (text) => text.replace("headline: Council backs harbour plan after long night", "headline: Council approves harbour plan at dawn"));
    for (const listing of ["/", "/news/", "/tags/harbour/", "/archive/2026/03/", "/authors/ana-ruiz/"]) {
      expect(pages).toContain(listing);
      expect((await preview.fetch(listing)).text).toContain("Council approves harbour plan at dawn");
    }
    expect(pages).toContain(PAGE);
    for (const untouched of ["/tags/", "/authors/", "/archive/", "/404.html", "/search/"]) expect(pages).not.toContain(untouched);
  }, 60_000);

  it("stops on a broken article with the same message as a build, and recovers once it is fixed", async () => {
    const broken = await save(ARTICLE, (text) => text.replace("section: news", "section: newz"), /harbour-vote\.md:\d+ section: .*\n/);
    expect(broken.printed).toMatch(/harbour-vote\.md:\d+ section: "newz" is not a section of this site; did you mean "news"\?/);
    expect(broken.pages).toEqual([]);
    const fixed = await save(ARTICLE, (text) => text.replace("section: newz", "section: news").replace("cost millions", "cost many millions"));
    expect(fixed.pages).toContain(PAGE);
    expect((await preview.fetch(PAGE)).text).toContain("cost many millions");
  }, 60_000);

  it("stops serving a deleted article once the preview rebuilds", async () => {
    const gone = "/2026/03/05/date-only/";
    expect((await preview.fetch(gone)).status).toBe(200);
    // Eleventy's watcher sees a deletion but does not rebuild for it: the next save does.
    await fs.rm(path.join(site.contentDir, "articles/2026/date-only.md"));
    await save(ARTICLE, (text) => text.replace("cost many millions", "cost millions"));
    expect((await preview.fetch(gone)).status).toBe(404);
    expect((await preview.fetch("/")).text).not.toContain(gone);
  }, 90_000);
});
