import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import * as pagefind from "pagefind";
import { afterAll, describe, expect, it } from "vitest";
import { decodeCbor, readPagefindFile } from "../../src/build/pagefind-cbor.js";
import { fossick, type FossickedPage, type WordSink } from "../../src/build/pagefind-fossick.js";

// The fossicker against the real Pagefind: each set of documents is indexed by Pagefind 1.6 as one
// index, its fragments and word chunks are decoded back into each page's words, and every page must
// come out of `fossick` the same: its fragment's JSON byte for byte, and each word with the same
// occurrences (raw: positions and weights, fields and positions) and the same forms. The occurrences
// are then encoded as this file's `encodePage` says Pagefind encodes them, and must give its locations
// exactly: the rules the index writer follows. So must the order of each word's forms, taken as the
// writer takes it: by the first page each is on, then in the order `fossick` gives them for that page.

type Occurrences = { text: number[]; meta: number[] };
type Word = { occurrences: Occurrences; forms: Map<string, Occurrences> };
type Indexed = { json: string; language: string; number: number; metaFields: string[]; words: Map<string, Word>; raw: Map<string, unknown> };
/** A page as `fossick` gives it, its words collected from the sink: each call's key and form, in order, and the occurrences. */
type Read = FossickedPage & { words: Map<string, Word>; calls: [string, string | undefined][] };

/**
 * Reads a page with a sink that keeps what it is given, checking the sink's contract on the way: each key's
 * calls together, its own (where it has any) first; no call twice; no call without occurrences.
 */
function read(url: string, html: string): Read | undefined {
  const words = new Map<string, Word>();
  const calls: [string, string | undefined][] = [];
  const sink: WordSink = {
    word(key, form, text, textLength, meta, metaLength) {
      expect(textLength + metaLength, `${url} ${key} ${form} has occurrences`).toBeGreaterThan(0);
      expect(textLength % 2 === 0 && metaLength % 2 === 0 && textLength <= text.length && metaLength <= meta.length).toBe(true);
      const previous = calls[calls.length - 1];
      let entry = words.get(key);
      if (entry) expect(previous?.[0], `${url}: ${key}'s calls come together`).toBe(key);
      else words.set(key, (entry = { occurrences: { text: [], meta: [] }, forms: new Map() }));
      const occurrences = { text: Array.from(text.subarray(0, textLength)), meta: Array.from(meta.subarray(0, metaLength)) };
      if (form === undefined) {
        expect(previous?.[0] === key, `${url}: ${key}'s own comes first`).toBe(false);
        entry.occurrences = occurrences;
      } else {
        expect(entry.forms.has(form), `${url}: ${key} ${form} once`).toBe(false);
        entry.forms.set(form, occurrences);
      }
      calls.push([key, form]);
      // The arrays are fossick's, to be reused: spoilt here, they must not spoil the next call.
      text.fill(-7, 0, textLength);
      meta.fill(-7, 0, metaLength);
    },
  };
  const page = fossick(url, html, sink);
  if (!page) {
    expect(calls, `${url} left out, words given`).toEqual([]);
    return undefined;
  }
  return { ...page, words, calls };
}

afterAll(async () => {
  await pagefind.close();
});

/** Pagefind's locations: a weight change is -(weight + 1) and the next position in full; positions after it count from the one before. */
function decodeLocs(locs: number[]): number[] {
  const out: number[] = [];
  let weight = 25;
  let last = 0;
  for (let i = 0; i < locs.length; i++) {
    const value = locs[i]!;
    if (value < 0) {
      weight = -value - 1;
      last = locs[++i]!;
    } else last += value;
    out.push(last, weight);
  }
  return out;
}

/** Pagefind's metadata locations: -(field + 1) starts a field, positions count from the one before in it. */
function decodeMetaLocs(locs: number[], field: (global: number) => number): number[] {
  const out: number[] = [];
  let current = -1;
  let last = 0;
  for (const value of locs) {
    if (value < 0) {
      current = field(-value - 1);
      last = 0;
    } else {
      last += value;
      out.push(current, last);
    }
  }
  return out;
}

