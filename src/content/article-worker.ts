// One thread of the article check (src/content/article-pool.ts): checks the article files it is sent
// with the loader's own `readArticle`, and hands back what its image manifest learnt when told to finish.
import { parentPort, workerData } from "node:worker_threads";
import { readArticle, type ArticleContext } from "./load-articles.ts";
import { createMarkdown } from "../markdown/markdown.ts";
import { manifestFor } from "../images/manifest.ts";
import { defaultCacheDir } from "../images/index.ts";
import type { PoolMessage, WorkerData, WorkerReply } from "./article-pool.ts";

const data = workerData as WorkerData;
const context: ArticleContext = { contentDir: data.contentDir, site: data.site, authorIds: new Set(data.authorIds), md: createMarkdown(data.site.language), imageCacheDir: data.imageCacheDir, problemsOnly: data.problemsOnly, contentRoot: data.contentRoot };
const port = parentPort;
if (!port) throw new Error("article-worker.ts runs as a worker thread");

port.on("message", (message: PoolMessage) => {
  void (async () => {
    let reply: WorkerReply;
    if (message.type === "check") {
      try {
        reply = { type: "checked", id: message.id, result: await readArticle(message.file, context) };
      } catch (error) {
        reply = { type: "failed", id: message.id, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
      }
    } else {
      reply = { type: "learnt", learnt: (await manifestFor(data.imageCacheDir ?? defaultCacheDir())).learnt() };
    }
    port.postMessage(reply);
  })();
});
