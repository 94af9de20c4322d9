// Renders the sample content's "photos": illustrated SVG scenes of fictional Port Alder, encoded as
// JPEG next to the articles and authors that use them. Nothing is downloaded; every scene is drawn
// here, and a seeded generator makes every run produce the same files.
//
//   node --import tsx/esm scripts/make-sample-photos.ts
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import sharp from "sharp";
import { Random } from "./random.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ARTICLES_DIR = path.join(ROOT, "content", "articles", "2026");
const AUTHORS_DIR = path.join(ROOT, "content", "authors");

/** Every file must stay under this many bytes; quality steps down until it does. */
const MAX_BYTES = 195 * 1024;
const QUALITIES = [86, 82, 78, 74, 70, 66, 62, 58];

const LEAD = { w: 1600, h: 1000 };
const HEADSHOT = { w: 400, h: 400 };

// ---------------------------------------------------------------------------------------------
// A tiny SVG builder

type Stop = readonly [offset: number, color: string, opacity?: number];

const n = (value: number): string => String(Math.round(value * 10) / 10);

function stopsXml(stops: readonly Stop[]): string {
  return stops
    .map(([offset, color, opacity]) => `<stop offset="${offset}" stop-color="${color}"${opacity === undefined ? "" : ` stop-opacity="${opacity}"`}/>`)
    .join("");
}

class Svg {
  private readonly defs: string[] = [];
  private readonly parts: string[] = [];
  private readonly blurs = new Map<number, string>();
  private count = 0;

  constructor(
    readonly w: number,
    readonly h: number,
  ) {}

  id(prefix: string): string {
    return `${prefix}${++this.count}`;
  }

  def(xml: string): void {
    this.defs.push(xml);
  }

  /** A gradient in the shape's own box: 0,0 → 0,1 is top to bottom. */
  linear(stops: readonly Stop[], x1 = 0, y1 = 0, x2 = 0, y2 = 1): string {
    const id = this.id("lg");
    this.defs.push(`<linearGradient id="${id}" x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}">${stopsXml(stops)}</linearGradient>`);
    return `url(#${id})`;
  }

  /** A gradient in picture coordinates, shared by every shape that uses it. */
  linearAt(stops: readonly Stop[], x1: number, y1: number, x2: number, y2: number): string {
    const id = this.id("lg");
    this.defs.push(
      `<linearGradient id="${id}" gradientUnits="userSpaceOnUse" x1="${n(x1)}" y1="${n(y1)}" x2="${n(x2)}" y2="${n(y2)}">${stopsXml(stops)}</linearGradient>`,
    );
    return `url(#${id})`;
  }

  radial(stops: readonly Stop[], cx = 0.5, cy = 0.5, r = 0.5): string {
    const id = this.id("rg");
    this.defs.push(`<radialGradient id="${id}" cx="${cx}" cy="${cy}" r="${r}">${stopsXml(stops)}</radialGradient>`);
    return `url(#${id})`;
  }

  blur(deviation: number): string {
    const known = this.blurs.get(deviation);
    if (known) return known;
    const id = this.id("blur");
    this.defs.push(`<filter id="${id}" x="-50%" y="-50%" width="200%" height="200%"><feGaussianBlur stdDeviation="${deviation}"/></filter>`);
    const url = `url(#${id})`;
    this.blurs.set(deviation, url);
    return url;
  }

  add(...xml: string[]): void {
    this.parts.push(...xml);
  }