/** What the index writer must write for a page's occurrences of a word (or of one of its forms), as observed. */
function encodePage(occurrences: Occurrences, globalField: (field: number) => number): [number[], number[]] {
  const locs: number[] = [];
  let weight = 25;
  let last = 0;
  for (let i = 0; i < occurrences.text.length; i += 2) {
    const position = occurrences.text[i]!;
    const w = occurrences.text[i + 1]!;
    if (w !== weight) {
      locs.push(-w - 1, position);
      weight = w;
    } else locs.push(position - last);
    last = position;
  }
  const metaLocs: number[] = [];
  let field = -1;
  for (let i = 0; i < occurrences.meta.length; i += 2) {
    const f = globalField(occurrences.meta[i]!);
    const position = occurrences.meta[i + 1]!;
    if (f !== field) {
      metaLocs.push(-f - 1);
      field = f;
      last = 0;
    }
    metaLocs.push(position - last);
    last = position;
  }
  return [locs, metaLocs];
}

const byCodePoints = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** Indexes `docs` with Pagefind as one index and decodes each page's fragment and words, by URL, and each word's forms in its order, by language and word. */
async function pagefindIndex(docs: { url: string; html: string }[]): Promise<{ pages: Map<string, Indexed>; forms: Map<string, string[]> }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "dateline-fossick-"));
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(errors.join("\n"));
    for (const doc of docs) {
      const added = await index.addHTMLFile({ url: doc.url, content: doc.html });
      if (added.errors.length > 0) throw new Error(added.errors.join("\n"));
    }
    await index.writeFiles({ outputPath: dir });
    await index.deleteIndex();
    const pages = new Map<string, Indexed>();
    const formOrder = new Map<string, string[]>();
    for (const name of (await fs.readdir(dir)).filter((file) => file.endsWith(".pf_meta"))) {
      const language = name.replace(/^pagefind\./, "").replace(/_[^_]+\.pf_meta$/, "");
      const [, listed, chunks, , , metaFields] = decodeCbor(readPagefindFile(path.join(dir, name))) as [string, [string, number][], [string, string, string][], unknown, unknown, string[]];
      const numbered = await Promise.all(
        listed.map(async ([id, wordCount], number) => {
          const json = gunzipSync(await fs.readFile(path.join(dir, "fragment", `${id}.pf_fragment`))).subarray(12).toString("utf8");
          const fragment = JSON.parse(json);
          expect(wordCount).toBe(fragment.word_count);
          const page: Indexed = { json, language, number, metaFields: Object.keys(fragment.meta).sort(byCodePoints), words: new Map(), raw: new Map() };
          pages.set(fragment.url, page);
          return page;
        }),
      );
      const word = (page: Indexed, key: string) => {
        let entry = page.words.get(key);
        if (!entry) page.words.set(key, (entry = { occurrences: { text: [], meta: [] }, forms: new Map() }));
        return entry;
      };
      const field = (page: Indexed) => (global: number) => page.metaFields.indexOf(metaFields[global]!);
      for (const [, , hash] of chunks) {
        const [words] = decodeCbor(readPagefindFile(path.join(dir, "index", `${hash}.pf_index`))) as [[string, [number, number[], number[]][], [string, [number, number[], number[]][]][]][]];
        for (const [key, wordPages, forms] of words) {
          if (forms.length > 0) formOrder.set(`${language}\u0000${key}`, forms.map(([form]) => form));
          let number = 0;
          for (const [delta, locs, metaLocs] of wordPages) {
            number += delta;
            const page = numbered[number]!;
            word(page, key).occurrences = { text: decodeLocs(locs), meta: decodeMetaLocs(metaLocs, field(page)) };
            page.raw.set(key, [locs, metaLocs]);
          }
          for (const [form, formPages] of forms) {
            let formNumber = 0;
            for (const [delta, locs, metaLocs] of formPages) {
              formNumber += delta;
              const page = numbered[formNumber]!;
              word(page, key).forms.set(form, { text: decodeLocs(locs), meta: decodeMetaLocs(metaLocs, field(page)) });
              page.raw.set(`${key}\u0000${form}`, [locs, metaLocs]);
            }
          }
        }
      }
      // Each page's encoded locations, from fossick's occurrences, as the index writer will write them.
      for (const page of numbered) page.raw.set("\u0000globalFields", metaFields);
    }
    return { pages, forms: formOrder };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

const plain = (words: Map<string, Word>) => Object.fromEntries([...words].sort(([a], [b]) => byCodePoints(a, b)).map(([key, entry]) => [key, { ...entry.occurrences, forms: Object.fromEntries([...entry.forms].sort(([a], [b]) => byCodePoints(a, b))) }]));

