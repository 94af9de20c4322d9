import fs from "node:fs/promises";
import * as pagefind from "pagefind";
import path from "node:path";
import { decodeCbor, fragmentUrl, readPagefindFile } from "../../src/build/pagefind-cbor.js";

/**
 * Each page a written Pagefind index lists, in its order: its id, its word count, and the URL its
 * fragment names, found as Pagefind's search finds it: `<index>/fragment/<id>.pf_fragment` (the
 * whole index's ids name their shards' files).
 */
export async function indexedPages(dir: string): Promise<{ id: string; words: number; url: string | undefined }[]> {
  const pages: { id: string; words: number; url: string | undefined }[] = [];
  for (const name of (await fs.readdir(dir)).filter((file) => file.endsWith(".pf_meta"))) {
    const [, listed] = decodeCbor(readPagefindFile(path.join(dir, name))) as [string, [string, number][]];
    for (const [id, words] of listed) pages.push({ id, words, url: fragmentUrl(path.resolve(dir, "fragment", `${id}.pf_fragment`)) });
  }
  return pages;
}

/** The site paths a written Pagefind index holds, sorted (`indexedPages`). */
export async function indexedUrls(dir: string): Promise<string[]> {
  return (await indexedPages(dir)).map((page) => page.url ?? "").sort();
}

/**
 * The index Pagefind itself writes for `pages`, added one after another in their order: what Dateline's
 * own index of the same pages (src/build/pagefind-write.js) must equal, file for file.
 */
export async function pagefindIndex(pages: readonly { url: string; html: string }[], dir: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
  try {
    for (const page of pages) {
      const added = await index.addHTMLFile({ url: page.url, content: page.html });
      if (added.errors.length > 0) throw new Error(added.errors.join("; "));
    }
    const written = await index.writeFiles({ outputPath: dir });
    if (written.errors.length > 0) throw new Error(written.errors.join("; "));
  } finally {
    await pagefind.close();
  }
}