  /** The finished document, with a faint film grain so flat gradients do not band. */
  render(grain = 0.035, seed = 3): string {
    const grainXml =
      grain > 0
        ? `<filter id="grain" x="0" y="0" width="100%" height="100%"><feTurbulence type="fractalNoise" baseFrequency="0.8" numOctaves="2" seed="${seed}" stitchTiles="stitch"/>` +
          `<feColorMatrix type="matrix" values="1 0 0 0 0  1 0 0 0 0  1 0 0 0 0  0 0 0 0 1"/></filter>`
        : "";
    const grainRect = grain > 0 ? `<rect width="${this.w}" height="${this.h}" filter="url(#grain)" opacity="${grain}"/>` : "";
    return (
      `<svg xmlns="http://www.w3.org/2000/svg" width="${this.w}" height="${this.h}" viewBox="0 0 ${this.w} ${this.h}">` +
      `<defs>${this.defs.join("")}${grainXml}</defs>${this.parts.join("")}${grainRect}</svg>`
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Scenery

function sky(s: Svg, stops: readonly Stop[], bottom = s.h): void {
  s.add(`<rect width="${s.w}" height="${n(bottom)}" fill="${s.linearAt(stops, 0, 0, 0, bottom)}"/>`);
}

function glow(s: Svg, cx: number, cy: number, r: number, color: string, opacity = 1): void {
  const fill = s.radial([
    [0, color, opacity],
    [0.35, color, opacity * 0.45],
    [1, color, 0],
  ]);
  s.add(`<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(r)}" fill="${fill}"/>`);
}

function stars(s: Svg, r: Random, count: number, maxY: number): void {
  for (let i = 0; i < count; i++) {
    const size = r.chance(0.1) ? r.range(1.4, 2.2) : r.range(0.6, 1.3);
    s.add(`<circle cx="${n(r.range(0, s.w))}" cy="${n(r.range(0, maxY) * r.range(0.3, 1))}" r="${n(size)}" fill="#fff" opacity="${n(r.range(0.3, 0.9))}"/>`);
  }
}

/** A smooth random horizon line, filled down to the bottom of the picture. */
function ridge(s: Svg, r: Random, base: number, amp: number, fill: string, freq = 1, opacity = 1): void {
  const p1 = r.range(0, Math.PI * 2);
  const p2 = r.range(0, Math.PI * 2);
  const p3 = r.range(0, Math.PI * 2);
  const points: string[] = [];
  for (let x = 0; x <= s.w + 20; x += 20) {
    const t = (x / s.w) * Math.PI * 2 * freq;
    const y = base - amp * (0.55 * Math.sin(t * 0.7 + p1) + 0.3 * Math.sin(t * 1.9 + p2) + 0.15 * Math.sin(t * 4.3 + p3) + 0.04 * (r.next() * 2 - 1));
    points.push(`${n(x)},${n(y)}`);
  }
  s.add(`<path d="M0,${s.h} L${points.join(" L")} L${s.w},${s.h} Z" fill="${fill}" opacity="${opacity}"/>`);
}

function cloud(s: Svg, r: Random, cx: number, cy: number, width: number, color: string, opacity: number, softness = 18): void {
  const puffs: string[] = [];
  const count = Math.max(4, Math.round(width / 60));
  for (let i = 0; i < count; i++) {
    const x = cx - width / 2 + (width * (i + 0.5)) / count + r.range(-15, 15);
    const rx = r.range(width / count, (width / count) * 1.6);
    const ry = r.range(rx * 0.45, rx * 0.8) * (1 - Math.abs(i / count - 0.5));
    puffs.push(`<ellipse cx="${n(x)}" cy="${n(cy - ry * 0.3)}" rx="${n(rx)}" ry="${n(ry)}"/>`);
  }
  puffs.push(`<ellipse cx="${n(cx)}" cy="${n(cy)}" rx="${n(width / 2)}" ry="${n(width / 14)}"/>`);
  s.add(`<g fill="${color}" opacity="${opacity}" filter="${s.blur(softness)}">${puffs.join("")}</g>`);
}

/** Sparkles and ripples on open water: short horizontal strokes, longer toward the viewer. */
function ripples(s: Svg, r: Random, top: number, bottom: number, count: number, color: string, opacity: number): void {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const t = Math.pow(r.next(), 1.6);
    const y = top + (bottom - top) * t;
    const len = 8 + 110 * t * r.range(0.4, 1);
    const x = r.range(-40, s.w);
    lines.push(`<path d="M${n(x)},${n(y)} h${n(len)}" stroke-width="${n(1 + 2.5 * t)}"/>`);
  }
  s.add(`<g stroke="${color}" stroke-linecap="round" opacity="${opacity}">${lines.join("")}</g>`);
}

/** A column of light on water below a bright source. */
function reflectionColumn(s: Svg, r: Random, cx: number, top: number, bottom: number, width: number, color: string, opacity: number): void {
  const lines: string[] = [];
  for (let y = top; y < bottom; y += r.range(5, 11)) {
    const t = (y - top) / (bottom - top);
    const w = width * (0.4 + t * 1.2) * r.range(0.3, 1);
    lines.push(`<path d="M${n(cx - w / 2 + r.range(-8, 8) * (1 + t * 3))},${n(y)} h${n(w)}" stroke-width="${n(2 + t * 4)}" opacity="${n(r.range(0.35, 1) * (1 - t * 0.6))}"/>`);
  }
  s.add(`<g stroke="${color}" stroke-linecap="round" opacity="${opacity}">${lines.join("")}</g>`);
}

function gulls(s: Svg, r: Random, count: number, x0: number, x1: number, y0: number, y1: number, color: string): void {
  const birds: string[] = [];
  for (let i = 0; i < count; i++) {
    const x = r.range(x0, x1);
    const y = r.range(y0, y1);
    const w = r.range(9, 18);
    const lift = r.range(3, 7);
    birds.push(`<path d="M${n(x - w)},${n(y - lift)} Q${n(x - w / 2)},${n(y - lift - 4)} ${n(x)},${n(y)} Q${n(x + w / 2)},${n(y - lift - 4)} ${n(x + w)},${n(y - lift)}"/>`);
  }
  s.add(`<g fill="none" stroke="${color}" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round">${birds.join("")}</g>`);
}

function rain(s: Svg, r: Random, count: number, color: string, opacity: number): void {
  const drops: string[] = [];
  for (let i = 0; i < count; i++) {
    const x = r.range(-100, s.w + 50);
    const y = r.range(-60, s.h);
    const len = r.range(25, 70);
    drops.push(`<path d="M${n(x)},${n(y)} l${n(len * 0.28)},${n(len)}"/>`);
  }
  s.add(`<g stroke="${color}" stroke-width="1.6" stroke-linecap="round" opacity="${opacity}">${drops.join("")}</g>`);
}

/** Rows of low buildings with lit windows, standing on `base`. */
function skyline(s: Svg, r: Random, x0: number, x1: number, base: number, color: string, windowColor: string, litShare: number, scale = 1): void {
  const parts: string[] = [];
  const windows: string[] = [];
  let x = x0;
  while (x < x1) {
    const w = r.range(50, 120) * scale;
    const h = r.range(50, 170) * scale;
    const top = base - h;
    const roof = r.next();
    if (roof < 0.45) {
      parts.push(`<path d="M${n(x)},${n(base)} V${n(top)} L${n(x + w / 2)},${n(top - w * 0.35)} L${n(x + w)},${n(top)} V${n(base)} Z"/>`);
    } else if (roof < 0.55 && h > 110 * scale) {
      parts.push(`<path d="M${n(x)},${n(base)} V${n(top)} H${n(x + w * 0.4)} V${n(top - 40 * scale)} L${n(x + w / 2)},${n(top - 100 * scale)} L${n(x + w * 0.6)},${n(top - 40 * scale)} V${n(top)} H${n(x + w)} V${n(base)} Z"/>`);
    } else {
      parts.push(`<rect x="${n(x)}" y="${n(top)}" width="${n(w)}" height="${n(h)}"/>`);
    }
    const size = 9 * scale;
    for (let wy = top + 14 * scale; wy < base - 20 * scale; wy += 26 * scale) {
      for (let wx = x + 10 * scale; wx < x + w - 16 * scale; wx += 22 * scale) {
        if (r.chance(litShare)) windows.push(`<rect x="${n(wx)}" y="${n(wy)}" width="${n(size)}" height="${n(size * 1.3)}" opacity="${n(r.range(0.55, 1))}"/>`);
      }
    }
    x += w + r.range(-6, 10) * scale;
  }
  s.add(`<g fill="${color}">${parts.join("")}</g><g fill="${windowColor}">${windows.join("")}</g>`);
}

function trees(s: Svg, r: Random, x0: number, x1: number, base: number, color: string, size: number): void {
  const crowns: string[] = [];
  for (let x = x0; x < x1; x += r.range(size * 0.6, size * 1.1)) {
    const h = r.range(size * 1.1, size * 1.8);
    const rad = r.range(size * 0.45, size * 0.7);
    crowns.push(`<rect x="${n(x - size * 0.06)}" y="${n(base - h * 0.5)}" width="${n(size * 0.12)}" height="${n(h * 0.5)}"/>`);
    crowns.push(`<circle cx="${n(x)}" cy="${n(base - h * 0.62)}" r="${n(rad)}"/>`);
    crowns.push(`<circle cx="${n(x - rad * 0.5)}" cy="${n(base - h * 0.48)}" r="${n(rad * 0.8)}"/>`);
    crowns.push(`<circle cx="${n(x + rad * 0.55)}" cy="${n(base - h * 0.5)}" r="${n(rad * 0.75)}"/>`);
  }
  s.add(`<g fill="${color}">${crowns.join("")}</g>`);
}

function streetLamp(s: Svg, x: number, base: number, height: number, poleColor: string, lightColor: string, glowSize = 3.2): void {
  const headY = base - height;
  glow(s, x, headY + height * 0.03, height * 0.12 * glowSize, lightColor, 0.55);
  s.add(
    `<g fill="${poleColor}"><rect x="${n(x - height * 0.012)}" y="${n(headY)}" width="${n(height * 0.024)}" height="${n(height)}"/>` +
      `<rect x="${n(x - height * 0.03)}" y="${n(base - height * 0.05)}" width="${n(height * 0.06)}" height="${n(height * 0.05)}"/>` +
      `<path d="M${n(x - height * 0.05)},${n(headY)} h${n(height * 0.1)} l${n(-height * 0.02)},${n(-height * 0.06)} h${n(-height * 0.06)} Z"/></g>` +
      `<ellipse cx="${n(x)}" cy="${n(headY + height * 0.012)}" rx="${n(height * 0.035)}" ry="${n(height * 0.018)}" fill="${lightColor}"/>`,
  );
}

/** People seen from behind: heads and shoulders along `base`. */
function crowd(s: Svg, r: Random, base: number, rows: number, color: string, scale = 1): void {
  for (let row = 0; row < rows; row++) {
    const y = base + row * 40 * scale;
    const size = (26 + row * 7) * scale;
    const people: string[] = [];
    for (let x = r.range(-30, 0); x < s.w + 40; x += r.range(size * 1.3, size * 2.1)) {
      const head = y - r.range(0, size * 0.5);
      people.push(`<circle cx="${n(x)}" cy="${n(head)}" r="${n(size * 0.42)}"/>`);
      people.push(
        `<path d="M${n(x - size)},${n(s.h)} V${n(head + size * 1.2)} Q${n(x - size)},${n(head + size * 0.55)} ${n(x)},${n(head + size * 0.55)} Q${n(x + size)},${n(head + size * 0.55)} ${n(x + size)},${n(head + size * 1.2)} V${n(s.h)} Z"/>`,
      );
      if (row === rows - 1 && r.chance(0.08)) {
        // A child on someone's shoulders.
        people.push(`<circle cx="${n(x)}" cy="${n(head - size * 1.25)}" r="${n(size * 0.3)}"/>`);
        people.push(`<path d="M${n(x - size * 0.55)},${n(head)} Q${n(x)},${n(head - size * 1.1)} ${n(x + size * 0.55)},${n(head)} Z"/>`);
      }
    }
    const shade = row === rows - 1 ? color : mix(color, "#000000", 0.25 * (rows - 1 - row));
    s.add(`<g fill="${shade}">${people.join("")}</g>`);
  }
}

function mix(a: string, b: string, t: number): string {
  const pa = parseHex(a);
  const pb = parseHex(b);
  const c = pa.map((v, i) => Math.round(v + ((pb[i] ?? 0) - v) * t));
  return `#${c.map((v) => v.toString(16).padStart(2, "0")).join("")}`;
}

function parseHex(hex: string): number[] {
  const h = hex.replace("#", "");
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16));
}

// Boats -----------------------------------------------------------------------------------------

function sailboat(x: number, y: number, k: number, hull: string, sail: string): string {
  return (
    `<g transform="translate(${n(x)},${n(y)}) scale(${k})">` +
    `<path d="M-60,0 L60,0 L45,16 L-48,16 Z" fill="${hull}"/>` +
    `<rect x="-2" y="-140" width="3" height="140" fill="#3a3a3a"/>` +
    `<path d="M2,-134 L2,-8 L56,-8 Z" fill="${sail}"/>` +
    `<path d="M-3,-120 L-3,-8 L-46,-8 Z" fill="${sail}" opacity="0.85"/></g>`
  );
}

function fishingBoat(x: number, y: number, k: number, hull: string, cabin: string, trim: string): string {
  return (
    `<g transform="translate(${n(x)},${n(y)}) scale(${k})">` +
    `<path d="M-130,-30 L125,-38 Q118,-6 100,12 L-112,12 Q-126,-6 -130,-30 Z" fill="${hull}"/>` +
    `<path d="M-130,-30 L125,-38 L124,-32 L-129,-24 Z" fill="${trim}"/>` +
    `<rect x="10" y="-92" width="78" height="56" fill="${cabin}"/>` +
    `<rect x="4" y="-98" width="90" height="8" fill="${trim}"/>` +
    `<rect x="20" y="-82" width="18" height="16" fill="#2b3a4a"/><rect x="46" y="-82" width="18" height="16" fill="#2b3a4a"/><rect x="70" y="-82" width="12" height="16" fill="#2b3a4a"/>` +
    `<rect x="-42" y="-170" width="5" height="134" fill="#3b3b3b"/>` +
    `<path d="M-40,-165 L-120,-36 M-40,-165 L60,-96 M-40,-120 L-100,-60" stroke="#3b3b3b" stroke-width="2" fill="none"/>` +
    `<path d="M-110,-34 q20,-28 50,-6 q14,-20 34,0" fill="none" stroke="#6b5a3e" stroke-width="4"/>` +
    `<circle cx="-95" cy="-12" r="7" fill="#e8682c"/><circle cx="-70" cy="-14" r="7" fill="#f2f2f2"/></g>`
  );
}