/**
 * Asserts that `fossick` reads every document as Pagefind does; returns how many pages were compared.
 * Documents with data-pagefind-body are indexed apart from those without: Pagefind leaves the latter out
 * of an index where any page has one.
 */
async function expectParity(docs: { url: string; html: string }[]): Promise<number> {
  let compared = 0;
  for (const group of [docs.filter((doc) => doc.html.includes("data-pagefind-body")), docs.filter((doc) => !doc.html.includes("data-pagefind-body"))]) {
    if (group.length === 0) continue;
    const { pages: indexed, forms } = await pagefindIndex(group);
    /** Each language's pages as read, by their number in its index. */
    const readPages = new Map<string, Read[]>();
    for (const doc of group) {
      const mine = read(doc.url, doc.html);
      const theirs = indexed.get(doc.url);
      expect(mine === undefined, `${doc.url} left out`).toBe(theirs === undefined);
      if (!mine || !theirs) continue;
      compared++;
      expect(JSON.stringify(mine.fragment), doc.url).toBe(theirs.json);
      // A page without a language is merged into the index's main language: Pagefind still reads it unstemmed.
      if (mine.language !== "unknown") expect(mine.language, doc.url).toBe(theirs.language);
      expect(mine.metaFields, doc.url).toEqual(theirs.metaFields);
      expect(plain(mine.words), doc.url).toEqual(plain(theirs.words));
      const globalFields = theirs.raw.get("\u0000globalFields") as string[];
      const globalField = (field: number) => globalFields.indexOf(mine.metaFields[field]!);
      for (const [key, entry] of mine.words) {
        // A word met only in forms on the page has no call of its own, as Pagefind lists the page under the forms alone.
        const own = mine.calls.some(([k, form]) => k === key && form === undefined);
        expect(own, `${doc.url} ${key} own`).toBe(theirs.raw.has(key));
        if (own) expect(encodePage(entry.occurrences, globalField), `${doc.url} ${key}`).toEqual(theirs.raw.get(key));
        for (const [form, occurrences] of entry.forms) expect(encodePage(occurrences, globalField), `${doc.url} ${key} ${form}`).toEqual(theirs.raw.get(`${key}\u0000${form}`));
      }
      let inLanguage = readPages.get(theirs.language);
      if (!inLanguage) readPages.set(theirs.language, (inLanguage = []));
      inLanguage[theirs.number] = mine;
    }
    // Each word's forms: by the first page each is on, then in the order given for that page.
    for (const [language, numbered] of readPages) {
      const order = new Map<string, string[]>();
      for (const page of numbered) {
        for (const [key, form] of page?.calls ?? []) {
          if (form === undefined) continue;
          const name = `${language}\u0000${key}`;
          let list = order.get(name);
          if (!list) order.set(name, (list = []));
          if (!list.includes(form)) list.push(form);
        }
      }
      const theirs = new Map([...forms].filter(([name]) => name.startsWith(`${language}\u0000`)));
      expect(Object.fromEntries(order), `${language} forms`).toEqual(Object.fromEntries(theirs));
    }
  }
  return compared;
}

// ---------------------------------------------------------------------------------------------------
// Documents.

const page = (body: string, { lang = "en", head = "" }: { lang?: string | null; head?: string } = {}) =>
  `<!DOCTYPE html><html${lang === null ? "" : ` lang="${lang}"`}><head><meta charset="utf-8"><title>Edge page</title>${head}</head><body>${body}</body></html>`;

