// Issue 9 (points 2–4): galleries, embeds without trackers and photo metadata. Each is built from a
// fixture site with the real Eleventy config and checked on the parsed HTML and the output images.
import fs from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import exifr from "exifr";
import { describe, expect, it } from "vitest";
import { buildSite, readPage, sitesRemovedAfterEach, writeContent, type FixtureSite } from "./helpers/site.ts";
import { validateNewsroom } from "../src/content/load.ts";
import { ContentError } from "../src/content/errors.ts";
import { readEmbeddedText } from "../src/images/metadata.ts";
import { videoId } from "../src/content/schema.ts";

const site = sitesRemovedAfterEach();

/** An XMP packet with IPTC Core fields, as a photo desk's tools write them. */
function xmpPacket(fields: { caption: string; credit: string; alt: string }): string {
  const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  return (
    `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` +
    `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/">` +
    `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${escape(fields.caption)}</rdf:li></rdf:Alt></dc:description>` +
    `<photoshop:Credit>${escape(fields.credit)}</photoshop:Credit>` +
    `<Iptc4xmpCore:AltTextAccessibility><rdf:Alt><rdf:li xml:lang="x-default">${escape(fields.alt)}</rdf:li></rdf:Alt></Iptc4xmpCore:AltTextAccessibility>` +
    `</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`
  );
}

/** A JPEG carrying GPS and camera EXIF plus IPTC Core caption, credit and alt text in XMP. */
async function photoWithMetadata(fields: { caption: string; credit: string; alt: string }): Promise<Buffer> {
  return sharp({ create: { width: 800, height: 500, channels: 3, background: "#3a6d8c" } })
    .jpeg()
    .withExif({
      IFD0: { Make: "FixtureCam", Model: "One", Artist: "EXIF artist" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "48/1 25/1 0/1", GPSLongitudeRef: "W", GPSLongitude: "123/1 22/1 0/1" },
    })
    .withXmp(xmpPacket(fields))
    .toBuffer();
}

async function problemsOf(fixture: FixtureSite): Promise<string> {
  const { problems } = await validateNewsroom(fixture.contentDir);
  return new ContentError(problems).message;
}

describe("galleries", () => {
  it("renders a titled group holding a plain list of figures, lazy after the first", async () => {
    const fixture = await site("story-formats");
    await buildSite(fixture);
    const $ = await readPage(fixture, "/2026/03/06/gallery/");
    const gallery = $("figure.gallery");
    expect(gallery).toHaveLength(1);
    const labelId = gallery.attr("aria-labelledby") ?? "";
    expect($(`#${labelId}`).text()).toContain("The east harbour, Thursday");
    const items = gallery.find("ol.gallery__photos > li > figure.figure--gallery");
    expect(items).toHaveLength(3);
    expect(items.find("img").map((_i, img) => $(img).attr("loading")).get()).toEqual(["eager", "lazy", "lazy"]);
    expect(items.find("img").map((_i, img) => $(img).attr("alt")).get()).toEqual(["Boats tied up at the east harbour", "The same boats at noon", "The harbour at dusk"]);
    // Every photo through the sharp pipeline: AVIF and WebP sources, JPEG fallback, all under /img/.
    items.find("picture").each((_i, picture) => {
      expect($(picture).find("source").map((_j, source) => $(source).attr("type")).get()).toEqual(["image/avif", "image/webp"]);
      expect($(picture).find("img").attr("src")).toMatch(/^\/img\/.+\.jpeg$/);
    });
    // Captions are text: markup typed into one is printed, never run.
    const second = items.eq(1).find(".figure__caption");
    expect(second.text()).toBe("<b>Noon</b> & the tide <script>alert(1)</script>");
    expect(second.find("b, script")).toHaveLength(0);
    // The enhancement script is loaded once per page, from a file, outside the rendered body (feeds carry the body).
    expect($('script[src="/js/story-formats.js"]')).toHaveLength(1);
    expect($(".article__body script")).toHaveLength(0);
  });
});