function ferry(x: number, y: number, k: number): string {
  const windows: string[] = [];
  for (let i = 0; i < 14; i++) windows.push(`<rect x="${-215 + i * 30}" y="-58" width="20" height="14" rx="3"/>`);
  for (let i = 0; i < 8; i++) windows.push(`<rect x="${-140 + i * 30}" y="-98" width="20" height="13" rx="3"/>`);
  return (
    `<g transform="translate(${n(x)},${n(y)}) scale(${k})">` +
    `<path d="M-280,-34 L270,-34 L300,-30 Q285,0 255,14 L-262,14 Q-276,-6 -280,-34 Z" fill="#1f3347"/>` +
    `<path d="M-280,-36 L300,-32 L296,-20 L-278,-22 Z" fill="#c63d2f"/>` +
    `<path d="M-240,-36 V-72 H210 L240,-36 Z" fill="#f3f1ea"/>` +
    `<path d="M-160,-72 V-110 H150 L176,-72 Z" fill="#eceae1"/>` +
    `<path d="M60,-110 V-136 H150 L170,-110 Z" fill="#e4e1d6"/>` +
    `<rect x="90" y="-130" width="54" height="12" fill="#233445"/>` +
    `<rect x="-60" y="-156" width="34" height="46" fill="#f0c33c"/><rect x="-60" y="-162" width="34" height="12" fill="#1b1b1b"/>` +
    `<path d="M-236,-72 H206" stroke="#b9b6ab" stroke-width="3"/>` +
    `<g fill="#2c4457">${windows.join("")}</g>` +
    `<path d="M-140,-110 V-118 H150" fill="none" stroke="#9c998f" stroke-width="2"/>` +
    `<path d="M-250,-36 V-46 H-246 V-36 Z M-220,-36 V-46" stroke="#9c998f" stroke-width="2"/>` +
    `</g>`
  );
}

function lighthouse(s: Svg, x: number, base: number, h: number, lit: boolean): void {
  const bw = h * 0.2;
  const tw = h * 0.13;
  const top = base - h;
  const clipId = s.id("tower");
  s.def(`<clipPath id="${clipId}"><path d="M${n(x - bw / 2)},${n(base)} L${n(x - tw / 2)},${n(top)} H${n(x + tw / 2)} L${n(x + bw / 2)},${n(base)} Z"/></clipPath>`);
  const bands: string[] = [];
  for (let i = 0; i < 3; i++) {
    const y = top + h * (0.18 + i * 0.28);
    bands.push(`<rect x="${n(x - bw)}" y="${n(y)}" width="${n(bw * 2)}" height="${n(h * 0.13)}" fill="#b8322a"/>`);
  }
  const shade = s.linear([
    [0, "#ffffff", 0],
    [0.55, "#ffffff", 0],
    [1, "#2a2040", 0.45],
  ], 0, 0, 1, 0);
  if (lit) {
    const beam = s.linear([
      [0, "#fff3c4", 0],
      [1, "#fff3c4", 0.45],
    ], 0, 0, 1, 0);
    s.add(`<path d="M${n(x)},${n(top - h * 0.09)} L${n(x - h * 2.6)},${n(top - h * 0.42)} L${n(x - h * 2.6)},${n(top + h * 0.12)} Z" fill="${beam}"/>`);
    glow(s, x, top - h * 0.09, h * 0.35, "#fff1b8", 0.8);
  }
  s.add(
    `<g clip-path="url(#${clipId})"><rect x="${n(x - bw)}" y="${n(top)}" width="${n(bw * 2)}" height="${n(h)}" fill="#f4efe4"/>${bands.join("")}` +
      `<rect x="${n(x - bw)}" y="${n(top)}" width="${n(bw * 2)}" height="${n(h)}" fill="${shade}" transform="translate(${n(-bw / 2)},0)"/></g>` +
      `<rect x="${n(x - tw * 0.75)}" y="${n(top - h * 0.02)}" width="${n(tw * 1.5)}" height="${n(h * 0.025)}" fill="#2b2b33"/>` +
      `<rect x="${n(x - tw * 0.42)}" y="${n(top - h * 0.13)}" width="${n(tw * 0.84)}" height="${n(h * 0.11)}" fill="${lit ? "#ffe9a0" : "#9fb7c4"}"/>` +
      `<path d="M${n(x - tw * 0.42)},${n(top - h * 0.13)} m0,0 v${n(h * 0.11)} M${n(x)},${n(top - h * 0.13)} v${n(h * 0.11)} M${n(x + tw * 0.42)},${n(top - h * 0.13)} v${n(h * 0.11)}" stroke="#2b2b33" stroke-width="${n(h * 0.008)}"/>` +
      `<path d="M${n(x - tw * 0.55)},${n(top - h * 0.13)} Q${n(x)},${n(top - h * 0.22)} ${n(x + tw * 0.55)},${n(top - h * 0.13)} Z" fill="#7a2620"/>` +
      `<rect x="${n(x - h * 0.004)}" y="${n(top - h * 0.25)}" width="${n(h * 0.008)}" height="${n(h * 0.05)}" fill="#2b2b33"/>`,
  );
}

// ---------------------------------------------------------------------------------------------
// The scenes, one per photo

/** Port Alder city hall at dusk, council chamber windows lit. */
function cityHallDusk(): Svg {
  const s = new Svg(LEAD.w, LEAD.h);
  const r = new Random(11);
  sky(s, [
    [0, "#17203f"],
    [0.45, "#3a3d6c"],
    [0.78, "#b66a7c"],
    [1, "#f0a761"],
  ], 800);
  stars(s, r, 70, 300);
  cloud(s, r, 300, 330, 420, "#e89a86", 0.35, 14);
  cloud(s, r, 1250, 270, 380, "#c77f8e", 0.3, 14);
  skyline(s, r, -20, 1620, 790, "#2c2b4b", "#f6c977", 0.18, 0.9);
  trees(s, r, 380, 520, 800, "#1e2136", 90);
  trees(s, r, 1090, 1240, 800, "#1e2136", 90);

  const facade = s.linearAt([
    [0, "#e3cfaf"],
    [1, "#9c8468"],
  ], 0, 420, 0, 800);
  // Clock tower and cupola behind the portico.
  s.add(
    `<rect x="735" y="250" width="130" height="220" fill="${facade}"/>` +
      `<rect x="725" y="240" width="150" height="16" fill="#8b735a"/>` +
      `<rect x="760" y="170" width="80" height="72" fill="${facade}"/>` +
      `<path d="M772,238 v-44 a9,9 0 0 1 18,0 v44 Z M810,238 v-44 a9,9 0 0 1 18,0 v44 Z" fill="#3b2f3f"/>` +
      `<path d="M752,172 Q800,90 848,172 Z" fill="#4f6d6a"/>` +
      `<rect x="798" y="40" width="4" height="92" fill="#2a2a33"/>` +
      `<path d="M802,44 q24,-6 46,4 q-22,8 -46,16 Z" fill="#2f5a8c"/>`,
  );
  glow(s, 800, 330, 80, "#fff0c0", 0.5);
  s.add(
    `<circle cx="800" cy="330" r="42" fill="#f7efd6" stroke="#5a4a3a" stroke-width="5"/>` +
      `<path d="M800,330 L800,300 M800,330 L822,340" stroke="#2d2a2a" stroke-width="5" stroke-linecap="round"/>`,
  );
  // Main block and wings.
  s.add(`<rect x="450" y="500" width="700" height="300" fill="${facade}"/>`, `<rect x="440" y="488" width="720" height="18" fill="#8b735a"/>`);
  const windows: string[] = [];
  for (const wingX of [470, 975]) {
    for (let row = 0; row < 2; row++) {
      for (let col = 0; col < 4; col++) {
        const x = wingX + col * 40;
        const y = 540 + row * 120;
        const lit = row === 0 || (col + row) % 3 !== 0;
        windows.push(`<path d="M${x},${y + 80} v-62 a14,14 0 0 1 28,0 v62 Z" fill="${lit ? "#ffd98a" : "#4a3c44"}"/>`);
      }
    }
  }
  s.add(...windows);
  for (const wx of [470, 975]) {
    for (let col = 0; col < 4; col++) glow(s, wx + col * 40 + 14, 580, 40, "#ffcf70", 0.25);
  }
  // Portico: dark interior, columns, pediment.
  s.add(
    `<rect x="630" y="505" width="340" height="270" fill="#4b3c3a"/>` +
      `<path d="M770,775 v-120 a30,30 0 0 1 60,0 v120 Z" fill="#ffcf7a"/>` +
      `<path d="M610,505 L800,420 L990,505 Z" fill="#d8c3a2" stroke="#8b735a" stroke-width="8" stroke-linejoin="round"/>` +
      `<circle cx="800" cy="474" r="16" fill="#8b735a"/>`,
  );
  const columns: string[] = [];
  for (let i = 0; i < 6; i++) {
    const x = 640 + i * 58;
    columns.push(`<rect x="${x}" y="518" width="26" height="252" fill="#f1e6d0"/><rect x="${x + 17}" y="518" width="9" height="252" fill="#bfae93"/>`);
    columns.push(`<rect x="${x - 5}" y="508" width="36" height="12" fill="#e6d8bd"/><rect x="${x - 5}" y="764" width="36" height="12" fill="#e6d8bd"/>`);
  }
  s.add(...columns);
  // Steps and plaza.
  for (let i = 0; i < 5; i++) {
    s.add(`<rect x="${600 - i * 24}" y="${776 + i * 9}" width="${400 + i * 48}" height="10" fill="${mix("#b9a78e", "#6c5f57", i / 5)}"/>`);
  }
  s.add(`<rect x="0" y="820" width="1600" height="180" fill="${s.linear([
    [0, "#4a4150"],
    [1, "#1c1a24"],
  ])}"/>`);
  s.add(`<rect x="0" y="800" width="1600" height="20" fill="#3b3544"/>`);
  streetLamp(s, 250, 930, 260, "#15141c", "#ffe3a3");
  streetLamp(s, 1350, 930, 260, "#15141c", "#ffe3a3");
  streetLamp(s, 560, 830, 150, "#221f2b", "#ffe3a3");
  streetLamp(s, 1040, 830, 150, "#221f2b", "#ffe3a3");
  // A few people heading up the steps for the evening meeting.
  const people: string[] = [];
  for (const [px, py, k] of [
    [700, 812, 0.9],
    [735, 804, 0.85],
    [880, 816, 0.95],
    [980, 870, 1.3],
    [420, 890, 1.45],
    [1180, 900, 1.5],
  ] as const) {
    people.push(
      `<g transform="translate(${px},${py}) scale(${k})"><circle cx="0" cy="-52" r="8"/><path d="M-11,-42 h22 l3,30 h-5 l-2,22 h-5 l-2,-18 l-2,18 h-5 l-2,-22 h-5 Z"/></g>`,
    );
  }
  s.add(`<g fill="#141219">${people.join("")}</g>`);
  return s;
}

