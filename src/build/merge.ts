// `npm run build -- --merge <slice folders…>`: puts the slices of a build together into the output
// folder, atomically. Nothing is rendered: every slice planned the whole site and rendered its part,
// so the merge only checks that the slices are every part of one build of this code and content
// (src/build/slices.ts), links their files into a staging folder, adds `public/`, and swaps it in.
import fs from "node:fs/promises";
import path from "node:path";
import { copyPublicFiles } from "../site/assets.ts";
import { buildId } from "./apply.ts";
import { codeDigest } from "./code.ts";
import { checkOutputFolder, markOutputFolder, writeStaged } from "./output-folder.ts";
import { checkSlices, contentDigest, linkSlices, readSlices, sliceShardFolders } from "./slices.ts";
import { SearchIndexer } from "./search-index.ts";
import { wholeIndexShards, writeWholeIndex } from "./search-whole.ts";
import { SEARCH_INDEX_DIR, WHOLE_INDEX_DIR } from "../site/search.ts";
import { count } from "./summary.ts";

export interface MergeOptions {
  /** The slices' folders (`--shard K/N` outputs), all N of them. */
  slices: readonly string[];
  /** The content folder the slices were built from (compared, never built). */
  input: string;
  output: string;
  log?: (line: string) => void;
}

export async function mergeSlices(options: MergeOptions): Promise<{ summary: string }> {
  const started = performance.now();
  const log = options.log ?? ((line: string) => console.log(line));
  const output = path.resolve(options.output);
  await checkOutputFolder({ output: options.output, input: options.input });
  const manifests = await readSlices(options.slices);
  // The content folder is hashed while the slices' files are linked (each takes seconds at 100,000
  // articles); everything else is checked first, and the content before anything is swapped in.
  const hashing = contentDigest(options.input);
  hashing.catch(() => undefined);
  const code = await codeDigest();
  const record = checkSlices(manifests, { code });
  const shards = wholeIndexShards(sliceShardFolders(manifests), []);

  await writeStaged(output, async (staging) => {
    // The index of the whole site is joined from the slices' shards while their files are linked.
    const indexer = new SearchIndexer(1);
    try {
      // Both settle before the staging folder may be removed for a failure of either.
      const settled = await Promise.allSettled([linkSlices(staging, manifests), writeWholeIndex(indexer, shards, path.join(staging, SEARCH_INDEX_DIR, WHOLE_INDEX_DIR))]);
      for (const result of settled) if (result.status === "rejected") throw result.reason;
    } finally {
      await indexer.close();
    }
    checkSlices(manifests, { code, content: await hashing });
    await copyPublicFiles(staging);
    await markOutputFolder(staging, buildId(record));
  });
  const images = await fs.readdir(path.join(output, "img")).then((names) => names.length, () => 0);
  const summary = `[dateline] merged ${count(manifests.size, "slice")}: ${count(record.pages.size, "page")}, ${count(shards.length, "search shard")}, ${count(images, "image")} in ${((performance.now() - started) / 1000).toFixed(1)} s`;
  log(summary);
  return { summary };
}
