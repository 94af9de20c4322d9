// Writes docs/content-errors.md: every content error the build raises, with its exact message and
// the fix, produced by running the validator over the error fixtures in tests/fixtures/. A test
// regenerates it and fails when the committed file and the code disagree.
// Run: node --import tsx/esm scripts/content-errors-catalogue.ts [--check]
import fs from "node:fs/promises";
import { execFileSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { validateNewsroom } from "../src/content/load.ts";
import { ContentError, sortProblems } from "../src/content/errors.ts";
import { build } from "../src/build/build.ts";
import { MAX_CONTENT_BYTES } from "../src/content/read-text.ts";
import { YAML_LIMITS } from "../src/content/yaml-limits.ts";
import { MAX_NESTING } from "../src/markdown/drops.ts";
import { isMain } from "../src/cli/command-line.ts";
import sharp from "sharp";

const REPO = path.resolve(import.meta.dirname, "..");
export const CATALOGUE = path.join(REPO, "docs/content-errors.md");

interface Entry {
  /** A fixture folder in tests/fixtures, layered on the base site. */
  fixture?: string;
  /** Or files written on top of the base site. */
  files?: Record<string, string | Buffer>;
  /** Files of the base site removed. */
  remove?: string[];
  /** Symbolic links made: path in content/ → what it points at. */
  links?: Record<string, string>;
  /** Named pipes made (mkfifo). */
  fifos?: string[];
  /** Found only once the site is planned (links that resolve): the entry runs a whole build. */
  build?: boolean;
  title: string;
  fix: string;
}

const article = (frontMatter: string, body = "Text.") => `---\n${frontMatter}\n---\n${body}\n`;
/** A live-coverage article dated 2026-03-06 09:00 in the base site's zone, with extra front matter. */
const liveArticle = (extra: string, body = "Text.") => ({ "articles/2026/live.md": article(`headline: Live\nbyline: li-wei\ndate: 2026-03-06T09:00:00-06:00\nsection: news\n${extra}`, body) });

const ferry = (frontMatter: string, body = "Text.") => ({ "articles/2026/ferry.md": article(`headline: Ferry resumes\nbyline: li-wei\ndate: 2026-03-07\nsection: news\n${frontMatter}`, body) });
/** Every value copied twice per level: 2^16 copies from 15 aliases. */
const yamlBomb = ["l0: &l0 [lol, lol]", ...Array.from({ length: 15 }, (_, i) => `l${i + 1}: &l${i + 1} [*l${i}, *l${i}]`)].join("\n");
/** The base site's settings with some lines replaced: for settings errors that need a whole file. */
const baseSettings = await fs.readFile(path.join(REPO, "tests/fixtures/base/settings.yml"), "utf8");
const newsletterBlock = baseSettings.slice(baseSettings.indexOf("newsletter:"), baseSettings.indexOf("support:"));
const settingsWith = (replace: [string, string][]) => replace.reduce((text, [from, to]) => text.replace(from, to), baseSettings);
const harbourPhoto = await fs.readFile(path.join(REPO, "tests/fixtures/base/articles/2026/harbour.jpg"));
/** The base site's harbour photo cut in half, as an interrupted upload leaves it. */
const truncatedPhoto = harbourPhoto.subarray(0, Math.floor(harbourPhoto.length / 2));
/** The harbour photo with an XMP caption hiding an ESC sequence. */
const photoWithCaption = await sharp(harbourPhoto)
  .withXmp(
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:description><rdf:Alt><rdf:li xml:lang="x-default">Boats at dusk&#27;[8m</rdf:li></rdf:Alt></dc:description></rdf:Description></rdf:RDF></x:xmpmeta>',
  )
  .jpeg()
  .toBuffer();

/** Every kind of problem, in the order an editor meets them. */
const ENTRIES: Entry[] = [
  { fixture: "article-yaml-bad-indentation", title: "YAML that does not parse: indentation", fix: "Start every field at the beginning of the line; indent only the items of a list or a group." },
  { fixture: "article-yaml-unclosed-quote", title: "YAML that does not parse: an unclosed quote", fix: "Close the quote on the same line, or remove it. Quote text that contains `: `." },
  { files: ferry(`${yamlBomb}\ntags: *l15\n`), title: "YAML aliases that copy a value too many times (a YAML bomb)", fix: `Write the values out; aliases (\`*name\`) may copy values at most ${YAML_LIMITS.maxAliasExpansion} times in all.` },
  {
    files: ferry(`credit: &c Li Wei\n${Array.from({ length: YAML_LIMITS.maxAliases + 1 }, (_, i) => `k${i}: *c`).join("\n")}\n`),
    title: "Too many YAML aliases",
    fix: `Write the values out; a front matter or block may use at most ${YAML_LIMITS.maxAliases} aliases.`,
  },
  { files: ferry("caption: *photographer\n"), title: "A YAML alias with no anchor", fix: "Define `&name` on a value above the alias, or write the value out." },
  { files: ferry("tags: &t [harbour, *t]\n"), title: "A YAML alias inside its own anchor", fix: "Write the value out: a value cannot contain itself." },
  {
    files: ferry(`tags:\n${Array.from({ length: YAML_LIMITS.maxDepth }, (_, i) => `${"  ".repeat(i)}- `).join("\n")}x\n`),
    title: "YAML nested too deeply",
    fix: `Write fields as the documentation shows: no field needs more than three levels, and ${YAML_LIMITS.maxDepth} is the limit.`,
  },
  { files: ferry(`summary: "${"word ".repeat(YAML_LIMITS.maxChars / 5)}"\n`), title: "Front matter over the size limit", fix: "Move long text into the body; front matter holds short fields." },
  { files: ferry("credit: !!js/function 'function () {}'\n"), title: "A YAML tag", fix: "Remove the tag (`!!js/function`, `!!binary`, `!foo`…): fields are plain text, numbers, true/false, lists and groups." },
  {
    files: ferry("", "Text.\n\n```figure\nsrc: harbour.jpg\n---\nalt: Boats\n```"),
    title: "A line of three dashes inside a fenced block",
    fix: "Remove the `---` line: a block holds one set of fields.",
  },
  { fixture: "article-js-front-matter", title: "Executable front matter (`---js`)", fix: "Write the front matter as YAML between plain `---` lines. Dateline never runs code from content." },
  { fixture: "article-missing-headline", title: "A required field is missing", fix: "Add the field; the message says what it holds." },
  { fixture: "article-empty-headline", title: "A required field is empty", fix: "Write the text, or remove an optional field." },
  { fixture: "article-headline-list", title: "A field of the wrong type: a list where text belongs", fix: "Write one line of text." },
  { fixture: "article-tags-not-list", title: "A field of the wrong type: text where a list belongs", fix: "Write tags as a list: `tags: [housing, city council]`." },
  { fixture: "article-draft-text", title: "A field of the wrong type: text where true/false belongs", fix: "Write `true` or `false` without quotes." },
  {
    files: { "articles/2026/ferry.md": article('headline: "Ferry\u0000 resumes"\nbyline: li-wei\ndate: 2026-03-07\nsection: news\ndateline: "PORT ALDER\\e[2J"') },
    title: "An invisible control character in a field",
    fix: "Delete it (it often comes from pasting out of a PDF or a terminal). Tab and line breaks are the only control characters text may hold.",
  },
  {
    files: ferry("", "First line.\n\nA line with a bell\u0007 in it."),
    title: "An invisible control character in the body",
    fix: "Delete it; the line number points at the line that holds it.",
  },
  {
    files: ferry("summary: \"Read the file invoice\u202Efdp.exe\"\n"),
    title: "A bidi override",
    fix: "Delete it. Right-to-left text (Arabic, Hebrew) needs no control characters; the marks U+200E, U+200F and U+061C are allowed, and so are embeddings and isolates closed on the same line.",
  },
  {
    files: ferry("tags: [\"\u2067إعصار\"]\n"),
    title: "A bidi isolate or embedding left open",
    fix: "Close it on the same line (U+2069 closes an isolate, U+202C an embedding), or delete it.",
  },
  { fixture: "article-misspelt-field", title: "An unknown field (a typo)", fix: "Use the suggested field name, or remove the line." },
  { fixture: "article-date-not-iso", title: "A date that is not ISO 8601", fix: "Write `2026-03-05` or `2026-03-05T09:30:00-05:00`." },
  { fixture: "article-date-impossible", title: "A date that does not exist", fix: "Check the month and the day." },
  { fixture: "article-updated-before-date", title: "`updated` before `date`", fix: "`updated` is the last substantive update: the same as or after the publication time." },
  { fixture: "article-unknown-author", title: "A byline with no author file", fix: "Use one of the listed ids, or add `content/authors/<id>.md`." },
  { fixture: "article-unknown-section", title: "A section the site does not have", fix: "Use one of the listed section slugs, or add the section to `content/settings.yml`." },
  {
    files: { "articles/2026/ferry.md": article("headline: Ferry resumes\nbyline: [Li Wei, ana-ruiz]\ndate: 2026-03-07\nsection: Business") },
    title: "An author's name or a section's title where the id or slug goes",
    fix: "Write the id (the author file's name without `.md`) or the section's slug: the message suggests the one meant.",
  },
  { fixture: "article-photo-missing", title: "A photo that does not exist", fix: "Put the image next to the article and check the file name's spelling and case." },
  { fixture: "article-photo-not-image", title: "A photo that is not an image", fix: "Export the photo as JPEG, PNG, WebP or AVIF." },
  {
    files: { "articles/2026/harbour.jpg": truncatedPhoto },
    title: "A photo that is damaged or truncated",
    fix: "Export or download the photo again: the file ends early or holds data that does not decode, which the build cannot encode.",
  },
  {
    files: { ...ferry("photo: tricky.jpg\nalt: Boats at dusk\n"), "articles/2026/tricky.jpg": photoWithCaption },
    title: "Text a photo file carries with an invisible character",
    fix: "Write the field in the front matter to replace the file's, or fix the photo's IPTC/XMP fields.",
  },
  { fixture: "article-photo-outside-content", title: "A photo outside the content folder", fix: "Copy the image next to the article and refer to it by its file name." },
  { fixture: "article-photo-without-alt", title: "A photo without `alt`", fix: "Describe what the photo shows, for readers who cannot see it." },
  { fixture: "article-photo-without-caption", title: "A photo without `caption`", fix: "Write the caption printed under the photo." },
  { fixture: "article-figure-without-alt", title: "An inline figure without `alt`", fix: "Add `alt:` inside the ```figure block." },
  { fixture: "article-figure-image-missing", title: "An inline figure whose image does not exist", fix: "Put the image next to the article; `src:` is relative to the article." },
  {
    files: ferry("", `Intro.\n\n${">".repeat(MAX_NESTING + 10)} Deep quote.`),
    title: "Markdown nested too deeply",
    fix: `Take out some \`>\` or list indentation: what is nested more than ${MAX_NESTING} levels deep would not be published.`,
  },
  {
    files: ferry("", "| Ferry | Leaves |\n|---|---|\n| North Haven | 06:10 | 06:40 |"),
    title: "A table row with more cells than its header",
    fix: "Add the column to the header row, or join the cells; write `\\|` for a pipe inside a cell.",
  },
  { fixture: "article-tag-without-letters", title: "A tag that makes no URL", fix: "Use a word: tags need at least one letter or digit." },
  { fixture: "article-duplicate-url", title: "Two articles with the same URL", fix: "Give one of them a different `slug:` (or file name)." },
  {
    files: { "articles/2026/huge.md": article("headline: Huge\nbyline: li-wei\ndate: 2026-03-05\nsection: news", "word ".repeat(MAX_CONTENT_BYTES / 5 + 10)) },
    title: "A file over the size limit",
    fix: "Split the story; move large tables or data out of the article.",
  },
  {
    files: { "articles/2026/latin1.md": Buffer.from(article("headline: Café\nbyline: li-wei\ndate: 2026-03-05\nsection: news"), "latin1") },
    title: "A file that is not UTF-8",
    fix: "Save the file as UTF-8 (every modern editor can).",
  },
  {
    files: liveArticle("live: true", "Summary.\n\n## 25:10 — Ferry resumes\n\nText."),
    title: "A live update whose time cannot be read",
    fix: "Start the update's heading with a 24-hour time, `## 14:05`, or a date and time, `## 2026-03-07 01:50`.",
  },
  {
    files: liveArticle("live: true", "Summary.\n\n## 08:00 — Too early\n\nText."),
    title: "A live update before the article's date",
    fix: "Check the time; an update after midnight needs its date: `## 2026-03-07 00:30`.",
  },
  {
    files: liveArticle("live: true", "Summary.\n\n## 10:00 — First\n\nText.\n\n## 10:00 — Second\n\nText."),
    title: "Two live updates at the same minute",
    fix: "Give each update its own minute, or merge the two.",
  },
  {
    files: liveArticle("live: true", "Only a summary."),
    title: "Live coverage without updates",
    fix: "Add an update under a heading that starts with its time (`## 09:15 — What happened`), or remove `live: true`.",
  },
  {
    files: liveArticle("liveEnded: 2026-03-06T12:00:00-06:00"),
    title: "`liveEnded` on an article that is not live coverage",
    fix: "Add `live: true`, or remove `liveEnded`.",
  },
  {
    files: liveArticle("live: true\nliveEnded: 2026-03-06T10:00:00-06:00", "Summary.\n\n## 11:00 — Late\n\nText."),
    title: "`liveEnded` before the newest update",
    fix: "Set `liveEnded` to the time coverage ended, at or after the last update.",
  },
  { fixture: "author-unknown-field", title: "An author file with an unknown field", fix: "Use the suggested field name, or remove the line." },
  { fixture: "author-bad-email", title: "An author email that is not an address", fix: "Write a full address, `name@example.org`." },
  { fixture: "author-javascript-url", title: "An author website that is not a web address", fix: "Write an address starting with `https://`." },
  {
    files: { "authors/li-wei.md": "---\nname: Li Wei\nurl: https://liwei.example.org/?api_key=q8Zr2LxV7nKp4TfW9sYb3HcJ6mDg1RaE5uQo0iNl\n---\nBio.\n" },
    title: "A key or token in an address the site publishes",
    fix: "Remove it, and revoke the key if it was ever published: a link needs no credential.",
  },
  { fixture: "settings-bad-section-slug", title: "A section slug that is not a slug", fix: "Lowercase letters, digits and hyphens: `city-hall`." },
  { fixture: "settings-reserved-section-slug", title: "A section slug the site needs, or used twice", fix: "Choose another slug." },
  { fixture: "settings-support-url-token", title: "A token in the support link", fix: "Use the page's public address; revoke the token if it was ever published." },
  {
    fixture: "settings-newsletter-host-injects-csp",
    title: "A newsletter address whose host is not a plain domain name",
    fix: "Copy the form address again from the provider: hosts are letters, digits, hyphens and dots (a `;` or `,` would also have changed the site's Content-Security-Policy).",
  },
  { fixture: "settings-missing-newsletter-action", title: "Settings without the newsletter form's address", fix: "Set the provider's form address in `newsletter`." },
  {
    files: { "settings.yml": settingsWith([["support:", "shareCards:\n  draw: yes please\n  from: March 2026\nsupport:"]]) },
    title: "Share card settings that are not a switch and a day",
    fix: "`draw: true` or `false`; `from` a day, `2026-03-01` (docs/story-types.md).",
  },
  {
    files: { "settings.yml": settingsWith([["language: en-US", "language: it-IT"]]) },
    title: "A language without an interface translation",
    fix: "Choose a shipped language (its region may be any: `fr-CA` uses French), or add a catalogue in `src/i18n/` as docs/languages.md describes.",
  },
  {
    files: {
      "settings.yml": settingsWith([
        [
          newsletterBlock,
          "newsletters:\n  - provider: buttondown\n    username: gazette\n  - id: sports\n    start: 2026-03-01\n    frequency: weekly\n    sections: [sprots]\n    provider: buttondown\n    username: gazette-sports\n  - id: sports\n    start: 2026-03-01\n    weekday: friday\n    provider: buttondown\n    username: gazette-weekend\n",
        ],
      ]),
    },
    title: "A newsletter of the list without its id or start, or at odds with the others and the site",
    fix: "Give each newsletter of `newsletters` its own `id` and a `start` day; list only the site's sections; set `weekday` only with `frequency: weekly` (docs/newsletter.md).",
  },
  {
    files: { "settings.yml": settingsWith([["support:", "newsletters: [{ id: sports, start: 2026-03-01, provider: buttondown, username: gazette-sports }]\nsupport:"]]) },
    title: "Both the single newsletter and the newsletters list",
    fix: "Move the `newsletter` block into the `newsletters` list, with an `id` and a `start`, and delete it.",
  },
  {
    files: { "newsletter/dailly/2026-03-05.md": "---\nsigned: Li Wei\n---\nGood morning.\n", "newsletter/daily/2026-03-05.md": "---\nsigned: Li Wei\n---\nGood morning.\n", "newsletter/2026-03-05.md": "---\nsigned: Ana Ruiz\n---\nGood morning.\n" },
    title: "Editor's notes in a folder named for no newsletter, or two notes for one edition",
    fix: "Name the folder after the newsletter's `id`; keep one note per edition (a note at the top of `newsletter/` belongs to the first newsletter).",
  },
  { files: ferry("priority: 10"), title: "A priority outside 0 to 9", fix: "Write a whole number from 0 (the default) to 9; the higher leads a newsletter edition (docs/edition.md)." },
  { files: ferry("slug: Ferry Resumes"), title: "A slug: that is not a slug", fix: "Write it as the URL part: lowercase, words joined by single hyphens, in any script (`ferry-resumes`, `عودة-العبارة`)." },
  {
    files: { "settings.yml": `name: The Fixture Gazette\ntagline: "Tidings from the coast\nbaseUrl: https://gazette.example.org/\n` },
    title: "Settings YAML that does not parse",
    fix: "Close the quote on the same line, or remove it; quote text that contains `: `. The line is where the YAML starts to go wrong.",
  },
  {
    files: { "settings.yml": "- name: The Fixture Gazette\n- baseUrl: https://gazette.example.org/\n" },
    title: "Settings that are not `field: value` lines",
    fix: "Write one setting a line, `name: The Gazette`, without a leading dash.",
  },
  { files: ferry("type: editorial\n"), title: "An unknown story type", fix: "Write one of `news` (or leave `type` out), `analysis`, `opinion`, `review` or `sponsored`." },
  {
    files: ferry("type: sponsored\n"),
    title: "A sponsored story without its sponsor",
    fix: "Add `sponsor: { name: …, url: … }`: readers are told who paid for the story, and search engines see its links as sponsored.",
  },
  { files: ferry("sponsor: { name: Lakeshore Credit Union }\n"), title: "A sponsor on a story that is not sponsored", fix: "Add `type: sponsored`, or remove `sponsor`." },
  { files: ferry("breakingUntil: 2026-03-07T18:00\n"), title: "`breakingUntil` on a story that is not breaking news", fix: "Add `breaking: true`, or remove `breakingUntil`." },
  { files: ferry("breaking: true\nbreakingUntil: 2026-03-06\n"), title: "`breakingUntil` before the story's date", fix: "Set it to when the banner should come down, after `date` (without it the banner stays up six hours)." },
  { files: ferry("corrections:\n  - date: 2026-03-06\n    text: An earlier version misstated the fare.\n"), title: "A correction dated before the story", fix: "Check the correction's date: it is when the correction was made, after the story's `date`." },
  {
    files: { "pages/news.md": "---\ntitle: News\n---\nText.\n", "pages/tags.md": "---\ntitle: Topics\n---\nText.\n" },
    title: "A standalone page whose URL the site already uses",
    fix: "Rename the file: `pages/<slug>.md` is published at `/<slug>/`, which must not be a section's or one of the site's own paths.",
  },
  {
    files: {
      "pages/values.md": "---\ntitle: Our values\nnav: sidebar\npolicies: [fooPolicy]\n---\nText.\n",
      "pages/ethics.md": "---\ntitle: Ethics\npolicies: [ethicsPolicy, correctionsPolicy]\n---\nText.\n",
      "pages/standards.md": "---\ntitle: Standards\npolicies: [ethicsPolicy]\n---\nText.\n",
    },
    title: "A standalone page's navigation or policies",
    fix: "`nav` is `header`, `footer` or `none`; `policies` are schema.org's names (see docs/pages.md), each stated by one page only.",
  },
  {
    files: { "articles/2026/ferry.md": article("headline: Ferry resumes\nbyline: li-wei\ndate: 2026-03-07\nsection: news", "See [the vote](/news/harbour-vote/) and [the plan](https://gazette.example.org/plans/seawall/).") },
    build: true,
    title: "A link to a page of the site that does not exist",
    fix: "Link to the page's address as the site publishes it (the suggestion, when there is one, is the page with the same slug); links to other sites are not checked.",
  },
  {
    files: { "settings.yml": `${baseSettings}promos:\n  - title: Winter market\n    url: https://market.example.org/\n    image: market.jpg\n    source: Visit Port Alder\n` },
    title: "A promo's image that is not there",
    fix: "Put the image in the content folder and write its path relative to it, or remove `image`.",
  },
  { remove: ["settings.yml"], title: "No settings file", fix: "Copy `content/settings.yml` from the sample site and edit it." },
  {
    files: { "settings.ts": 'export default { name: "The Fixture Gazette" };\n' },
    remove: ["settings.yml"],
    title: "Settings written as code (`settings.ts`)",
    fix: "Convert it to `settings.yml`: the same fields as YAML (`name: The Gazette`, a list item as `- { slug: news, title: News }`), then delete `settings.ts`. Nothing in `content/` is ever run.",
  },
  {
    files: { "articles/2026/widget.11ty.js": "module.exports = class {};\n", "_data/site.js": "module.exports = {};\n", ".eleventy.js": "module.exports = {};\n" },
    title: "Code in the content folder",
    fix: "Delete it. Nothing in `content/` is ever run: pages come from Dateline's layouts, and settings from `settings.yml`.",
  },
  {
    files: { "README.md": "# Our content\n", "misc/notes.txt": "notes\n", "articles/2026/notes.txt": "notes\n", "settings.yaml": "name: x\n" },
    title: "A file or folder Dateline does not read",
    fix: "Move it out of `content/`; see docs/editing.md for what `content/` may hold.",
  },
  {
    links: { "articles/2026/elsewhere.md": "/dev/null", "articles/imported": "/" },
    title: "A link to a file or folder outside the content folder",
    fix: "Copy the file or folder into `content/` instead of linking to it. A link that stays inside `content/` is followed.",
  },
  { links: { "articles/2026/gone.md": "moved-away.md" }, title: "A link to nothing", fix: "Point the link at an existing file inside `content/`, or delete it." },
  { fifos: ["articles/2026/pipe.md"], title: "A device, pipe or socket", fix: "Delete it; content files are ordinary files." },
];

async function problemsFor(entry: Entry): Promise<string[]> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), "dateline-catalogue-"));
  const content = path.join(root, "content");
  try {
    await fs.cp(path.join(REPO, "tests/fixtures/base"), content, { recursive: true });
    if (entry.fixture) await fs.cp(path.join(REPO, "tests/fixtures", entry.fixture), content, { recursive: true });
    for (const [file, text] of Object.entries(entry.files ?? {})) {
      await fs.mkdir(path.dirname(path.join(content, file)), { recursive: true });
      await fs.writeFile(path.join(content, file), text);
    }
    for (const file of entry.remove ?? []) await fs.rm(path.join(content, file));
    for (const [file, target] of Object.entries(entry.links ?? {})) await fs.symlink(target, path.join(content, file));
    for (const file of entry.fifos ?? []) execFileSync("mkfifo", [path.join(content, file)]);
    let { problems } = await validateNewsroom(content);
    if (entry.build && problems.length === 0) problems = await buildProblems(content, root);
    return sortProblems(problems).map((p) => `content/${path.relative(content, p.file).split(path.sep).join("/")}:${p.line} ${p.field}: ${p.message}`);
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
}