/** Storm waves over the seawall, the promenade under water, rain. */
function harbourFlooding(): Svg {
  const s = new Svg(LEAD.w, LEAD.h);
  const r = new Random(23);
  sky(s, [
    [0, "#363f49"],
    [0.6, "#66717b"],
    [1, "#8e979c"],
  ], 520);
  for (let i = 0; i < 9; i++) cloud(s, r, r.range(0, 1600), r.range(40, 360), r.range(300, 700), r.pick(["#2b323b", "#3e4751", "#56606a"]), r.range(0.5, 0.85), 26);
  ridge(s, r, 488, 14, "#58646a", 1.4);
  s.add(`<rect x="0" y="495" width="1600" height="215" fill="${s.linear([
    [0, "#55655f"],
    [1, "#2f3e3b"],
  ])}"/>`);
  // Rows of breaking waves, bigger toward the wall.
  for (let row = 0; row < 9; row++) {
    const y = 510 + row * 22;
    const size = 10 + row * 5;
    const crest: string[] = [];
    for (let x = r.range(-100, 0); x < 1700; x += r.range(size * 4, size * 7)) {
      const w = r.range(size * 2.5, size * 5);
      crest.push(`<path d="M${n(x)},${n(y)} q${n(w * 0.35)},${n(-size)} ${n(w * 0.7)},${n(-size * 0.6)} q${n(-w * 0.1)},${n(size * 0.3)} ${n(w * 0.3)},${n(size * 0.6)} Z"/>`);
    }
    s.add(`<g fill="#dfe6e2" opacity="${n(0.35 + row * 0.05)}">${crest.join("")}</g>`);
  }
  // Spray bursting over the seawall.
  for (const sx of [180, 520, 880, 1130]) {
    for (let i = 0; i < 6; i++) {
      s.add(`<ellipse cx="${n(sx + r.range(-80, 80))}" cy="${n(r.range(560, 690))}" rx="${n(r.range(40, 110))}" ry="${n(r.range(30, 80))}" fill="#eef2ef" opacity="${n(r.range(0.25, 0.55))}" filter="${s.blur(20)}"/>`);
    }
  }
  s.add(`<rect x="0" y="690" width="1600" height="38" fill="#74716a"/><rect x="0" y="686" width="1600" height="8" fill="#9d998f"/>`);
  // Boathouse on the right.
  s.add(
    `<path d="M1210,728 V560 L1400,470 L1600,560 V728 Z" fill="#7b4a3a"/>` +
      `<path d="M1190,566 L1400,458 L1620,566" fill="none" stroke="#3d2c2a" stroke-width="18"/>` +
      `<rect x="1290" y="600" width="60" height="80" fill="#f2cc7f"/><rect x="1450" y="600" width="60" height="80" fill="#3c3434"/>` +
      `<rect x="1370" y="640" width="60" height="88" fill="#2e2828"/>`,
  );
  // The flooded promenade.
  const flood = s.linearAt([
    [0, "#4c5b59"],
    [1, "#222b2b"],
  ], 0, 728, 0, 1000);
  s.add(`<rect x="0" y="728" width="1600" height="272" fill="${flood}"/>`);
  ripples(s, r, 735, 1000, 160, "#a9b6b1", 0.35);
  // Lamp reflections.
  for (const [lx, base, k] of [
    [150, 960, 1.2],
    [640, 860, 0.85],
    [1000, 810, 0.7],
  ] as const) {
    s.add(`<rect x="${n(lx - 12 * k)}" y="${base}" width="${n(24 * k)}" height="${n(110 * k)}" fill="#ffd98a" opacity="0.3" filter="${s.blur(8)}"/>`);
  }
  streetLamp(s, 150, 960, 360, "#1f2424", "#ffe2a0", 2.4);
  streetLamp(s, 640, 860, 260, "#2a3030", "#ffe2a0", 2.4);
  streetLamp(s, 1000, 810, 200, "#2f3535", "#ffe2a0", 2.4);
  // A bench half under water, bollards.
  s.add(
    `<g fill="#2b2622"><rect x="300" y="850" width="180" height="12"/><rect x="300" y="826" width="180" height="10"/><rect x="312" y="836" width="8" height="30"/><rect x="460" y="836" width="8" height="30"/></g>` +
      `<rect x="290" y="866" width="200" height="20" fill="#2b3534" opacity="0.8"/>` +
      `<g fill="#393d3b"><rect x="800" y="800" width="22" height="36" rx="8"/><rect x="880" y="792" width="18" height="30" rx="7"/><rect x="1150" y="770" width="16" height="26" rx="6"/></g>`,
  );
  rain(s, r, 650, "#e6eeee", 0.22);
  return s;
}

