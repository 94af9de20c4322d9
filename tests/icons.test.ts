// Site icons: every page declares a 32 px icon and a 180 px home-screen icon, made from a square
// logo or, failing that, from the publication's initial; the files are real PNGs of those sizes.
import path from "node:path";
import { load } from "cheerio";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { buildSite, listPages, readPage, sitesRemovedAfterEach, writeContent, type FixtureSite } from "./helpers/site.ts";
import { editSettings } from "./helpers/settings.ts";
import { initialOf, monogramSvg } from "../src/images/monogram.ts";

const newSite = sitesRemovedAfterEach();

/** The two icons a page links to, as files in the output. */
async function iconsOf(site: FixtureSite, page: string) {
  const $ = await readPage(site, page);
  const favicon = $('link[rel="icon"]');
  const touch = $('link[rel="apple-touch-icon"]');
  expect(favicon.attr("type")).toBe("image/png");
  expect(favicon.attr("sizes")).toBe("32x32");
  const file = (href: string | undefined) => path.join(site.outputDir, (href ?? "").replace(/^\//, ""));
  return { favicon: file(favicon.attr("href")), touch: file(touch.attr("href")) };
}

/** RGB of one pixel of a PNG file. */
async function pixel(file: string, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(file).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const offset = (y * info.width + x) * info.channels;
  return [...data.subarray(offset, offset + 3)];
}

/** Settings with a logo line added after the site name. */
async function withLogo(site: FixtureSite, logo: Buffer): Promise<void> {
  await writeContent(site, "logo.png", logo);
  await editSettings(site, (settings) => settings.replace("name: The Fixture Gazette\n", "name: The Fixture Gazette\nlogo: logo.png\n"));
}

const solid = (width: number, height: number, rgb: [number, number, number]) =>
  sharp({ create: { width, height, channels: 3, background: { r: rgb[0], g: rgb[1], b: rgb[2] } } }).png().toBuffer();

describe("site icons", () => {
  it("are declared on every page and are PNGs of the declared sizes, drawn from the name's initial without a logo", async () => {
    const site = await newSite();
    await buildSite(site);
    const pages = await listPages(site);
    expect(pages.length).toBeGreaterThan(5);
    const declared = new Set<string>();
    for (const page of pages) {
      const { favicon, touch } = await iconsOf(site, page);
      declared.add(`${favicon} ${touch}`);
    }
    expect(declared.size).toBe(1);
    const { favicon, touch } = await iconsOf(site, "/");
    expect(await sharp(favicon).metadata()).toMatchObject({ format: "png", width: 32, height: 32 });
    expect(await sharp(touch).metadata()).toMatchObject({ format: "png", width: 180, height: 180 });
    // The monogram's dark square (#14213d) fills the icon away from its rounded corners.
    expect(await pixel(touch, 20, 90)).toEqual([0x14, 0x21, 0x3d]);
  });

  it("use a square logo, but not a wide masthead that would be unreadable at 32 px", async () => {
    const square = await newSite();
    await withLogo(square, await solid(400, 400, [200, 30, 40]));
    await buildSite(square);
    expect(await pixel((await iconsOf(square, "/")).touch, 90, 90)).toEqual([200, 30, 40]);

    const wide = await newSite();
    await withLogo(wide, await solid(1200, 300, [200, 30, 40]));
    await buildSite(wide);
    expect(await pixel((await iconsOf(wide, "/")).touch, 20, 90)).toEqual([0x14, 0x21, 0x3d]);
  });
});

describe("the monogram", () => {
  it("takes the first letter of the first significant word, whatever the script", () => {
    expect(initialOf("The Lakeshore Ledger")).toBe("L");
    expect(initialOf("  an évening post")).toBe("É");
    expect(initialOf("ниву газета")).toBe("Н");
    expect(initialOf("«24 Heures»")).toBe("2");
    expect(initialOf("🦆🦆")).toBe("•");
  });

  it("draws one letter of a hostile name, never its markup", async () => {
    const svg = monogramSvg('<script>alert("x")</script> & Co');
    expect(svg).not.toMatch(/script|alert|&(?!amp;|lt;|gt;|quot;|apos;)/);
    const $ = load(svg, { xml: true });
    expect($("text").length).toBe(1);
    expect($("text").text()).toBe("S");
    const png = await sharp(Buffer.from(svg)).png().toBuffer();
    expect((await sharp(png).metadata()).width).toBe(64);
  });
});
