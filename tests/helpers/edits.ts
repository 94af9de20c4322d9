// The edits an editor makes between two builds, as random values for the property tests of
// incremental builds (tests/incremental.test.ts, tests/search-amendments.test.ts): adds, edits,
// deletes, renames, photo, settings and author changes, corrections and standalone pages.
import fs from "node:fs/promises";
import path from "node:path";
import fc from "fast-check";
import sharp from "sharp";
import { stringify } from "yaml";
import type { FixtureSite } from "./site.ts";
import { editSettings } from "./settings.ts";

const article = (fields: Record<string, unknown>, body: string) => `---\n${stringify(fields)}---\n${body}\n`;

/** One edit an editor makes between two builds. */
export type Edit =
  | { kind: "add"; n: number; day: number; section: "news" | "business"; tags: string[]; photo: boolean }
  | { kind: "body"; n: number; text: string }
  | { kind: "headline"; n: number; text: string }
  | { kind: "delete"; n: number }
  | { kind: "rename"; n: number }
  | { kind: "photo"; n: number }
  | { kind: "settings"; name: string }
  | { kind: "bio"; text: string }
  | { kind: "correction"; n: number; text: string }
  | { kind: "page"; text: string };

/** The words edits write: what a search after them looks for. */
export const EDIT_WORDS = ["harbour", "ferry", "council", "budget", "storm", "lantern", "cannery", "school"] as const;
const words = fc.constantFrom(...EDIT_WORDS);
export const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant("add" as const), n: fc.nat(20), day: fc.integer({ min: 1, max: 19 }), section: fc.constantFrom("news" as const, "business" as const), tags: fc.uniqueArray(words, { maxLength: 3 }), photo: fc.boolean() }),
  fc.record({ kind: fc.constant("body" as const), n: fc.nat(20), text: words }),
  fc.record({ kind: fc.constant("headline" as const), n: fc.nat(20), text: words }),
  fc.record({ kind: fc.constant("delete" as const), n: fc.nat(20) }),
  fc.record({ kind: fc.constant("rename" as const), n: fc.nat(20) }),
  fc.record({ kind: fc.constant("photo" as const), n: fc.nat(20) }),
  fc.record({ kind: fc.constant("settings" as const), name: words }),
  fc.record({ kind: fc.constant("bio" as const), text: words }),
  // Issue 18: a correction moves an article's last change (feeds, sitemap, the log); a standalone page.
  fc.record({ kind: fc.constant("correction" as const), n: fc.nat(20), text: words }),
  fc.record({ kind: fc.constant("page" as const), text: words }),
);

/** The site's article files, sorted: edits pick one by index. */
export async function articleFiles(site: FixtureSite): Promise<string[]> {
  const dir = path.join(site.contentDir, "articles");
  return (await fs.readdir(dir, { recursive: true })).filter((name) => name.endsWith(".md")).map((name) => path.join(dir, name)).sort();
}

let settingsEdits = 0;

/** Makes `change` to the site's content. */
export async function apply(site: FixtureSite, change: Edit): Promise<void> {
  const files = await articleFiles(site);
  const pick = (n: number) => files[n % files.length];
  const dir = path.join(site.contentDir, "articles/2026");
  switch (change.kind) {
    case "add": {
      const slug = `story-${change.n}-${change.day}`;
      const fields: Record<string, unknown> = { headline: `Story ${change.n} on the ${change.day}th`, byline: ["li-wei"], date: `2026-03-${String(change.day).padStart(2, "0")}T09:00:00-06:00`, section: change.section };
      if (change.tags.length > 0) fields["tags"] = change.tags;
      if (change.photo) Object.assign(fields, { photo: "harbour.jpg", alt: "Boats", caption: "Boats at dusk." });
      await fs.writeFile(path.join(dir, `${slug}.md`), article(fields, `Words about ${change.tags.join(" and ") || "nothing"}.\n\nA second paragraph.`));
      return;
    }
    case "body": {
      const file = pick(change.n);
      if (file) await fs.appendFile(file, `\nMore about the ${change.text}.\n`);
      return;
    }
    case "headline": {
      const file = pick(change.n);
      if (file) await fs.writeFile(file, (await fs.readFile(file, "utf8")).replace(/^headline: .*$/m, `headline: The ${change.text} story, again`));
      return;
    }
    case "delete": {
      const file = pick(change.n);
      if (file && files.length > 1) await fs.rm(file);
      return;
    }
    case "rename": {
      const file = pick(change.n);
      if (file) await fs.rename(file, file.replace(/\.md$/, "-renamed.md"));
      return;
    }
    case "photo": {
      // The shared photo edited in place: every article showing it changes its images.
      const photo = path.join(dir, "harbour.jpg");
      const flipped = await sharp(await fs.readFile(photo)).flip().jpeg({ quality: 70 + (change.n % 20) }).toBuffer();
      await fs.writeFile(photo, flipped);
      return;
    }
    case "settings":
      // A new name every time: the same edit twice would change nothing.
      await editSettings(site, (text) => text.replace(/^name: .*$/m, `name: The ${change.name} Gazette ${++settingsEdits}`));
      return;
    case "bio": {
      const file = path.join(site.contentDir, "authors/li-wei.md");
      await fs.appendFile(file, `\nLi also covers the ${change.text}.\n`);
      return;
    }
    case "correction": {
      const file = pick(change.n);
      if (!file) return;
      const text = await fs.readFile(file, "utf8");
      const note = `  - date: 2026-03-19T23:${String(settingsEdits++ % 60).padStart(2, "0")}:00-05:00\n    text: We misstated the ${change.text}.\n`;
      const corrected = /^corrections:\n/m.test(text) ? text.replace(/^corrections:\n/m, (line) => line + note) : text.replace(/\n---\n/, `\ncorrections:\n${note}---\n`);
      await fs.writeFile(file, corrected);
      return;
    }
    case "page": {
      await fs.mkdir(path.join(site.contentDir, "pages"), { recursive: true });
      await fs.writeFile(path.join(site.contentDir, "pages/about.md"), `---\ntitle: About the ${change.text} desk\npolicies: [masthead]\n---\nWe cover the ${change.text}.\n`);
      return;
    }
  }
}