/** The North Haven ferry mid-crossing on a cold clear morning. */
function ferryCrossing(): Svg {
  const s = new Svg(LEAD.w, LEAD.h);
  const r = new Random(37);
  sky(s, [
    [0, "#9dbdd6"],
    [0.7, "#d9dbd6"],
    [1, "#f0d8bf"],
  ], 560);
  cloud(s, r, 340, 170, 520, "#ffffff", 0.55, 22);
  cloud(s, r, 1200, 120, 600, "#ffffff", 0.45, 22);
  ridge(s, r, 520, 40, "#8fa3b2", 1.2);
  ridge(s, r, 548, 22, "#6c8597", 2);
  // North Haven: houses along the far shore.
  const houses: string[] = [];
  for (let x = 980; x < 1480; x += r.range(18, 34)) {
    const h = r.range(10, 18);
    houses.push(`<rect x="${n(x)}" y="${n(552 - h)}" width="${n(h * 1.3)}" height="${n(h)}" fill="${r.pick(["#f1ede4", "#d8cfc0", "#b9543f", "#e8e1d2"])}"/>`);
  }
  houses.push(`<path d="M1200,552 V520 l6,-22 l6,22 V552 Z" fill="#f1ede4"/>`);
  s.add(...houses);
  s.add(`<rect x="0" y="552" width="1600" height="448" fill="${s.linear([
    [0, "#87a3b6"],
    [0.4, "#5b7d93"],
    [1, "#2f4c61"],
  ])}"/>`);
  ripples(s, r, 560, 1000, 260, "#d6e3ea", 0.45);
  // Wake behind the ferry.
  s.add(
    `<path d="M540,700 Q300,690 40,740 L40,770 Q320,716 540,712 Z" fill="#e8f0f2" opacity="0.55" filter="${s.blur(4)}"/>` +
      `<path d="M566,712 Q380,744 140,800" fill="none" stroke="#e8f0f2" stroke-width="12" opacity="0.3" filter="${s.blur(6)}"/>` +
      `<path d="M1130,700 q30,6 48,-2" fill="none" stroke="#f4f8f8" stroke-width="8" opacity="0.8"/>`,
  );
  s.add(`<g opacity="0.25" filter="${s.blur(5)}" transform="translate(0,1412) scale(1,-1)">${ferry(860, 705, 1.05)}</g>`);
  s.add(ferry(860, 705, 1.05));
  gulls(s, r, 7, 1150, 1500, 180, 380, "#39434b");
  // Pilings of the Port Alder dock in the foreground.
  const posts: string[] = [];
  for (const [px, top, w] of [
    [60, 760, 34],
    [150, 790, 38],
    [250, 820, 42],
    [1450, 800, 40],
    [1540, 770, 36],
  ] as const) {
    posts.push(`<rect x="${px}" y="${top}" width="${w}" height="${1000 - top}" fill="#3e3228"/><rect x="${px}" y="${top}" width="${w}" height="8" fill="#5a4a3c"/>`);
    posts.push(`<rect x="${px}" y="${top + 60}" width="${w}" height="6" fill="#2b231d"/>`);
  }
  posts.push(`<path d="M94,780 Q140,820 188,808 Q240,840 292,836" fill="none" stroke="#cbb98f" stroke-width="5"/>`);
  s.add(...posts);
  return s;
}

/** The old Alder Bay cannery on the waterfront, with its sign repainted. */
function canneryExterior(): Svg {
  const s = new Svg(LEAD.w, LEAD.h);
  const r = new Random(41);
  sky(s, [
    [0, "#4f8fc4"],
    [1, "#cfe2ee"],
  ], 770);
  cloud(s, r, 420, 150, 520, "#ffffff", 0.8, 16);
  cloud(s, r, 1300, 220, 420, "#ffffff", 0.7, 16);
  ridge(s, r, 560, 50, "#8aa59c", 1);
  const brickId = s.id("brick");
  s.def(
    `<pattern id="${brickId}" width="48" height="24" patternUnits="userSpaceOnUse"><rect width="48" height="24" fill="#a1503a"/>` +
      `<path d="M0,0 H48 M0,12 H48 M24,0 V12 M0,12 V24 M48,12 V24" stroke="#8a4130" stroke-width="2"/></pattern>`,
  );
  // Chimney and steam.
  s.add(`<rect x="1270" y="230" width="64" height="540" fill="url(#${brickId})"/><rect x="1262" y="222" width="80" height="18" fill="#6e3022"/>`);
  for (let i = 0; i < 5; i++) s.add(`<ellipse cx="${n(1302 - i * 38)}" cy="${n(200 - i * 26)}" rx="${n(30 + i * 14)}" ry="${n(20 + i * 8)}" fill="#f4f6f7" opacity="${n(0.6 - i * 0.1)}" filter="${s.blur(10)}"/>`);
  // Main hall with a sawtooth roof.
  let roof = "M170,430";
  const glazing: string[] = [];
  for (let i = 0; i < 10; i++) {
    const x = 170 + i * 108;
    roof += ` L${x},370 L${x + 108},430`;
    glazing.push(`<path d="M${x},372 L${x},430 L${x + 14},430 L${x + 14},380 Z" fill="#bcd6e4"/>`);
  }
  s.add(`<path d="${roof} V430 Z" fill="#5c5a5e"/>`, ...glazing);
  s.add(`<rect x="170" y="430" width="1100" height="340" fill="url(#${brickId})"/>`);
  s.add(`<rect x="170" y="430" width="1100" height="340" fill="${s.linear([
    [0, "#000000", 0],
    [1, "#000000", 0.25],
  ])}"/>`);
  // Sign band.
  s.add(
    `<rect x="330" y="452" width="780" height="70" fill="#efe5c8"/><rect x="330" y="452" width="780" height="70" fill="none" stroke="#2f4a3a" stroke-width="5"/>` +
      `<text x="720" y="503" text-anchor="middle" font-family="DejaVu Serif, Georgia, serif" font-weight="bold" font-size="42" letter-spacing="6" fill="#2f4a3a">ALDER BAY CANNING CO.</text>`,
  );
  // Arched multi-pane windows.
  const windows: string[] = [];
  for (let i = 0; i < 11; i++) {
    const x = 200 + i * 96;
    windows.push(`<path d="M${x},660 V572 a28,28 0 0 1 56,0 V660 Z" fill="#2f3c46"/>`);
    windows.push(`<path d="M${x + 28},${544} V660 M${x},590 H${x + 56} M${x},625 H${x + 56}" stroke="#d9d2c3" stroke-width="3"/>`);
    windows.push(`<path d="M${x - 4},662 h64 v8 h-64 Z" fill="#d9d2c3"/>`);
  }
  s.add(...windows);
  // Loading doors: one rolled up, work lights inside.
  s.add(
    `<rect x="300" y="690" width="110" height="80" fill="#2f4a3a"/><rect x="660" y="690" width="110" height="80" fill="#f5d58e"/><rect x="1020" y="690" width="110" height="80" fill="#2f4a3a"/>` +
      `<rect x="660" y="690" width="110" height="14" fill="#2f4a3a"/><path d="M690,770 v-40 h14 v40 Z M730,770 v-46 h12 v46 Z" fill="#4b4038"/>`,
  );
  // Corrugated annex.
  const ribs: string[] = [];
  for (let x = 1340; x < 1600; x += 12) ribs.push(`<path d="M${x},560 V770"/>`);
  s.add(`<rect x="1334" y="556" width="270" height="214" fill="#8d9a9d"/><path d="M1334,556 L1604,540 V560 H1334 Z" fill="#6c7779"/><g stroke="#7a8689" stroke-width="3">${ribs.join("")}</g>`);
  // Pier and water.
  s.add(`<rect x="0" y="770" width="1600" height="24" fill="#6f5a44"/><rect x="0" y="792" width="1600" height="6" fill="#4a3b2d"/>`);
  s.add(`<rect x="0" y="798" width="1600" height="202" fill="${s.linear([
    [0, "#3f7089"],
    [1, "#1f4255"],
  ])}"/>`);
  s.add(`<rect x="170" y="798" width="1100" height="120" fill="#a1503a" opacity="0.22" filter="${s.blur(6)}"/>`);
  const piles: string[] = [];
  for (let x = 40; x < 1600; x += 120) piles.push(`<rect x="${x}" y="794" width="16" height="${n(40 + (x % 7) * 3)}" fill="#3a2e24"/>`);
  s.add(...piles);
  ripples(s, r, 805, 1000, 160, "#cfe3ea", 0.4);
  s.add(fishingBoat(1330, 900, 0.9, "#26506b", "#f1eee6", "#d8d2c4"));
  gulls(s, r, 6, 200, 700, 200, 330, "#32404a");
  return s;
}

function lantern(x: number, y: number, k: number, color: string, glowUrl: string, bodyUrl: string): string {
  return (
    `<circle cx="${n(x)}" cy="${n(y)}" r="${n(48 * k)}" fill="${glowUrl}"/>` +
    `<path d="M${n(x)},${n(y - 30 * k)} v${n(6 * k)}" stroke="#2a1b1b" stroke-width="${n(2 * k)}"/>` +
    `<ellipse cx="${n(x)}" cy="${n(y)}" rx="${n(17 * k)}" ry="${n(21 * k)}" fill="${bodyUrl}"/>` +
    `<ellipse cx="${n(x)}" cy="${n(y)}" rx="${n(17 * k)}" ry="${n(21 * k)}" fill="${color}" opacity="0.35"/>` +
    `<rect x="${n(x - 9 * k)}" y="${n(y - 24 * k)}" width="${n(18 * k)}" height="${n(5 * k)}" fill="#3a2417"/>` +
    `<rect x="${n(x - 9 * k)}" y="${n(y + 19 * k)}" width="${n(18 * k)}" height="${n(5 * k)}" fill="#3a2417"/>` +
    `<path d="M${n(x)},${n(y + 24 * k)} v${n(10 * k)}" stroke="${color}" stroke-width="${n(2 * k)}"/>`
  );
}

