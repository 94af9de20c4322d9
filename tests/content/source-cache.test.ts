// src/content/source-cache.ts: an article checked by an earlier load is reused only while nothing it
// was checked against changed: its text, the files it shows, and the context (settings, authors, code).
import fs from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ArticleSourceCache } from "../../src/content/source-cache.ts";
import { validateNewsroom } from "../../src/content/load.ts";
import { isSpilled, unpackTemplate } from "../../src/render/body-template.ts";
import { sitesRemovedAfterEach, type FixtureSite } from "../helpers/site.ts";
import { editSettings } from "../helpers/settings.ts";

const site = sitesRemovedAfterEach();

async function load(fixture: FixtureSite, cache: ArticleSourceCache, codeVersion = "code-1") {
  const result = await validateNewsroom(fixture.contentDir, { articleCache: cache, codeVersion });
  expect(result.problems).toEqual([]);
  return { checked: cache.checked, reused: cache.reused, articles: result.articles ?? [] };
}

describe("ArticleSourceCache", () => {
  it("reuses every article while nothing changed, and checks again exactly the edited one", async () => {
    const fixture = await site();
    const cache = ArticleSourceCache.inMemory();
    const first = await load(fixture, cache);
    expect(first.checked).toBe(first.articles.length);
    expect(await load(fixture, cache)).toMatchObject({ checked: 0, reused: first.articles.length });
    await fs.appendFile(path.join(fixture.contentDir, "articles/2026/harbour-vote.md"), "\nOne more line.\n");
    const after = await load(fixture, cache);
    expect([after.checked, after.reused]).toEqual([1, first.articles.length - 1]);
    const edited = after.articles.find((article) => article.id.endsWith("harbour-vote.md"))?.template;
    expect(edited && !isSpilled(edited) && unpackTemplate(edited).html).toContain("One more line.");
  });

  it("checks again an article whose photo changed, and every article when the settings, the authors or the code changed", async () => {
    const fixture = await site();
    const cache = ArticleSourceCache.inMemory();
    const { articles } = await load(fixture, cache);
    const photo = path.join(fixture.contentDir, "articles/2026/harbour.jpg");
    await fs.appendFile(photo, Buffer.from([0]));
    expect((await load(fixture, cache)).checked).toBe(1);
    await editSettings(fixture, (text) => text.replace("name: The Fixture Gazette", "name: The Gazette"));
    expect((await load(fixture, cache)).checked).toBe(articles.length);
    await fs.writeFile(path.join(fixture.contentDir, "authors/sam-new.md"), "---\nname: Sam New\n---\nBio.\n");
    expect((await load(fixture, cache)).checked).toBe(articles.length);
    expect((await load(fixture, cache, "code-2")).checked).toBe(articles.length);
  });

  it("knows a touched but unchanged file by its text (a fresh checkout), and keeps no template in its file", async () => {
    const fixture = await site();
    const file = path.join(fixture.cacheDir, "build/sources.v8");
    const cache = await ArticleSourceCache.open(file);
    const { articles } = await load(fixture, cache);
    await cache.save();
    const later = new Date(Date.now() + 60_000);
    for (const article of articles) await fs.utimes(article.file, later, later);
    const reopened = await ArticleSourceCache.open(file);
    const again = await load(fixture, reopened);
    expect([again.checked, again.reused]).toEqual([0, articles.length]);
    // A reused article from the file has no template: the render stage reads the file again for it.
    expect(again.articles.every((article) => article.template === undefined)).toBe(true);
  });

  it("forgets deleted articles when it saves", async () => {
    const fixture = await site();
    const file = path.join(fixture.cacheDir, "build/sources.v8");
    const cache = await ArticleSourceCache.open(file);
    await load(fixture, cache);
    await fs.rm(path.join(fixture.contentDir, "articles/2026/date-only.md"));
    await load(fixture, cache);
    await cache.save();
    const reopened = await ArticleSourceCache.open(file);
    const again = await load(fixture, reopened);
    expect(again.checked).toBe(0);
    expect(again.articles.map((article) => article.id)).toEqual(["articles/2026/harbour-vote.md"]);
  });

  it("saves what changed into a journal beside its file, read back in order; a record cut short is left out, and a long journal is written into the file", async () => {
    const fixture = await site();
    const file = path.join(fixture.cacheDir, "build/sources.v8");
    const journal = `${file}.journal`;
    const cache = await ArticleSourceCache.open(file);
    const { articles } = await load(fixture, cache);
    await cache.save();
    // A first save writes the file whole.
    const whole = await fs.readFile(file);
    await expect(fs.stat(journal)).rejects.toThrow();
    const edited = path.join(fixture.contentDir, "articles/2026/harbour-vote.md");
    await fs.appendFile(edited, "\nOne more line.\n");
    expect((await load(fixture, cache)).checked).toBe(1);
    await cache.save();
    // The edit went into the journal; the file is as it was.
    expect((await fs.readFile(file)).equals(whole)).toBe(true);
    const oneRecord = await fs.readFile(journal);
    expect(oneRecord.length).toBeGreaterThan(4);
    const reopened = await ArticleSourceCache.open(file);
    expect(await load(fixture, reopened)).toMatchObject({ checked: 0, reused: articles.length });
    // A deleted article is forgotten through the journal too.
    await fs.rm(path.join(fixture.contentDir, "articles/2026/date-only.md"));
    await load(fixture, reopened);
    await reopened.save();
    const afterDelete = await fs.readFile(journal);
    expect(afterDelete.length).toBeGreaterThan(oneRecord.length);
    const third = await ArticleSourceCache.open(file);
    expect(await load(fixture, third)).toMatchObject({ checked: 0, reused: articles.length - 1 });
    // The last record cut short (a build stopped while it appended): that change is checked again, the rest holds.
    await fs.appendFile(edited, "\nAnd another.\n");
    await load(fixture, third);
    await third.save();
    const full = await fs.readFile(journal);
    await fs.writeFile(journal, full.subarray(0, full.length - 3));
    const torn = await ArticleSourceCache.open(file);
    expect(await load(fixture, torn)).toMatchObject({ checked: 1, reused: articles.length - 2 });
    // Past its records' limit (64 for a small site) the journal is written into the file, and removed.
    for (let n = 0; n < 70; n++) {
      const later = new Date(Date.now() + (n + 1) * 60_000);
      await fs.utimes(edited, later, later);
      await load(fixture, torn);
      await torn.save();
    }
    expect((await fs.readFile(file)).equals(whole)).toBe(false);
    const left = await fs.readFile(journal).catch(() => Buffer.alloc(0));
    let records = 0;
    for (let at = 0; at < left.length; at += 4 + left.readUInt32LE(at)) records++;
    expect(records).toBeGreaterThan(0);
    expect(records).toBeLessThanOrEqual(64);
    const last = await ArticleSourceCache.open(file);
    expect(await load(fixture, last)).toMatchObject({ checked: 0, reused: articles.length - 1 });
  });
});
