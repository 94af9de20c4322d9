// The article Markdown pipeline on its own: what editors type and what readers get.
import { describe, expect, it } from "vitest";
import { load } from "cheerio";
import { createMarkdown, findFigureBlocks, firstParagraphText } from "../src/markdown/markdown.ts";
import { countWords, readingMinutes, truncateText } from "../src/text.ts";

const md = createMarkdown("en-US");

describe("markdown", () => {
  it("puts the dateline in the first top-level paragraph, not in a quote or heading before it", () => {
    const html = md.render("## Heading\n\n> A quote\n\nFirst paragraph.\n\nSecond.", { dateline: "KABUL, Afghanistan" });
    const $ = load(html);
    expect($("blockquote .dateline")).toHaveLength(0);
    expect($("p").eq(1).html()).toBe('<span class="dateline">KABUL, Afghanistan —</span> First paragraph.');
    expect($(".dateline")).toHaveLength(1);
  });

  it("escapes the dateline", () => {
    expect(md.render("Text.", { dateline: "<b>X</b>" })).toContain('<span class="dateline">&lt;b&gt;X&lt;/b&gt; —</span>');
  });

  it("makes typographic quotes and dashes in the site's language", () => {
    expect(md.renderInline(`"Yes" -- it's done --- really`)).toBe("“Yes” – it’s done — really");
    expect(createMarkdown("de-DE").renderInline(`"Ja"`)).toBe("„Ja“");
    expect(createMarkdown("fr-FR").renderInline(`"Oui"`)).toBe("«\u00A0Oui\u00A0»");
  });

  it("escapes raw HTML and refuses script URLs", () => {
    const html = md.render(`<b>bold</b> [x](javascript:alert(1)) [y](JAVASCRIPT:alert(1)) ![z](vbscript:msgbox)`);
    expect(html).not.toContain("<b>");
    expect(load(html)("a, img")).toHaveLength(0);
  });

  it("renders a pull quote with and without attribution", () => {
    const $ = load(md.render("```pullquote\nWe will rebuild.\n— Mayor *Okafor*\n```\n\n```pullquote\nJust words.\n```"));
    expect($("figure.pull-quote").eq(0).find("blockquote p").text()).toBe("We will rebuild.");
    expect($("figure.pull-quote").eq(0).find("figcaption em").text()).toBe("Okafor");
    expect($("figure.pull-quote").eq(1).find("figcaption")).toHaveLength(0);
  });

  it("keeps ordinary code blocks as code", () => {
    expect(load(md.render("```js\nlet x = 1 < 2;\n```"))("pre code").text()).toBe("let x = 1 < 2;\n");
  });

  it("finds figure blocks with their lines and renders them through the given renderer", () => {
    const source = "Intro.\n\n```figure\nsrc: a.jpg\n```\n\nMiddle.\n\n```figure\nsrc: b.jpg\n```\n";
    const tokens = md.parse(source, {});
    expect(findFigureBlocks(tokens)).toEqual([
      { content: "src: a.jpg\n", line: 2 },
      { content: "src: b.jpg\n", line: 8 },
    ]);
    const html = md.renderer.render(tokens, md.options, { renderFigure: (index: number) => `<figure data-n="${index}"></figure>` });
    expect(load(html)("figure").map((_, f) => f.attribs["data-n"]).get()).toEqual(["0", "1"]);
  });

  it("marks only links to other sites as external", () => {
    const $ = load(md.render("[a](https://other.example/x) [b](https://site.example/x) [c](/local/)", { siteOrigin: "https://site.example" }));
    expect($("a").map((_, a) => $(a).attr("rel") ?? "").get()).toEqual(["noopener noreferrer", "", ""]);
  });

  it("takes the first paragraph's plain text for the default summary", () => {
    expect(firstParagraphText(md.parse("## Head\n\nThe *council* met\non `Tuesday`.\n\nMore.", {}))).toBe("The council met on Tuesday.");
  });
});

describe("text measures", () => {
  it("counts words and reading minutes", () => {
    expect(countWords("One two — three, 4")).toBe(4);
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(690)).toBe(3);
  });

  it("truncates at a word boundary with an ellipsis", () => {
    expect(truncateText("short")).toBe("short");
    expect(truncateText("The council met on Tuesday night to vote", 20)).toBe("The council met on…");
  });
});

describe("links under a path prefix", () => {
  it("gives root-relative links and images the site's prefix, and leaves others alone", () => {
    const $ = load(md.render("[a](/business/) [b](https://x.example/) [c](#top) [d](//cdn.example/x) ![i](/img/x.jpg)", { pathPrefix: "/news/" }));
    expect($("a").map((_, a) => $(a).attr("href")).get()).toEqual(["/news/business/", "https://x.example/", "#top", "//cdn.example/x"]);
    expect($("img").attr("src")).toBe("/news/img/x.jpg");
  });
});