/** Hand-written documents for the rules at their edges. */
const edgeDocuments = [
  page(`<article data-pagefind-body><h1>Entities &amp; escapes</h1><p>Fish &amp; chips&nbsp;cost&#8217;s &mdash; 5&euro; &#x2014; &unknown; AT&T; &amp; &lt;b&gt; &#65;&#x42;&#X43; &#0; &#11; &#12; &#127; &#150; &#xD800; &#99999999999; &#+66; &#65 ; a&b&amp;c &#x41&#x42; &fjlig; &amp</p><span data-pagefind-meta="title">Fish &amp;amp; chips&nbsp;&mdash; AT&amp;T</span><span data-pagefind-filter="tag">A &amp;amp; B</span></article>`),
  page(`<main data-pagefind-body><p>It's “quoted” ‘single’ don’t rock'n'roll O'Brien’s "straight" the mayor’s plan, the mayors' plans</p><p>well-known 1990–2000 pre—post co-op — – - -- a--b</p><p>9/11 24/7 and/or 1,234.56 3.5% 50% $1,000 1.5m 1.5m. 2nd 21st 10:30 a.m. e.g. i.e., U.S.A.</p></main>`),
  page(`<div data-pagefind-body><p>COVID19 3D iPhone macOS PlayStation5 H2O x86_64 MP3s WKWebVIEWComponent XMLHttpRequest</p><p>snake_case __init__ _private ＿wide under_score‿tie</p><p>café naïve Zürich São Paulo résumé Ångström Øresund Łódź ÉCOLE Straße ΣΟΦΊΑ İstanbul Ǆemal ﬁnance</p><p>Москва 東京 한국어 مرحبا Αθήνα עברית हिन्दी</p><p>Hello 👋 world 🌦️ cloud🌦️cannon 👨‍👩‍👧‍👦 ☀️ ☀ ❤ 1️⃣ 🇫🇷 x🙂y #1 *</p></div>`),
  page(`<div data-pagefind-body><p>Domains www.example.com and news@ledger.example.org. see https://www.example.com/path?q=1&amp;r=2 or v1.2.3 node.js a.b.c ab.cd.ef x.yY ab.BarBaz ab.2nd ab.2nd. ab.generous.ly ..ab.cd café.crème.brûlée</p><span data-pagefind-meta="title">www.example.com ab.BarBaz café.crème</span></div>`),
  page(`<p>line one<br>line two<br/>three<wbr>four</p><p><em>re</em>open and re<strong>ad</strong> <a href="#">link</a>text re<!-- comment -->join zero\u200bwidth \u200b</p><ul><li>First item</li><li>Second <b>item</b></li></ul><ol><li>one<li>two</ol><table><tr><th>Head</th><td>Cell one</td><td>Cell two</td></tr></table><blockquote><p>Quoted words</p>— Someone</blockquote><figure><img src="/a.jpg" alt="An image"><figcaption>Caption text</figcaption></figure><pre><code>const x = a_b + c.d;\n  return x;</code></pre><dl><dt>Term</dt><dd>Definition</dd></dl>`, { lang: "en-US" }),
  page(`<h1 id="top">Main title</h1><h2 id="a b">Sub <em>heading</em></h2><p id="para">Para text <span id="inner">inside <b>bold</b></span> after</p><h3 id="custom" data-pagefind-title="Custom &amp; title">Third</h3><h4>Four</h4><h5>Five</h5><h6>Six</h6><section id="sec"><p>Section text</p></section><div data-pagefind-ignore><h2 id="hidden">Hidden</h2></div><a id="link" href="#">Link &amp;amp; text</a>`),
  page(`<div data-pagefind-body><p>Visible text</p><div data-pagefind-ignore>Ignored text <span data-pagefind-meta="author">Jane Doe</span><span data-pagefind-filter="kind">report</span></div><div data-pagefind-ignore="all">Excluded <span data-pagefind-meta="editor">Nobody</span></div><div data-pagefind-ignore="index">Index-ignored</div><div data-pagefind-ignore="bogus">Bogus</div><p>More visible</p></div><p>Outside body</p>`),
  page(`<div data-pagefind-body><div data-pagefind-weight="2">Weighted two <h2>Heading inside</h2></div><p data-pagefind-weight="0.5">Half weight</p><p data-pagefind-weight="0">Zero weight words</p><p data-pagefind-weight="10">Ten</p><p data-pagefind-weight="12">Twelve</p><p data-pagefind-weight="abc">Nonsense</p><p data-pagefind-weight="1.3">One point three</p><p data-pagefind-weight="0.01">Tiny well-known</p><h3>Auto five well-known</h3></div>`),
  page(``),
  page(`<p>— – …</p><span data-pagefind-meta="title">Title</span>`),
  // Two words of one length and one hash (FNV-1a, as fossick's table of words has it): each must stay itself.
  page(`<p>gxwjqbe ensbcjc gxwjqbe kvsdatov arohqhqj</p><span data-pagefind-meta="title">ensbcjc gxwjqbe arohqhqj kvsdatov</span>`),
  // Values to normalize: runs of spaces, spaces at the ends.
  page(`<h1>Double  spaced  heading </h1><p>Double  spaced  text</p><span data-pagefind-meta="byline"> Two  spaces  here </span><span data-pagefind-filter="topic"> Padded  filter</span><h2 id="x">Anchor  text  here</h2>`),
  // A long page: more characters, occurrences, words and occurrences of a word than fossick first makes room for.
  page(`<p>${Array.from({ length: 1500 }, (_, n) => `word w${n}x${n % 7 === 0 ? " café" : ""}`).join(" ")}</p><p>${"again and again ".repeat(3000)}</p>`),
  // A weight of 25 (1.05 × 24, truncated) comes first among a word's locations, before lighter ones; 0 ties with it.
  page(`<div data-pagefind-body><p>alpha beta alpha</p><p data-pagefind-weight="1.05">alpha gamma beta</p><p data-pagefind-weight="0">alpha beta</p><h2>beta alpha</h2><p data-pagefind-weight="1.05">beta</p></div>`),
  page(`<div data-pagefind-ignore>All ignored</div><span data-pagefind-meta="title">Only metadata</span>`),
  page(`<p>Meta and filters</p><span data-pagefind-filter="topic">Weather</span><span data-pagefind-filter="topic">Storms</span><span data-pagefind-filter="year:2024"></span><img data-pagefind-meta="image[src], image_alt[alt]" src="/img/a.jpg?x=1&amp;y=2" alt="A &quot;photo&quot;"><span data-pagefind-meta="datetime:2017-03-25T22:20:00-05:00"></span><span data-pagefind-default-meta="title">Default title</span><span data-pagefind-default-meta="summary">Default summary</span><span data-pagefind-meta="Zeta">Last</span><span data-pagefind-meta="_under">u</span><span data-pagefind-meta="émoji">é</span><span data-pagefind-sort="date:2024-01-01"></span>`),
  page(`<h1>Auto title here</h1><p>Text</p><img src="/hero.jpg" alt="Hero alt"><img src="/second.jpg" alt="Second">`),
  page(`<p>No heading at all, title from the title tag</p>`),
  page(`<p>No lang attribute page running</p>`, { lang: null }),
  page(`<p>Empty lang</p>`, { lang: "" }),
  page(`<div data-pagefind-body><img data-pagefind-index-attrs="alt,title" alt="A cat" title="Cute kitten!"><p>After</p><input data-pagefind-index-attrs="placeholder" placeholder="Search here"></div>`),
  page(`<div data-pagefind-body><p>Kept</p><script>var hidden = "script words";</script><style>.x{content:"style words"}</style><nav>Nav words</nav><footer>Footer words</footer><form>Form words<label>Label words</label></form><template>Template words</template><noscript>Noscript words</noscript><svg><title>Svg title</title><text>Svg words</text></svg><iframe>Iframe words</iframe><textarea>Textarea &amp; words</textarea><p>End</p></div>`),
  page(`<p>Self <div/>closing div</p><p>Unclosed para<p>Second para<div>Block in para</div><span>Unclosed span</p><p>After</p><i>open italic`),
  page(`<div data-pagefind-body><p>First body</p></div><p>between</p><div data-pagefind-body><p>Second body</p></div>`),
  page(`<p>Stray ___END_PAGEFIND_WEIGHT___ marker ___PAGEFIND_WEIGHT___3 text ___PAGEFIND_ANCHOR___p:9:fake done</p>`),
  page(`<p>Tabs\tand\u00a0nbsp\u2003em space\u3000ideographic</p><span data-pagefind-meta="title">Tab\tin\u00a0title</span>`),
  page(`<p>Die Häuser der Straße waren schön. Über Zürich fährt ein Zug.</p><span data-pagefind-meta="title">Große Häuser</span>`, { lang: "de" }),
  page(`<p>Les élèves français étudient l’économie à l'école. Ça coûte cher.</p>`, { lang: "fr-FR" }),
  page(`<p>Los niños españoles comían paella en la ciudad. ¿Qué pasó? ¡Increíble!</p>`, { lang: "es" }),
  page(`<p>ذهب الطلاب إلى المدرسة والمكتبات في المدينة.</p>`, { lang: "ar" }),
  page(`<p>Unknown language words are not stemmed running runners</p>`, { lang: "xx" }),
  page(`<p data-pagefind-meta="title">Title from a paragraph</p><p>Body</p><div data-pagefind-meta="note" data-pagefind-filter="kind">Note <em>with</em> markup<h2 id="in-meta">Heading</h2></div>`),
  page(`<p>Attributes <a title='single "quoted"' data-x=unquoted href=/a>one</a> <b CLASS="Upper" id=UpperID>two</b> <i id="dup" id="second">three</i></p><h2 ID="MiXeD">Mixed case</h2>`),
];

