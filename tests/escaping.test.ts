// Every front matter and settings string is hostile here; none of it may come out as markup or a link.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CheerioAPI } from "cheerio";
import { buildSite, listPages, makeSite, readPage, removeSite, type FixtureSite } from "./helpers/site.ts";

let site: FixtureSite;
const pages = new Map<string, CheerioAPI>();
const ARTICLE = "/2026/03/04/hostile/";

beforeAll(async () => {
  site = await makeSite("hostile-fields");
  await buildSite(site);
  for (const page of await listPages(site)) pages.set(page, await readPage(site, page));
});
afterAll(() => removeSite(site));

/** Markdown text gets typographic quotes; compare it with the straight quotes the editor typed. */
const straight = (text: string) => text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"');

function article(): CheerioAPI {
  const $ = pages.get(ARTICLE);
  if (!$) throw new Error(`${ARTICLE} was not built`);
  return $;
}

describe("hostile content", () => {
  it("builds the article, author, section and front pages", () => {
    expect([...pages.keys()]).toEqual(expect.arrayContaining(["/", ARTICLE, "/authors/li-wei/", "/business/"]));
  });

  it("publishes no script, iframe or event-handler attribute on any page", () => {
    for (const [page, $] of pages) {
      // JSON-LD is data, not code: it must parse as JSON (its contents are checked in tests/seo.test.ts).
      $('script[type="application/ld+json"]').each((_, element) => void expect(() => JSON.parse($(element).text()), page).not.toThrow());
      // Besides JSON-LD, the only scripts are our own search and signup modules, loaded from files.
      expect($('script:not([type="application/ld+json"]):not([src="/js/search.js"]):not([src^="/js/signup.js?v="]), iframe, object, embed').length, page).toBe(0);
      $("*").each((_, element) => {
        if (element.type !== "tag") return;
        for (const name of Object.keys(element.attribs)) expect(name.startsWith("on"), `${page} <${element.tagName} ${name}>`).toBe(false);
      });
      expect($('img[src="x"]').length, page).toBe(0);
    }
  });

  it("publishes no javascript: or data: URL on any page", () => {
    for (const [page, $] of pages) {
      $("[href], [src], [action], [srcset]").each((_, element) => {
        for (const name of ["href", "src", "action", "srcset"]) {
          const value = (element.attribs[name] ?? "").trim().toLowerCase();
          expect(value.startsWith("javascript:") || value.startsWith("data:"), `${page} ${name}=${value}`).toBe(false);
        }
      });
    }
  });

  it("shows each front matter string exactly as typed, as text", () => {
    const $ = article();
    expect($("h1").text()).toBe("<script>alert('headline')</script>");
    expect($(".article__dek").text()).toBe(`"><img src=x onerror=alert('summary')>`);
    expect($('meta[name="description"]').attr("content")).toBe(`"><img src=x onerror=alert('summary')>`);
    expect($(".dateline").text()).toBe("<script>alert('dateline')</script> —");
    expect($(".figure--lead img").attr("alt")).toBe(`" onerror="alert('alt')`);
    expect($(".figure--lead .figure__caption").text()).toBe("<img src=x onerror=alert('caption')>");
    expect($(".figure--lead .figure__credit").text()).toBe("Photo: javascript:alert('credit')");
    expect($(".article__tags li").map((_, li) => $(li).text()).get()).toEqual(["<script>alert('tag')</script>", "javascript:alert('tag')"]);
    expect($(".corrections li").text()).toContain("<script>alert('correction')</script>");
    expect($(".byline a").text()).toBe("Li <script>alert('author')</script> Wei");
    expect($(".author-bio__role").text()).toBe(`"><img src=x onerror=alert('role')>`);
  });

  it("escapes settings strings: site name, tagline, section titles, newsletter and support text", () => {
    const $ = article();
    expect($(".site-header__name").text()).toBe(`Gazette <script>alert("name")</script>`);
    expect($(".site-nav a").first().text()).toBe(`News <script>alert("section")</script>`);
    expect($(".article__section a").text()).toBe(`"><img src=x onerror=alert(2)>`);
    expect($("#signup-daily-heading").text()).toBe(`<script>alert("heading")</script>`);
    expect($(".signup button").text()).toBe("<b onmouseover=alert(4)>Go</b>");
    expect($('.signup input[type="hidden"]').attr("value")).toBe(`"><script>alert(5)</script>`);
    expect($(".support a").text()).toBe("javascript:alert(6)");
    expect($(".support a").attr("href")).toBe("https://gazette.example.org/support/");
  });

  it("escapes raw HTML in Markdown and runs no template language over it", () => {
    const $ = article();
    const body = $(".article__body");
    const text = straight(body.text());
    expect(text).toContain("<script>alert('raw')</script>");
    expect(text).toContain(`<a href="javascript:alert('a')">raw anchor</a>`);
    expect(text).toContain(`<iframe src="https://evil.example"></iframe>`);
    expect(text).toContain(`{{ "liquid" | upcase }} {% raw %}`);
    expect(text).not.toContain("LIQUID");
    // markdown-it keeps the text of a refused link but gives it no href; only the bare https
    // address inside the escaped iframe text becomes a link (linkify).
    expect(body.find("a").map((_, a) => $(a).attr("href")).get()).toEqual(["https://evil.example"]);
  });

  it("escapes figure and pull quote fields written inside the body", () => {
    const $ = article();
    expect($(".figure--inline img").attr("alt")).toBe(`"><script>alert('figure-alt')</script>`);
    expect($(".figure--inline .figure__caption").text()).toBe("<b onclick=alert('figure-caption')>cap</b>");
    expect(straight($(".pull-quote blockquote").text())).toBe("<script>alert('pullquote')</script>");
    expect(straight($(".pull-quote__source").text())).toBe("<img src=x onerror=alert('source')>");
  });

  it("escapes the author's bio Markdown on the author page", () => {
    const $ = pages.get("/authors/li-wei/");
    expect($?.("h1").text()).toBe("Li <script>alert('author')</script> Wei");
    expect(straight($?.(".author-page__bio").text() ?? "")).toContain("<script>alert('bio')</script> and [a link](javascript:alert('bio-link'))");
  });
});
