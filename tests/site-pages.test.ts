// The newsroom around the articles: front page, sections, tags, authors, archive, 404, related.
import fs from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CheerioAPI } from "cheerio";
import { buildSite, listPages, makeSite, readPage, removeSite, writeContent, type FixtureSite } from "./helpers/site.ts";

let site: FixtureSite;
let pages: string[];

/** A small article; `day` in March 2026. */
function article(slug: string, fields: { day: number; section: string; tags?: string[]; featured?: boolean; headline?: string }) {
  const lines = [
    "---",
    `headline: ${fields.headline ?? `Story ${slug}`}`,
    "byline: li-wei",
    `date: 2026-03-${String(fields.day).padStart(2, "0")}T12:00:00-06:00`,
    `section: ${fields.section}`,
    fields.tags ? `tags: [${fields.tags.map((tag) => JSON.stringify(tag)).join(", ")}]` : "",
    fields.featured ? "featured: true" : "",
    "---",
    `Body of ${slug}.`,
  ];
  return `${lines.filter(Boolean).join("\n")}\n`;
}

beforeAll(async () => {
  site = await makeSite("newsroom-pages");
  // Base has harbour-vote (Mar 5, news, Ana+Li, tags harbour + city council) and date-only (Mar 5, business).
  await writeContent(site, "articles/2026/a.md", article("a", { day: 1, section: "news", tags: ["COVID-19", "harbour"], featured: true }));
  await writeContent(site, "articles/2026/b.md", article("b", { day: 2, section: "news", tags: ["Covid 19"] }));
  await writeContent(site, "articles/2026/c.md", article("c", { day: 3, section: "news", tags: ["COVID-19"], featured: true }));
  await writeContent(site, "articles/2026/d.md", article("d", { day: 6, section: "news", tags: ["harbour"] }));
  await writeContent(site, "articles/2026/e.md", article("e", { day: 7, section: "business" }));
  await writeContent(site, "articles/2025/old.md", article("old", { day: 1, section: "business" }).replace("2026-03-01", "2025-12-31"));
  await buildSite(site);
  pages = await listPages(site);
});
afterAll(() => removeSite(site));

const links = ($: CheerioAPI, selector: string) => $(selector).map((_, a) => $(a).attr("href")).get();
const headlines = ($: CheerioAPI, selector = ".article-list .teaser__headline a") => links($, selector);

