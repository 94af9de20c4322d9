// Makes the sample photos of the gallery and embeds articles from the scenes
// scripts/make-sample-photos.ts draws: a harbour photo that carries its caption, credit and alt
// text inside the file (IPTC Core in XMP, as a photo desk's tools write them, so its front matter
// needs none) and a 16:9 still used as a video's poster. Run after make-sample-photos.ts:
//
//   node --import tsx/esm scripts/make-story-format-photos.ts
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import sharp, { type Sharp } from "sharp";

const ARTICLES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "content", "articles", "2026");
const MAX_BYTES = 195 * 1024;

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** An XMP packet with IPTC Core description, credit line and accessible alt text. */
function xmpPacket(fields: { caption: string; credit: string; alt: string }): string {
  return [
    `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>`,
    `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">`,
    `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/">`,
    `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(fields.caption)}</rdf:li></rdf:Alt></dc:description>`,
    `<photoshop:Credit>${escapeXml(fields.credit)}</photoshop:Credit>`,
    `<Iptc4xmpCore:AltTextAccessibility><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(fields.alt)}</rdf:li></rdf:Alt></Iptc4xmpCore:AltTextAccessibility>`,
    `</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`,
  ].join("");
}

async function write(name: string, image: Sharp): Promise<void> {
  const data = await image.jpeg({ quality: 80, progressive: true, mozjpeg: true }).toBuffer();
  if (data.length > MAX_BYTES) throw new Error(`${name} is ${data.length} bytes (limit ${MAX_BYTES})`);
  await fs.writeFile(path.join(ARTICLES_DIR, name), data);
  console.log(`${name}: ${Math.round(data.length / 1024)} KB`);
}

const source = (name: string) => sharp(path.join(ARTICLES_DIR, name));

await write(
  "harbour-cleanup-nets.jpg",
  source("fishing-boats-dawn.jpg")
    .extract({ left: 200, top: 100, width: 1200, height: 800 })
    .modulate({ brightness: 1.05, saturation: 0.9 })
    .withXmp(
      xmpPacket({
        caption: "Fishing boats back on the water off the east harbour on Saturday morning, two days after the storm surge.",
        credit: "Theo Okafor / The Lakeshore Ledger",
        alt: "A red-hulled fishing boat with a white cabin in the foreground and two smaller boats behind it on still water, gulls overhead and the sun low in a pale pink sky",
      }),
    ),
);
await write("north-haven-landing-poster.jpg", source("ferry-crossing.jpg").resize(1280, 720, { fit: "cover", position: "attention" }));
