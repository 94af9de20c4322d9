// The site icon when the settings' logo is not square enough to read at 32 pixels: the initial of
// the publication's name on a dark square, drawn as SVG for the image pipeline to rasterise.
import { escapeXml } from "../site/xml.ts";

/** Leading words a masthead's initial skips: "The Lakeshore Ledger" is "L". */
const ARTICLES = /^(?:the|a|an|le|la|les|el|los|las|die|der|das|il)\s+/i;

/** The first letter or digit of the name's first significant word, as a whole grapheme, upper-cased. */
export function initialOf(name: string): string {
  const words = name.trim().replace(ARTICLES, "");
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(words)) {
    if (/[\p{L}\p{N}]/u.test(segment)) return segment.toLocaleUpperCase();
  }
  return "•";
}

/** A square SVG monogram; text is escaped, so any site name is safe to draw. */
export function monogramSvg(name: string): string {
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">',
    '<rect width="64" height="64" rx="12" fill="#14213d"/>',
    `<text x="32" y="46" text-anchor="middle" font-family="Georgia, 'DejaVu Serif', serif" font-size="42" font-weight="700" fill="#ffffff">${escapeXml(initialOf(name))}</text>`,
    "</svg>",
  ].join("");
}
