// The one way feeds and sitemaps write XML: a tiny element tree whose text and attribute values are
// always escaped on output, so no caller ever concatenates an unescaped string into a document.

/** Characters XML 1.0 forbids anywhere in a document, even escaped: C0 controls but tab, LF and CR; U+FFFE and U+FFFF. */
const FORBIDDEN = String.raw`\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF`;
/** Those, and lone surrogates (a high one not followed by a low one, a low one not after a high one). */
const INVALID_XML_CHARS = new RegExp(String.raw`[${FORBIDDEN}]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]`, "g");
/**
 * Any character that may be one of those (surrogates in pairs too): a plain class, which V8 scans
 * many times faster than the lookarounds. A feed's text is long (whole bodies) and nearly always clean.
 */
const MAYBE_INVALID_XML_CHARS = new RegExp(String.raw`[${FORBIDDEN}\uD800-\uDFFF]`);

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Escapes text for XML (and HTML) text or a quoted attribute value; drops characters XML cannot hold. */
export function escapeXml(text: string): string {
  const valid = MAYBE_INVALID_XML_CHARS.test(text) ? text.replace(INVALID_XML_CHARS, "") : text;
  return valid.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

export type XmlAttributes = Record<string, string | number | undefined>;

export interface XmlElement {
  name: string;
  attributes: XmlAttributes;
  /** Child elements, or one text value (feeds and sitemaps never mix the two). */
  children: (XmlElement | RenderedElement)[] | string;
}

/**
 * An element already written at a depth, to place again as a child at that depth: a story is an
 * entry of several feeds, and its entry (its whole body, escaped) is written once. Only `of` makes
 * one, from an element, so its text was escaped like any other.
 */
export class RenderedElement {
  readonly #xml: string;
  readonly #depth: number;

  private constructor(xml: string, depth: number) {
    this.#xml = xml;
    this.#depth = depth;
  }

  /** `element` written as a child `depth` levels below the root (the root's children are at 1). */
  static of(element: XmlElement, depth: number): RenderedElement {
    return new RenderedElement(renderElement(element, "  ".repeat(depth)), depth);
  }

  /** The written element, placed `depth` levels below the root. */
  at(depth: number): string {
    if (depth !== this.#depth) throw new Error(`[xml] an element written at depth ${this.#depth} placed at depth ${depth} (a Dateline defect)`);
    return this.#xml;
  }
}

/** An element with child elements; `undefined` and `false` children are left out. */
export function element(name: string, attributes: XmlAttributes = {}, ...children: (XmlElement | RenderedElement | undefined | false)[]): XmlElement {
  return { name, attributes, children: children.filter((child): child is XmlElement | RenderedElement => Boolean(child)) };
}

/** An element holding text (escaped when written). */
export function textElement(name: string, text: string, attributes: XmlAttributes = {}): XmlElement {
  return { name, attributes, children: text };
}

/** A whole document: declaration, then the root, indented two spaces a level, ending in a newline. */
export function renderXml(root: XmlElement): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${renderElement(root, "")}\n`;
}

function renderElement({ name, attributes, children }: XmlElement, indent: string): string {
  const attrs = Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXml(String(value))}"`)
    .join("");
  if (typeof children === "string") return `${indent}<${name}${attrs}>${escapeXml(children)}</${name}>`;
  if (children.length === 0) return `${indent}<${name}${attrs}/>`;
  const inner = children.map((child) => (child instanceof RenderedElement ? child.at(indent.length / 2 + 1) : renderElement(child, `${indent}  `))).join("\n");
  return `${indent}<${name}${attrs}>\n${inner}\n${indent}</${name}>`;
}