/** A small deterministic random source, so that generated documents are the same each run. */
function random(seed: number) {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  return { next, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!, int: (n: number) => Math.floor(next() * n) };
}

/** Prose of the kind the sample newsroom publishes. */
const PROSE = [
  "The council voted 7–2 on Tuesday to reopen the Harbour Street seawall, a decision Mayor Inés Okafor called “overdue.”",
  "Residents of São Paulo Avenue said the repairs, budgeted at $1.2 million, would take 14 weeks — longer than the city’s estimate.",
  "“We’ve waited since 2019,” said Zoë Lindqvist, who runs the café on the corner. “It's about time.”",
  "Water levels reached 3.4 metres at 2:40 a.m., the highest since records began in 1897, according to the Port Alder harbourmaster’s office.",
  "The North Haven ferry (route 12B) will not sail until Thursday; passengers can rebook at www.lakeshore-ferries.example.com.",
  "Schools in the district reported 38% attendance, down from 91% a week earlier, as families stayed home from the storm.",
  "Dr. Amara Nwosu, a hydrologist at the university, said the lake’s so-called “seiche” effect pushed water toward the north shore.",
  "Crews from Lakeshore Electric restored power to 4,310 customers overnight; about 600 remain without service on Dock Lane.",
  "The board’s re-election campaign, its third, drew criticism over a $250,000 consulting contract awarded to McKinnon & Partners.",
  "In the 5–4 ruling, Justice Ruiz-Álvarez wrote that the ordinance was “neither vague nor overbroad.”",
  "Ticket sales for the Mariners’ home opener rose 12 per cent; the team plays the Kingston Icebreakers at 7 p.m. on Friday.",
  "Volunteers planted 1,500 trees along the Ferris Avenue greenway, part of a 10-year plan that began in 2021.",
];
const HEADINGS = ["What happens next", "By the numbers", "How we reported this", "The vote", "Reaction at city hall", "Q&A: what the ruling means"];
const NAMES = ["Mara Quinn", "Theo Okafor", "Inés Okafor", "Zoë Lindqvist", "Amara Nwosu", "Sam O’Neill", "Li Wei"];
const SECTIONS = ["News", "Business", "Sports", "Opinion", "Arts & Life"];

