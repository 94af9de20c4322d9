// A Pagefind indexer of its own, in a worker thread: Pagefind keeps one indexing process per module
// instance, so two workers index two shards at once, one on each core (src/build/search-index.ts).
// Plain JavaScript: worker threads do not share the TypeScript loader the build runs with.
import { parentPort } from "node:worker_threads";
import fs from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";

/** @type {Map<number, Promise<import("pagefind").PagefindIndex | undefined>>} */
const indexes = new Map();
/** @type {Map<number, string[]>} */
const startErrors = new Map();

/** @param {{ type: string; id: number; url?: string; html?: string; dir?: string }} message */
async function handle(message) {
  if (message.type === "create") {
    indexes.set(
      message.id,
      pagefind.createIndex({}).then(({ index, errors }) => {
        if (!index) startErrors.set(message.id, errors);
        return index;
      }),
    );
    return;
  }
  if (message.type === "add") {
    const index = await indexes.get(message.id);
    if (!index) return parentPort?.postMessage({ type: "added", id: message.id, errors: startErrors.get(message.id) ?? ["no index"] });
    const added = await index.addHTMLFile({ url: message.url ?? "", content: message.html ?? "" }).catch((error) => ({ errors: [String(error)] }));
    parentPort?.postMessage({ type: "added", id: message.id, errors: added.errors.map((error) => `${message.url}: ${error}`) });
    return;
  }
  if (message.type === "write") {
    const index = await indexes.get(message.id);
    indexes.delete(message.id);
    if (!index) return parentPort?.postMessage({ type: "written", id: message.id, pages: 0, errors: startErrors.get(message.id) ?? ["no index"] });
    try {
      const dir = message.dir ?? "";
      await fs.rm(dir, { recursive: true, force: true });
      const written = await index.writeFiles({ outputPath: dir });
      let pages = 0;
      if (written.errors.length === 0) {
        const entry = JSON.parse(await fs.readFile(path.join(dir, "pagefind-entry.json"), "utf8"));
        pages = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
      }
      parentPort?.postMessage({ type: "written", id: message.id, pages, errors: written.errors });
    } catch (error) {
      parentPort?.postMessage({ type: "written", id: message.id, pages: 0, errors: [String(error)] });
    } finally {
      await index.deleteIndex();
    }
    return;
  }
  if (message.type === "close") {
    await pagefind.close();
    parentPort?.postMessage({ type: "closed" });
  }
}

// Messages are handled one after another, in order: an index's pages are added as they were sent.
let queue = Promise.resolve();
parentPort?.on("message", (message) => {
  queue = queue.then(() => handle(message));
});
