// Sitemaps checked as search engines' validators check them: against the sitemaps.org XML Schema
// (the protocol's own sitemap.xsd, shipped by the npm package `sitemap`), the Google News extension
// and the sitemap index (tests/schemas/, written from their documentation), with libxml2's xmllint
// compiled to WebAssembly (xmllint-wasm): nothing is downloaded, at install or at run time.
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { validateXML } from "xmllint-wasm";
import { REPO } from "./site.ts";

const require = createRequire(import.meta.url);
const SCHEMAS = path.join(REPO, "tests/schemas");

let schemas: Promise<{ fileName: string; contents: string }[]> | undefined;

function loadSchemas() {
  schemas ??= Promise.all(
    [
      // The package exports no path to its schema folder: it sits beside dist/ in the package.
      ["sitemap.xsd", path.join(path.dirname(require.resolve("sitemap")), "../../schema/sitemap.xsd")],
      ["sitemap-news.xsd", path.join(SCHEMAS, "sitemap-news.xsd")],
      ["sitemaps.xsd", path.join(SCHEMAS, "sitemaps.xsd")],
      ["siteindex.xsd", path.join(SCHEMAS, "siteindex.xsd")],
    ].map(async ([fileName = "", file = ""]) => ({ fileName, contents: await fs.readFile(file, "utf8") })),
  );
  return schemas;
}

/** xmllint's complaints about a sitemap (a urlset, News tags included, or a sitemap index); empty when it is valid. */
export async function sitemapSchemaErrors(xml: string): Promise<string[]> {
  const all = await loadSchemas();
  const index = /<sitemapindex[\s>]/.test(xml);
  const schema = all.find((entry) => entry.fileName === (index ? "siteindex.xsd" : "sitemaps.xsd"));
  if (!schema) throw new Error("sitemap schemas are missing");
  const result = await validateXML({ xml: [{ fileName: "sitemap.xml", contents: xml }], schema: [schema], preload: all.filter((entry) => entry !== schema) });
  return result.errors.map((error) => error.rawMessage);
}