/** The problems a whole build finds (those found once the site is planned), or none. */
async function buildProblems(content: string, root: string) {
  try {
    await build({ input: content, output: path.join(root, "_site"), cacheDir: path.join(root, "cache"), now: new Date("2026-03-20T12:00:00Z"), log: () => {} });
    return [];
  } catch (error) {
    if (error instanceof ContentError) return [...error.problems];
    throw error;
  }
}

export async function renderCatalogue(): Promise<string> {
  const sections = [
    "# Content errors",
    "",
    "Every problem `npm run build` (and `npm run check:content`) reports about content, with the exact",
    "message and how to fix it. Each line reads `file:line field: what is wrong (what is accepted)`; the",
    "build lists every problem at once and publishes nothing until all are fixed.",
    "",
    "Generated by `node --import tsx/esm scripts/content-errors-catalogue.ts` from the fixtures in",
    "`tests/fixtures/`; `tests/error-catalogue.test.ts` fails when this file and the code disagree.",
    "",
  ];
  for (const entry of ENTRIES) {
    const lines = await problemsFor(entry);
    if (lines.length === 0) throw new Error(`catalogue: ${entry.title} produced no problem`);
    sections.push(`## ${entry.title}`, "", "```", ...lines, "```", "", `**Fix:** ${entry.fix}`, "");
  }
  return `${sections.join("\n").trimEnd()}\n`;
}

if (isMain(import.meta.filename)) {
  const text = await renderCatalogue();
  if (process.argv.includes("--check")) {
    const current = await fs.readFile(CATALOGUE, "utf8").catch(() => "");
    if (current !== text) {
      console.error("docs/content-errors.md is out of date: run node --import tsx/esm scripts/content-errors-catalogue.ts");
      process.exitCode = 1;
    }
  } else {
    await fs.writeFile(CATALOGUE, text);
    console.log(`wrote ${path.relative(process.cwd(), CATALOGUE)}`);
  }
}