/** Documents marked up as Dateline marks up the sample newsroom's stories, from the prose above. */
function newsroomDocuments(count: number): string[] {
  const r = random(7);
  return Array.from({ length: count }, (_, n) => {
    const title = r.pick(PROSE).split(/[,;.]/)[0]!.replace(/[“”]/g, "");
    const section = r.pick(SECTIONS);
    const byline = `${r.pick(NAMES)} and ${r.pick(NAMES)}`;
    const body: string[] = [];
    for (let p = 0; p < 4 + r.int(6); p++) {
      const kind = r.int(10);
      if (kind === 0) body.push(`<h2 id="section-${p}">${r.pick(HEADINGS)}</h2>`);
      else if (kind === 1) body.push(`<ul>${Array.from({ length: 3 }, () => `<li><strong>${r.pick(NAMES)}:</strong> ${r.pick(PROSE)}</li>`).join("")}</ul>`);
      else if (kind === 2) body.push(`<blockquote><p>${r.pick(PROSE)}</p></blockquote>`);
      else if (kind === 3) body.push(`<figure class="figure"><picture><source type="image/avif" srcset="/img/a${n}-480.avif 480w"/><img src="/img/a${n}-1600.jpeg" alt="${r.pick(PROSE).replaceAll('"', "&quot;")}" width="1600" height="900"></picture><figcaption>${r.pick(PROSE)} <span class="credit">Photo: ${r.pick(NAMES)}</span></figcaption></figure>`);
      else if (kind === 4) body.push(`<table><thead><tr><th>Ward</th><th>Votes</th></tr></thead><tbody><tr><td>North</td><td>1,204</td></tr><tr><td>South</td><td>987</td></tr></tbody></table>`);
      else body.push(`<p>${r.pick(PROSE)} ${r.pick(PROSE).replace("the", "<em>the</em>")} Read <a href="https://example.org/r/${n}">the full report</a>.</p>`);
    }
    return `<!DOCTYPE html><html lang="en-US" dir="ltr"><head><title>${title} | The Lakeshore Ledger</title></head><body><article data-pagefind-body=""><header class="article__header"><p class="article__section" data-pagefind-ignore><a href="/${section.toLowerCase()}/">${section.replace("&", "&amp;")}</a></p><h1 class="article__headline">${title}</h1><p class="article__dek">${r.pick(PROSE)}</p><div class="article__credits" data-pagefind-ignore><p class="byline">By ${byline}</p></div></header><div class="article__body"><p><span class="dateline">PORT ALDER, Lakeshore —</span> ${r.pick(PROSE)}</p>\n${body.join("\n")}</div><div class="search-meta" data-pagefind-ignore=""><span data-pagefind-meta="title">${title}</span><span data-pagefind-meta="section">${section.replace("&", "&amp;")}</span><span data-pagefind-filter="section">${section.replace("&", "&amp;")}</span><span data-pagefind-filter="year">${2015 + r.int(12)}</span><span data-pagefind-meta="date">March ${1 + r.int(28)}, 2026 at 5:00 PM CST</span><span data-pagefind-meta="datetime:2026-03-18T17:00:00-06:00"></span><span data-pagefind-meta="byline">${byline}</span>${n % 3 === 0 ? `<img data-pagefind-meta="image[src], image_alt[alt]" src="/img/a${n}-960.jpeg" alt="${title}">` : ""}</div></article></body></html>`;
  });
}

