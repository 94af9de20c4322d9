// Writes a deterministic synthetic newsroom for the benchmark: settings, ~50 authors, 12 sections,
// ~200 tags and N articles of 600–1,200 words with realistic front matter. The same seed and N give
// byte-identical files on every machine.
import fs from "node:fs/promises";
import path from "node:path";
import { stringify } from "yaml";
import { Random } from "../random.ts";
import type { SettingsInput } from "../../src/content/schema.ts";

export interface CorpusOptions {
  /** The content folder to create (it must not exist yet). */
  dir: string;
  articles: number;
  seed?: number;
  /**
   * Photo files to use: article i gets `photos[i % photos.length]`, hard-linked (or copied) next to
   * its Markdown file under its own name, so every article has its own photo path.
   */
  photos?: readonly string[];
  /** Author headshots, cycled the same way (optional). */
  headshots?: readonly string[];
}

export interface Corpus {
  dir: string;
  /** Markdown files of the articles, relative to `dir`. */
  articleFiles: string[];
  /** The site path of each article, same order as `articleFiles`. */
  articlePaths: string[];
  /** Total bytes of Markdown written (articles only). */
  bytes: number;
}

const SITE_ZONE = "America/Chicago";

export const SECTIONS = [
  ["news", "News"],
  ["politics", "Politics"],
  ["business", "Business"],
  ["education", "Education"],
  ["environment", "Environment"],
  ["health", "Health"],
  ["science", "Science"],
  ["culture", "Culture"],
  ["food", "Food"],
  ["sports", "Sports"],
  ["opinion", "Opinion"],
  ["obituaries", "Obituaries"],
] as const;

const FIRST = ["Ana", "Li", "Mara", "Theo", "June", "Sam", "Priya", "Omar", "Grace", "Tomás", "Ines", "Kwame", "Hana", "Felix", "Rosa", "Dmitri", "Aisha", "Lucas", "Noor", "Elena", "Ravi", "Chloe", "Mateo", "Yuki", "Zora", "Ben", "Fatima", "Jonah", "Leila", "Owen"];
const LAST = ["Ruiz", "Wei", "Quinn", "Okafor", "Alvarado", "Whitlock", "Natarajan", "Haddad", "Lindqvist", "Moreau", "Castellano", "Mensah", "Sato", "Brandt", "Ferreira", "Ivanova", "Diallo", "Costa", "Rahman", "Petrov", "Iyer", "Dubois", "Herrera", "Tanaka", "Novak", "Adler", "Bello", "Kowalski", "Nasser", "Byrne"];
const ROLES = ["City Hall reporter", "Business editor", "Education reporter", "Environment reporter", "Health reporter", "Sports writer", "Photographer", "Managing editor", "Culture critic", "Data reporter", "Courts reporter", "Science writer"];
const PLACES = ["PORT ALDER, Lakeshore", "NORTH HAVEN, Lakeshore", "BIRCH HOLLOW, Lakeshore", "GULL POINT, Lakeshore", "MILLBROOK, Lakeshore", "CEDAR FALLS, Lakeshore", "STATE CAPITOL", "OTTAWA", "WASHINGTON", "CHICAGO", "DULUTH, Minn.", "THUNDER BAY, Ont.", "MADISON, Wis.", "MARQUETTE, Mich.", "GREEN BAY, Wis."];

// Frequent words, as in any English news copy.
const COMMON = (
  "the of and to a in that is for on was with said he she they it as at by from his her their has have had be been " +
  "will would could not but more after over about than into up out one two three new year years last first city county " +
  "state council board school people residents officials plan million percent week month day time public local " +
  "water lake harbour road street police mayor budget vote members community report district project money program " +
  "workers families business center season team game group health students teachers hospital court case law bill"
).split(" ");

// Syllables for a few thousand less frequent "content" words, drawn with a Zipf-like skew, so a
// search index and the text measures see a vocabulary of realistic size.
const ONSETS = ["b", "br", "c", "ch", "cl", "d", "dr", "f", "fl", "g", "gr", "h", "j", "k", "l", "m", "n", "p", "pl", "pr", "r", "s", "sh", "st", "t", "tr", "v", "w"];
const NUCLEI = ["a", "e", "i", "o", "u", "ai", "ea", "ou", "ee", "oa"];
const CODAS = ["", "n", "r", "st", "nd", "ck", "ll", "t", "m", "ng", "s", "rd"];

interface Vocabulary {
  words: string[];
  cumulative: number[];
}

