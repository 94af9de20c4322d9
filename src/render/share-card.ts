// The share card of a story without a photo: a 1200×630 image with its headline, kicker, the
// publication's name and logo, for link previews (Open Graph, X) and structured data. satori lays the
// card out and turns its text into paths with fonts from npm (Noto, OFL), so the card looks the same
// on every machine and nothing is fetched; the image service rasterises it and keeps it in its cache.
// A card whose text is in a script these fonts lack (Arabic, Hebrew, CJK…) is drawn without text
// (docs/languages.md says why: satori drops and misplaces Arabic's dots and hamzas).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
// satori is loaded when a card is first drawn: a third of a second that a build or preview whose
// cards are all cached never pays.
import type { Font } from "satori";
import { SHARE_CARD_SIZE, type CardLogo } from "../images/index.ts";
import { digestText } from "../build/digest.ts";

/** What a card shows: the key of its cached image. */
export interface ShareCardText {
  headline: string;
  /** Above the headline: the section, after the story's label when it has one ("Opinion · News"). */
  kicker: string;
  /** The publication's name, at the foot. */
  name: string;
  /** The site's writing direction: a right-to-left card starts at the right, its logo too. */
  direction: "ltr" | "rtl";
}

const require = createRequire(import.meta.url);

/** Subsets of each family, each loaded under its own name: satori falls back between names, not subsets. */
const SUBSETS = ["latin", "latin-ext", "greek", "cyrillic", "vietnamese"] as const;
/** Text these subsets can draw: Latin, Greek and Cyrillic letters, and what every script shares (digits, punctuation, marks). */
const COVERED = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Common}\p{Script=Inherited}]*$/u;

/** Whether the card's fonts can draw all of its text. */
export function cardFontsCover(text: Pick<ShareCardText, "headline" | "kicker" | "name">): boolean {
  return [text.headline, text.kicker, text.name].every((part) => COVERED.test(part));
}

function family(pkg: "noto-serif" | "noto-sans", weight: 400 | 700): Font[] {
  return SUBSETS.map((subset) => ({
    name: `${pkg} ${subset}`,
    data: readFileSync(require.resolve(`@fontsource/${pkg}/files/${pkg}-${subset}-${weight}-normal.woff`)),
    weight,
    style: "normal" as const,
  }));
}

let fonts: Font[] | undefined;
/** The card's margins and the height of its foot (the logo and the name). */
const PADDING = { x: 72, y: 56 };
const FOOT = 110;
const stack = (pkg: string) => SUBSETS.map((subset) => `${pkg} ${subset}`).join(", ");

/**
 * Names this drawing: the cached card of a headline is drawn again when this file or the fonts'
 * package changes (its version is in the lock file, which the build's code digest covers too).
 */
export const SHARE_CARD_VERSION = digestText([readFileSync(import.meta.filename, "utf8"), ...(["noto-serif", "noto-sans"] as const).map(fontVersion)].join("\n"));

function fontVersion(pkg: string): string {
  return (JSON.parse(readFileSync(require.resolve(`@fontsource/${pkg}/package.json`), "utf8")) as { version: string }).version;
}

/** A smaller headline for a longer one, so it fits in four lines. */
function headlineSize(headline: string): number {
  if (headline.length <= 50) return 72;
  if (headline.length <= 90) return 60;
  if (headline.length <= 140) return 50;
  return 42;
}

type Node = { type: string; props: { style?: Record<string, unknown>; children?: (Node | string)[] | Node | string; src?: string; width?: number; height?: number } };
const box = (style: Record<string, unknown>, ...children: (Node | string | false | undefined)[]): Node => ({ type: "div", props: { style, children: children.filter((child): child is Node | string => Boolean(child)) } });

/**
 * The card's SVG: text as paths, the logo embedded. When the fonts cannot draw its text, only the
 * frame (the accent bar, the rule) and the logo: a branded image rather than boxes or broken letters.
 */
export async function drawShareCard(text: ShareCardText, logo: CardLogo | undefined): Promise<string> {
  fonts ??= [...family("noto-serif", 700), ...family("noto-sans", 400), ...family("noto-sans", 700)];
  const { width, height } = SHARE_CARD_SIZE;
  const inner = width - 2 * PADDING.x;
  const rtl = text.direction === "rtl";
  const words = cardFontsCover(text);
  // The direction is set inside the padded frame: satori mirrors a right-to-left box's own padding onto the wrong side.
  const card = box(
    { width, height, display: "flex", backgroundColor: "#14213d", color: "#ffffff", padding: `${PADDING.y}px ${PADDING.x}px`, fontFamily: stack("noto-sans") },
    box(
      { display: "flex", flexDirection: "column", width: inner, height: height - 2 * PADDING.y, direction: text.direction },
      box(
        { display: "flex", flexDirection: "column", width: inner, height: 110 },
        box({ display: "flex", height: 10, width: 120, backgroundColor: "#fca311", marginBottom: 30 }),
        words && box({ display: "flex", fontSize: 30, fontWeight: 700, letterSpacing: 2, textTransform: "uppercase", color: "#fca311" }, text.kicker),
      ),
      box(
        { display: "flex", alignItems: "center", width: inner, height: height - 2 * PADDING.y - 110 - FOOT },
        box({ display: "block", width: inner, fontFamily: stack("noto-serif"), fontWeight: 700, fontSize: headlineSize(text.headline), lineHeight: 1.15, lineClamp: 4 }, words && text.headline),
      ),
      box(
        { display: "flex", alignItems: "center", width: inner, height: FOOT, borderTop: "2px solid #3d4a6b", paddingTop: 24 },
        logo && { type: "img", props: { src: logo.src, width: logo.width, height: logo.height, style: rtl ? { marginLeft: 24 } : { marginRight: 24 } } },
        words && box({ display: "flex", fontSize: 34, fontWeight: 400 }, text.name),
      ),
    ),
  );
  const { default: satori } = await import("satori");
  return satori(card as Parameters<typeof satori>[0], { width, height, fonts });
}
