// Synthetic photos for the benchmark: a few distinct JPEGs drawn once with sharp into a cache folder
// and reused by every run. Each article links one of them under its own name (see corpus.ts).
import fs from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { Random } from "../random.ts";

export interface PhotoSet {
  leads: string[];
  headshots: string[];
}

/** Draws a scene: a sky gradient, a horizon and a few hundred shapes, so JPEGs have texture. */
function scene(random: Random, width: number, height: number): string {
  const hue = random.int(0, 359);
  const shapes: string[] = [];
  for (let i = 0; i < 240; i++) {
    const x = random.int(0, width);
    const y = random.int(0, height);
    const color = `hsl(${(hue + random.int(-60, 60) + 360) % 360},${random.int(20, 80)}%,${random.int(15, 85)}%)`;
    const opacity = (random.int(20, 90) / 100).toFixed(2);
    if (random.chance(0.5)) shapes.push(`<circle cx="${x}" cy="${y}" r="${random.int(4, width / 12)}" fill="${color}" fill-opacity="${opacity}"/>`);
    else shapes.push(`<rect x="${x}" y="${y}" width="${random.int(4, width / 6)}" height="${random.int(4, height / 4)}" fill="${color}" fill-opacity="${opacity}" transform="rotate(${random.int(-30, 30)} ${x} ${y})"/>`);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="hsl(${hue},60%,70%)"/><stop offset="1" stop-color="hsl(${(hue + 40) % 360},50%,30%)"/></linearGradient></defs>
<rect width="100%" height="100%" fill="url(#sky)"/>
<rect y="${Math.round(height * 0.62)}" width="100%" height="${Math.round(height * 0.38)}" fill="hsl(${(hue + 180) % 360},35%,28%)"/>
${shapes.join("\n")}
</svg>`;
}

async function draw(file: string, random: Random, width: number, height: number): Promise<void> {
  const svg = scene(random, width, height);
  try {
    await fs.access(file);
    return; // drawn by an earlier run
  } catch {
    // not there yet
  }
  const partial = `${file}.${process.pid}.partial`;
  await sharp(Buffer.from(svg)).jpeg({ quality: 82, progressive: true }).toFile(partial);
  await fs.rename(partial, file);
}

/**
 * `count` lead photos (1600×1067) and `headshots` headshots (400×400), drawn once into `cacheDir`
 * and reused afterwards. The same seed always draws the same pictures.
 */
export async function ensurePhotos(cacheDir: string, count: number, headshots = 10, seed = 7): Promise<PhotoSet> {
  await fs.mkdir(cacheDir, { recursive: true });
  const random = new Random(seed);
  const set: PhotoSet = { leads: [], headshots: [] };
  for (let i = 0; i < count; i++) {
    const file = path.join(cacheDir, `lead-${seed}-${i}.jpg`);
    await draw(file, random, 1600, 1067);
    set.leads.push(file);
  }
  for (let i = 0; i < headshots; i++) {
    const file = path.join(cacheDir, `headshot-${seed}-${i}.jpg`);
    await draw(file, random, 400, 400);
    set.headshots.push(file);
  }
  return set;
}
