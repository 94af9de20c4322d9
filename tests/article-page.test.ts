// The article page has every part of the anatomy in PRODUCT.md, checked on parsed HTML.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CheerioAPI } from "cheerio";
import { buildSite, makeSite, readPage, removeSite, type FixtureSite } from "./helpers/site.ts";

let site: FixtureSite;
let $: CheerioAPI;

beforeAll(async () => {
  site = await makeSite();
  await buildSite(site);
  $ = await readPage(site, "/2026/03/05/harbour-vote/");
});
afterAll(() => removeSite(site));

describe("article page", () => {
  it("is a valid document shell: lang, title, description, canonical, one h1, landmarks, skip link", () => {
    expect($("html").attr("lang")).toBe("en-US");
    expect($("title").text()).toBe("Council backs harbour plan after long night | The Fixture Gazette");
    expect($('meta[name="description"]').attr("content")).toBe("The vote ends a two-year fight over the waterfront.");
    expect($('link[rel="canonical"]').attr("href")).toBe("https://gazette.example.org/2026/03/05/harbour-vote/");
    expect($("h1")).toHaveLength(1);
    expect($("body > header.site-header, body > main#main, body > footer.site-footer")).toHaveLength(3);
    expect($('nav[aria-label="Sections"] a').map((_, a) => $(a).text()).get()).toEqual(["News", "Business", "Search"]);
    const skip = $("body > a.skip-link").first();
    expect(skip.attr("href")).toBe("#main");
    expect($("body").children().first().is(skip)).toBe(true);
  });

  it("has the headline, dek, byline linking each author, and reading time", () => {
    expect($("article h1").text()).toBe("Council backs harbour plan after long night");
    expect($(".article__dek").text()).toBe("The vote ends a two-year fight over the waterfront.");
    expect($(".byline").text()).toBe("By Ana Ruiz and Li Wei");
    expect($(".byline a").map((_, a) => $(a).attr("href")).get()).toEqual(["/authors/ana-ruiz/", "/authors/li-wei/"]);
    expect($(".timestamps__reading").text()).toMatch(/^\d+ min read$/);
  });

  it("shows Published and Updated with <time datetime> in the site's time zone", () => {
    const published = $(".timestamps__published time");
    expect(published.attr("datetime")).toBe("2026-03-05T21:30:00-06:00");
    expect(published.text()).toBe("March 5, 2026 at 9:30 PM CST");
    // `updated` says 8:15; the correction at 10:00 is the later change (issue 18).
    const updated = $(".timestamps__updated time");
    expect(updated.attr("datetime")).toBe("2026-03-06T10:00:00-06:00");
    expect($(".timestamps__updated").text()).toBe("Updated March 6, 2026 at 10:00 AM CST");
  });

  it("opens the body with the dateline inside the first paragraph", () => {
    const first = $(".article__body > p").first();
    expect(first.children().first().is("span.dateline")).toBe(true);
    expect(first.find(".dateline").text()).toBe("PORT ALDER, Lakeshore —");
    expect(first.text().startsWith("PORT ALDER, Lakeshore — The council voted")).toBe(true);
  });

  it("renders the lead photo as a responsive, high-priority picture with caption and credit apart", () => {
    const figure = $("article > figure.figure--lead");
    expect(figure).toHaveLength(1);
    expect(figure.find("source").map((_, s) => $(s).attr("type")).get()).toEqual(["image/avif", "image/webp"]);
    const img = figure.find("img");
    expect(img.attr("alt")).toBe("Fishing boats tied up at the harbour at dusk");
    expect(img.attr("fetchpriority")).toBe("high");
    expect(img.attr("loading")).not.toBe("lazy");
    expect(Number(img.attr("width"))).toBeGreaterThan(0);
    expect(Number(img.attr("height"))).toBeGreaterThan(0);
    expect(img.attr("sizes")).toBeTruthy();
    expect(img.attr("srcset")?.split(",").length).toBeGreaterThanOrEqual(2);
    expect(figure.find("figcaption .figure__caption").text()).toBe("Boats at the east harbour on Tuesday evening.");
    expect(figure.find("figcaption .figure__credit").text()).toBe("Photo: Ana Ruiz / The Fixture Gazette");
  });

  it("renders Markdown: typographic quotes and dashes, headings, blockquotes, lists, links", () => {
    const body = $(".article__body");
    expect(body.find("p").first().text()).toContain("ending a “long” fight – one");
    expect(body.find("h2").text()).toBe("What happens next");
    expect(body.find("> blockquote p").text()).toBe("Work starts in May.");
    expect(body.find("ul li").map((_, li) => $(li).text()).get()).toEqual(["Dredging", "New piers"]);
    expect(body.find('a[href="https://example.com/plan"]').attr("rel")).toBe("noopener noreferrer");
    expect(body.find('a[href="/news/"]').attr("rel")).toBeUndefined();
  });

  it("renders the pull quote and a lazy inline figure with caption and credit", () => {
    const pull = $(".article__body figure.pull-quote");
    expect(pull.find("blockquote").text()).toBe("We are not going to let the river decide for us.");
    expect(pull.find("figcaption").text()).toBe("Mayor Ines Okafor");
    const inline = $(".article__body figure.figure--inline");
    expect(inline.find("img").attr("loading")).toBe("lazy");
    expect(inline.find("img").attr("fetchpriority")).toBeUndefined();
    expect(inline.find("img").attr("alt")).toBe("The harbour seen from the breakwater");
    expect(inline.find(".figure__caption").text()).toBe("The east harbour, where work starts in May.");
    expect(inline.find(".figure__credit").text()).toBe("Photo: Li Wei");
  });

  it("lists corrections with their dates in a labelled note", () => {
    const note = $("aside.corrections");
    expect($(`#${note.attr("aria-labelledby")}`).text()).toBe("Correction");
    expect(note.find("li time").attr("datetime")).toBe("2026-03-06T10:00:00-06:00");
    expect(note.find("li").text()).toContain("An earlier version misstated the vote count.");
  });

  it("lists the tags", () => {
    expect($(".article__tags li").map((_, li) => $(li).text()).get()).toEqual(["harbour", "city council"]);
  });

  it("has an author bio box per byline author with headshot, role, bio and named links", () => {
    const bios = $("aside.author-bio");
    expect(bios).toHaveLength(2);
    const ana = bios.first();
    expect(ana.find(".author-bio__name a").attr("href")).toBe("/authors/ana-ruiz/");
    expect(ana.find("picture img").attr("width")).toBeTruthy();
    expect(ana.find(".author-bio__role").text()).toBe("City Hall reporter");
    expect(ana.find(".author-bio__bio strong").text()).toBe("city government");
    const links = ana.find(".author-links a");
    expect(links.map((_, a) => $(a).attr("href")).get()).toEqual([
      "https://x.com/anaruiz",
      "https://newsroom.example/@ana",
      "mailto:ana@gazette.example.org",
      "https://anaruiz.example.org",
    ]);
    links.each((_, a) => {
      const name = $(a).attr("aria-label") ?? "";
      expect(name).toContain("Ana Ruiz");
      expect(name.startsWith($(a).text())).toBe(true);
    });
    expect(bios.last().find("picture")).toHaveLength(0);
  });

  it("has a newsletter form from the settings that works without JavaScript", () => {
    const form = $("section.signup form");
    expect(form.attr("action")).toBe("https://newsletter.example.org/subscribe");
    expect(form.attr("method")).toBe("post");
    const input = form.find('input[type="email"]');
    expect(input.attr("name")).toBe("EMAIL");
    expect(input.attr("required")).toBeDefined();
    expect(form.find(`label[for="${input.attr("id")}"]`).text()).toBe("Email address");
    expect(form.find('input[type="hidden"][name="list"]').attr("value")).toBe("daily");
    expect(form.find('button[type="submit"]').text()).toBe("Sign up");
    expect($(".signup__privacy").text()).toBe("We never share your address.");
  });

  it("has the support call to action and a footer", () => {
    expect($("aside.support a.button").attr("href")).toBe("https://gazette.example.org/support/");
    expect($("aside.support a.button").text()).toBe("Donate");
    expect($(".site-footer").text()).toContain("© 2026 The Fixture Gazette");
    expect($('.site-footer a[href="https://x.com/gazette"]')).toHaveLength(1);
  });

  it("needs no JavaScript, loads only the signup enhancement from a file, and links the stylesheet with a content hash", () => {
    const scripts = $('script:not([type="application/ld+json"])');
    expect(scripts.map((_, script) => `${$(script).attr("type")} ${$(script).attr("src")}`).get()).toEqual([expect.stringMatching(/^module \/js\/signup\.js\?v=[0-9a-f]{10}$/)]);
    expect(scripts.text()).toBe("");
    expect($('link[rel="stylesheet"]').attr("href")).toMatch(/^\/css\/site\.css\?v=[0-9a-f]{10}$/);
  });

  it("uses the first paragraph as the description when there is no summary", async () => {
    const page = await readPage(site, "/2026/03/05/date-only/");
    expect(page(".article__dek")).toHaveLength(0);
    expect(page('meta[name="description"]').attr("content")).toBe("The library will open on Sundays from April.");
  });
});

describe("author page", () => {
  it("shows headshot, bio, links and the author's articles", async () => {
    const page = await readPage(site, "/authors/ana-ruiz/");
    expect(page("h1").text()).toBe("Ana Ruiz");
    expect(page(".author-page__photo").attr("alt")).toBe("Portrait of Ana Ruiz");
    expect(page(".author-page__bio").text()).toContain("covers city government");
    expect(page(".author-links a")).toHaveLength(4);
    expect(page(".teaser__headline a").map((_, a) => page(a).attr("href")).get()).toEqual(["/2026/03/05/harbour-vote/"]);
  });
});
