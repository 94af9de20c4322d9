// Draws the sample newsroom's logo, The Lakeshore Ledger's lighthouse mark, as a 512×512 PNG in
// content/: a square mark is a valid publisher logo (Google asks for at least 112×112) and a
// fallback link-preview image. Shapes only, no text, so the output does not depend on installed fonts.
//
//   node --import tsx/esm scripts/make-logo.ts
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import sharp from "sharp";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const OUTPUT = path.join(ROOT, "content", "logo.png");
const SIZE = 512;

const NAVY = "#1d3a52";
const CREAM = "#f3ead8";
const RED = "#b8322a";
const LAMP = "#f6c945";

/** A lighthouse standing on a wave line inside a cream disc on a navy square. */
function markSvg(): string {
  const c = SIZE / 2;
  // Tower: a trapezoid from its 60 px base at y=370 to 40 px at y=170, with two red bands.
  const tower = `M226,370 L236,170 H276 L286,370 Z`;
  const inset = (y: number) => ((370 - y) / 200) * 10;
  const band = (top: number, bottom: number) =>
    `<path d="M${226 + inset(bottom)},${bottom} L${226 + inset(top)},${top} H${286 - inset(top)} L${286 - inset(bottom)},${bottom} Z" fill="${RED}"/>`;
  const bands = band(210, 250) + band(290, 330);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}">` +
    `<defs><clipPath id="disc"><circle cx="${c}" cy="${c}" r="196"/></clipPath></defs>` +
    `<rect width="${SIZE}" height="${SIZE}" fill="${NAVY}"/>` +
    `<circle cx="${c}" cy="${c}" r="196" fill="${CREAM}"/>` +
    `<g clip-path="url(#disc)">` +
    // Beams from the lantern.
    `<path d="M256,150 L60,100 L60,190 Z M256,150 L452,100 L452,190 Z" fill="${LAMP}" opacity="0.55"/>` +
    `<path d="${tower}" fill="${CREAM}" stroke="${NAVY}" stroke-width="8" stroke-linejoin="round"/>` +
    bands +
    // Gallery, lantern room and roof.
    `<rect x="222" y="160" width="68" height="12" rx="3" fill="${NAVY}"/>` +
    `<rect x="238" y="128" width="36" height="32" fill="${LAMP}" stroke="${NAVY}" stroke-width="8"/>` +
    `<path d="M230,130 L256,100 L282,130 Z" fill="${RED}" stroke="${NAVY}" stroke-width="8" stroke-linejoin="round"/>` +
    // The lake: a filled wave under the tower and one white crest.
    `<path d="M40,362 Q88,342 136,362 T232,362 T328,362 T424,362 T520,362 V480 H40 Z" fill="${NAVY}"/>` +
    `<path d="M40,400 Q88,380 136,400 T232,400 T328,400 T424,400 T520,400" fill="none" stroke="${CREAM}" stroke-width="10" stroke-linecap="round"/>` +
    `</g></svg>`
  );
}

const png = await sharp(Buffer.from(markSvg()))
  .png({ palette: true, colors: 32, dither: 0, compressionLevel: 9, effort: 10 })
  .toBuffer();
await fs.writeFile(OUTPUT, png);
const { width, height } = await sharp(png).metadata();
console.log(`${path.relative(ROOT, OUTPUT)}  ${width}×${height}  ${(png.length / 1024).toFixed(1)} KB`);