/** The Lantern Walk: strings of paper lanterns over the crowd on the lakefront. */
function lanternFestival(): Svg {
  const s = new Svg(LEAD.w, LEAD.h);
  const r = new Random(53);
  sky(s, [
    [0, "#0c0f2c"],
    [0.6, "#2a1d4a"],
    [1, "#6a3358"],
  ], 640);
  stars(s, r, 90, 320);
  ridge(s, r, 630, 16, "#1b1533", 1.6);
  s.add(`<rect x="0" y="636" width="1600" height="364" fill="${s.linear([
    [0, "#2a2045"],
    [1, "#120d22"],
  ])}"/>`);
  const colors = ["#e0483a", "#f08a2c", "#f5c04a", "#e85d8a", "#f5a03c"];
  const glows = new Map(colors.map((c) => [c, s.radial([
    [0, c, 0.6],
    [0.4, c, 0.22],
    [1, c, 0],
  ])]));
  const bodies = new Map(colors.map((c) => [c, s.radial([
    [0, "#fff6d8"],
    [0.55, mix(c, "#fff6d8", 0.45)],
    [1, c],
  ], 0.45, 0.4, 0.65)]));
  // Reflections of the lanterns on the lake.
  for (let i = 0; i < 24; i++) {
    s.add(`<rect x="${n(r.range(0, 1600))}" y="645" width="${n(r.range(6, 14))}" height="${n(r.range(40, 110))}" fill="${r.pick(colors)}" opacity="0.35" filter="${s.blur(6)}"/>`);
  }
  // Food stalls along the promenade.
  for (const [x, w, c] of [
    [60, 200, "#c9463a"],
    [330, 180, "#2f7a6d"],
    [1180, 190, "#d48a2a"],
    [1420, 170, "#7a3f8a"],
  ] as const) {
    s.add(
      `<rect x="${x}" y="700" width="${w}" height="90" fill="#f6d48e" opacity="0.9"/>` +
        `<path d="M${x - 10},704 L${x + w / 2},660 L${x + w + 10},704 Z" fill="${c}"/>` +
        `<rect x="${x - 10}" y="700" width="${w + 20}" height="10" fill="${mix(c, "#000000", 0.3)}"/>`,
    );
    glow(s, x + w / 2, 740, w * 0.9, "#ffc870", 0.35);
  }
  // Poles and three sagging strings of lanterns.
  s.add(`<g fill="#150f22"><rect x="30" y="140" width="14" height="700"/><rect x="1556" y="120" width="14" height="720"/><rect x="790" y="300" width="12" height="520"/></g>`);
  for (const [y0, y1, sag, count, k] of [
    [150, 130, 150, 18, 0.85],
    [240, 220, 190, 15, 1.05],
    [330, 300, 230, 12, 1.3],
  ] as const) {
    const p0 = { x: 37, y: y0 };
    const p2 = { x: 1563, y: y1 };
    const c = { x: 800, y: (y0 + y1) / 2 + sag * 2 };
    s.add(`<path d="M${p0.x},${p0.y} Q${c.x},${n(c.y)} ${p2.x},${p2.y}" fill="none" stroke="#2b2033" stroke-width="2.5"/>`);
    for (let i = 1; i < count; i++) {
      const t = i / count;
      const x = (1 - t) ** 2 * p0.x + 2 * (1 - t) * t * c.x + t ** 2 * p2.x;
      const y = (1 - t) ** 2 * p0.y + 2 * (1 - t) * t * c.y + t ** 2 * p2.y;
      const color = r.pick(colors);
      s.add(lantern(x, y + 32 * k, k, color, glows.get(color) ?? "", bodies.get(color) ?? ""));
    }
  }
  // Warm light over the crowd, then the crowd.
  s.add(`<rect x="0" y="700" width="1600" height="300" fill="${s.linear([
    [0, "#ff9a4a", 0],
    [1, "#ff9a4a", 0.25],
  ])}"/>`);
  crowd(s, r, 840, 3, "#0d0914", 1);
  // Hand-held lanterns held up above the heads.
  for (const [x, y] of [
    [260, 800],
    [610, 770],
    [980, 810],
    [1330, 780],
  ] as const) {
    s.add(`<path d="M${x},${y + 10} L${x + 6},${y + 160}" stroke="#0d0914" stroke-width="7"/>`);
    const color = r.pick(colors);
    s.add(lantern(x, y, 0.9, color, glows.get(color) ?? "", bodies.get(color) ?? ""));
  }
  return s;
}

/** Paper lanterns floating out on the lake at the end of the Lantern Walk. */
function lanternsOnWater(): Svg {
  const s = new Svg(LEAD.w, LEAD.h);
  const r = new Random(67);
  sky(s, [
    [0, "#1f2a55"],
    [0.55, "#55507a"],
    [0.85, "#c9746a"],
    [1, "#eea067"],
  ], 430);
  stars(s, r, 40, 200);
  ridge(s, r, 418, 22, "#1b2040", 1.3);
  // Far-off light of Gull Point.
  glow(s, 1320, 380, 40, "#fff2c0", 0.8);
  s.add(`<rect x="1316" y="382" width="8" height="22" fill="#1b2040"/>`);
  s.add(`<rect x="0" y="425" width="1600" height="575" fill="${s.linear([
    [0, "#7a5a78"],
    [0.25, "#35385f"],
    [1, "#0f1428"],
  ])}"/>`);
  reflectionColumn(s, r, 1320, 430, 640, 30, "#fff2c0", 0.4);
  ripples(s, r, 430, 1000, 200, "#a9a8cf", 0.25);
  const items: { x: number; y: number }[] = [];
  for (let i = 0; i < 34; i++) items.push({ x: r.range(40, 1560), y: 440 + 560 * Math.pow(r.next(), 0.8) });
  items.sort((a, b) => a.y - b.y);
  const bodyFill = s.linear([
    [0, "#fff4c8"],
    [1, "#f29a3c"],
  ]);
  for (const { x, y } of items) {
    const k = 0.15 + ((y - 440) / 560) * 1.25;
    const color = r.pick(["#ffb347", "#ff9a3c", "#ffd166", "#ff7f50"]);
    s.add(`<rect x="${n(x - 18 * k)}" y="${n(y)}" width="${n(36 * k)}" height="${n(90 * k)}" fill="${color}" opacity="0.35" filter="${s.blur(Math.max(2, Math.round(6 * k)))}"/>`);
    glow(s, x, y - 20 * k, 80 * k, color, 0.55);
    s.add(
      `<path d="M${n(x - 20 * k)},${n(y)} L${n(x - 15 * k)},${n(y - 38 * k)} H${n(x + 15 * k)} L${n(x + 20 * k)},${n(y)} Z" fill="${bodyFill}"/>` +
        `<rect x="${n(x - 22 * k)}" y="${n(y - 2 * k)}" width="${n(44 * k)}" height="${n(6 * k)}" fill="#5a3a22"/>`,
    );
  }
  return s;
}

