// Issue 16: what the CMS writes back is what an editor would have written. Every content file of the
// sample newsroom and the fixtures reads into the form and writes back byte for byte; a change
// rewrites only the lines of the fields that changed (comments, order, quoting and flow lists stay);
// a field the form does not show is never lost; a new file is one the build accepts.
import fs from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BODY_FIELD, readData, readEntry, SOURCE_KEY, writeData, writeEntry } from "../src/cms/entry-file.ts";
import { editYaml } from "../src/cms/yaml-edit.ts";
import { ARTICLE_FIELDS } from "../src/content/schema.ts";
import { checkContent } from "../src/cli/check-content.ts";
import { FIXTURES, REPO, sitesRemovedAfterEach, writeContent } from "./helpers/site.ts";

const makeTempSite = sitesRemovedAfterEach();

const FIELDS = [...ARTICLE_FIELDS, BODY_FIELD];
const SETTINGS_FIELDS = ["name", "tagline", "baseUrl", "language", "timeZone", "sections", "pageSize", "newsletter", "support", "social", "logo", "copyright", "photos", "cms"];

async function markdownFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true });
  return entries.filter((entry) => entry.endsWith(".md")).map((entry) => path.join(dir, entry));
}

describe("the CMS's file formats", () => {
  it("write every sample and fixture file back exactly as it was read", async () => {
    const files = [...(await markdownFiles(path.join(REPO, "content"))), ...(await markdownFiles(FIXTURES))];
    expect(files.length).toBeGreaterThan(80);
    for (const file of files) {
      const text = await fs.readFile(file, "utf8");
      // Files that are not front matter plus Markdown are the loader's to refuse, not the CMS's to open.
      if (!/^---\r?\n/.test(text)) continue;
      let values;
      try {
        values = readEntry(text);
      } catch {
        continue; // broken YAML on purpose (a fixture for an error message)
      }
      expect(writeEntry(values, FIELDS), file).toBe(text);
    }
    const settings = await fs.readFile(path.join(REPO, "content/settings.yml"), "utf8");
    expect(writeData(readData(settings), SETTINGS_FIELDS)).toBe(settings);
  });

  it("rewrite only the changed lines of an article: comments, order, quoting and flow lists stay", () => {
    const text = ["---", "# Checked with the harbourmaster.", "headline: Ferry timetable thins out", "section: news # moved from business", "byline: li-wei", "date: 2026-03-04", 'tags: [ferry, "winter schedule"]', "summary: Fewer crossings.", "---", "Body.", ""].join("\n");
    const values = readEntry(text);
    expect(values).toMatchObject({ headline: "Ferry timetable thins out", byline: "li-wei", date: "2026-03-04", tags: ["ferry", "winter schedule"], [BODY_FIELD]: "Body.\n" });
    // The CMS hands back a one-author byline as a list, and its own copy of every value.
    const edited = writeEntry({ ...values, byline: ["li-wei"], headline: "Ferry timetable thins out for winter", tags: ["ferry", "winter schedule", "ice"] }, FIELDS);
    expect(edited).toBe(text.replace("headline: Ferry timetable thins out", "headline: Ferry timetable thins out for winter").replace('tags: [ferry, "winter schedule"]', "tags: [ferry, winter schedule, ice]"));
  });

  it("remove a field the editor cleared, add a new one in the form's order, and keep one the form does not show", () => {
    const yaml = "headline: A\n# the dek\nsummary: B\ndate: 2026-03-04\nlegacyNote: kept by hand\n";
    const edited = editYaml(yaml, { headline: "A", summary: "", date: "2026-03-04", dateline: "PORT ALDER, Lakeshore" }, ["headline", "summary", "date", "dateline", "section"]);
    expect(edited).toBe("headline: A\n# the dek\ndate: 2026-03-04\ndateline: PORT ALDER, Lakeshore\nlegacyNote: kept by hand\n");
  });

  it("edit the items of a block list of mappings in place, the first key's `- ` included", () => {
    const yaml = "list:\n  - id: a # first\n    tags: [x, y]\n  - id: b\n    name: B\n";
    const values = { list: [{ id: "a2", tags: ["x", "y"] }, { id: "b", name: "Bee" }] };
    expect(editYaml(yaml, values, ["list"])).toBe("list:\n  - id: a2\n    tags: [x, y]\n  - id: b\n    name: Bee\n");
    // An item that loses its first key is written anew (nothing would carry its `- `).
    const rewritten = editYaml(yaml, { list: [{ tags: ["x"] }, { id: "b", name: "B" }] }, ["list"]);
    expect(rewritten).toBe("list:\n  - tags:\n      - x\n  - id: b\n    name: B\n");
  });

  it("edit inside a block mapping of the settings, keeping its comments and the unchanged fields' style", async () => {
    const settings = await fs.readFile(path.join(REPO, "content/settings.yml"), "utf8");
    const values = readData(settings);
    const newsletters = (values["newsletters"] as object[]).map((newsletter, index) => (index === 1 ? { ...newsletter, heading: "Get The Sports Week" } : newsletter));
    const sections = [...(values["sections"] as object[]), { slug: "opinion", title: "Opinion" }];
    const edited = writeData({ ...values, newsletters, sections }, SETTINGS_FIELDS);
    expect(edited).toBe(
      settings
        .replace("    heading: Sign up for The Sports Week", "    heading: Get The Sports Week")
        .replace("  - { slug: sports, title: Sports }\n", "  - { slug: sports, title: Sports }\n  - { slug: opinion, title: Opinion }\n"),
    );
    expect(values[SOURCE_KEY]).toBe(settings);
  });

  it("make a new article file that check:content accepts", async () => {
    const site = await makeTempSite("base");
    const text = writeEntry({ headline: "Breakwater: the \"long\" repair begins", byline: ["ana-ruiz", "li-wei"], date: "2026-03-10T09:15:00-05:00", section: "news", tags: ["harbour"], draft: false, summary: "", [BODY_FIELD]: "The repair starts Monday." }, FIELDS);
    expect(text).toBe('---\nheadline: \'Breakwater: the "long" repair begins\'\nbyline: [ana-ruiz, li-wei]\ndate: 2026-03-10T09:15:00-05:00\nsection: news\ntags: [harbour]\ndraft: false\n---\nThe repair starts Monday.\n');
    await writeContent(site, "articles/2026/breakwater-repair.md", text);
    const checked = await checkContent({ contentDir: site.contentDir, format: "text" });
    expect(checked.lines).toEqual([]);
  });
});
