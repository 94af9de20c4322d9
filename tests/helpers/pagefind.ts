import fs from "node:fs/promises";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { decodeCbor, readPagefindFile } from "../../src/build/pagefind-cbor.js";

/**
 * The site paths a written Pagefind index holds, sorted: each page its metadata lists, from its
 * fragment file (a gzip stream of a "pagefind_dcd" signature and JSON), found as Pagefind's search
 * finds it: `<index>/fragment/<id>.pf_fragment` (the whole index's ids name their shards' files).
 */
export async function indexedUrls(dir: string): Promise<string[]> {
  const urls: string[] = [];
  for (const name of (await fs.readdir(dir)).filter((file) => file.endsWith(".pf_meta"))) {
    const [, pages] = decodeCbor(readPagefindFile(path.join(dir, name))) as [string, [string][]];
    for (const [id] of pages) {
      const data = gunzipSync(await fs.readFile(path.resolve(dir, "fragment", `${id}.pf_fragment`))).toString("utf8").replace(/^pagefind_dcd/, "");
      urls.push((JSON.parse(data) as { url: string }).url);
    }
  }
  return urls.sort();
}
