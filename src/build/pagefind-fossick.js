// Reads one search document as Pagefind 1.6.0 reads it ("fossicking", in Pagefind's words): the page's
// fragment (the JSON of `fragment/*.pf_fragment`) and every word the index keys, with each occurrence in
// the text and in the metadata, so that Dateline can write Pagefind's index files itself.
// Pagefind parses with lol_html, which builds no tree: an element ends only at its own end tag or at an
// ancestor's, text and attributes are raw (entities are decoded later, once per value), and elements
// are matched by the stack of open tags. The steps below follow Pagefind's in order, quirks included
// (a filter's value and an anchor's text are decoded twice), because the index must be byte-identical.
// 1.6's source is not public: where it differs from 1.5's, the rules here are the binary's, observed;
// tests/build/pagefind-fossick.test.ts checks them against it.
// Plain JavaScript: it runs in the search worker threads. It reads ~10,000 pages a build, ~1,000 words
// each, so the words are read without allocating: what a spelling of a word maps to is remembered per
// language, and a page's occurrences go to typed arrays reused from page to page (see "A page's words").
import { Buffer } from "node:buffer";
import { endianness } from "node:os";
import { decodeHTMLStrict } from "entities";
import { createStemmer } from "multilingual-stemmer";

/**
 * @typedef {object} WordSink what receives a page's words: each key the index holds, once a page, and each of its forms once
 * @property {(key: string, form: string | undefined, text: Int32Array, textLength: number, meta: Int32Array, metaLength: number, spelling: number, numbering: object) => void} word
 *   key: the word as the index keys it. form: undefined for the key's own occurrences (those whose
 *   spelling needed no folding), else a spelling with its diacritics, one call each. A key met only in
 *   forms gets no call with form undefined. A key's calls come together, its own first, then its forms
 *   in Pagefind's order for a page (those in the text by UTF-8 bytes, then those only in the metadata
 *   by UTF-8 bytes): Pagefind lists a word's forms by the first page each is on, then in that order.
 *   text: textLength numbers, pairs (position, weight) in the order Pagefind's locations list them: by
 *   weight (a weight of 25 first), then position. meta: metaLength numbers, pairs (field, position) by
 *   field, then position; the field is an index into the page's `metaFields`. At least one of the two
 *   is not empty. Both arrays are fossick's, reused once the call returns: the sink copies what it keeps.
 *   spelling: the reader's number for this key and form, the same on every page read with the same
 *   `numbering` (an object standing for the reader's table of a language: a new one once the table was
 *   full and started again), so a sink can find what it keeps for a word by number, not by name.
 * @typedef {{ element: string; id: string; text: string; title?: string; location: number }} Anchor
 * @typedef {{ url: string; content: string; word_count: number; filters: Record<string, string[]>; meta: Record<string, string>; anchors: Anchor[] }} Fragment
 * @typedef {{ fragment: Fragment; language: string; metaFields: string[]; hasBody: boolean }} FossickedPage
 *   hasBody: whether the page has a data-pagefind-body element; Pagefind leaves out a page without one
 *   from an index where another page has one.
 */

/** Pagefind's default `include_characters`: kept in a word as if letters. */
const INCLUDE_CHARACTERS = new Set(["_", "‿", "⁀", "⁔", "︳", "︴", "﹍", "﹎", "﹏", "＿"]);

