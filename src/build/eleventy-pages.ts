// The write stage's Eleventy plugin: the pages a run must write, as one virtual template paginated
// over them, each rendered by its own spec. What to write comes from a session passed in (the build
// plan's batch, or the live preview's rebuild), asked once per run: no plugin asks a global.
import type UserConfig from "@11ty/eleventy/UserConfig";
import { outputFile, type PageSpec } from "../site/page.ts";

/** A file Eleventy wrote (or, without an output folder, rendered). */
export interface WrittenPage {
  /** Site path, as in the spec. */
  path: string;
  /** Absolute path of the file. */
  outputPath: string;
  content: string;
  /** What the search index reads of the page, for pages the index holds. */
  search?: string;
}

/** Where a run's pages come from and where they go once written. */
export interface WriteSession {
  /** Called before each run (each rebuild of the preview): the pages this run writes. */
  begin(): Promise<readonly PageSpec[]>;
  /** Called after a successful run with what it wrote. A failed run never reaches it. */
  end(written: readonly WrittenPage[]): Promise<void>;
  /** Called as each page with a search document is rendered, before the run writes it. */
  searchDocument?(sitePath: string, search: string): void;
}

interface BuildEvent {
  results?: { url?: string | false; outputPath?: string | false; content?: string }[];
}

// Eleventy deep-copies global data into every template, but hands a frozen object over as it is.
const NO_DATA = Object.freeze([]);

export default function pagesPlugin(eleventyConfig: UserConfig, { session }: { session: WriteSession }): void {
  let pages: readonly PageSpec[] = [];
  const byOutput = new Map<string, PageSpec>();
  const searchDocuments = new Map<string, string>();
  eleventyConfig.on("eleventy.before", async () => {
    pages = await session.begin();
    byOutput.clear();
    searchDocuments.clear();
  });
  eleventyConfig.addGlobalData("datelinePages", () => NO_DATA);
  eleventyConfig.addTemplate("dateline-pages.11ty.js", {
    data: {
      pagination: { data: "datelinePages", size: 1, alias: "spec", before: () => pages },
      permalink: (data: { spec: PageSpec }) => outputFile(data.spec.path),
      eleventyExcludeFromCollections: true,
    },
    render: (data: { spec: PageSpec; page: { outputPath?: string | false } }) => {
      const { spec } = data;
      if (typeof data.page.outputPath === "string") byOutput.set(data.page.outputPath, spec);
      const rendered = spec.render(spec.inputs);
      if (typeof rendered === "string") return rendered;
      searchDocuments.set(spec.path, rendered.search);
      session.searchDocument?.(spec.path, rendered.search);
      return rendered.html;
    },
  });
  eleventyConfig.on("eleventy.after", async ({ results = [] }: BuildEvent) => {
    const written: WrittenPage[] = [];
    for (const result of results) {
      const spec = typeof result.outputPath === "string" ? byOutput.get(result.outputPath) : undefined;
      if (!spec || typeof result.outputPath !== "string") continue;
      const search = searchDocuments.get(spec.path);
      written.push({ path: spec.path, outputPath: result.outputPath, content: result.content ?? "", ...(search !== undefined && { search }) });
    }
    pages = [];
    byOutput.clear();
    searchDocuments.clear();
    await session.end(written);
  });
}