function makeVocabulary(random: Random, size: number): Vocabulary {
  const seen = new Set<string>();
  const words: string[] = [];
  while (words.length < size) {
    const syllables = random.int(1, 3);
    let word = "";
    for (let s = 0; s < syllables; s++) word += random.pick(ONSETS) + random.pick(NUCLEI) + (s === syllables - 1 ? random.pick(CODAS) : "");
    if (!seen.has(word) && word.length > 2) {
      seen.add(word);
      words.push(word);
    }
  }
  let total = 0;
  const cumulative = words.map((_, rank) => (total += 1 / (rank + 8)));
  return { words, cumulative: cumulative.map((value) => value / total) };
}

function drawWord(random: Random, vocabulary: Vocabulary): string {
  const x = random.next();
  let low = 0;
  let high = vocabulary.cumulative.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((vocabulary.cumulative[mid] ?? 1) < x) low = mid + 1;
    else high = mid;
  }
  return vocabulary.words[low] ?? "lake";
}

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

class Writer {
  constructor(
    private readonly random: Random,
    private readonly vocabulary: Vocabulary,
  ) {}

  word(): string {
    return this.random.chance(0.45) ? this.random.pick(COMMON) : drawWord(this.random, this.vocabulary);
  }

  name(): string {
    return `${this.random.pick(FIRST)} ${this.random.pick(LAST)}`;
  }

  /** Words of a sentence without the final period; `count` words long. */
  clause(count: number): string {
    const words: string[] = [];
    for (let i = 0; i < count; i++) {
      const roll = this.random.next();
      if (roll < 0.03) words.push(this.name());
      else if (roll < 0.05) words.push(this.random.chance(0.5) ? `${this.random.int(2, 98)} percent` : `${this.random.int(1, 9)},${String(this.random.int(0, 999)).padStart(3, "0")}`);
      else words.push(this.word());
      if (i > 3 && i < count - 3 && this.random.chance(0.06)) words[words.length - 1] += ",";
    }
    return words.join(" ");
  }

  sentence(): string {
    return `${capitalize(this.clause(this.random.int(8, 24)))}.`;
  }

  paragraph(sentences: number): string {
    return Array.from({ length: sentences }, () => this.sentence()).join(" ");
  }

  quote(): string {
    return `"${capitalize(this.clause(this.random.int(10, 22)))}," said ${this.name()}, ${this.random.pick(ROLES).toLowerCase()}. "${capitalize(this.clause(this.random.int(6, 14)))}."`;
  }

  headline(): string {
    return capitalize(this.clause(this.random.int(6, 11)).replace(/,/g, ""));
  }
}

function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => /[A-Za-z0-9]/.test(word)).length;
}

/** A body of 600–1,200 words: paragraphs, quotes, one heading, a list and a block quote. */
function writeBody(writer: Writer, random: Random): string {
  const target = random.int(600, 1200);
  const blocks: string[] = [];
  let words = 0;
  const add = (block: string) => {
    blocks.push(block);
    words += countWords(block);
  };
  const headingAt = random.int(3, 5);
  const listAt = random.int(6, 9);
  const blockquoteAt = random.int(2, 8);
  while (words < target) {
    const index = blocks.length;
    if (index === headingAt) add(`## ${writer.headline()}`);
    else if (index === listAt) add(Array.from({ length: random.int(3, 5) }, () => `- **${capitalize(writer.word())} ${writer.word()}** ${writer.clause(random.int(6, 14))}.`).join("\n"));
    else if (index === blockquoteAt) add(`> ${writer.paragraph(random.int(1, 2))}`);
    else if (index > 0 && random.chance(0.22)) add(writer.quote());
    else if (random.chance(0.08)) add(`${writer.paragraph(random.int(1, 3))} Read the [full ${writer.word()} report](https://example.org/reports/${random.int(1000, 9999)}) for *more* on the ${writer.word()}.`);
    else add(writer.paragraph(random.int(2, 5)));
  }
  return `${blocks.join("\n\n")}\n`;
}

function yamlString(text: string): string {
  return JSON.stringify(text);
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}