describe("front page", () => {
  it("leads with the newest featured article, then two secondaries, then the latest, each story once (issue 19)", async () => {
    const $ = await readPage(site, "/");
    expect($("h1").text()).toBe("The Fixture Gazette");
    // c (Mar 3) is the newest of the two featured articles; e (Mar 7) is newer but not featured.
    expect(links($, ".front__lead .teaser__headline a")).toEqual(["/2026/03/03/c/"]);
    // Fewer than two stories with a photo: the next two by priority, then newest.
    expect(links($, ".front__secondary .teaser__headline a")).toEqual(["/2026/03/07/e/", "/2026/03/06/d/"]);
    // The rest, newest first, six at most; every story is on the front page once, so no section rail is left.
    expect(links($, ".front__latest .teaser__headline a")).toEqual(["/2026/03/05/harbour-vote/", "/2026/03/05/date-only/", "/2026/03/02/b/", "/2026/03/01/a/", "/2025/12/31/old/"]);
    const all = links($, ".front .teaser__headline a");
    expect(new Set(all).size).toBe(all.length);
    expect($(".front__rail")).toHaveLength(0);
    // The front page shows every story, so it links no list of them.
    expect($(".front__more")).toHaveLength(0);
    expect(pages.filter((page) => page === "/latest/" || page.startsWith("/page/"))).toEqual([]);
    // The masthead's date: the build's day in the site's zone.
    expect($(".site-header__date time").attr("datetime")).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("links every story from /latest/ on, in pages that stay put when stories arrive", async () => {
    // 16 stories in one section, 2 a page: the front page leaves some out.
    const busy = await makeSite("newsroom-pages");
    try {
      const day = (n: number) => article(`s${n}`, { day: 1 + (n % 28), section: "news", headline: `Story ${n}` });
      for (let n = 1; n <= 14; n++) await writeContent(busy, `articles/2026/s${n}.md`, day(n));
      await buildSite(busy);
      const front = await readPage(busy, "/");
      expect(links(front, ".front__more a")).toEqual(["/latest/"]);
      // From /latest/, older and older: every story once, newest first.
      const seen: string[] = [];
      const visited: string[] = [];
      for (let at: string | undefined = "/latest/"; at !== undefined; ) {
        const $ = await readPage(busy, at);
        visited.push(at);
        seen.push(...headlines($));
        if (at !== "/latest/") expect(headlines($), at).toHaveLength(2);
        at = $('link[rel="next"]').attr("href");
      }
      expect(seen).toHaveLength(16);
      expect(new Set(seen).size).toBe(16);
      expect(visited).toEqual(["/latest/", "/page/7/", "/page/6/", "/page/5/", "/page/4/", "/page/3/", "/page/2/", "/page/1/"]);
      const page5 = await readPage(busy, "/page/5/");
      expect(page5("title").text()).toBe("Latest news — page 5 | The Fixture Gazette");
      expect($links(page5)).toEqual({ prev: "/page/6/", next: "/page/4/" });
      expect(page5(".pagination a").map((_, a) => page5(a).text()).get()).toEqual(["Newer", "Latest", "7", "6", "5", "4", "3", "1", "Older"]);
      expect(page5('.pagination a[aria-current="page"]').text()).toBe("5");

      // One more story: /latest/ changes; pages 1 to 7 keep their stories, and only those whose page
      // list reaches the newest pages are written again.
      await writeContent(busy, "articles/2026/s15.md", article("s15", { day: 28, section: "news", headline: "Story 15" }));
      const { plan } = await buildSite(busy);
      const rendered = plan.pages.filter((planned) => planned.render && planned.spec.kind === "front").map((planned) => planned.spec.path).sort();
      expect(rendered).toEqual(["/", "/latest/"]);
      // Feeds: those that carry the story, and the empty ones (dated by the site's newest change).
      const feeds = plan.pages.filter((planned) => planned.render && planned.spec.kind === "feed").map((planned) => planned.spec.path);
      expect(feeds).toContain("/news/feed.xml");
      expect(feeds).toContain("/opinion/feed.xml");
      expect(feeds).not.toContain("/business/feed.xml");
      expect(feeds).not.toContain("/tags/harbour/feed.xml");
    } finally {
      await removeSite(busy);
    }
  });
});

const $links = ($: CheerioAPI) => ({ prev: $('link[rel="prev"]').attr("href"), next: $('link[rel="next"]').attr("href") });

describe("section pages", () => {
  it("are paginated with numbered navigation", async () => {
    const first = await readPage(site, "/news/");
    expect(first("h1").text()).toBe("News");
    // Five stories, two a page: the first page holds the newest three, page 1 the oldest two.
    expect(headlines(first)).toEqual(["/2026/03/06/d/", "/2026/03/05/harbour-vote/", "/2026/03/03/c/"]);
    expect(first(".pagination a").map((_, a) => first(a).text()).get()).toEqual(["Latest", "1", "Older"]);
    expect(first('.pagination a[aria-current="page"]').text()).toBe("Latest");
    expect(first('link[rel="next"]').attr("href")).toBe("/news/page/1/");
    expect(first('link[rel="prev"]')).toHaveLength(0);
    const last = await readPage(site, "/news/page/1/");
    expect(headlines(last)).toEqual(["/2026/03/02/b/", "/2026/03/01/a/"]);
    expect(last('link[rel="next"]')).toHaveLength(0);
    expect(last('link[rel="prev"]').attr("href")).toBe("/news/");
    expect(last("title").text()).toBe("News — page 1 | The Fixture Gazette");
    // The section's structured data belongs to its first page, whose URL it names.
    const types = (page: typeof first) => page('script[type="application/ld+json"]').map((_, s) => JSON.parse(page(s).text())["@type"]).get();
    expect(types(first)).toContain("CollectionPage");
    expect(types(last)).not.toContain("CollectionPage");
  });

  it("marks the section as the current page in the navigation", async () => {
    const $ = await readPage(site, "/business/");
    expect($('.site-nav a[aria-current="page"]').text()).toBe("Business");
  });

  it("give a section with no articles a page that says so, not a broken link", async () => {
    const $ = await readPage(site, "/opinion/");
    expect($(".list-page__empty").text()).toBe("No articles here yet.");
    expect($(".pagination")).toHaveLength(0);
  });
});

describe("tag pages", () => {
  it("share one page for spellings that slugify alike, named by the most common spelling", async () => {
    const $ = await readPage(site, "/tags/covid-19/");
    expect($("h1").text()).toBe("COVID-19");
    // Three stories, two a page: fewer than two pages' worth stay on the first page.
    expect(headlines($)).toEqual(["/2026/03/03/c/", "/2026/03/02/b/", "/2026/03/01/a/"]);
    expect(pages.filter((page) => page.startsWith("/tags/covid"))).toEqual(["/tags/covid-19/"]);
  });

  it("are linked from each article's tags and listed on /tags/ with counts", async () => {
    const article = await readPage(site, "/2026/03/02/b/");
    expect(links(article, ".article__tags a")).toEqual(["/tags/covid-19/"]);
    const index = await readPage(site, "/tags/");
    expect(index(".index-page__list li").map((_, li) => index(li).text()).get()).toEqual(["city council (1)", "COVID-19 (3)", "harbour (3)"]);
  });
});

describe("author pages", () => {
  it("are paginated and keep the bio", async () => {
    const $ = await readPage(site, "/authors/li-wei/");
    expect($(".author-page__bio").text()).toContain("Li Wei edits the business pages.");
    // Numbered from the oldest: the first page's older link goes to the highest number.
    const numbered = pages.filter((page) => page.startsWith("/authors/li-wei/page/"));
    expect(numbered.length).toBeGreaterThan(1);
    expect($('link[rel="next"]').attr("href")).toBe(`/authors/li-wei/page/${numbered.length}/`);
    const oldest = await readPage(site, "/authors/li-wei/page/1/");
    expect(oldest(".author-page__bio").text()).toContain("Li Wei edits the business pages.");
    expect(oldest('link[rel="next"]')).toHaveLength(0);
  });

  it("give an author with no articles a page, linked from the authors index", async () => {
    const $ = await readPage(site, "/authors/no-articles/");
    expect($("h1").text()).toBe("Quiet Columnist");
    expect($(".author-page").text()).toContain("No articles yet.");
    const index = await readPage(site, "/authors/");
    expect(links(index, ".index-page__list a")).toContain("/authors/no-articles/");
  });
});

describe("archive and 404", () => {
  it("lists months by year, newest first, each with its articles", async () => {
    const $ = await readPage(site, "/archive/");
    expect($("h2").map((_, h) => $(h).text()).get()).toEqual(["2026", "2025"]);
    expect(links($, ".index-page__list a")).toEqual(["/archive/2026/03/", "/archive/2025/12/"]);
    expect(headlines(await readPage(site, "/archive/2025/12/"))).toEqual(["/2025/12/31/old/"]);
  });

  it("writes a 404 page with ways back in", async () => {
    const $ = await readPage(site, "/404.html");
    expect($("h1").text()).toBe("Page not found");
    expect(links($, "main a")).toEqual(["/", "/search/", "/archive/"]);
  });
});

describe("related articles", () => {
  it("ranks shared tags, then section, then closeness in time; never the article itself; at most 4", async () => {
    const $ = await readPage(site, "/2026/03/01/a/");
    expect($(".related h2").text()).toBe("More from News");
    // a has COVID-19 + harbour: c and b share COVID-19, d and harbour-vote share harbour, all in
    // News: one shared tag each, so the nearest in time come first. e (Business, no tag) does not qualify.
    expect(links($, ".related a")).toEqual(["/2026/03/02/b/", "/2026/03/03/c/", "/2026/03/05/harbour-vote/", "/2026/03/06/d/"]);
    // harbour-vote shares two tags with nothing, one (harbour) with a and d; same section first.
    const vote = await readPage(site, "/2026/03/05/harbour-vote/");
    expect(links(vote, ".related a")).toEqual(["/2026/03/06/d/", "/2026/03/01/a/", "/2026/03/03/c/", "/2026/03/02/b/"]);
    expect(links(vote, ".related a")).not.toContain("/2026/03/05/harbour-vote/");
  });

  it("are the same on every build", async () => {
    const again = await makeSite("newsroom-pages");
    try {
      await fs.cp(site.contentDir, again.contentDir, { recursive: true });
      await buildSite(again);
      for (const page of pages.filter((p) => /^\/2026\/03\/\d\d\/[a-e]\/$/.test(p))) {
        expect((await readPage(again, page))(".related").html(), page).toBe((await readPage(site, page))(".related").html());
      }
    } finally {
      await removeSite(again);
    }
  });
});