/** Documents like the synthetic benchmark corpus's: invented words among common ones, numbers, quotes. */
function syntheticDocuments(count: number): string[] {
  const r = random(42);
  const syllables = ["gris", "ost", "stou", "got", "drir", "jubi", "greem", "plea", "brad", "rair", "chou", "flei", "tre", "goat"];
  const common = ["the", "council", "budget", "school", "water", "said", "percent", "mayor", "students", "road", "would", "families", "it", "is", "have", "been"];
  const word = () => (r.next() < 0.4 ? Array.from({ length: 2 + r.int(3) }, () => r.pick(syllables)).join("") : r.pick(common));
  const sentence = () => {
    const words = Array.from({ length: 6 + r.int(12) }, word);
    if (r.next() < 0.2) words.splice(r.int(words.length), 0, `${1 + r.int(9)},${100 + r.int(900)}`);
    if (r.next() < 0.2) words.splice(r.int(words.length), 0, `${r.int(99)} percent`);
    if (r.next() < 0.2) words.splice(r.int(words.length), 0, r.pick(NAMES));
    const text = words.join(" ");
    return `${text[0]!.toUpperCase()}${text.slice(1)}${r.next() < 0.3 ? "," : "."}`;
  };
  return Array.from({ length: count }, (_, n) => {
    const title = sentence().replace(/[.,]$/, "");
    const paragraphs = Array.from({ length: 3 + r.int(10) }, (_, p) =>
      p % 5 === 3 ? `<p>“${sentence()}” said ${r.pick(NAMES)}, business editor. “${sentence()}”</p>` : p % 7 === 5 ? `<h2>${sentence()}</h2>` : `<p>${sentence()} ${sentence()} ${sentence()}</p>`,
    );
    const section = r.pick(SECTIONS);
    return `<!DOCTYPE html><html lang="en-US" dir="ltr"><head><title>${title} | The Benchmark Gazette</title></head><body><article data-pagefind-body=""><header class="article__header"><p class="article__section" data-pagefind-ignore><a href="/x/">${section}</a></p><h1 class="article__headline">${title}</h1><p class="article__dek">${sentence()}</p></header><div class="article__body">${paragraphs.join("\n")}</div><section class="article__tags" aria-label="Topics"><h2 class="visually-hidden">Topics</h2><ul><li><a href="/tags/${n}/" rel="tag">${word()} ${word()}</a></li><li><a href="/tags/road/" rel="tag">road</a></li></ul></section><div class="search-meta" data-pagefind-ignore=""><span data-pagefind-meta="title">${title}</span><span data-pagefind-meta="section">${section}</span><span data-pagefind-filter="section">${section}</span><span data-pagefind-filter="year">${2010 + r.int(15)}</span><span data-pagefind-meta="byline">${r.pick(NAMES)}</span></div></article></body></html>`;
  });
}