function settingsFile(): string {
  const settings = {
    name: "The Benchmark Gazette",
    tagline: "Synthetic news for measuring builds",
    baseUrl: "https://gazette.example.org/",
    language: "en-US",
    timeZone: SITE_ZONE,
    sections: SECTIONS.map(([slug, title]) => ({ slug, title })),
    newsletter: {
      action: "https://newsletter.example.org/subscribe/gazette",
      method: "post",
      emailField: "email",
    },
    support: {
      text: "The Gazette is reader-funded and free to read.",
      url: "https://gazette.example.org/join",
    },
    social: { x: "benchgazette" },
  } satisfies SettingsInput;
  return `# Synthetic newsroom for the benchmark (scripts/bench). Generated: do not edit.\n${stringify(settings)}`;
}

async function placeFile(source: string, target: string): Promise<void> {
  try {
    await fs.link(source, target);
  } catch {
    await fs.copyFile(source, target);
  }
}

export async function writeCorpus(options: CorpusOptions): Promise<Corpus> {
  const seed = options.seed ?? 20_261_118;
  const random = new Random(seed);
  const vocabulary = makeVocabulary(random, 6000);
  const writer = new Writer(random, vocabulary);
  const dir = options.dir;
  await fs.mkdir(path.join(dir, "authors"), { recursive: true });
  await fs.writeFile(path.join(dir, "settings.yml"), settingsFile());

  // ~50 authors, two of them organisation bylines.
  const authorIds: string[] = [];
  const usedIds = new Set<string>();
  for (let i = 0; authorIds.length < 50; i++) {
    const organization = authorIds.length >= 48;
    const name = organization ? (authorIds.length === 48 ? "Gazette Staff" : "Wire Services") : writer.name();
    const id = name.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z0-9]+/g, "-");
    if (usedIds.has(id)) continue;
    usedIds.add(id);
    authorIds.push(id);
    const lines = ["---", `name: ${yamlString(name)}`];
    if (organization) lines.push("organization: true");
    else {
      lines.push(`role: ${yamlString(random.pick(ROLES))}`, `email: ${id}@gazette.example.org`);
      if (random.chance(0.5)) lines.push(`x: "@${id.replace(/-/g, "_").slice(0, 15)}"`);
      const headshot = options.headshots?.[authorIds.length % options.headshots.length];
      if (headshot) {
        lines.push(`photo: ${id}.jpg`);
        await placeFile(headshot, path.join(dir, "authors", `${id}.jpg`));
      }
    }
    lines.push("---", writer.paragraph(random.int(2, 4)), "");
    await fs.writeFile(path.join(dir, "authors", `${id}.md`), lines.join("\n"));
  }

  // ~200 tags, a few of them much more common than the rest.
  const tags = Array.from(new Set(Array.from({ length: 260 }, () => (random.chance(0.3) ? `${writer.word()} ${writer.word()}` : writer.word())))).slice(0, 200);
  const popularTags = tags.slice(0, 20);

  // Articles spread over ten years, newest about mid-2026.
  const start = Date.UTC(2016, 0, 1);
  const span = Date.UTC(2026, 5, 30) - start;
  const corpus: Corpus = { dir, articleFiles: [], articlePaths: [], bytes: 0 };
  const madeDirs = new Set<string>();
  for (let i = 0; i < options.articles; i++) {
    const when = new Date(start + Math.floor(random.next() * span));
    const offset = when.getUTCMonth() >= 2 && when.getUTCMonth() <= 9 ? "-05:00" : "-06:00";
    const day = `${when.getUTCFullYear()}-${pad(when.getUTCMonth() + 1)}-${pad(when.getUTCDate())}`;
    const hour = random.int(5, 22);
    const minute = random.int(0, 59);
    const date = random.chance(0.1) ? day : `${day}T${pad(hour)}:${pad(minute)}:00${offset}`;
    const headline = writer.headline();
    const slug = `${headline.toLowerCase().replace(/[^a-z0-9]+/g, "-").split("-").filter(Boolean).slice(0, 6).join("-")}-${i + 1}`;
    const year = String(when.getUTCFullYear());
    const folder = path.join(dir, "articles", year);
    if (!madeDirs.has(folder)) {
      await fs.mkdir(folder, { recursive: true });
      madeDirs.add(folder);
    }

    const lines = ["---", `headline: ${yamlString(headline)}`];
    if (random.chance(0.7)) lines.push(`summary: ${yamlString(writer.sentence())}`);
    const byline = random.sample(authorIds, random.chance(0.2) ? 2 : 1);
    lines.push(byline.length === 1 ? `byline: ${byline[0]}` : `byline: [${byline.join(", ")}]`);
    lines.push(`date: ${date}`);
    if (date.includes("T") && random.chance(0.2)) {
      lines.push(`updated: ${day}T${pad(Math.min(23, hour + random.int(1, 3)))}:${pad(minute)}:00${offset}`);
    }
    if (random.chance(0.6)) lines.push(`dateline: ${yamlString(random.pick(PLACES))}`);
    lines.push(`section: ${random.pick(SECTIONS)[0]}`);
    const tagCount = random.int(1, 4);
    const chosen = random.sample(random.chance(0.5) ? popularTags : tags, tagCount);
    lines.push(`tags: [${[...new Set(chosen)].map(yamlString).join(", ")}]`);
    const photo = options.photos?.[i % options.photos.length];
    if (photo) {
      // A generator of its own, so the corpus with photos has the same articles as the one without.
      const photoRandom = new Random(seed * 31 + i);
      const photoWriter = new Writer(photoRandom, vocabulary);
      lines.push(`photo: ${slug}.jpg`, `alt: ${yamlString(photoWriter.clause(photoRandom.int(8, 14)))}`, `caption: ${yamlString(photoWriter.sentence())}`);
      if (photoRandom.chance(0.8)) lines.push(`credit: ${yamlString(`${photoWriter.name()} / The Benchmark Gazette`)}`);
      await placeFile(photo, path.join(folder, `${slug}.jpg`));
    }
    if (random.chance(0.05)) {
      lines.push("corrections:", `  - date: ${day}T23:00:00${offset}`, `    text: ${yamlString(`An earlier version misstated the ${writer.word()} ${writer.word()}.`)}`);
    }
    if (random.chance(0.01)) lines.push("featured: true");
    lines.push("---", writeBody(writer, random));
    const text = lines.join("\n");
    const file = path.join("articles", year, `${slug}.md`);
    await fs.writeFile(path.join(dir, file), text);
    corpus.articleFiles.push(file);
    corpus.articlePaths.push(`/${day.replace(/-/g, "/")}/${slug}/`);
    corpus.bytes += Buffer.byteLength(text);
  }
  return corpus;
}