/** Friday night under the lights at Harbor Field. */
function stadiumFloodlights(): Svg {
  const s = new Svg(LEAD.w, LEAD.h);
  const r = new Random(79);
  sky(s, [
    [0, "#060a1a"],
    [0.7, "#16203f"],
    [1, "#2f3c63"],
  ], 560);
  stars(s, r, 40, 250);
  // Far stand with the crowd.
  s.add(`<path d="M60,560 L120,380 H1480 L1540,560 Z" fill="#1d2233"/>`);
  const fans: string[] = [];
  for (let row = 0; row < 8; row++) {
    const y = 400 + row * 19;
    fans.push(`<rect x="${110 - row * 7}" y="${y + 10}" width="${1380 + row * 14}" height="3" fill="#2c3347"/>`);
    for (let x = 130 - row * 7; x < 1470 + row * 7; x += r.range(9, 15)) {
      if (r.chance(0.82)) fans.push(`<circle cx="${n(x)}" cy="${n(y + r.range(0, 4))}" r="3.2" fill="${r.pick(["#1f4e8c", "#1f4e8c", "#f2c230", "#e8e4da", "#8c2a2a", "#3a3f55"])}"/>`);
    }
  }
  s.add(...fans);
  s.add(`<rect x="660" y="330" width="280" height="50" fill="#262c40"/><rect x="680" y="342" width="240" height="20" fill="#f5d98a" opacity="0.85"/>`);
  // Field in perspective, mowed stripes, yard lines.
  const field = (t: number) => ({ y: 560 + 440 * t ** 1.35, half: 720 + 1500 * t ** 1.35 });
  for (let i = 0; i < 12; i++) {
    const a = field(i / 12);
    const b = field((i + 1) / 12);
    s.add(`<path d="M${n(800 - a.half)},${n(a.y)} H${n(800 + a.half)} L${n(800 + b.half)},${n(b.y)} H${n(800 - b.half)} Z" fill="${i % 2 ? "#2f7d3a" : "#37904a"}"/>`);
    s.add(`<path d="M${n(800 - a.half * 0.86)},${n(a.y)} H${n(800 + a.half * 0.86)}" stroke="#f2f2ea" stroke-width="${n(2 + i * 0.6)}" opacity="0.85"/>`);
  }
  s.add(`<path d="M${n(800 - 720 * 0.86)},560 L${n(800 - 2220 * 0.86)},1000 M${n(800 + 720 * 0.86)},560 L${n(800 + 2220 * 0.86)},1000" stroke="#f2f2ea" stroke-width="5"/>`);
  // Goal posts at the far end.
  s.add(`<path d="M800,560 V520 M740,520 H860 M740,520 V430 M860,520 V430" fill="none" stroke="#f2d23c" stroke-width="6"/>`);
  // Players.
  const players: string[] = [];
  for (let i = 0; i < 16; i++) {
    const t = r.range(0.1, 0.5);
    const f = field(t);
    const x = 800 + r.range(-0.7, 0.7) * f.half;
    const k = 0.5 + t * 1.3;
    const jersey = i % 2 ? "#1f4e8c" : "#f0ede4";
    players.push(
      `<g transform="translate(${n(x)},${n(f.y)}) scale(${n(k)})"><rect x="-8" y="-30" width="16" height="18" rx="4" fill="${jersey}"/><circle cx="0" cy="-36" r="7" fill="${i % 2 ? "#d8dde6" : "#f2c230"}"/>` +
        `<rect x="-7" y="-12" width="6" height="12" fill="#d9d5c8"/><rect x="1" y="-12" width="6" height="12" fill="#d9d5c8"/></g>`,
    );
  }
  s.add(...players);
  // Four light towers with their banks of lamps and cones of light.
  for (const [x, top, k] of [
    [180, 90, 1.1],
    [1420, 90, 1.1],
    [470, 200, 0.7],
    [1130, 200, 0.7],
  ] as const) {
    const cone = s.linear([
      [0, "#f8f6e6", 0.28],
      [1, "#f8f6e6", 0],
    ]);
    s.add(`<path d="M${x - 60 * k},${top + 40 * k} L${n(800 - 500 + (x - 800) * 0.2)},900 L${n(800 + 500 + (x - 800) * 0.2)},900 L${x + 60 * k},${top + 40 * k} Z" fill="${cone}" opacity="0.55"/>`);
    s.add(`<rect x="${n(x - 5 * k)}" y="${top}" width="${n(10 * k)}" height="${n(560 - top + 40)}" fill="#0b0e18"/>`);
    glow(s, x, top + 20 * k, 230 * k, "#fffbe6", 0.7);
    const lamps: string[] = [];
    for (let row = 0; row < 3; row++) for (let col = 0; col < 5; col++) lamps.push(`<rect x="${n(x - 62 * k + col * 25 * k)}" y="${n(top + row * 18 * k)}" width="${n(20 * k)}" height="${n(13 * k)}" rx="2"/>`);
    s.add(`<rect x="${n(x - 68 * k)}" y="${n(top - 6 * k)}" width="${n(136 * k)}" height="${n(62 * k)}" fill="#0b0e18"/><g fill="#fffdf2">${lamps.join("")}</g>`);
  }
  return s;
}

/** Gull Point lighthouse at sunset. */
function lighthousePoint(): Svg {
  const s = new Svg(LEAD.w, LEAD.h);
  const r = new Random(89);
  sky(s, [
    [0, "#2b2b5c"],
    [0.4, "#7c4d7f"],
    [0.75, "#e8865e"],
    [1, "#ffd28a"],
  ], 580);
  glow(s, 520, 560, 420, "#ffcf7a", 0.55);
  s.add(`<circle cx="520" cy="560" r="56" fill="#fff0c2"/>`);
  for (let i = 0; i < 6; i++) s.add(`<ellipse cx="${n(r.range(100, 1500))}" cy="${n(r.range(180, 460))}" rx="${n(r.range(160, 340))}" ry="${n(r.range(8, 16))}" fill="${r.pick(["#f3a07a", "#d9778a", "#b85f7e"])}" opacity="0.6" filter="${s.blur(6)}"/>`);
  s.add(`<rect x="0" y="575" width="1600" height="425" fill="${s.linear([
    [0, "#d88f6e"],
    [0.35, "#8a5a76"],
    [1, "#2b2646"],
  ])}"/>`);
  reflectionColumn(s, r, 520, 580, 1000, 150, "#ffe2a0", 0.7);
  ripples(s, r, 585, 1000, 180, "#f6c7a0", 0.3);
  // The rocky point.
  const rock = "#241d30";
  s.add(`<path d="M820,1000 Q900,760 1040,700 Q1120,660 1200,652 L1600,630 V1000 Z" fill="${rock}"/>`);
  const stones: string[] = [];
  for (let i = 0; i < 14; i++) {
    const x = r.range(860, 1600);
    const y = r.range(700, 980);
    stones.push(`<ellipse cx="${n(x)}" cy="${n(y)}" rx="${n(r.range(30, 90))}" ry="${n(r.range(18, 40))}" fill="${r.pick(["#2f2740", "#3a3050", "#1b1626"])}"/>`);
  }
  s.add(...stones);
  s.add(`<path d="M1180,656 L1600,634 V650 L1180,668 Z" fill="#3c4a3a"/>`);
  // Keeper's house.
  s.add(
    `<rect x="1370" y="570" width="170" height="80" fill="#e9dfcf"/><rect x="1370" y="570" width="170" height="80" fill="#5a3a5a" opacity="0.35"/>` +
      `<path d="M1356,574 L1455,520 L1554,574 Z" fill="#8a2f2a"/><rect x="1400" y="596" width="30" height="30" fill="#ffd98a"/><rect x="1470" y="596" width="30" height="30" fill="#ffd98a"/>`,
  );
  lighthouse(s, 1260, 662, 340, true);
  gulls(s, r, 5, 700, 1100, 250, 380, "#2a2240");
  return s;
}

/** Whitefish boats heading out at first light. */
function fishingBoatsDawn(): Svg {
  const s = new Svg(LEAD.w, LEAD.h);
  const r = new Random(97);
  sky(s, [
    [0, "#aeb4cf"],
    [0.6, "#eccdc2"],
    [1, "#fbe6cc"],
  ], 540);
  glow(s, 1150, 500, 380, "#fff1d6", 0.9);
  s.add(`<circle cx="1150" cy="500" r="44" fill="#fff8ea"/>`);
  ridge(s, r, 528, 26, "#b6b2c8", 1.1, 0.9);
  s.add(`<rect x="0" y="530" width="1600" height="470" fill="${s.linear([
    [0, "#e2d2d0"],
    [0.4, "#b1b1c2"],
    [1, "#5f6d84"],
  ])}"/>`);
  reflectionColumn(s, r, 1150, 535, 1000, 110, "#fff6e2", 0.8);
  ripples(s, r, 540, 1000, 200, "#f4ece6", 0.4);
  for (let i = 0; i < 4; i++) s.add(`<rect x="-100" y="${n(500 + i * 40)}" width="1800" height="${n(30 + i * 6)}" fill="#fbf3ee" opacity="${n(0.45 - i * 0.07)}" filter="${s.blur(16)}"/>`);
  const boats: [number, number, number, string, string, string, number][] = [
    [360, 585, 0.35, "#6b7690", "#d8d6dc", "#b5b3bd", 0.7],
    [1000, 655, 0.6, "#4f5f78", "#e9e6e2", "#c9c4bc", 0.85],
    [560, 820, 1.35, "#a8382c", "#f2efe8", "#2d3c4e", 1],
  ];
  for (const [x, y, k, hull, cabin, trim, opacity] of boats) {
    s.add(`<g opacity="${n(0.28 * opacity)}" filter="${s.blur(Math.round(3 + k * 4))}" transform="translate(0,${n(2 * y + 20 * k)}) scale(1,-1)">${fishingBoat(x, y, k, hull, cabin, trim)}</g>`);
    s.add(`<g opacity="${opacity}">${fishingBoat(x, y, k, hull, cabin, trim)}</g>`);
  }
  s.add(sailboat(180, 640, 0.35, "#5d6378", "#f1ece6"));
  s.add(`<g opacity="0.55">${sailboat(1380, 600, 0.25, "#7b8196", "#f5f0ea")}</g>`);
  // Net buoys.
  for (const [x, y] of [
    [820, 900],
    [900, 930],
    [980, 890],
  ] as const) {
    s.add(`<circle cx="${x}" cy="${y}" r="9" fill="#e96a2c"/><ellipse cx="${x}" cy="${y + 10}" rx="16" ry="3" fill="#4f5d72" opacity="0.5"/>`);
  }
  gulls(s, r, 8, 600, 1400, 260, 420, "#4a4f60");
  return s;
}

// Headshots -------------------------------------------------------------------------------------

interface Portrait {
  seed: number;
  background: [string, string];
  skin: string;
  hair: string;
  style: "short" | "long" | "bun" | "curly" | "cropped";
  shirt: string;
  jacket?: string;
  beard?: boolean;
  glasses?: boolean;
}

