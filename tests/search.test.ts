// Search: the build writes a Pagefind index of article bodies only, and the /search/ page finds
// articles with it in a real browser, under a path prefix and a strict Content-Security-Policy.
// Without JavaScript the page is a plain form plus links to every section.
import fs from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { load, type CheerioAPI } from "cheerio";
import type { Browser, Page } from "playwright-core";
import { buildError, buildSite, makeSite, readPage, removeSite, writeContent, type FixtureSite } from "./helpers/site.ts";
import { launchChromium, serveSite, type StaticServer } from "./helpers/browser.ts";
import { editSettings } from "./helpers/settings.ts";
import { BuildStore } from "../src/build/store.ts";
import type { BuildResult } from "../src/build/build.ts";

// What a later issue will send: Pagefind needs only 'wasm-unsafe-eval' beyond 'self'.
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; connect-src 'self'; img-src 'self'; style-src 'self'; form-action 'self' https:; base-uri 'none'; object-src 'none'";

let site: FixtureSite;
let summary: string;
let built: BuildResult;
let server: StaticServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  site = await makeSite("search-words");
  built = await buildSite(site);
  ({ summary } = built);
  server = await serveSite(site.outputDir, { pathPrefix: "/news/", headers: { "content-security-policy": CSP } });
  browser = await launchChromium();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await removeSite(site);
});