/**
 * An hour of a newsroom's work on a corpus, for the warm builds of the bench: `added` new stories
 * (copies of random archive stories under names of their own, one a minute in the hour before `now`,
 * the build's "now": all of them published, none scheduled) and `edited` stories with a new paragraph
 * (every other one a new headline too). Deterministic for a seed; each seed adds stories of its own.
 */
export async function publishEdits(corpus: Corpus, options: { added: number; edited: number; now: string; seed?: number }): Promise<{ added: string[]; edited: string[] }> {
  const seed = options.seed ?? 7;
  const random = new Random(seed);
  const added: string[] = [];
  for (let i = 0; i < options.added; i++) {
    const from = corpus.articleFiles[random.int(0, corpus.articleFiles.length - 1)] ?? "";
    const text = await fs.readFile(path.join(corpus.dir, from), "utf8");
    // One a minute up to "now", the first the earliest.
    const time = `${new Date(Date.parse(options.now) - (options.added - i) * 60_000).toISOString().slice(0, 16)}:00Z`;
    const fresh = text
      .replace(/^date: .*$/m, `date: ${time}`)
      .replace(/^updated: .*\n/m, "")
      // A new story has no corrections yet (the copied ones would predate it).
      .replace(/^corrections:\n(?: {2}.*\n)+/m, "")
      .replace(/^headline: "?(.*?)"?$/m, (_line, headline: string) => `headline: "${headline.replace(/"/g, "'")}, the follow-up ${i + 1}"`);
    const file = path.join("articles", time.slice(0, 4), `follow-up-${seed}-${i + 1}.md`);
    await fs.mkdir(path.join(corpus.dir, path.dirname(file)), { recursive: true });
    await fs.writeFile(path.join(corpus.dir, file), fresh);
    added.push(file);
  }
  const edited: string[] = [];
  for (let i = 0; i < options.edited; i++) {
    const file = corpus.articleFiles[random.int(0, corpus.articleFiles.length - 1)] ?? "";
    const target = path.join(corpus.dir, file);
    let text = await fs.readFile(target, "utf8");
    text = `${text.trimEnd()}\n\nThis story was updated with new reporting (${i + 1}).\n`;
    if (i % 2 === 0) text = text.replace(/^headline: "?(.*?)"?$/m, (_line, headline: string) => `headline: "${headline.replace(/"/g, "'")} (updated)"`);
    await fs.writeFile(target, text);
    edited.push(file);
  }
  return { added, edited };
}