describe("embeds without trackers", () => {
  it("renders videos as links, posts as quotes and audio as a local player, loading nothing from a third party", async () => {
    const fixture = await site("story-formats");
    await buildSite(fixture);
    const $ = await readPage(fixture, "/2026/03/07/embeds/");
    const videos = $("a[data-player]");
    expect(videos.map((_i, a) => $(a).attr("href")).get()).toEqual(["https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://vimeo.com/76979871"]);
    expect(videos.map((_i, a) => $(a).attr("data-player")).get()).toEqual([
      "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1",
      "https://player.vimeo.com/video/76979871?autoplay=1&dnt=1",
    ]);
    expect(videos.eq(0).find("img").attr("src")).toMatch(/^\/img\//);
    expect(videos.eq(1).find("img")).toHaveLength(0);
    expect(videos.eq(1).closest("figure").hasClass("embed--card")).toBe(true);
    // Nothing that loads by itself points anywhere but the site.
    const loaded = $("img[src], source[srcset], script[src], iframe, audio[src], link[href][rel=stylesheet]")
      .map((_i, element) => $(element).attr("src") ?? $(element).attr("srcset") ?? $(element).attr("href") ?? "iframe")
      .get();
    expect(loaded.filter((url) => !url.startsWith("/"))).toEqual([]);

    const posts = $("figure.embed--post");
    expect(posts.map((_i, post) => $(post).find("blockquote").attr("cite")).get()).toEqual([
      "https://x.com/ledger_news/status/1234567890",
      "https://bsky.app/profile/ledger.bsky.social/post/3kabc123xyz45",
      "https://newsroom.social/@ana/112233445566",
    ]);
    const x = posts.eq(0);
    expect(x.find("blockquote p").text()).toBe("Gates <img src=x onerror=alert(1)> close at 6 & stay shut.");
    expect(x.find("blockquote img")).toHaveLength(0);
    expect(x.find("figcaption").text()).toContain("Harbour Office (@harbour) on X");
    expect(x.find("figcaption time").attr("datetime")).toMatch(/^2026-03-07T06:10/);
    expect($("script[src]").map((_i, s) => $(s).attr("src")).get().every((src) => src.startsWith("/js/"))).toBe(true);

    const audio = $("audio");
    expect(audio.attr("controls")).toBeDefined();
    expect(audio.attr("preload")).toBe("none");
    expect(audio.attr("src")).toMatch(/^\/img\/.+-radio-call\.wav$/);
    expect(audio.find("a").attr("href")).toBe(audio.attr("src"));
    await expect(fs.stat(path.join(fixture.outputDir, audio.attr("src") ?? ""))).resolves.toBeTruthy();
  });

  it("accepts only the documented hosts and takes the id with a strict pattern", () => {
    expect(videoId("youtube", "https://youtu.be/dQw4w9WgXcQ")).toBe("dQw4w9WgXcQ");
    expect(videoId("youtube", "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42")).toBe("dQw4w9WgXcQ");
    expect(videoId("youtube", "https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ")).toBeUndefined();
    expect(videoId("youtube", "https://www.youtube.com/watch?v=dQw4w9WgXcQ\"><script>")).toBeUndefined();
    expect(videoId("youtube", "http://www.youtube.com/watch?v=dQw4w9WgXcQ")).toBeUndefined();
    expect(videoId("vimeo", "https://vimeo.com/76979871")).toBe("76979871");
    expect(videoId("vimeo", "https://vimeo.com/76979871/../../x")).toBeUndefined();
  });

  it("names each bad block at its file and line", async () => {
    const message = await problemsOf(await site("embed-errors"));
    expect(message).toContain('articles/2026/x.md:11 embed url: "https://evil.example/watch?v=dQw4w9WgXcQ" is not a YouTube video address');
    expect(message).toContain('articles/2026/x.md:16 embed type: "tiktok" is not a known embed type (known: youtube, vimeo, x, bluesky, mastodon, audio)');
    expect(message).toMatch(/articles\/2026\/x\.md:26 gallery photo 2 alt: is required \(a description of the image for screen readers: write alt: in the block, or embed alt text/);
  });
});

describe("photo metadata", () => {
  const embedded = { caption: "Crews & volunteers <sandbag> the ferry ramp.", credit: "Theo Okafor / Port Alder Ledger", alt: "Volunteers passing sandbags along the ramp" };

  it("reads caption, credit and alt text embedded in a JPEG", async () => {
    expect(await readEmbeddedText(await photoWithMetadata(embedded))).toEqual(embedded);
  });

  it("uses the photo's own caption, credit and alt when the front matter leaves them out", async () => {
    const fixture = await site();
    await writeContent(fixture, "articles/2026/ramp.jpg", await photoWithMetadata(embedded));
    await writeContent(fixture, "articles/2026/ramp.md", "---\nheadline: Sandbags on the ramp\nbyline: ana-ruiz\ndate: 2026-03-08\nsection: news\nphoto: ramp.jpg\n---\nCrews worked all night.\n\n```figure\nsrc: ramp.jpg\n```\n");
    await buildSite(fixture);
    const $ = await readPage(fixture, "/2026/03/08/ramp/");
    for (const kind of ["lead", "inline"]) {
      const figure = $(`figure.figure--${kind}`);
      expect(figure.find("img").attr("alt")).toBe(embedded.alt);
      expect(figure.find(".figure__caption").text()).toBe(embedded.caption);
      expect(figure.find(".figure__credit").text()).toBe(`Photo: ${embedded.credit}`);
    }
  });

  it("names both places to fix a missing caption", async () => {
    const fixture = await site();
    await writeContent(fixture, "articles/2026/plain.jpg", await sharp({ create: { width: 200, height: 100, channels: 3, background: "#888" } }).jpeg().toBuffer());
    await writeContent(fixture, "articles/2026/plain.md", "---\nheadline: No caption anywhere\nbyline: ana-ruiz\ndate: 2026-03-08\nsection: news\nphoto: plain.jpg\nalt: A grey square\n---\nText.\n");
    const message = await problemsOf(fixture);
    expect(message).toContain("articles/2026/plain.md:6 caption: is required with photo (the caption printed under the image: write caption: in the front matter, or embed a caption in the photo file's IPTC/XMP \"Description\" field)");
  });

  it("publishes no GPS, camera or other EXIF data in any output image", async () => {
    const fixture = await site("story-formats");
    const photo = await photoWithMetadata(embedded);
    expect(await exifr.gps(photo)).toMatchObject({ latitude: expect.any(Number) });
    await writeContent(fixture, "articles/2026/harbour.jpg", photo);
    await buildSite(fixture);
    const images = (await fs.readdir(path.join(fixture.outputDir, "img"))).filter((name) => /\.(?:jpe?g|webp|avif|png)$/.test(name));
    expect(images.length).toBeGreaterThanOrEqual(9);
    for (const name of images) {
      const file = path.join(fixture.outputDir, "img", name);
      const metadata = await sharp(file).metadata();
      expect(metadata.exif, name).toBeUndefined();
      expect(metadata.xmp, name).toBeUndefined();
      // The bytes, not the path: exifr leaves a path's file handle to the garbage collector (Node 26 crashes).
      expect(await exifr.gps(await fs.readFile(file)).catch(() => undefined), name).toBeUndefined();
    }
  });
});