describe("fossick", () => {
  it("reads the brief's example as Pagefind 1.6 does, words, forms and weights included", async () => {
    const html = `<html lang="en"><body><h1>The Café reopens, naïve</h1><p>Well-known COVID19 résumé costs 7,664 dollars. It's the mayor’s “plan”. running runners</p><h2 id="more">More news</h2><div data-pagefind-ignore><span data-pagefind-meta="title">The Café reopens</span><span data-pagefind-meta="section">Business news</span></div></body></html>`;
    const page = read("/p/0/", html)!;
    expect(page.language).toBe("en");
    expect(page.metaFields).toEqual(["section", "title"]);
    expect(page.words.get("the")!.occurrences).toEqual({ text: [11, 24, 0, 168], meta: [1, 0] });
    // "cafe" is met only as "café": a call for the form, none for the word's own.
    expect(page.calls.filter(([key]) => key === "cafe")).toEqual([["cafe", "café"]]);
    expect(page.words.get("cafe")!.forms.get("café")).toEqual({ text: [1, 168], meta: [1, 1] });
    expect(page.words.get("well")!.occurrences.text).toEqual([4, 12]);
    expect(page.words.get("it")!.occurrences.text).toEqual([10, 24, 10, 24]);
    expect(page.fragment.anchors).toEqual([{ element: "h2", id: "more", text: "More news", location: 16 }]);
    expect(await expectParity([{ url: "/p/0/", html }])).toBe(1);
  });

  it("reads hand-written edge documents as Pagefind does", async () => {
    const docs = edgeDocuments.map((html, n) => ({ url: `/edge/${n}/`, html }));
    expect(await expectParity(docs)).toBeGreaterThan(20);
  });

  it("gives a word's forms in Pagefind's order: a page's forms in the text by bytes, then those only in metadata by bytes", async () => {
    // Each set is one index: the forms' order is by first page, then as given for that page.
    const forms = [
      [`<p>résumé resumé</p>`],
      [`<p>résumé</p><div data-pagefind-ignore><span data-pagefind-meta="title">resumé rèsume</span></div>`, `<p>rèsumè Résumé</p>`],
      [`<p>rèsumè</p>`, `<p>résumé naïve</p><div data-pagefind-ignore><span data-pagefind-meta="title">resumé naive naïf</span></div>`, `<p>resume rèsumè resumé</p>`],
    ];
    for (const [set, bodies] of forms.entries()) {
      const docs = bodies.map((body, n) => ({ url: `/forms/${set}/${n}/`, html: page(body) }));
      expect(await expectParity(docs)).toBe(bodies.length);
    }
  });

  it("reads newsroom stories and benchmark-corpus stories as Pagefind does", async () => {
    const docs = [...newsroomDocuments(30).map((html, n) => ({ url: `/2026/03/story-${n}/`, html })), ...syntheticDocuments(50).map((html, n) => ({ url: `/bench/${n}/`, html }))];
    expect(await expectParity(docs)).toBe(80);
  });

  it("leaves out a page without words, and refuses the languages it cannot read as Pagefind does, giving the sink nothing", () => {
    expect(read("/empty/", page(""))).toBeUndefined();
    expect(read("/meta-only/", page(`<div data-pagefind-ignore><span data-pagefind-meta="title">Title</span></div>`))).toBeUndefined();
    const never: WordSink = { word: () => expect.unreachable("a word given") };
    for (const lang of ["zh-CN", "ja", "th", "fi", "ta"]) expect(() => fossick("/x/", page("<p>words</p>", { lang }), never)).toThrow(lang.toLowerCase());
    expect(read("/ko/", page("<p>한국어 words</p>", { lang: "ko" }))?.language).toBe("ko");
  });

  it("reads a page the same however many pages came before, in whichever language", () => {
    const docs = [...newsroomDocuments(5), page(`<p>Die Häuser der Straße</p>`, { lang: "de" }), ...syntheticDocuments(5), page(`<p>Les élèves à l'école</p>`, { lang: "fr" })];
    const first = docs.map((html, n) => read(`/again/${n}/`, html));
    const backwards = [...docs.entries()].reverse().map(([n, html]) => read(`/again/${n}/`, html));
    expect(backwards.reverse()).toEqual(first);
  });
});
