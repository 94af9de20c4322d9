import fs from "node:fs/promises";
import path from "node:path";
import { gunzipSync } from "node:zlib";

/** The site paths a written Pagefind index holds, sorted: from its fragment files, gzip streams of a "pagefind_dcd" signature and JSON. */
export async function indexedUrls(dir: string): Promise<string[]> {
  const urls: string[] = [];
  const names = await fs.readdir(path.join(dir, "fragment")).catch(() => [] as string[]);
  for (const name of names) {
    const data = gunzipSync(await fs.readFile(path.join(dir, "fragment", name))).toString("utf8").replace(/^pagefind_dcd/, "");
    urls.push((JSON.parse(data) as { url: string }).url);
  }
  return urls.sort();
}
