// The live preview's article cache (src/content/article-cache.ts): it must load exactly what a full
// load with drafts loads, re-read only edited files, and stop on the same content errors.
import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ArticleCache } from "../src/content/article-cache.ts";
import { buildLoadOptions, loadNewsroomForBuild } from "../src/content/load-for-build.ts";
import { diffNewsrooms } from "../src/content/preview-changes.ts";
import type { Newsroom } from "../src/content/types.ts";
import { makeSite, removeSite, writeContent, type FixtureSite } from "./helpers/site.ts";

let site: FixtureSite;
const ARTICLE = "articles/2026/harbour-vote.md";

beforeAll(async () => {
  site = await makeSite();
  await writeContent(site, "articles/2026/draft.md", "---\nheadline: Draft story\nbyline: li-wei\ndate: 2026-03-08\nsection: news\ndraft: true\n---\nNot ready.\n");
});
afterAll(() => removeSite(site));

const options = () => buildLoadOptions({ contentDir: site.contentDir, includeDrafts: true, cacheDir: site.cacheDir });
/** What pages see of a newsroom: everything but the image pipeline object. */
const visible = ({ images: _images, ...rest }: Newsroom) => JSON.parse(JSON.stringify(rest)) as unknown;

async function edit(relativePath: string, change: (text: string) => string): Promise<void> {
  const file = path.join(site.contentDir, relativePath);
  await fs.writeFile(file, change(await fs.readFile(file, "utf8")));
  // A later mtime even on a file system with coarse timestamps.
  const later = new Date(Date.now() + 2000);
  await fs.utimes(file, later, later);
}

describe("article cache", () => {
  it("loads what a full load with drafts loads, and re-reads only the edited file", async () => {
    const cache = new ArticleCache(options());
    const first = await cache.load();
    expect(visible(first)).toEqual(visible(await loadNewsroomForBuild({ contentDir: site.contentDir, includeDrafts: true, cacheDir: site.cacheDir })));

    await edit(ARTICLE, (text) => text.replace("ending a \"long\" fight", "ending a \"long\" and costly fight"));
    // As the watcher reports a save: the folder is not listed again.
    const saved = [path.join(site.contentDir, ARTICLE)];
    const second = await cache.load(saved);
    expect(visible(second)).toEqual(visible(await loadNewsroomForBuild({ contentDir: site.contentDir, includeDrafts: true, cacheDir: site.cacheDir })));
    const byId = (newsroom: Newsroom, id: string) => newsroom.articles.find((article) => article.id === id);
    // Unchanged files keep their rendered article: nothing was read or rendered again.
    expect(byId(second, "articles/2026/date-only.md")).toBe(byId(first, "articles/2026/date-only.md"));
    expect(byId(second, ARTICLE)).not.toBe(byId(first, ARTICLE));
    expect(diffNewsrooms(first, second)).toEqual({ changed: new Set([ARTICLE]), listed: new Set() });

    await edit(ARTICLE, (text) => text.replace("headline: Council backs harbour plan", "headline: Council approves harbour plan"));
    const third = await cache.load(saved);
    expect(diffNewsrooms(second, third)).toEqual({ changed: new Set([ARTICLE]), listed: new Set([ARTICLE]) });

    await edit(ARTICLE, (text) => text.replace("tags: [harbour, city council]", "tags: [harbour]"));
    const fourth = await cache.load(saved);
    expect(diffNewsrooms(third, fourth), "a tag change moves the article between pages: everything is rebuilt").toBeUndefined();

    // Eleventy's watcher rebuilds on no deletion: the next save's load finds the file gone.
    await fs.rm(path.join(site.contentDir, "articles/2026/draft.md"));
    const fifth = await cache.load(saved);
    expect(fifth.articles.map((article) => article.id)).not.toContain("articles/2026/draft.md");
    expect(diffNewsrooms(fourth, fifth)).toBeUndefined();
  });

  it("stops on the same content errors as a full load, and recovers once fixed", async () => {
    const cache = new ArticleCache(options());
    await cache.load();
    await edit(ARTICLE, (text) => text.replace("section: news", "section: newz"));
    await writeContent(site, "articles/2026/copy.md", "---\nheadline: Copy\nbyline: ana-ruiz\ndate: 2026-03-05\nsection: news\nslug: harbour-vote\n---\nSame URL.\n");
    const full = await loadNewsroomForBuild({ contentDir: site.contentDir, includeDrafts: true, cacheDir: site.cacheDir }).catch((error: Error) => error.message);
    const cached = await cache.load().catch((error: Error) => error.message);
    expect(full).toMatch(/harbour-vote\.md:\d+ section: "newz" is not a section/);
    expect(cached).toBe(full);

    await edit(ARTICLE, (text) => text.replace("section: newz", "section: news"));
    await fs.rm(path.join(site.contentDir, "articles/2026/copy.md"));
    const fixed = await cache.load();
    expect(fixed.articles.map((article) => article.id)).toContain(ARTICLE);
  });
});