/** Unicode White_Space, what Rust's `\s`, `trim` and `split_whitespace` mean (JavaScript's `\s` adds U+FEFF and lacks U+0085). */
const WS = "\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
const SPLIT_WS = new RegExp(`[${WS}]+`);
const ALL_WS = new RegExp(`[${WS}]`, "g");
const HAS_WS = new RegExp(`[${WS}]`);
const TRIM = new RegExp(`^[${WS}]+|[${WS}]+$`, "g");
const NEWLINES = /(?:\n|\r\n)+/g;
const EXTRANEOUS_SPACES = new RegExp(`[${WS}]{2,}`, "g");
const PRIVATE_PAGEFIND = new RegExp(`___PAGEFIND_[^${WS}]+[${WS}]?`, "g");
/** Rust regex's Unicode `\w`, and the characters after which a block gets a full stop. */
const SENTENCE_END = /^[\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\p{Join_Control}'")$*]$/u;
/** SENTENCE_END for each ASCII character. */
const ASCII_SENTENCE_END = Array.from({ length: 128 }, (_, c) => SENTENCE_END.test(String.fromCharCode(c)));

/**
 * Whether a text ends in a SENTENCE_END character, from its last two UTF-16 code units (-1 for none).
 * @param {number} last
 * @param {number} before
 */
function endsSentence(last, before) {
  if (last === -1) return false;
  if (last < 0x80) return ASCII_SENTENCE_END[last] === true;
  const pair = last >= 0xdc00 && last <= 0xdfff && before >= 0xd800 && before <= 0xdbff;
  return SENTENCE_END.test(pair ? String.fromCharCode(before, last) : String.fromCharCode(last));
}
const ATTRIBUTE_MATCH = new RegExp(`^[${WS}]*([^:\\[\\]]+)\\[(.+)\\][${WS}]*$`);
const ALPHANUMERIC = /[\p{Alphabetic}\p{N}]/u;
const UPPERCASE = /\p{Uppercase}/u;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;
const EMOJI = /\p{Emoji}/u;
const RGI_EMOJI = new RegExp("^\\p{RGI_Emoji}$", "v");
const MARKS = /\p{M}/gu;
const ASCII = /^[\0-\x7f]*$/;

const SENTENCE_SELECTORS = new Set(["h1", "h2", "h3", "h4", "h5", "h6", "p", "td", "div", "ul", "li", "article", "section"]);
const INLINE_SELECTORS = new Set(["a", "abbr", "acronym", "b", "bdo", "big", "br", "button", "cite", "code", "dfn", "em", "i", "img", "input", "kbd", "label", "map", "object", "output", "q", "samp", "script", "select", "small", "span", "strong", "sub", "sup", "textarea", "time", "tt", "var"]);
const REMOVE_SELECTORS = new Set(["head", "style", "script", "noscript", "label", "form", "svg", "footer", "nav", "iframe", "template"]);
/** @type {Record<string, string>} */
const AUTO_WEIGHTS = { h1: "7", h2: "6", h3: "5", h4: "4", h5: "3", h6: "2" };

// lol_html's tokenizer: elements without content, elements whose text is raw, and foreign content.
const VOID = new Set(["area", "base", "basefont", "bgsound", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr"]);
const RCDATA = new Set(["textarea", "title"]);
const RAWTEXT = new Set(["style", "iframe", "xmp", "noembed", "noframes", "noscript", "script"]);
const FOREIGN_EXIT = new Set(["b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em", "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing", "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s", "small", "span", "strong", "strike", "sub", "sup", "table", "tt", "u", "ul", "var"]);
const SVG_INTEGRATION = new Set(["desc", "title", "foreignobject"]);
const MATH_INTEGRATION = new Set(["mi", "mo", "mn", "ms", "mtext"]);

/** Pagefind's stemmers by a language's first subtag; those checked against its index word for word. */
const STEMMERS = new Map(Object.entries({
  ar: "ar", hy: "hy", eu: "eu", ca: "ca", da: "da", nl: "nl", en: "en", eo: "eo", et: "et", fr: "fr", de: "de", el: "el", hi: "hi", hu: "hu", id: "id", ga: "ga", it: "it", lt: "lt", nb: "no", ne: "ne", nn: "no", no: "no", pt: "pt", ro: "ro", ru: "ru", sr: "sr", pl: "pl", es: "es", sv: "sv", tr: "tr", yi: "yi",
}));
/** Languages Pagefind stems (fi, ta) or segments (zh, ja, th) where no stemmer here gives its words. */
const UNMATCHED = new Set(["fi", "ta", "zh", "ja", "th"]);


/**
 * What a language's words map to, remembered. A slot is a key with one of its spellings (a form, or the
 * key's own); keys and slots are numbered per language, and each word of the text or of metadata maps
 * to its slots (`Indexable`). The generation and page arrays say where a key or slot is on the page
 * being read (`A page's words`).
 * @typedef {object} Language
 * @property {((word: string) => string) | undefined} stem
 * @property {Map<string, number>} wordKeys the key each word (lowercased, folded) is stemmed to
 * @property {WordTable} text the words of the text
 * @property {WordTable} meta the words of metadata (read without what follows a ".")
 * @property {Map<string, number>} keys each key's number
 * @property {string[]} keyName
 * @property {number[]} keyOwn a key's own slot, or -1
 * @property {(Map<string, number> | undefined)[]} keyForms a key's form slots, by form
 * @property {(string | undefined)[]} slotForm
 * @property {number} slotCount
 * @property {Int32Array} slots each slot's generation, place on the page, key and whether it is a form (1) or the key's own (0): together, to be read at once
 * @property {Int32Array} keyPlaces each key's generation and place on the page
 */

/** A page in a language whose words this reader cannot find as Pagefind does (`UNMATCHED`): its shard goes to Pagefind itself. */
export class UnsupportedLanguage extends Error {
  /** @param {string} language */
  constructor(language) {
    super(`Dateline cannot index language "${language}" as Pagefind does: route its pages through Pagefind`);
    this.name = "UnsupportedLanguage";
  }
}

/** @type {Map<string, Language>} */
const languages = new Map();
/** Words (and slots, and stems) remembered per language, at most: enough for a newsroom's vocabulary, bounded for a long-lived worker. */
const MAX_REMEMBERED = 500_000;

/** @param {string} language */
function languageOf(language) {
  const known = languages.get(language);
  if (known && known.slotCount < MAX_REMEMBERED && known.wordKeys.size < MAX_REMEMBERED && known.text.size < MAX_REMEMBERED && known.meta.size < MAX_REMEMBERED) return known;
  const subtag = language.split("-")[0] ?? "";
  if (UNMATCHED.has(subtag)) throw new UnsupportedLanguage(language);
  const code = STEMMERS.get(subtag);
  /** @type {Language} */
  const fresh = {
    stem: known ? known.stem : code ? createStemmer(/** @type {Parameters<typeof createStemmer>[0]} */ (code)) : undefined,
    wordKeys: new Map(),
    text: new WordTable(),
    meta: new WordTable(),
    keys: new Map(),
    keyName: [],
    keyOwn: [],
    keyForms: [],
    slotForm: [],
    slotCount: 0,
    slots: new Int32Array(4 * 1024),
    keyPlaces: new Int32Array(2 * 1024),
  };
  languages.set(language, fresh);
  return fresh;
}

/**
 * Reads a page as Pagefind 1.6.0 does: gives each word the index keys to `sink` (see WordSink), then
 * returns the page's fragment and what the index needs of it besides; or, for a page Pagefind leaves
 * out (one without words), returns undefined and gives `sink` nothing. Throws UnsupportedLanguage,
 * before giving `sink` anything, for a language whose words Pagefind finds otherwise (see UNMATCHED).
 * Not reentrant: `sink` may not call it.
 * @param {string} url
 * @param {string} html
 * @param {WordSink} sink
 * @returns {FossickedPage | undefined}
 */
export function fossick(url, html, sink) {
  const parsed = parse(html);
  const language = languageOf(parsed.language);
  startPage();
  const { content, anchors, wordCount } = readText(parsed.text, parsed, language);
  if (keysUsed === 0) return undefined;

  const filters = /** @type {Record<string, string[]>} */ ({});
  for (const name of [...parsed.filters.keys()].sort(byBytes)) filters[name] = /** @type {string[]} */ (parsed.filters.get(name)).map((value) => value.replace(PRIVATE_PAGEFIND, ""));
  const metaFields = [...parsed.meta.keys()].sort(byBytes);
  const meta = /** @type {Record<string, string>} */ ({});
  for (const name of metaFields) meta[name] = /** @type {string} */ (parsed.meta.get(name)).replace(PRIVATE_PAGEFIND, "");
  // Every metadata field is searched too: its words by field (its index in metaFields) and position.
  for (let field = 0; field < metaFields.length; field++) readMeta(meta[/** @type {string} */ (metaFields[field])] ?? "", field, language);

  sendWords(language, sink);
  return {
    fragment: { url, content, word_count: wordCount, filters, meta, anchors },
    language: parsed.language,
    metaFields,
    hasBody: parsed.hasBody,
  };
}

/** Strings in Rust's order (a BTreeMap's): by their UTF-8 bytes, which for code points is code point order. */
function byBytes(/** @type {string} */ a, /** @type {string} */ b) {
  if (ASCII.test(a) && ASCII.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = /** @type {number} */ (x[i]?.codePointAt(0)) - /** @type {number} */ (y[i]?.codePointAt(0));
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

// ---------------------------------------------------------------------------------------------------
// Text: html_escape's entity decoding and Pagefind's `normalize_content`.

const ENTITY = /&([^&;]*);/g;

/**
 * html_escape 0.3's `decode_html_entities`: "&", then a name of HTML's table or a decimal or hex number,
 * then ";", with no "&" between (another "&" starts over). A number that is no character, or a control
 * character other than tab, line feed, form feed or carriage return, is left as it is.
 * @param {string} text
 */
export function decodeEntities(text) {
  if (!text.includes("&")) return text;
  return text.replace(ENTITY, (whole, /** @type {string} */ body) => decodeEntity(body) ?? whole);
}

/** @param {string} body what is between "&" and ";" */
function decodeEntity(body) {
  if (body.charCodeAt(0) === 0x23 /* # */) {
    const hex = body[1] === "x" || body[1] === "X";
    const digits = body.slice(hex ? 2 : 1);
    if (!(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) return undefined;
    const n = parseInt(digits, hex ? 16 : 10);
    if (n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff) || (n < 0x20 && n !== 9 && n !== 10 && n !== 12 && n !== 13)) return undefined;
    return String.fromCodePoint(n);
  }
  if (!/^[A-Za-z][A-Za-z0-9]{0,31}$/.test(body)) return undefined;
  const decoded = decodeHTMLStrict(`&${body};`);
  return decoded === `&${body};` ? undefined : decoded;
}

/** Pagefind's `normalize_content`: entities decoded, ends trimmed, runs of whitespace one space. */
function normalize(/** @type {string} */ content) {
  // Mostly nothing to do: no entity, whitespace only single spaces between words.
  let plain = content.charCodeAt(0) !== 0x20 && content.charCodeAt(content.length - 1) !== 0x20;
  for (let i = 0; i < content.length && plain; i++) {
    const c = content.charCodeAt(i);
    plain = c === 0x20 ? content.charCodeAt(i + 1) !== 0x20 : c !== 0x26 /* & */ && !isWhitespace(c);
  }
  if (plain) return content;
  return decodeEntities(content).replace(TRIM, "").replace(NEWLINES, " ").replace(EXTRANEOUS_SPACES, " ");
}

/** Rust's `str::trim`. */
function trim(/** @type {string} */ text) {
  return text.replace(TRIM, "");
}

// ---------------------------------------------------------------------------------------------------
// Parsing: lol_html's tokens, Pagefind's DomParser.

const INDEXING = 0;
const IGNORED = 1;
const EXCLUDED = 2;
const BODY = 3;
const PARENT_OF_BODY = 4;

/**
 * @typedef {{ value: string; last: number; before: number; parent: Node | undefined; filter: string[] | undefined; meta: string[] | undefined; defaultMeta: string[] | undefined; weight: string | undefined; anchorIds: string[] | undefined; status: number; tag: string }} Node
 *   last, before: the value's last UTF-16 code unit and the one before it, or -1: what ends a block is
 *   known without reading the value (a rope, which reading would copy whole at every block's end).
 * @typedef {{ name: string; node: Node | undefined; html: boolean }} Open an element lol_html has open: its node, where Pagefind made one
 */

/** @param {string} html */
function parse(html) {
  /** @type {Node} */
  const root = { value: "", last: -1, before: -1, parent: undefined, filter: undefined, meta: undefined, defaultMeta: undefined, weight: undefined, anchorIds: undefined, status: INDEXING, tag: "" };
  let current = root;
  /** @type {Map<string, string[]>} */
  const filters = new Map();
  /** @type {Map<string, string>} */
  const meta = new Map();
  /** @type {Map<string, string>} */
  const defaultMeta = new Map();
  /** @type {Map<string, string>} */
  const anchorContent = new Map();
  /** @type {Map<string, string>} */
  const anchorTitles = new Map();
  /** @type {string | undefined} */
  let language;
  let anchorCounter = 0;
  /** @type {Open[]} */
  const stack = [];
  /** How many html elements are open: Pagefind's selectors are `html` and `html *`. */
  let inHtml = 0;
  /** @type {("html" | "svg" | "math")[]} */
  const namespaces = ["html"];

  /**
   * Filters, metadata and the fallbacks of a node that has ended.
   * @param {Node} node
   * @param {Attributes | undefined} attributes a void element's
   */
  const collect = (node, attributes) => {
    for (const filter of node.filter ?? []) {
      const pair = attributePair(node, filter);
      if (!pair) continue;
      const values = filters.get(pair[0]);
      if (values) values.push(normalize(pair[1]));
      else filters.set(pair[0], [normalize(pair[1])]);
    }
    for (const item of node.meta ?? []) {
      const pair = attributePair(node, item);
      if (pair) meta.set(pair[0], pair[1]);
    }
    for (const item of node.defaultMeta ?? []) {
      const pair = attributePair(node, item);
      if (pair) defaultMeta.set(pair[0], pair[1]);
    }
    if (attributes) {
      // The first image after a title is the page's, unless it names one.
      if (node.tag === "img" && !meta.has("auto_image") && (meta.has("auto_title") || meta.has("title"))) {
        const src = attributes.get("src");
        if (src !== undefined) {
          meta.set("auto_image", src);
          const alt = attributes.get("alt");
          if (alt !== undefined) meta.set("auto_image_alt", alt);
        }
      }
      return;
    }
    if (node.tag === "h1" && !meta.has("auto_title") && trim(node.value) !== "") meta.set("auto_title", normalize(node.value));
    if (node.tag === "title" && !meta.has("auto_page_title")) meta.set("auto_page_title", normalize(node.value));
  };

  /**
   * Pagefind's end tag handler for `node`, run for the end tag `endName` (an ancestor's, where lol_html closes it implicitly).
   * @param {Node} node
   * @param {string} endName
   */
  const end = (node, endName) => {
    current = /** @type {Node} */ (node.parent);
    if (node.status === EXCLUDED) return;
    collect(node, undefined);
    if (node.status === IGNORED) return;
    if (SENTENCE_SELECTORS.has(endName)) {
      node.value = ` ${node.value}`;
      if (node.last === -1) node.last = 0x20;
      else if (node.before === -1) node.before = 0x20;
      if (endsSentence(node.last, node.before)) appendText(node, ".");
      appendText(node, " ");
    }
    if (node.weight !== undefined || AUTO_WEIGHTS[endName]) {
      if (node.weight !== undefined) node.value = ` ___PAGEFIND_WEIGHT___${node.weight} ${node.value} ___END_PAGEFIND_WEIGHT___ `;
      else node.value = ` ___PAGEFIND_AUTO_WEIGHT___${AUTO_WEIGHTS[endName]} ${node.value} ___END_PAGEFIND_WEIGHT___ `;
      node.last = 0x20;
      node.before = 0x5f;
    }
    const parent = current;
    if (parent.status === PARENT_OF_BODY && node.status !== BODY && node.status !== PARENT_OF_BODY) return;
    if (node.status === INDEXING) appendNode(parent, node);
    else if (node.status === BODY || node.status === PARENT_OF_BODY) {
      if (parent.status !== PARENT_OF_BODY) {
        parent.value = "";
        parent.last = parent.before = -1;
      }
      appendNode(parent, node);
      parent.status = PARENT_OF_BODY;
    }
  };

  /**
   * @param {string} name
   * @param {Attributes} attributes
   * @param {boolean} selfClosing
   */
  const startTag = (name, attributes, selfClosing) => {
    // lol_html's namespaces: they decide which elements are pushed, and are entered even by a self-closed <svg/>.
    let ns = /** @type {"html" | "svg" | "math"} */ (namespaces[namespaces.length - 1]);
    if (name === "svg" || name === "math") namespaces.push(name);
    else if (ns !== "html") {
      if (FOREIGN_EXIT.has(name) || (name === "font" && (attributes.has("color") || attributes.has("size") || attributes.has("face")))) namespaces.pop();
      else if (!selfClosing && ((ns === "svg" && SVG_INTEGRATION.has(name)) || (ns === "math" && MATH_INTEGRATION.has(name)))) namespaces.push("html");
    }
    ns = /** @type {"html" | "svg" | "math"} */ (namespaces[namespaces.length - 1]);
    const canHaveContent = ns === "html" ? !VOID.has(name) : !selfClosing;
    const matched = inHtml > 0 || name === "html";
    if (name === "html") {
      const lang = attributes.get("lang");
      if (lang !== undefined) language = lang.toLowerCase();
    }
    /** @type {Node | undefined} */
    let node;
    if (matched) {
      node = element(name, attributes, canHaveContent);
      // Pagefind's exclusions (`html head`, …) mark whatever node is current, after the element's own handler.
      if (inHtml > 0 && REMOVE_SELECTORS.has(name)) current.status = IGNORED;
    }
    if (canHaveContent) {
      stack.push({ name, node, html: ns === "html" });
      if (name === "html") inHtml++;
    }
    return ns;
  };

  /**
   * Pagefind's handler for an element inside <html>: its node, and the anchor, attributes and space it
   * adds to its parent's text.
   * @param {string} tag
   * @param {Attributes} attributes
   * @param {boolean} canHaveContent
   */
  const element = (tag, attributes, canHaveContent) => {
    const ignore = attributes.get("data-pagefind-ignore");
    const flag = ignore === undefined ? undefined : ["", "index", "true"].includes(asciiLower(ignore)) ? IGNORED : EXCLUDED;
    const weight = attributes.get("data-pagefind-weight");
    const filter = attributes.get("data-pagefind-filter");
    const id = attributes.get("id");
    const elementId = id === undefined ? undefined : id.replace(ALL_WS, "");
    const titleAttribute = attributes.get("data-pagefind-title");
    const title = titleAttribute === undefined ? "" : normalize(titleAttribute);
    const metaAttribute = attributes.get("data-pagefind-meta");
    const defaultMetaAttribute = attributes.get("data-pagefind-default-meta");
    const indexAttrs = attributes.get("data-pagefind-index-attrs");
    const status = /** @type {number} */ (attributes.has("data-pagefind-body") ? BODY : (flag ?? INDEXING));

    /** @type {string | undefined} */
    let anchorId;
    if (status !== EXCLUDED && status !== IGNORED && elementId !== undefined) {
      const parent = current;
      if (!(parent.status === PARENT_OF_BODY && status !== BODY && status !== PARENT_OF_BODY)) {
        appendText(parent, ` ___PAGEFIND_ANCHOR___${tag}:${anchorCounter}:${elementId} `);
        anchorId = `${anchorCounter}:${elementId}`;
        anchorCounter++;
      }
    }
    if (anchorId !== undefined && title !== "") anchorTitles.set(anchorId, title);
    if (status !== EXCLUDED) {
      if (indexAttrs !== undefined) {
        for (const name of indexAttrs.split(",").map(trim)) {
          let value = attributes.get(asciiLower(trim(name))) ?? "";
          if (value !== "" && endsSentence(value.charCodeAt(value.length - 1), value.length > 1 ? value.charCodeAt(value.length - 2) : -1)) value += ".";
          appendText(current, ` ${value} `);
        }
      }
      if (tag === "br") appendText(current, " ");
    }
    const parent = current;
    /** @type {string[] | undefined} */
    let anchorIds = parent.anchorIds && INLINE_SELECTORS.has(tag) ? [...parent.anchorIds] : undefined;
    if (anchorId !== undefined) {
      if (anchorIds) anchorIds.push(anchorId);
      else anchorIds = [anchorId];
    }
    /** @type {Node} */
    const node = {
      value: "",
      last: -1,
      before: -1,
      parent,
      filter: filter === undefined ? undefined : attrList(filter, attributes),
      meta: metaAttribute === undefined ? undefined : attrList(metaAttribute, attributes),
      defaultMeta: defaultMetaAttribute === undefined ? undefined : attrList(defaultMetaAttribute, attributes),
      weight,
      anchorIds,
      status: parent.status === EXCLUDED ? EXCLUDED : status,
      tag,
    };
    current = node;
    if (!canHaveContent) {
      current = parent;
      if (node.status !== EXCLUDED) collect(node, attributes);
    }
    return node;
  };

  /** @param {string} name */
  const endTag = (name) => {
    const ns = namespaces[namespaces.length - 1];
    if (ns === "html") {
      const previous = namespaces[namespaces.length - 2];
      if ((previous === "math" && MATH_INTEGRATION.has(name)) || (previous === "svg" && SVG_INTEGRATION.has(name))) namespaces.pop();
    } else if ((ns === "svg" && name === "svg") || (ns === "math" && name === "math") || name === "p" || name === "br") namespaces.pop();
    let at = stack.length - 1;
    while (at >= 0 && /** @type {Open} */ (stack[at]).name !== name) at--;
    if (at < 0) return;
    // lol_html closes what the end tag skips over, and runs their end tag handlers innermost first.
    while (stack.length > at) {
      const open = /** @type {Open} */ (stack.pop());
      if (open.name === "html") inHtml--;
      if (open.node) end(open.node, name);
    }
  };

  /** @param {string} text */
  const textChunk = (text) => {
    if (inHtml === 0 || text === "") return;
    const node = current;
    appendText(node, text);
    if (node.status !== IGNORED && node.status !== EXCLUDED && node.anchorIds) {
      for (const id of node.anchorIds) anchorContent.set(id, (anchorContent.get(id) ?? "") + text);
    }
  };

  tokenize(html, startTag, endTag, textChunk);

  // What is left open at the end folds into its parents.
  let node = current;
  while (node.parent) {
    const parent = node.parent;
    if (parent.status !== PARENT_OF_BODY) {
      if (node.status === INDEXING) appendNode(parent, node);
      else if (node.status === BODY || node.status === PARENT_OF_BODY) {
        parent.value = node.value;
        parent.last = node.last;
        parent.before = node.before;
        parent.status = PARENT_OF_BODY;
      }
    }
    node = parent;
  }

  const image = meta.get("auto_image");
  if (image !== undefined) {
    meta.delete("auto_image");
    const alt = meta.get("auto_image_alt") ?? "";
    meta.delete("auto_image_alt");
    if (!meta.has("image")) {
      meta.set("image", image);
      meta.set("image_alt", alt);
    }
  }
  for (const fallback of ["auto_title", "auto_page_title"]) {
    const title = meta.get(fallback);
    if (title === undefined) continue;
    meta.delete(fallback);
    if (!meta.has("title")) meta.set("title", title);
  }
  for (const [name, value] of meta) defaultMeta.set(name, value);

  return {
    text: decodeEntities(node.value),
    filters,
    meta: defaultMeta,
    anchorContent,
    anchorTitles,
    hasBody: node.status === PARENT_OF_BODY,
    language: language ? language : "unknown",
  };
}

/**
 * Adds text to a node's value, and keeps its last two code units.
 * @param {Node} node
 * @param {string} text flat, not a rope (or short): its end is read
 */
function appendText(node, text) {
  const length = text.length;
  if (length === 0) return;
  node.value += text;
  node.before = length > 1 ? text.charCodeAt(length - 2) : node.last;
  node.last = text.charCodeAt(length - 1);
}

/**
 * Adds a node's value to another's (its parent's).
 * @param {Node} parent
 * @param {Node} node
 */
function appendNode(parent, node) {
  if (node.last === -1) return;
  parent.value += node.value;
  parent.before = node.before === -1 ? parent.last : node.before;
  parent.last = node.last;
}

/** @param {string} text */
function asciiLower(text) {
  let upper = false;
  for (let i = 0; i < text.length && !upper; i++) {
    const c = text.charCodeAt(i);
    upper = c >= 0x41 && c <= 0x5a;
  }
  if (!upper) return text;
  return ASCII.test(text) ? text.toLowerCase() : text.replace(/[A-Z]+/g, (found) => found.toLowerCase());
}

/**
 * Pagefind's `parse_attr_string`: "name", "name:literal" or "name[attribute]", comma-separated.
 * @param {string} input
 * @param {Attributes} attributes
 * @returns {string[]}
 */
function attrList(input, attributes) {
  const colon = input.indexOf(":");
  if (colon !== -1) {
    const list = attrList(input.slice(0, colon), attributes);
    if (list.length > 0) list[list.length - 1] += `:${input.slice(colon + 1)}`;
    return list;
  }
  return input.split(",").map((chunk) => {
    const item = trim(chunk);
    const match = ATTRIBUTE_MATCH.exec(item);
    if (match && !/[\n\r]/.test(match[2] ?? "")) return `${match[1]}:${attributes.get(asciiLower(match[2] ?? "")) ?? ""}`;
    return item;
  });
}

/**
 * @param {Node} node
 * @param {string} input
 * @returns {[string, string] | undefined}
 */
function attributePair(node, input) {
  const colon = input.indexOf(":");
  if (colon !== -1) return [input.slice(0, colon), normalize(input.slice(colon + 1))];
  if (node.value === "") return undefined;
  return [input, normalize(node.value)];
}

/** @typedef {Map<string, string>} Attributes */

/** HTML's whitespace. */
const isSpace = (/** @type {number} */ c) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
// What ends a tag's name, an attribute's name, a run of spaces, an unquoted value.
const TAG_NAME = (/** @type {number} */ c) => isSpace(c) || c === 0x2f || c === 0x3e;
const ATTR_NAME = (/** @type {number} */ c) => isSpace(c) || c === 0x2f || c === 0x3e || c === 0x3d;
const SPACES = (/** @type {number} */ c) => !isSpace(c);
const UNQUOTED = (/** @type {number} */ c) => isSpace(c) || c === 0x3e;

/**
 * lol_html's tokens, for what Pagefind reads: start tags with their attributes (names lowercased, the
 * first of a name kept, values raw), end tags, and raw text (comments and doctypes dropped).
 * @param {string} html
 * @param {(name: string, attributes: Attributes, selfClosing: boolean) => string} startTag returns the namespace after it
 * @param {(name: string) => void} endTag
 * @param {(text: string) => void} text
 */
function tokenize(html, startTag, endTag, text) {
  let at = 0;
  let textFrom = 0;
  const length = html.length;
  /**
   * Where a run of characters that `stops` does not stop leaves off.
   * @param {(c: number) => boolean} stops
   * @param {number} from
   */
  const run = (stops, from) => {
    let p = from;
    while (p < length && !stops(html.charCodeAt(p))) p++;
    return p;
  };
  while (at < length) {
    const lt = html.indexOf("<", at);
    if (lt === -1) break;
    const next = html.charCodeAt(lt + 1);
    /** @type {number} */
    let after;
    if (next === 0x21 /* ! */) {
      if (html.startsWith("<!--", lt)) {
        if (html.startsWith("<!-->", lt)) after = lt + 5;
        else if (html.startsWith("<!--->", lt)) after = lt + 6;
        else {
          const close = html.indexOf("-->", lt + 4);
          const bang = html.indexOf("--!>", lt + 4);
          const first = close === -1 ? bang : bang === -1 ? close : Math.min(close, bang);
          after = first === -1 ? length : first + (first === bang ? 4 : 3);
        }
      } else {
        const close = html.indexOf(">", lt + 2);
        after = close === -1 ? length : close + 1;
      }
      text(html.slice(textFrom, lt));
      at = textFrom = after;
      continue;
    }
    if (next === 0x3f /* ? */) {
      const close = html.indexOf(">", lt + 2);
      text(html.slice(textFrom, lt));
      at = textFrom = close === -1 ? length : close + 1;
      continue;
    }
    const isLetter = (/** @type {number} */ c) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
    if (next === 0x2f /* / */) {
      const third = html.charCodeAt(lt + 2);
      if (isLetter(third)) {
        const nameEnd = run(TAG_NAME, lt + 2);
        const close = tagEnd(html, nameEnd);
        if (close === -1) {
          // An end tag the document ends inside is dropped.
          text(html.slice(textFrom, lt));
          textFrom = length;
          break;
        }
        text(html.slice(textFrom, lt));
        endTag(asciiLower(html.slice(lt + 2, nameEnd)));
        at = textFrom = close;
        continue;
      }
      if (third === 0x3e /* > */) {
        text(html.slice(textFrom, lt));
        at = textFrom = lt + 3;
        continue;
      }
      if (Number.isNaN(third)) break;
      const close = html.indexOf(">", lt + 2);
      text(html.slice(textFrom, lt));
      at = textFrom = close === -1 ? length : close + 1;
      continue;
    }
    if (!isLetter(next)) {
      at = lt + 1;
      continue;
    }
    // A start tag and its attributes.
    const nameEnd = run(TAG_NAME, lt + 1);
    const name = asciiLower(html.slice(lt + 1, nameEnd));
    /** @type {Attributes} */
    const attributes = new Map();
    let p = nameEnd;
    let selfClosing = false;
    let closed = false;
    while (p < length) {
      p = run(SPACES, p);
      const c = html[p];
      if (c === undefined) break;
      if (c === ">") {
        p++;
        closed = true;
        break;
      }
      if (c === "/") {
        if (html[p + 1] === ">") {
          selfClosing = true;
          p += 2;
          closed = true;
          break;
        }
        p++;
        continue;
      }
      const attrEnd = run(ATTR_NAME, p + 1);
      const attrName = asciiLower(html.slice(p, attrEnd));
      p = run(SPACES, attrEnd);
      let value = "";
      if (html[p] === "=") {
        p = run(SPACES, p + 1);
        const quote = html[p];
        if (quote === '"' || quote === "'") {
          const close = html.indexOf(quote, p + 1);
          if (close === -1) {
            p = length;
            break;
          }
          value = html.slice(p + 1, close);
          p = close + 1;
        } else {
          const valueEnd = run(UNQUOTED, p);
          value = html.slice(p, valueEnd);
          p = valueEnd;
        }
      }
      if (!attributes.has(attrName)) attributes.set(attrName, value);
    }
    if (!closed) {
      // So is a start tag.
      text(html.slice(textFrom, lt));
      textFrom = length;
      break;
    }
    text(html.slice(textFrom, lt));
    const ns = startTag(name, attributes, selfClosing);
    at = textFrom = p;
    // Raw text runs to the element's own end tag.
    if (ns === "html" && (RCDATA.has(name) || RAWTEXT.has(name) || name === "plaintext")) {
      if (name === "plaintext") break;
      const pattern = new RegExp(`</${name}[\\t\\n\\f\\r />]`, "ig");
      pattern.lastIndex = p;
      const found = pattern.exec(html);
      if (!found) break;
      text(html.slice(p, found.index));
      const close = tagEnd(html, found.index + 2 + name.length);
      if (close === -1) {
        textFrom = found.index;
        break;
      }
      endTag(name);
      at = textFrom = close;
    }
  }
  if (textFrom < length) text(html.slice(textFrom));
}

/**
 * Where an end tag's `>` leaves off, after the attributes it may have (quotes respected), or -1.
 * @param {string} html
 * @param {number} from
 */
function tagEnd(html, from) {
  let p = from;
  for (;;) {
    const c = html[p];
    if (c === undefined) return -1;
    if (c === ">") return p + 1;
    if (c === '"' || c === "'") {
      // Only an attribute value's quotes: after "=".
      let q = p - 1;
      while (q >= from && /[\t\n\f\r ]/.test(html[q] ?? "")) q--;
      if (html[q] === "=") {
        const close = html.indexOf(c, p + 1);
        if (close === -1) return -1;
        p = close + 1;
        continue;
      }
    }
    p++;
  }
}

// ---------------------------------------------------------------------------------------------------
// Words: Pagefind's `parse_digest` and `get_indexable_words`.

/**
 * Where a word of the text or of metadata goes: `codes`, a slot's number times two, plus one for a part
 * of a compound word (which has the weight divided between the parts).
 * @typedef {{ codes: Int32Array; partCount: number }} Indexable
 */

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** A hash's bits mixed, so that its lowest ones are worth a table's index. */
function mix(/** @type {number} */ hash) {
  let h = Math.imul(hash ^ (hash >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return h ^ (h >>> 16);
}

/** What `nextWord` read of the word it found: where it starts, its characters' FNV-1a hash (not yet `mix`ed), and whether one is a zero-width space. */
let scannedStart = 0;
let scannedHash = 0;
let scannedZeroWidth = false;

/**
 * The next word from `at`: whitespace skipped, the word's characters hashed up to the whitespace or
 * the end after it. Its end, or -1 when no word is left; the rest of what it read is in `scannedStart`,
 * `scannedHash` and `scannedZeroWidth` (no object a word: there are millions). The text's scan and the
 * meta fields' share it.
 * @param {Uint16Array} codes
 * @param {number} at
 * @param {number} length
 */
function nextWord(codes, at, length) {
  while (at < length && isWhitespace(/** @type {number} */ (codes[at]))) at++;
  if (at === length) return -1;
  scannedStart = at;
  let c = /** @type {number} */ (codes[at]);
  let hash = FNV_OFFSET;
  let zeroWidth = false;
  for (;;) {
    hash = Math.imul(hash ^ c, FNV_PRIME);
    if (c === 0x200b) zeroWidth = true;
    if (++at === length) break;
    c = /** @type {number} */ (codes[at]);
    if (isWhitespace(c)) break;
  }
  scannedHash = hash;
  scannedZeroWidth = zeroWidth;
  return at;
}

/** A text's UTF-16 code units, in an array reused from call to call (so good until the next). */
function charsOf(/** @type {string} */ text) {
  if (text.length > chars.length) {
    charBytes = Buffer.allocUnsafeSlow(Math.max(text.length, chars.length * 2) * 2);
    chars = new Uint16Array(charBytes.buffer, charBytes.byteOffset, charBytes.length / 2);
  }
  // Copied natively where the machine's order is UTF-16LE's: a loop of charCodeAt reads a rope slowly.
  if (LITTLE_ENDIAN) charBytes.write(text, 0, "utf16le");
  else for (let i = 0; i < text.length; i++) chars[i] = text.charCodeAt(i);
  return chars;
}
const LITTLE_ENDIAN = endianness() === "LE";
let charBytes = Buffer.allocUnsafeSlow(65536);
let chars = new Uint16Array(charBytes.buffer, charBytes.byteOffset, charBytes.length / 2);

/**
 * Words remembered with where they go, found by a stretch of a longer text without cutting it out (a Map
 * would need the word as a string of its own: an allocation per word of every page). All in two arrays
 * of numbers, for a lookup to touch little memory: `slots`, open addressing, (hash, entry + 1) each;
 * `pool`, each entry's length, number of parts, number of codes, then its characters (two UTF-16 code
 * units a number, the first in the low half), then its codes.
 */
class WordTable {
  constructor() {
    this.size = 0;
    this.mask = 4095;
    this.slots = new Int32Array(2 * 4096);
    this.pool = new Int32Array(65536);
    this.poolUsed = 0;
  }

  /**
   * The entry (its place in `pool`) of the word that `source` has from `start` to `end`, its hash
   * `hash`, or -1 where the word is new.
   * @param {Uint16Array} source
   * @param {number} start
   * @param {number} end
   * @param {number} hash
   */
  find(source, start, end, hash) {
    const length = end - start;
    const { slots, pool, mask } = this;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const entry = /** @type {number} */ (slots[2 * i + 1]) - 1;
      if (entry === -1) return -1;
      if (slots[2 * i] !== hash || pool[entry] !== length) continue;
      // Two characters a number.
      let same = true;
      let j = start;
      for (let k = entry + 3; j + 1 < end; j += 2, k++) {
        if (pool[k] !== (/** @type {number} */ (source[j]) | (/** @type {number} */ (source[j + 1]) << 16))) {
          same = false;
          break;
        }
      }
      if (same && j < end && pool[entry + 3 + ((end - start) >> 1)] !== source[j]) same = false;
      if (same) return entry;
    }
  }

  /**
   * Where an entry's word goes.
   * @param {number} entry
   * @returns {Indexable}
   */
  indexableAt(entry) {
    const codes = entry + 3 + ((/** @type {number} */ (this.pool[entry]) + 1) >> 1);
    return { codes: this.pool.slice(codes, codes + /** @type {number} */ (this.pool[entry + 2])), partCount: /** @type {number} */ (this.pool[entry + 1]) };
  }

  /**
   * Remembers a word with where it goes; its entry.
   * @param {string} word
   * @param {number} hash
   * @param {Indexable} indexable
   */
  add(word, hash, indexable) {
    const { codes } = indexable;
    const need = 3 + ((word.length + 1) >> 1) + codes.length;
    if (this.poolUsed + need > this.pool.length) this.pool = grown(this.pool, this.poolUsed + need);
    const entry = this.poolUsed;
    const pool = this.pool;
    pool[entry] = word.length;
    pool[entry + 1] = indexable.partCount;
    pool[entry + 2] = codes.length;
    for (let i = 0; i < word.length; i += 2) pool[entry + 3 + (i >> 1)] = word.charCodeAt(i) | (i + 1 < word.length ? word.charCodeAt(i + 1) << 16 : 0);
    pool.set(codes, entry + 3 + ((word.length + 1) >> 1));
    this.poolUsed += need;
    if (++this.size * 2 > this.mask + 1) {
      const old = this.slots;
      this.mask = this.mask * 2 + 1;
      this.slots = new Int32Array(2 * (this.mask + 1));
      for (let i = 0; i < old.length; i += 2) if (old[i + 1] !== 0) this.place(/** @type {number} */ (old[i]), /** @type {number} */ (old[i + 1]));
    }
    this.place(hash, entry + 1);
    return entry;
  }

  /**
   * @param {number} hash
   * @param {number} value
   */
  place(hash, value) {
    let i = hash & this.mask;
    while (this.slots[2 * i + 1] !== 0) i = (i + 1) & this.mask;
    this.slots[2 * i] = hash;
    this.slots[2 * i + 1] = value;
  }
}

/** Unicode White_Space, as Rust's `split_whitespace` has it. */
function isWhitespace(/** @type {number} */ c) {
  if (c === 0x20) return true;
  if (c < 0x20) return c >= 0x09 && c <= 0x0d;
  if (c < 0x85) return false;
  return c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/**
 * The page's text, its words' occurrences given to the slots they go to: Pagefind's `parse_digest`,
 * from the text before `normalize_content` (which changes only whitespace, and splitting at whitespace
 * undoes that). The content is the words, markers left out, joined by single spaces: taken from the
 * text in stretches whose words a single space already separates.
 * @param {string} text the page's text, its entities decoded
 * @param {ReturnType<typeof parse>} parsed
 * @param {Language} language
 */
function readText(text, parsed, language) {
  const table = language.text;
  const length = text.length;
  const codes = charsOf(text);
  /** @type {Anchor[]} */
  const anchors = [];
  let content = "";
  let stretchStart = -1;
  let stretchEnd = -1;
  let total = 0;
  /** @type {number[]} */
  const weights = [24];
  for (let end = nextWord(codes, 0, length); end !== -1; end = nextWord(codes, end, length)) {
    const start = scannedStart;
    let hash = scannedHash;
    const zeroWidth = scannedZeroWidth;
    if (codes[start] === 0x5f /* _ */ && text.startsWith("___", start)) {
      const word = text.slice(start, end);
      if (word.startsWith("___PAGEFIND_ANCHOR___")) {
        const rest = word.replaceAll("___PAGEFIND_ANCHOR___", "");
        const colon = rest.indexOf(":");
        if (colon !== -1) {
          const element = rest.slice(0, colon);
          const anchorId = rest.slice(colon + 1);
          const stored = parsed.anchorContent.get(anchorId);
          const anchorText = normalize(stored === undefined ? "" : normalize(stored));
          const title = parsed.anchorTitles.get(anchorId);
          const idColon = anchorId.indexOf(":");
          if (idColon !== -1) {
            const id = anchorId.slice(idColon + 1);
            // In Pagefind's order: a title, where the element has one, comes before the location.
            anchors.push(title === undefined ? { element, id, text: anchorText, location: total } : { element, id, text: anchorText, title, location: total });
          }
        }
        continue;
      }
      if (word.startsWith("___PAGEFIND_WEIGHT___")) {
        const weight = parseF32(word.replace("___PAGEFIND_WEIGHT___", ""));
        weights.push(weight <= 0 ? 0 : Math.max(1, toU8(Math.fround(clamp(weight) * 24))));
        continue;
      }
      if (word.startsWith("___PAGEFIND_AUTO_WEIGHT___")) {
        if (weights.length === 1) weights.push(toU8(Math.fround(clamp(parseF32(word.replace("___PAGEFIND_AUTO_WEIGHT___", ""))) * 24)));
        else weights.push(weights[weights.length - 1] ?? 0);
        continue;
      }
      if (word.startsWith("___END_PAGEFIND_WEIGHT___")) {
        weights.pop();
        continue;
      }
    }
    let entry;
    if (zeroWidth) {
      // Zero-width spaces are taken out of a word (and a word of nothing else, out of the text).
      const base = text.slice(start, end).replaceAll("\u200b", "");
      if (base === "") continue;
      if (stretchStart !== -1) content += (content === "" ? "" : " ") + text.slice(stretchStart, stretchEnd);
      stretchStart = -1;
      content += (content === "" ? "" : " ") + base;
      const baseChars = new Uint16Array(base.length);
      let baseHash = FNV_OFFSET;
      for (let i = 0; i < base.length; i++) {
        const code = base.charCodeAt(i);
        baseChars[i] = code;
        baseHash = Math.imul(baseHash ^ code, FNV_PRIME);
      }
      baseHash = mix(baseHash);
      entry = table.find(baseChars, 0, base.length, baseHash);
      if (entry === -1) entry = table.add(base, baseHash, indexableOf(base, language, true));
    } else {
      if (stretchStart !== -1 && start === stretchEnd + 1 && codes[stretchEnd] === 0x20) stretchEnd = end;
      else {
        if (stretchStart !== -1) content += (content === "" ? "" : " ") + text.slice(stretchStart, stretchEnd);
        stretchStart = start;
        stretchEnd = end;
      }
      hash = mix(hash);
      entry = table.find(codes, start, end, hash);
      if (entry === -1) {
        const word = text.slice(start, end);
        entry = table.add(word, hash, indexableOf(word, language, true));
      }
    }
    const weight = weights.length > 0 ? /** @type {number} */ (weights[weights.length - 1]) : 1;
    const pool = table.pool;
    const partCount = /** @type {number} */ (pool[entry + 1]);
    const partial = partCount > 0 && weight > 0 ? Math.max(1, Math.floor(weight / Math.min(partCount, 255))) : 0;
    const first = entry + 3 + ((/** @type {number} */ (pool[entry]) + 1) >> 1);
    const last = first + /** @type {number} */ (pool[entry + 2]);
    for (let i = first; i < last; i++) {
      const code = /** @type {number} */ (pool[i]);
      addText(language, code >> 1, total, code & 1 ? partial : weight);
    }
    total++;
  }
  if (stretchStart !== -1) content += (content === "" ? "" : " ") + text.slice(stretchStart, stretchEnd);
  return { content, anchors, wordCount: total > 0 ? total : 1 };
}

/**
 * A metadata field's words, their occurrences given to the slots they go to.
 * @param {string} value
 * @param {number} field
 * @param {Language} language
 */
function readMeta(value, field, language) {
  const table = language.meta;
  const length = value.length;
  const codes = charsOf(value);
  let position = 0;
  for (let at = nextWord(codes, 0, length); at !== -1; at = nextWord(codes, at, length)) {
    const start = scannedStart;
    const hash = mix(scannedHash);
    let entry = table.find(codes, start, at, hash);
    if (entry === -1) {
      const word = value.slice(start, at);
      // Without a ".", a word goes where it goes in the text, likely read already.
      const inText = word.includes(".") ? -1 : language.text.find(codes, start, at, hash);
      entry = table.add(word, hash, inText === -1 ? indexableOf(word, language, false) : language.text.indexableAt(inText));
    }
    const pool = table.pool;
    const first = entry + 3 + ((/** @type {number} */ (pool[entry]) + 1) >> 1);
    const last = first + /** @type {number} */ (pool[entry + 2]);
    for (let i = first; i < last; i++) addMeta(language, /** @type {number} */ (pool[i]) >> 1, field, position);
    position++;
  }
}


/** @param {number} weight */
function clamp(weight) {
  return Number.isNaN(weight) ? weight : Math.min(Math.max(weight, 0), 10);
}

/** Rust's `as u8` from a float: truncated, saturating, NaN as 0. */
function toU8(/** @type {number} */ value) {
  return Number.isNaN(value) ? 0 : Math.min(255, Math.max(0, Math.trunc(value)));
}

/** Rust's `str::parse::<f32>`, with Pagefind's fallback of 1 for what it cannot read. */
function parseF32(/** @type {string} */ text) {
  if (/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(text)) return Math.fround(Number(text));
  if (/^[+-]?(?:inf|infinity)$/i.test(text)) return text.startsWith("-") ? -Infinity : Infinity;
  if (/^[+-]?nan$/i.test(text)) return NaN;
  return 1;
}

/**
 * The index's words for one word of the text or of a metadata field: the whole word (lowercased, its
 * letters and numbers only, folded and stemmed, its folded-away spelling kept as a form), the parts of a
 * compound word (split at ASCII punctuation and case or digit changes), and its emoji; in the text, not
 * in metadata, also what follows a "." (below). Where each goes: its slot in the language.
 * @param {string} raw
 * @param {Language} language
 * @param {boolean} text
 * @returns {Indexable}
 */
function indexableOf(raw, language, text) {
  /** @type {{ keys: number[]; originals: (string | undefined)[]; parts: boolean[]; partCount: number }} */
  const result = { keys: [], originals: [], parts: [], partCount: 0 };
  const compound = isCompound(raw);
  const normalized = letters(raw);
  if (normalized !== "") {
    const folded = fold(normalized);
    result.keys.push(stemKey(folded ?? normalized, language));
    result.originals.push(folded === undefined ? undefined : normalized);
    result.parts.push(false);
  }
  if (compound) {
    const parts = discreteWords(raw);
    if (normalized !== "" && (HAS_WS.test(parts) || !normalized.startsWith(parts))) {
      for (const part of parts.split(SPLIT_WS)) {
        // Rust's `len() > 1` counts bytes: one letter outside ASCII is long enough.
        if (part === "" || (part.length === 1 && part.charCodeAt(0) < 0x80)) continue;
        const folded = fold(part);
        result.keys.push(stemKey(folded ?? part, language));
        result.originals.push(folded === undefined ? undefined : part);
        result.parts.push(true);
        result.partCount++;
      }
    }
    // Pagefind 1.6 also indexes what follows a "." where that is itself compound (so "www.example.com"
    // is found by "example.com"), read as a whole word is, as a part, unless its key is already the
    // word's or a part's. Observed, not read: 1.6's source is not public here.
    if (text && normalized !== "") {
      for (let dot = raw.indexOf("."); dot !== -1; dot = raw.indexOf(".", dot + 1)) {
        const rest = raw.slice(dot + 1);
        if (!isCompound(rest)) continue;
        const tail = letters(rest);
        if (tail === "" || (tail.length === 1 && tail.charCodeAt(0) < 0x80)) continue;
        const folded = fold(tail);
        const key = stemKey(folded ?? tail, language);
        if (result.keys.includes(key)) continue;
        result.keys.push(key);
        result.originals.push(folded === undefined ? undefined : tail);
        result.parts.push(true);
        result.partCount++;
      }
    }
    // No ASCII character is an emoji the crate knows, even the few of \p{Emoji} (digits, # and *).
    if (!ASCII.test(raw) && EMOJI.test(raw)) {
      for (const segment of graphemesOf(raw)) {
        if (isEmoji(segment)) {
          result.keys.push(keyNumber(segment, language));
          result.originals.push(undefined);
          result.parts.push(false);
        }
      }
    }
  }
  const codes = new Int32Array(result.keys.length);
  for (let i = 0; i < codes.length; i++) codes[i] = slotFor(language, /** @type {number} */ (result.keys[i]), result.originals[i]) * 2 + (result.parts[i] ? 1 : 0);
  return { codes, partCount: result.partCount };
}

/**
 * The language's number of a key, numbered where new.
 * @param {string} key
 * @param {Language} language
 */
function keyNumber(key, language) {
  let number = language.keys.get(key);
  if (number === undefined) {
    number = language.keyName.length;
    language.keys.set(key, number);
    language.keyName.push(key);
    language.keyOwn.push(-1);
    language.keyForms.push(undefined);
    if (2 * number === language.keyPlaces.length) language.keyPlaces = grown(language.keyPlaces, 0);
  }
  return number;
}

/**
 * The number of the key a word is stemmed to, remembered (so each word is stemmed once).
 * @param {string} word
 * @param {Language} language
 */
function stemKey(word, language) {
  let number = language.wordKeys.get(word);
  if (number === undefined) {
    number = keyNumber(language.stem ? language.stem(word) : word, language);
    language.wordKeys.set(word, number);
  }
  return number;
}

/**
 * The language's number of a key's slot for a spelling (a form, or undefined for the key's own), numbered where new.
 * @param {Language} language
 * @param {number} number the key's
 * @param {string | undefined} form
 */
function slotFor(language, number, form) {
  if (form === undefined) {
    const own = /** @type {number} */ (language.keyOwn[number]);
    if (own !== -1) return own;
    return (language.keyOwn[number] = newSlot(language, number, undefined));
  }
  let forms = language.keyForms[number];
  if (!forms) language.keyForms[number] = forms = new Map();
  let slot = forms.get(form);
  if (slot === undefined) forms.set(form, (slot = newSlot(language, number, form)));
  return slot;
}

/**
 * @param {Language} language
 * @param {number} key
 * @param {string | undefined} form
 */
function newSlot(language, key, form) {
  const slot = language.slotCount++;
  language.slotForm.push(form);
  if (4 * slot === language.slots.length) language.slots = grown(language.slots, 0);
  language.slots[4 * slot + 2] = key;
  language.slots[4 * slot + 3] = form === undefined ? 0 : 1;
  return slot;
}

/** Whether a word may be compound: it has a character that is no letter or number, or a capital after its first. */
function isCompound(/** @type {string} */ word) {
  let first = true;
  for (const c of word) {
    const code = /** @type {number} */ (c.codePointAt(0));
    const ascii = code < 0x80;
    if (!(ascii ? isAsciiAlphanumeric(code) : ALPHANUMERIC.test(c))) return true;
    if (!first && (ascii ? code >= 0x41 && code <= 0x5a : UPPERCASE.test(c))) return true;
    first = false;
  }
  return false;
}

/** @param {number} code */
function isAsciiAlphanumeric(code) {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/**
 * A word's letters and numbers (and the included characters), lowercased as Rust lowercases a `char`:
 * uppercase ones only, each on its own (no final sigma).
 * @param {string} word
 */
function letters(word) {
  // Mostly ASCII letters and digits: the word itself, lowercased where it has capitals.
  let plain = true;
  let upper = false;
  for (let i = 0; i < word.length && plain; i++) {
    const code = word.charCodeAt(i);
    plain = isAsciiAlphanumeric(code) || code === 0x5f;
    if (code >= 0x41 && code <= 0x5a) upper = true;
  }
  if (plain) return upper ? word.toLowerCase() : word;
  let out = "";
  for (const c of word) {
    const code = /** @type {number} */ (c.codePointAt(0));
    if (code < 0x80) {
      if (isAsciiAlphanumeric(code) || INCLUDE_CHARACTERS.has(c)) out += code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : c;
    } else if (ALPHANUMERIC.test(c) || INCLUDE_CHARACTERS.has(c)) out += UPPERCASE.test(c) ? c.toLowerCase() : c;
  }
  return out;
}

/** The word without its diacritics (NFD, marks dropped), or undefined where that changes nothing. */
function fold(/** @type {string} */ word) {
  if (ASCII.test(word)) return undefined;
  const folded = word.normalize("NFD").replace(MARKS, "");
  return folded === word ? undefined : folded;
}

/** Whether a grapheme is an emoji the `emojis` crate knows: a fully-qualified one, or one short of its variation selector. */
function isEmoji(/** @type {string} */ grapheme) {
  if (grapheme.length === 1 && grapheme.charCodeAt(0) < 0x80) return false;
  return RGI_EMOJI.test(grapheme) || RGI_EMOJI.test(`${grapheme}\ufe0f`);
}

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * A text's graphemes: its characters, where each is one (Latin-1 and general punctuation, checked
 * against Intl.Segmenter pair by pair), else as Intl.Segmenter finds them (slowly).
 * @param {string} text
 * @returns {string[]}
 */
function graphemesOf(text) {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 0x20 && c <= 0xff && c !== 0x7f) || (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205e))) return Array.from(graphemes.segment(text), (s) => s.segment);
  }
  return [...text];
}

/**
 * Pagefind's `get_discrete_words`: ASCII punctuation as spaces, then convert_case's words (split at
 * spaces and at lower→upper, letter↔digit and acronym boundaries between graphemes), lowercased.
 * @param {string} raw
 */
function discreteWords(raw) {
  if (ASCII.test(raw)) return asciiDiscreteWords(raw);
  const spaced = raw.replace(ASCII_PUNCTUATION, " ");
  const pieces = graphemesOf(spaced);
  /** @type {string[]} */
  const words = [];
  let word = "";
  for (let i = 0; i < pieces.length; i++) {
    const g = /** @type {string} */ (pieces[i]);
    const n = pieces[i + 1];
    if (g === " ") {
      words.push(word);
      word = "";
      continue;
    }
    word += g;
    if (n === undefined) continue;
    const split =
      (isLower(g) && isUpper(n)) ||
      (isLower(g) && isDigit(n)) ||
      (isUpper(g) && isDigit(n)) ||
      (isDigit(g) && isLower(n)) ||
      (isDigit(g) && isUpper(n)) ||
      (isUpper(g) && isUpper(n) && pieces[i + 2] !== undefined && isLower(/** @type {string} */ (pieces[i + 2])));
    if (split) {
      words.push(word);
      word = "";
    }
  }
  words.push(word);
  return words
    .map((w) => w.toLowerCase())
    .join(" ")
    .split(SPLIT_WS)
    .filter((w) => w !== "")
    .join(" ");
}

const SPACE = 0;
const LOWER = 1;
const UPPER = 2;
const DIGIT = 3;
const OTHER = 4;
/** What discreteWords sees an ASCII character as: a space (as ASCII punctuation is), a lowercase or uppercase letter, a digit, or else. */
function asciiKind(/** @type {number} */ c) {
  if (c >= 0x61 && c <= 0x7a) return LOWER;
  if (c >= 0x41 && c <= 0x5a) return UPPER;
  if (c >= 0x30 && c <= 0x39) return DIGIT;
  if (c >= 0x20 && c <= 0x7e) return SPACE;
  return OTHER;
}

/** discreteWords for an ASCII word: its graphemes are its characters, told apart by their codes. */
function asciiDiscreteWords(/** @type {string} */ raw) {
  let out = "";
  let from = -1;
  let kind = raw.length > 0 ? asciiKind(raw.charCodeAt(0)) : SPACE;
  const take = (/** @type {number} */ to) => {
    if (from === -1) return;
    out += (out === "" ? "" : " ") + raw.slice(from, to).toLowerCase();
    from = -1;
  };
  for (let i = 0; i < raw.length; i++) {
    if (kind === SPACE) {
      take(i);
      kind = i + 1 < raw.length ? asciiKind(raw.charCodeAt(i + 1)) : SPACE;
      continue;
    }
    if (from === -1) from = i;
    const next = i + 1 < raw.length ? asciiKind(raw.charCodeAt(i + 1)) : -1;
    const split =
      (kind === LOWER && (next === UPPER || next === DIGIT)) ||
      (kind === UPPER && next === DIGIT) ||
      (kind === DIGIT && (next === LOWER || next === UPPER)) ||
      (kind === UPPER && next === UPPER && i + 2 < raw.length && asciiKind(raw.charCodeAt(i + 2)) === LOWER);
    if (split) take(i + 1);
    kind = next;
  }
  take(raw.length);
  return out;
}

/** @param {string} g */
function isUpper(g) {
  const upper = g.toUpperCase();
  return upper !== g.toLowerCase() && g === upper;
}
/** @param {string} g */
function isLower(g) {
  const lower = g.toLowerCase();
  return g.toUpperCase() !== lower && g === lower;
}
/** @param {string} g */
function isDigit(g) {
  return /^[0-9]+$/.test(g);
}

// ---------------------------------------------------------------------------------------------------
// A page's words. The slots the page has, in the order met, with their occurrences (each in a store of
// numbers shared by the page, linked to the next of its slot), and the keys, each with its slots linked.
// All in typed arrays kept from page to page; a language's slot or key is on the page being read where
// its generation is this page's.

let generation = 0;
let slotsUsed = 0;
let keysUsed = 0;
let occurrencesUsed = 0;
/** Each slot of the page: the language's number of it, its first and last occurrence and their count in the text and in metadata, and the next slot of its key. */
let slotOf = new Int32Array(1024);
let textFirst = new Int32Array(1024);
let textLast = new Int32Array(1024);
let textCount = new Int32Array(1024);
let metaFirst = new Int32Array(1024);
let metaLast = new Int32Array(1024);
let metaCount = new Int32Array(1024);
let nextOfKey = new Int32Array(1024);
/** Each key of the page: the language's number of it, its first and last slot. */
let keyOf = new Int32Array(1024);
let keyFirst = new Int32Array(1024);
let keyLast = new Int32Array(1024);
/** Each occurrence: (position, weight) in the text or (field, position) in metadata, and the next of its slot. */
let occurrenceA = new Int32Array(8192);
let occurrenceB = new Int32Array(8192);
let occurrenceNext = new Int32Array(8192);
/** What a slot's occurrences are given to the sink in. */
let textOut = new Int32Array(1024);
let metaOut = new Int32Array(256);
let sorting = new Int32Array(1024);
/** @type {number[]} a key's form slots, while they are given */
const formSlots = [];

/** A copy of `array` with room for `length` numbers. */
function grown(/** @type {Int32Array} */ array, /** @type {number} */ length) {
  const copy = new Int32Array(Math.max(length, array.length * 2));
  copy.set(array);
  return copy;
}

function startPage() {
  generation++;
  slotsUsed = 0;
  keysUsed = 0;
  occurrencesUsed = 0;
}

/**
 * The page's number of a language's slot, the slot (and its key) added to the page where it is not yet.
 * @param {Language} language
 * @param {number} slot
 */
function slotOnPage(language, slot) {
  const slots = language.slots;
  return slots[4 * slot] === generation ? /** @type {number} */ (slots[4 * slot + 1]) : openSlot(language, slot);
}

/**
 * Adds a language's slot (and its key, where new) to the page; its number on the page.
 * @param {Language} language
 * @param {number} slot
 */
function openSlot(language, slot) {
  const slots = language.slots;
  const local = slotsUsed++;
  if (local === slotOf.length) {
    slotOf = grown(slotOf, 0);
    textFirst = grown(textFirst, 0);
    textLast = grown(textLast, 0);
    textCount = grown(textCount, 0);
    metaFirst = grown(metaFirst, 0);
    metaLast = grown(metaLast, 0);
    metaCount = grown(metaCount, 0);
    nextOfKey = grown(nextOfKey, 0);
  }
  slots[4 * slot] = generation;
  slots[4 * slot + 1] = local;
  slotOf[local] = slot;
  textCount[local] = 0;
  metaCount[local] = 0;
  nextOfKey[local] = -1;
  const key = /** @type {number} */ (slots[4 * slot + 2]);
  const keyPlaces = language.keyPlaces;
  if (keyPlaces[2 * key] === generation) {
    const onPage = /** @type {number} */ (keyPlaces[2 * key + 1]);
    nextOfKey[/** @type {number} */ (keyLast[onPage])] = local;
    keyLast[onPage] = local;
  } else {
    const onPage = keysUsed++;
    if (onPage === keyOf.length) {
      keyOf = grown(keyOf, 0);
      keyFirst = grown(keyFirst, 0);
      keyLast = grown(keyLast, 0);
    }
    keyPlaces[2 * key] = generation;
    keyPlaces[2 * key + 1] = onPage;
    keyOf[onPage] = key;
    keyFirst[onPage] = local;
    keyLast[onPage] = local;
  }
  return local;
}

/** A new occurrence's number, with room for it. */
function newOccurrence() {
  const occurrence = occurrencesUsed++;
  if (occurrence === occurrenceA.length) {
    occurrenceA = grown(occurrenceA, 0);
    occurrenceB = grown(occurrenceB, 0);
    occurrenceNext = grown(occurrenceNext, 0);
  }
  return occurrence;
}

/**
 * @param {Language} language
 * @param {number} slot
 * @param {number} position
 * @param {number} weight
 */
function addText(language, slot, position, weight) {
  // The slot first: finding it may grow the lists read next.
  const local = slotOnPage(language, slot);
  append(local, position, weight, textCount, textFirst, textLast);
}

/**
 * @param {Language} language
 * @param {number} slot
 * @param {number} field
 * @param {number} position
 */
function addMeta(language, slot, field, position) {
  const local = slotOnPage(language, slot);
  append(local, field, position, metaCount, metaFirst, metaLast);
}

/**
 * Appends an occurrence (two numbers) to a slot's list of the text's or the meta fields' (`counts`,
 * `firsts`, `lasts`: that list's).
 * @param {number} local
 * @param {number} a
 * @param {number} b
 * @param {Int32Array} counts
 * @param {Int32Array} firsts
 * @param {Int32Array} lasts
 */
function append(local, a, b, counts, firsts, lasts) {
  const occurrence = newOccurrence();
  occurrenceA[occurrence] = a;
  occurrenceB[occurrence] = b;
  const count = /** @type {number} */ (counts[local]);
  counts[local] = count + 1;
  if (count === 0) firsts[local] = occurrence;
  else occurrenceNext[/** @type {number} */ (lasts[local])] = occurrence;
  lasts[local] = occurrence;
}

/**
 * Gives the page's words to the sink: each key's own occurrences, then its forms (in the text, by
 * UTF-8 bytes, then only in metadata, by UTF-8 bytes: Pagefind's order within a page).
 * @param {Language} language
 * @param {WordSink} sink
 */
function sendWords(language, sink) {
  for (let onPage = 0; onPage < keysUsed; onPage++) {
    const key = /** @type {string} */ (language.keyName[/** @type {number} */ (keyOf[onPage])]);
    const first = /** @type {number} */ (keyFirst[onPage]);
    if (nextOfKey[first] === -1) {
      // Mostly a key has one spelling on a page.
      const slot = /** @type {number} */ (slotOf[first]);
      sendSlot(sink, language, key, language.slots[4 * slot + 3] === 0 ? undefined : language.slotForm[slot], first);
      continue;
    }
    let own = -1;
    formSlots.length = 0;
    for (let local = /** @type {number} */ (keyFirst[onPage]); local !== -1; local = /** @type {number} */ (nextOfKey[local])) {
      if (language.slots[4 * /** @type {number} */ (slotOf[local]) + 3] === 0) own = local;
      else formSlots.push(local);
    }
    if (own !== -1) sendSlot(sink, language, key, undefined, own);
    if (formSlots.length === 0) continue;
    if (formSlots.length > 1) {
      formSlots.sort((a, b) => {
        const inText = (textCount[b] === 0 ? 0 : 1) - (textCount[a] === 0 ? 0 : 1);
        return inText || byBytes(/** @type {string} */ (language.slotForm[/** @type {number} */ (slotOf[a])]), /** @type {string} */ (language.slotForm[/** @type {number} */ (slotOf[b])]));
      });
    }
    for (const local of formSlots) sendSlot(sink, language, key, language.slotForm[/** @type {number} */ (slotOf[local])], local);
  }
}

/**
 * @param {WordSink} sink
 * @param {Language} language
 * @param {string} key
 * @param {string | undefined} form
 * @param {number} local the page's number of the slot
 */
function sendSlot(sink, language, key, form, local) {
  const textLength = /** @type {number} */ (textCount[local]) * 2;
  if (textLength > textOut.length) {
    textOut = grown(textOut, textLength);
    sorting = grown(sorting, textLength);
  }
  // Positions come in order; weights mostly do too. Where not, the pairs are sorted by weight, stably.
  let ordered = true;
  let previous = 0;
  for (let i = 0, occurrence = /** @type {number} */ (textFirst[local]); i < textLength; i += 2, occurrence = /** @type {number} */ (occurrenceNext[occurrence])) {
    const weight = /** @type {number} */ (occurrenceB[occurrence]);
    textOut[i] = /** @type {number} */ (occurrenceA[occurrence]);
    textOut[i + 1] = weight;
    const rank = weight === 25 ? 0 : weight;
    if (rank < previous) ordered = false;
    previous = rank;
  }
  let text = textOut;
  if (!ordered) {
    // Each weight in turn, lightest first (25 before all): few weights a word on a page.
    let from = -1;
    let filled = 0;
    while (filled < textLength) {
      let next = Infinity;
      for (let i = 1; i < textLength; i += 2) {
        const rank = textOut[i] === 25 ? 0 : /** @type {number} */ (textOut[i]);
        if (rank > from && rank < next) next = rank;
      }
      for (let i = 1; i < textLength; i += 2) {
        if ((textOut[i] === 25 ? 0 : textOut[i]) !== next) continue;
        sorting[filled++] = /** @type {number} */ (textOut[i - 1]);
        sorting[filled++] = /** @type {number} */ (textOut[i]);
      }
      from = next;
    }
    text = sorting;
  }
  // Metadata comes by field, then position, as it is read.
  const metaLength = /** @type {number} */ (metaCount[local]) * 2;
  if (metaLength > metaOut.length) metaOut = grown(metaOut, metaLength);
  for (let i = 0, occurrence = /** @type {number} */ (metaFirst[local]); i < metaLength; i += 2, occurrence = /** @type {number} */ (occurrenceNext[occurrence])) {
    metaOut[i] = /** @type {number} */ (occurrenceA[occurrence]);
    metaOut[i + 1] = /** @type {number} */ (occurrenceB[occurrence]);
  }
  sink.word(key, form, text, textLength, metaOut, metaLength, /** @type {number} */ (slotOf[local]), language);
}