function headshot(p: Portrait): Svg {
  const s = new Svg(HEADSHOT.w, HEADSHOT.h);
  const r = new Random(p.seed);
  s.add(`<rect width="400" height="400" fill="${s.linear([
    [0, p.background[0]],
    [1, p.background[1]],
  ], 0, 0, 1, 1)}"/>`);
  // Soft abstract shapes behind the sitter.
  for (let i = 0; i < 4; i++) {
    s.add(`<circle cx="${n(r.range(0, 400))}" cy="${n(r.range(0, 260))}" r="${n(r.range(50, 120))}" fill="#ffffff" opacity="${n(r.range(0.06, 0.14))}"/>`);
  }
  glow(s, 200, 170, 200, "#ffffff", 0.25);
  const shade = mix(p.skin, "#000000", 0.18);
  // Hair behind the head.
  if (p.style === "long") s.add(`<path d="M118,190 Q110,90 200,84 Q290,90 282,190 L296,330 Q200,350 104,330 Z" fill="${p.hair}"/>`);
  if (p.style === "curly") {
    const curls: string[] = [];
    for (let a = 0; a < Math.PI * 2; a += Math.PI / 9) curls.push(`<circle cx="${n(200 + Math.cos(a) * 78)}" cy="${n(170 + Math.sin(a) * 86)}" r="30"/>`);
    s.add(`<g fill="${p.hair}">${curls.join("")}</g>`);
  }
  if (p.style === "bun") s.add(`<circle cx="200" cy="86" r="36" fill="${p.hair}"/>`);
  // Shoulders, neck, head.
  s.add(`<path d="M36,400 C44,318 110,292 200,292 C290,292 356,318 364,400 Z" fill="${p.shirt}"/>`);
  if (p.jacket) {
    s.add(`<path d="M36,400 C44,318 110,292 168,290 L200,400 Z" fill="${p.jacket}"/><path d="M364,400 C356,318 290,292 232,290 L200,400 Z" fill="${p.jacket}"/>`);
  }
  s.add(`<path d="M170,232 h60 v56 q-30,26 -60,0 Z" fill="${shade}"/>`);
  s.add(`<ellipse cx="134" cy="184" rx="11" ry="18" fill="${shade}"/><ellipse cx="266" cy="184" rx="11" ry="18" fill="${shade}"/>`);
  const face = s.linear([
    [0, mix(p.skin, "#ffffff", 0.06)],
    [0.55, p.skin],
    [1, mix(p.skin, "#000000", 0.1)],
  ], 0, 0, 1, 0);
  s.add(`<ellipse cx="200" cy="178" rx="66" ry="80" fill="${face}"/>`);
  if (p.beard) s.add(`<path d="M136,188 Q140,262 200,262 Q260,262 264,188 Q250,236 200,238 Q150,236 136,188 Z" fill="${p.hair}"/>`);
  // Hair on top.
  switch (p.style) {
    case "short":
      s.add(`<path d="M132,170 Q126,94 204,92 Q276,96 270,170 Q258,128 226,122 Q184,138 142,132 Z" fill="${p.hair}"/>`);
      break;
    case "cropped":
      s.add(`<path d="M136,150 Q140,96 200,96 Q260,96 264,150 Q236,118 200,118 Q164,118 136,150 Z" fill="${p.hair}"/>`);
      break;
    case "long":
      s.add(`<path d="M132,180 Q128,94 200,92 Q272,94 268,180 Q254,124 200,120 Q160,124 150,160 Z" fill="${p.hair}"/>`);
      break;
    case "bun":
      s.add(`<path d="M134,168 Q132,98 200,98 Q268,98 266,168 Q250,126 200,124 Q150,126 134,168 Z" fill="${p.hair}"/>`);
      break;
    case "curly":
      s.add(`<path d="M130,160 Q140,96 200,94 Q262,96 270,160 Q240,120 200,126 Q160,120 130,160 Z" fill="${p.hair}"/>`);
      break;
  }
  if (p.glasses) {
    s.add(`<g fill="none" stroke="#23232b" stroke-width="5"><circle cx="176" cy="178" r="18"/><circle cx="224" cy="178" r="18"/><path d="M194,178 h12 M158,176 l-22,-4 M242,176 l22,-4"/></g>`);
  }
  return s;
}

// ---------------------------------------------------------------------------------------------

interface Output {
  file: string;
  scene: () => Svg;
}

const OUTPUTS: Output[] = [
  { file: path.join(ARTICLES_DIR, "city-hall-dusk.jpg"), scene: cityHallDusk },
  { file: path.join(ARTICLES_DIR, "harbour-flooding.jpg"), scene: harbourFlooding },
  { file: path.join(ARTICLES_DIR, "ferry-crossing.jpg"), scene: ferryCrossing },
  { file: path.join(ARTICLES_DIR, "cannery-exterior.jpg"), scene: canneryExterior },
  { file: path.join(ARTICLES_DIR, "lantern-festival.jpg"), scene: lanternFestival },
  { file: path.join(ARTICLES_DIR, "lanterns-on-water.jpg"), scene: lanternsOnWater },
  { file: path.join(ARTICLES_DIR, "stadium-floodlights.jpg"), scene: stadiumFloodlights },
  { file: path.join(ARTICLES_DIR, "lighthouse-point.jpg"), scene: lighthousePoint },
  { file: path.join(ARTICLES_DIR, "fishing-boats-dawn.jpg"), scene: fishingBoatsDawn },
  {
    file: path.join(AUTHORS_DIR, "mara-quinn.jpg"),
    scene: () => headshot({ seed: 101, background: ["#2f5d7c", "#8fb3c9"], skin: "#e8bf9f", hair: "#5a3220", style: "long", shirt: "#f1ede4", jacket: "#33394a" }),
  },
  {
    file: path.join(AUTHORS_DIR, "theo-okafor.jpg"),
    scene: () => headshot({ seed: 202, background: ["#3d6b4f", "#b5c98f"], skin: "#7a4b2e", hair: "#1d1512", style: "cropped", shirt: "#d9e3ea", beard: true, glasses: true }),
  },
  {
    file: path.join(AUTHORS_DIR, "june-alvarado.jpg"),
    scene: () => headshot({ seed: 303, background: ["#7d3d5c", "#e8a47c"], skin: "#c8916a", hair: "#231a1a", style: "curly", shirt: "#f2c230" }),
  },
  {
    file: path.join(AUTHORS_DIR, "sam-whitlock.jpg"),
    scene: () => headshot({ seed: 404, background: ["#23304f", "#6e86b8"], skin: "#f0cdb2", hair: "#b88a4a", style: "short", shirt: "#1f4e8c", jacket: "#c8ccd4" }),
  },
  {
    file: path.join(AUTHORS_DIR, "ledger-staff.jpg"),
    scene: ledgerMark,
  },
];

/** The newsroom's mark for the organisation byline: a lighthouse over waves, no text. */
function ledgerMark(): Svg {
  const s = new Svg(HEADSHOT.w, HEADSHOT.h);
  s.add(`<rect width="400" height="400" fill="#1d3a52"/>`);
  s.add(`<circle cx="200" cy="200" r="150" fill="#f3ead8"/>`);
  const clipId = s.id("disc");
  s.def(`<clipPath id="${clipId}"><circle cx="200" cy="200" r="150"/></clipPath>`);
  s.add(`<g clip-path="url(#${clipId})">`);
  lighthouse(s, 200, 292, 170, false);
  s.add(
    `<path d="M40,292 Q80,276 120,292 T200,292 T280,292 T360,292 V360 H40 Z" fill="#1d3a52"/>` +
      `<path d="M40,318 Q80,302 120,318 T200,318 T280,318 T360,318" fill="none" stroke="#f3ead8" stroke-width="7"/>` +
      `</g>`,
  );
  return s;
}

async function encode(svg: string): Promise<{ data: Buffer; quality: number }> {
  const raster = await sharp(Buffer.from(svg)).flatten({ background: "#ffffff" }).png().toBuffer();
  let last: { data: Buffer; quality: number } | undefined;
  for (const quality of QUALITIES) {
    const data = await sharp(raster).jpeg({ quality, mozjpeg: true, progressive: true }).toBuffer();
    last = { data, quality };
    if (data.length <= MAX_BYTES) return last;
  }
  if (!last) throw new Error("no JPEG quality configured");
  throw new Error(`still ${last.data.length} bytes at quality ${last.quality}`);
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  for (const output of OUTPUTS) {
    const name = path.basename(output.file);
    if (only.length > 0 && !only.some((wanted) => name.startsWith(wanted))) continue;
    const svg = output.scene().render(name.startsWith("ledger-staff") ? 0 : 0.035);
    const { data, quality } = await encode(svg);
    await fs.mkdir(path.dirname(output.file), { recursive: true });
    await fs.writeFile(output.file, data);
    const { width, height } = await sharp(data).metadata();
    console.log(`${path.relative(ROOT, output.file)}  ${width}×${height}  q${quality}  ${(data.length / 1024).toFixed(1)} KB`);
  }
}

await main();
