// Issue 16: an unknown author or section gets a "did you mean" like a misspelt field does, in every
// form an editor gets it wrong (a misspelt id, the author's name, the section's title, capitals),
// even when another field of the same file is wrong too, and through every command (check:content,
// its GitHub annotations, the build, npm run new). A failed build prints its problems and nothing
// else first: no "Wrote 0 files" line.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkContent } from "../src/cli/check-content.ts";
import { makeSite, removeSite, runBuildCli, writeContent, type FixtureSite } from "./helpers/site.ts";
import { runCommand } from "./helpers/commands.ts";

const article = (name: string, fields: string) => [`articles/2026/${name}.md`, `---\nheadline: A story\ndate: 2026-03-05\n${fields}\n---\nBody.\n`] as const;

const CASES = [
  article("misspelt-id", "byline: ana-ruz\nsection: news"),
  article("author-name", "byline: Li Wei\nsection: news"),
  article("capitals-in-list", "byline: [li-wei, Ana-Ruiz]\nsection: news"),
  article("section-title", "byline: li-wei\nsection: Business"),
  article("misspelt-section", "byline: li-wei\nsection: newz"),
  article("another-field-wrong-too", "headlne: Typo\nbyline: ana-ruz\nsection: busines"),
];

let site: FixtureSite;
let lines: string[];

describe("did you mean, for authors and sections", () => {
  beforeAll(async () => {
    site = await makeSite();
    for (const [file, text] of CASES) await writeContent(site, file, text);
    lines = (await checkContent({ contentDir: site.contentDir, format: "text" })).lines.map((line) => line.slice(line.indexOf("articles/")));
  });
  afterAll(() => removeSite(site));

  it("suggests the id or slug meant by a misspelling, a name, a title or capitals", () => {
    expect(lines).toContain('articles/2026/misspelt-id.md:4 byline: unknown author "ana-ruz"; did you mean "ana-ruiz"? (known: ana-ruiz, li-wei)');
    expect(lines).toContain('articles/2026/author-name.md:4 byline[0]: "Li Wei" is not a valid author id; did you mean "li-wei"? (lowercase letters, digits and single hyphens, e.g. "city-hall")');
    expect(lines).toContain('articles/2026/capitals-in-list.md:4 byline[1]: "Ana-Ruiz" is not a valid author id; did you mean "ana-ruiz"? (lowercase letters, digits and single hyphens, e.g. "city-hall")');
    expect(lines).toContain('articles/2026/section-title.md:5 section: "Business" is not a valid section slug; did you mean "business"? (lowercase letters, digits and single hyphens, e.g. "city-hall")');
    expect(lines).toContain('articles/2026/misspelt-section.md:5 section: "newz" is not a section of this site; did you mean "news"? (sections: news, business)');
  });

  it("checks the byline and section even when another field of the file is wrong", () => {
    const found = lines.filter((line) => line.startsWith("articles/2026/another-field-wrong-too.md"));
    expect(found).toEqual([
      expect.stringMatching(/:4 headlne: is not a known field; did you mean "headline"\?/),
      'articles/2026/another-field-wrong-too.md:5 byline: unknown author "ana-ruz"; did you mean "ana-ruiz"? (known: ana-ruiz, li-wei)',
      'articles/2026/another-field-wrong-too.md:6 section: "busines" is not a section of this site; did you mean "business"? (sections: news, business)',
    ]);
  });

  it("says the same in GitHub annotations and in a failed build, whose first line is the count of problems", async () => {
    const github = await checkContent({ contentDir: site.contentDir, format: "github", root: site.root });
    expect(github.lines).toContain('::error file=content/articles/2026/author-name.md,line=4,title=byline[0]::"Li Wei" is not a valid author id; did you mean "li-wei"? (lowercase letters, digits and single hyphens, e.g. "city-hall")');
    const build = await runBuildCli(site);
    expect(build.status).toBe(1);
    expect(build.output).not.toMatch(/Wrote \d+ files/);
    expect(build.stdout.trim()).toBe("");
    expect(build.stderr.split("\n")[0]).toBe(`Content has ${lines.length} problems; nothing was published. Fix and build again:`);
    expect(build.stderr).toContain('section: "Business" is not a valid section slug; did you mean "business"?');
  });

  it("suggests as much to npm run new, naming the argument", async () => {
    const { stderr } = await runCommand("new", ["Ferry resumes", "--section", "Business", "--byline", "Li Wei", `--content=${site.contentDir}`]);
    expect(stderr).toContain('--byline: "Li Wei" is not a valid author id; did you mean "li-wei"?');
    expect(stderr).toContain('--section: "Business" is not a valid section slug; did you mean "business"?');
  });
});