/** Opens the search page for `query` as a reader's browser would and returns what it shows. */
async function search(query: string): Promise<{ status: string; results: { title: string; href: string; excerpt: string }[] }> {
  await page.goto(`${server.origin}/news/search/?q=${encodeURIComponent(query)}`);
  const status = page.locator("[data-search-status]");
  await status.filter({ hasText: /results? for '/ }).waitFor();
  const results = await page.locator(".search-result").evaluateAll((items) =>
    items.map((item) => ({ title: item.querySelector("a")?.textContent ?? "", href: item.querySelector("a")?.getAttribute("href") ?? "", excerpt: item.querySelector(".search-result__excerpt")?.textContent ?? "" })),
  );
  return { status: (await status.textContent()) ?? "", results };
}

describe("search index", () => {
  it("indexes the article pages once per build, in one shard per year, and says so in one line", () => {
    expect(summary.split("\n").filter((line) => line.includes("search:"))).toEqual(["[dateline] search: 1 of 1 shard indexed (3 pages), 0 reused"]);
  });

  it("is written in the pages' language, of the shard only its pages' fragments, with no scratch folder left over", async () => {
    // Beside the shard, the index of the whole site joined from the shards: the one the search page loads.
    expect((await fs.readdir(path.join(site.outputDir, "pagefind"))).sort()).toEqual(["2026", "all"]);
    const whole = JSON.parse(await fs.readFile(path.join(site.outputDir, "pagefind/all/pagefind-entry.json"), "utf8"));
    expect(whole.languages).toEqual({ "en-us": expect.objectContaining({ page_count: 3 }) });
    // Of the shard, readers fetch only its pages' fragments (the whole index names them there); its
    // words, filters and metadata stay in the build's store, for the join.
    expect(await fs.readdir(path.join(site.outputDir, "pagefind/2026"))).toEqual(["fragment"]);
    const fragments = await fs.readdir(path.join(site.outputDir, "pagefind/2026/fragment"));
    expect(fragments).toHaveLength(3);
    for (const name of fragments) expect(name).toMatch(/^en-us_[0-9a-f]+\.pf_fragment$/);
    const output = await fs.readdir(site.outputDir, { recursive: true });
    expect(output.filter((name) => name.includes("pagefind") && !name.startsWith("pagefind"))).toEqual([]);
    expect(output.filter((name) => name.includes("partial"))).toEqual([]);
  });

  it("finds an article by a word only in its body, with the result linking under the prefix", async () => {
    const { status, results } = await search("catamaran");
    expect(status).toBe("1 result for 'catamaran'");
    expect(results).toEqual([{ title: "New island ferry enters service", href: "/news/2026/03/04/island-ferry/", excerpt: expect.stringContaining("catamaran") }]);
    expect(await page.locator(".search-result mark").first().textContent()).toMatch(/^catamaran/);
  });

  it("stems words in the site's language: 'ferries' finds the ferry", async () => {
    const { results } = await search("ferries");
    expect(results.map((result) => result.href)).toEqual(["/news/2026/03/04/island-ferry/"]);
  });

  it.each([
    ["quillback", "the tagline in the header"],
    ["zeppelins", "a section in the navigation and footer"],
    ["marmalade", "the signup box under articles"],
    ["gallimaufry", "the support box under articles"],
    ["xylophonist", "an author bio under articles and on the author page"],
    ["zyblatt", "the lead photo's credit (a result's excerpt would open on it)"],
  ])("does not find '%s', which is only in %s", async (word) => {
    const article = await readPage(site, "/2026/03/04/island-ferry/");
    expect(article("body").text().toLowerCase()).toContain(word);
    const { status, results } = await search(word);
    expect(status).toBe(`No results for '${word}'`);
    expect(results).toEqual([]);
  });

  it("finds an article by its lead photo's caption, which is part of the story", async () => {
    const { results } = await search("gangplank");
    expect(results.map((result) => result.href)).toEqual(["/news/2026/03/04/island-ferry/"]);
  });

  it("searches when the reader submits the form, and hides the no-JavaScript note", async () => {
    await page.goto(`${server.origin}/news/search/`);
    await page.getByLabel("Search articles").fill("library");
    await page.getByRole("button", { name: "Search" }).click();
    await page.locator("[data-search-status]").filter({ hasText: /results? for '/ }).waitFor();
    // The facets are fields of the same form (issue 19): left at "all", they submit empty.
    expect(new URL(page.url()).search).toBe("?q=library&section=&year=");
    expect(await page.getByLabel("Search articles").inputValue()).toBe("library");
    expect(await page.locator(".search-result a").getAttribute("href")).toBe("/news/2026/03/05/date-only/");
    expect(await page.locator("[data-search-fallback]").isVisible()).toBe(false);
  });
});

describe("what the indexer is sent", () => {
  const sent = async (sitePath: string) => {
    const document = built.plan.documents.get(sitePath);
    if (!document) throw new Error(`${sitePath} has no search document in the plan`);
    return fs.readFile(new BuildStore(site.cacheDir).searchFile(document.key), "utf8");
  };

  it("is the language, the title and the article's story: words search must not find are not even sent", async () => {
    const html = await fs.readFile(path.join(site.outputDir, "2026/03/04/island-ferry/index.html"), "utf8");
    const document = await sent("/2026/03/04/island-ferry/");
    expect(document.length).toBeLessThan(html.length * 0.7);
    const $ = load(document);
    expect($("html").attr("lang")).toBe("en-US");
    expect($("html").attr("dir")).toBe("ltr");
    expect($("head > title").text()).toBe("New island ferry enters service | The Fixture Gazette");
    expect($("body").children().toArray().map((element) => `${element.tagName}[${Object.keys(element.attribs).join(",")}]`)).toEqual(["article[data-pagefind-body]"]);
    expect(document).toContain("catamaran");
    for (const word of ["quillback", "zeppelins", "marmalade", "gallimaufry", "xylophonist"]) expect(document).not.toContain(word);
    expect(html).toContain("marmalade");
  });

  it("is the very markup the page shows: the page's article opens with the indexed story", async () => {
    const page = load(await fs.readFile(path.join(site.outputDir, "2026/03/04/island-ferry/index.html"), "utf8"));
    const sentDocument = load(await sent("/2026/03/04/island-ferry/"));
    // What a result shows besides (issue 19) closes the indexed article; the story before it is the page's.
    sentDocument("article > .search-meta[data-pagefind-ignore]").remove();
    const story = sentDocument("article").html() ?? "";
    expect(story.length).toBeGreaterThan(500);
    expect(page("article.article[data-pagefind-body]").html()?.startsWith(story)).toBe(true);
    expect(page("article.article > footer[data-pagefind-ignore]")).toHaveLength(1);
  });
});

describe("search where Pagefind cannot run", () => {
  it("says search is unavailable and offers the sections when the CSP forbids WebAssembly", async () => {
    const strict = await serveSite(site.outputDir, { pathPrefix: "/news/", headers: { "content-security-policy": "default-src 'self'" } });
    const blocked = await browser.newPage();
    blocked.on("pageerror", () => {}); // the expected WebAssembly refusal
    try {
      await blocked.goto(`${strict.origin}/news/search/?q=catamaran`);
      await blocked.locator("[data-search-status]").filter({ hasText: "Search is not available right now." }).waitFor();
      const fallback = blocked.locator("[data-search-fallback]");
      expect(await fallback.isVisible()).toBe(true);
      expect(await fallback.locator("p").textContent()).toBe("You can browse by section:");
      expect(await fallback.locator("a").count()).toBe(3);
    } finally {
      await blocked.close();
      await strict.close();
    }
  });
});

describe("search page without JavaScript", () => {
  let $: CheerioAPI;
  beforeAll(async () => {
    $ = await readPage(site, "/search/");
  });

  it("is a page of the site titled Search", () => {
    expect($("title").text()).toBe("Search | The Fixture Gazette");
    expect($("main h1").text()).toBe("Search");
  });

  it("is a labelled GET form to itself", () => {
    const form = $('form[role="search"]');
    expect(form.attr("action")).toBe("/news/search/");
    expect(form.attr("method")).toBe("get");
    const input = form.find('input[type="search"][name="q"]');
    expect(form.find(`label[for="${input.attr("id")}"]`).text()).toBe("Search articles");
    expect(form.find('button[type="submit"]').text()).toBe("Search");
    expect($('[aria-live="polite"]')).toHaveLength(1);
  });

  it("says search needs JavaScript and links every section", () => {
    const fallback = $("[data-search-fallback]");
    expect(fallback.find("p").text()).toBe("Search needs JavaScript. You can browse by section:");
    expect(fallback.find("a").map((_, a) => [[$(a).text(), $(a).attr("href")]]).get()).toEqual([
      ["News", "/news/news/"],
      ["Business", "/news/business/"],
      ["Zeppelins", "/news/zeppelins/"],
    ]);
  });

  it("loads its script from a file under the prefix, with no inline script", () => {
    const scripts = $("script").filter((_, script) => $(script).attr("type") !== "application/ld+json");
    expect(scripts.map((_, script) => $(script).attr("src")).get()).toEqual(["/news/js/search.js"]);
    expect($("[data-search]").attr("data-search-bundle")).toBe("/news/pagefind/all/");
  });
});

describe("an archive of several years", () => {
  it("loads one index of every year's stories, not the shards, and ranks the results of all of them together", async () => {
    const archive = await makeSite("search-words");
    const years = ["2023", "2024", "2025"];
    for (const year of years) await writeContent(archive, `articles/${year}/lighthouse.md`, `---\nheadline: Lighthouse keeper of ${year}\nbyline: ana-ruiz\ndate: ${year}-05-02\nsection: news\n---\nThe lighthouse keeper logged ${year} in the harbour book.\n`);
    await buildSite(archive);
    const upstream = await serveSite(archive.outputDir, { pathPrefix: "/news/" });
    // Every file of the search index the page asks for, through a server in front of the site's.
    const asked: string[] = [];
    const gate = http.createServer((request, response) => {
      void (async () => {
        const url = request.url ?? "/";
        const { pathname } = new URL(url, "http://localhost");
        if (pathname.startsWith("/news/pagefind/")) asked.push(pathname);
        const answer = await fetch(`${upstream.origin}${url}`);
        response.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "application/octet-stream" }).end(Buffer.from(await answer.arrayBuffer()));
      })();
    });
    await new Promise<void>((resolve) => gate.listen(0, "127.0.0.1", resolve));
    const reader = await browser.newPage();
    try {
      await reader.goto(`http://127.0.0.1:${(gate.address() as AddressInfo).port}/news/search/?q=lighthouse`);
      const status = reader.locator("[data-search-status]");
      await status.filter({ hasText: /results? for '|not available/ }).waitFor();
      expect(await status.textContent()).toBe("3 results for 'lighthouse'");
      // The three stories that say "lighthouse", one of each year.
      const hrefs = await reader.locator(".search-result a").evaluateAll((links) => links.map((link) => link.getAttribute("href")));
      expect(hrefs.sort()).toEqual(years.map((year) => `/news/${year}/05/02/lighthouse/`));
      // From the one index of the whole site: its entry, metadata and word chunks; and the results'
      // fragments, which stay in their shards' folders. Nothing of the shards' own indexes.
      expect(asked.filter((pathname) => pathname.endsWith("pagefind-entry.json"))).toEqual(["/news/pagefind/all/pagefind-entry.json"]);
      expect(asked.filter((pathname) => /\.pf_(meta|index|filter)$/.test(pathname) && !pathname.startsWith("/news/pagefind/all/"))).toEqual([]);
      expect(asked.filter((pathname) => pathname.endsWith(".pf_fragment")).map((pathname) => pathname.split("/")[3]).sort()).toEqual(years);
    } finally {
      await reader.close();
      gate.closeAllConnections();
      await new Promise((resolve) => gate.close(resolve));
      await upstream.close();
      await removeSite(archive);
    }
  });
});

/**
 * What a reader finds for each query with the search page's own code (public/js/search.js) on the
 * site `served`: each result's `url` or `title`, in the order shown. Keyed by the query, and the
 * filters when a query has them.
 */
async function findAll(served: StaticServer, queries: [string, Record<string, string>?][], field: "url" | "title"): Promise<Record<string, string[]>> {
  const reader = await browser.newPage();
  try {
    await reader.goto(`${served.origin}/robots.txt`);
    return await reader.evaluate(`(async (queries) => {
      const html = await (await fetch("/search/")).text();
      const root = new DOMParser().parseFromString(html, "text/html").querySelector("[data-search]");
      const { openSearch } = await import("/js/search.js");
      const search = await openSearch(root);
      const found = {};
      for (const [query, filters] of queries) {
        const results = await Promise.all((await search(query, filters)).map((result) => result.data()));
        found[query + (filters ? " " + JSON.stringify(filters) : "")] = results.map((data) => ${field === "url" ? "data.url" : "data.meta.title"});
      }
      return found;
    })(${JSON.stringify(queries)})`);
  } finally {
    await reader.close();
  }
}

describe("a search across shards", () => {
  /** Story `slug` of `year`, about `text`. */
  const story = (year: string, slug: string, headline: string, text: string) => [`articles/${year}/${slug}.md`, `---\nheadline: ${headline}\nbyline: ana-ruiz\ndate: ${year}-02-03T09:00:00-06:00\nsection: news\n---\n${text}\n`] as const;
  const url = (year: string, slug: string) => `/${year}/02/03/${slug}/`;
  const stories = [
    story("2023", "council", "Council meets", "The council met about the budget. It was ok."),
    story("2024", "harbourmaster", "The harbourmaster retires", "Okonkwo, the harbourmaster, retires after running the port for thirty years."),
    story("2025", "harbour-wall", "A new harbour wall", "The harbour wall is OK, engineers said. Runs of boats went out."),
  ];
  let archive: FixtureSite;
  let served: StaticServer;
  /** What a reader finds for each query (the search page's own code, public/js/search.js), by site path. */
  let found: Record<string, string[]>;

  beforeAll(async () => {
    archive = await makeSite();
    for (const [file, text] of stories) await writeContent(archive, file, text);
    await buildSite(archive);
    served = await serveSite(archive.outputDir);
    const queries: [string, Record<string, string>?][] = [["okonkwo"], ["harbourmaster"], ["harbourmasters"], ["harbour"], ["running"], ["zebra"], ['"harbour"'], ["harbour okonkwo"], ["the okonkwo"], ["harbour", { year: "2024" }]];
    found = Object.fromEntries(Object.entries(await findAll(served, queries, "url")).map(([query, urls]) => [query, urls.sort()]));
  });

  afterAll(async () => {
    await served?.close();
    await removeSite(archive);
  });

  it("finds a word only where it is, not a shorter word of the shards that lack it (Pagefind's fallback: 'okonkwo' finds 'ok')", () => {
    expect(found["okonkwo"]).toEqual([url("2024", "harbourmaster")]);
    expect(found["harbourmaster"]).toEqual([url("2024", "harbourmaster")]);
    expect(found["harbourmasters"]).toEqual([url("2024", "harbourmaster")]);
    expect(found["harbour okonkwo"]).toEqual([url("2024", "harbourmaster")]);
    expect(found["the okonkwo"]).toEqual([url("2024", "harbourmaster")]);
    expect(found["zebra"]).toEqual([]);
  });

  it("still finds longer words and other forms in every shard, as one index would", () => {
    expect(found["harbour"]).toEqual(expect.arrayContaining([url("2024", "harbourmaster"), url("2025", "harbour-wall")]));
    expect(found["harbour"]).not.toContain(url("2023", "council"));
    expect(found["running"]).toEqual(expect.arrayContaining([url("2024", "harbourmaster"), url("2025", "harbour-wall")]));
    expect(found["running"]).not.toContain(url("2023", "council"));
  });

  it("searches one index of the whole site, joined from the shards", async () => {
    const entry = JSON.parse(await fs.readFile(path.join(archive.outputDir, "pagefind/all/pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
    // The three stories and the fixture's two of 2026, from four shards.
    expect((await fs.readdir(path.join(archive.outputDir, "pagefind"))).sort()).toEqual(["2023", "2024", "2025", "2026", "all"]);
    expect(entry.languages["en-us"]?.page_count).toBe(stories.length + 2);
  });

  it("keeps quoted words exact and facets as chosen", () => {
    expect(found['"harbour"']).toContain(url("2025", "harbour-wall"));
    expect(found['"harbour"']).not.toContain(url("2024", "harbourmaster"));
    expect(found['harbour {"year":"2024"}']).toEqual([url("2024", "harbourmaster")]);
  });
});

describe("a search across shards, in the site's language", () => {
  // The same stories in shards of their years and all in one year's shard (one index): a reader finds
  // the same stories in both, with the site's stemmer, diacritics folded (German) and another script
  // (Arabic). Each has a word one story has whose shorter word another year's story has ("Ok", "أو").
  const cases = {
    "de-DE": {
      stories: [
        ["2023", "faehre", "Die Fähre fährt wieder", "Die Fähre nach Norden fährt ab Montag wieder. Der Fährmann freut sich über die Gäste."],
        ["2024", "strassenbahn", "Straßenbahn kehrt zurück", "Die Straßenbahn fährt durch die Altstadt. Die Müllabfuhr kommt am Dienstag. Ok."],
        ["2025", "hafenmeister", "Hafenmeister geht in Rente", "Okonkwo, der Hafenmeister, geht nach dreißig Jahren in Rente. Die Fähren warten im Hafen."],
      ],
      queries: ["okonkwo", "fähre", "faehre", "fähren", "fährmann", "strassenbahn", "straßenbahn", "hafen", "müll", "mull", "dreißig", '"fähre"', "die fähre", "über", "uber", "zebra"],
      expected: { okonkwo: ["Hafenmeister geht in Rente"], strassenbahn: ["Straßenbahn kehrt zurück"], fährmann: ["Die Fähre fährt wieder"], zebra: [] },
    },
    "ar-EG": {
      stories: [
        ["2023", "abbara", "العبارة تعود إلى العمل", "عادت العبارة إلى الميناء الشمالي يوم الاثنين. قال القبطان إن الرحلات مستمرة أو متأخرة."],
        ["2024", "tram", "عودة الترام إلى المدينة", "يمر الترام عبر المدينة القديمة. المدارس مفتوحة."],
        ["2025", "harbour", "مدير الميناء يتقاعد", "أوكونكوو مدير الميناء يتقاعد بعد ثلاثين عاما. العبارات تنتظر في الميناء."],
      ],
      queries: ["أوكونكوو", "العبارة", "عبارة", "العبارات", "الميناء", "ميناء", "الترام", "المدينة", "يتقاعد", "المدارس", "ثلاثين"],
      expected: { أوكونكوو: ["مدير الميناء يتقاعد"], العبارات: ["العبارة تعود إلى العمل", "مدير الميناء يتقاعد"], الترام: ["عودة الترام إلى المدينة"] },
    },
  };

  for (const [language, { stories, queries, expected }] of Object.entries(cases)) {
    it(`finds in ${language} what one index of the same stories finds`, async () => {
      /** The stories' titles a reader finds for each query, the stories in their years or all in 2026. */
      const findIn = async (oneYear: boolean) => {
        const site = await makeSite();
        try {
          await editSettings(site, (text) => text.replace(/^language: .*$/m, `language: ${language}`));
          for (const [year, slug, headline, text] of stories) {
            const at = oneYear ? "2026" : year;
            await writeContent(site, `articles/${at}/${slug}.md`, `---\nheadline: ${JSON.stringify(headline)}\nbyline: ana-ruiz\ndate: ${at}-02-03T09:00:00-06:00\nsection: news\n---\n${text}\n`);
          }
          await buildSite(site);
          const shards = await fs.readdir(path.join(site.outputDir, "pagefind"));
          expect(shards.filter((name) => /^\d{4}$/.test(name)).length).toBe(oneYear ? 1 : 4);
          const served = await serveSite(site.outputDir);
          try {
            const found = await findAll(served, queries.map((query) => [query]), "title");
            return Object.fromEntries(Object.entries(found).map(([query, titles]) => [query, titles.sort()]));
          } finally {
            await served.close();
          }
        } finally {
          await removeSite(site);
        }
      };
      const inShards = await findIn(false);
      const inOne = await findIn(true);
      expect(inShards).toEqual(inOne);
      for (const [query, titles] of Object.entries(expected)) expect(inShards[query]).toEqual(titles);
    });
  }
});

describe("a rebuild", () => {
  it("indexes the shard again, only the pages the build publishes, and swaps in the whole new index", async () => {
    await writeContent(site, "articles/2026/tram.md", "---\nheadline: Tram returns\nbyline: ana-ruiz\ndate: 2026-03-07\nsection: news\n---\nThe funicular reopens.\n");
    // A page no build of this content writes, as a preview's draft left in the output folder.
    const stale = path.join(site.outputDir, "2026/03/01/stale-draft/index.html");
    await fs.mkdir(path.dirname(stale), { recursive: true });
    await fs.writeFile(stale, `<!DOCTYPE html><html lang="en-US"><head><title>Draft</title></head><body><article data-pagefind-body=""><h1>Draft</h1><p>An unpublished quokka.</p></article></body></html>`);
    const rebuilt = await buildSite(site);
    expect(rebuilt.summary).toContain("[dateline] search: 1 of 1 shard indexed (4 pages), 0 reused");
    const entry = JSON.parse(await fs.readFile(path.join(site.outputDir, "pagefind/all/pagefind-entry.json"), "utf8"));
    expect(entry.languages["en-us"].page_count).toBe(4);
    expect(await fs.readdir(path.join(site.outputDir, "pagefind/2026/fragment"))).toHaveLength(4);
    expect((await search("funicular")).results.map((result) => result.href)).toEqual(["/news/2026/03/07/tram/"]);
    expect((await search("quokka")).results).toEqual([]);
  });
});

describe("a failed build", () => {
  it("writes no search index", async () => {
    const broken = await makeSite("article-unknown-author");
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      await buildError(broken);
      await expect(fs.access(path.join(broken.outputDir, "pagefind"))).rejects.toThrow();
    } finally {
      log.mockRestore();
      await removeSite(broken);
    }
  });
});
