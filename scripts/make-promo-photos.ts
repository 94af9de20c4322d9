// Makes the sample newsroom's promo thumbnails (settings.yml `promos`) from its own photos: small
// 4:3 crops, as a partner would send them. Run after make-sample-photos.ts:
//
//   node --import tsx/esm scripts/make-promo-photos.ts
import path from "node:path";
import { fileURLToPath } from "node:url";
import sharp from "sharp";

const CONTENT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "content");

const promos = [
  { from: "articles/2026/lantern-festival.jpg", to: "promo-winter-market.jpg" },
  { from: "articles/2026/lighthouse-point.jpg", to: "promo-lighthouse-tours.jpg" },
];

for (const { from, to } of promos) {
  const info = await sharp(path.join(CONTENT_DIR, from))
    .resize(480, 360, { fit: "cover", position: sharp.strategy.attention })
    .jpeg({ quality: 78, progressive: true, mozjpeg: true })
    .toFile(path.join(CONTENT_DIR, to));
  console.log(`${to}: ${Math.round(info.size / 1024)} KB`);
}
