import { loadNewsroomInParts } from "../../src/content/newsroom.ts";
import { buildLoadOptions } from "../../src/content/load-for-build.ts";
const gc = () => { (globalThis as any).gc(); (globalThis as any).gc(); };
const heap = () => { gc(); return process.memoryUsage().heapUsed / 1e6; };
const h0 = heap();
const loaded = await loadNewsroomInParts(buildLoadOptions({ contentDir: "/tmp/pb/c10k", includeDrafts: false, cacheDir: "/tmp/pb/cache" }));
const h1 = heap();
const arts = loaded.newsroom.articles;
const copy = [...arts];
arts.length = 0;
const h2 = heap();
for (const a of copy) { (a as any).summary = ""; (a as any).headline = ""; }
const h3 = heap();
for (const a of copy) { (a as any).published = null; (a as any).updated = null; }
const h4 = heap();
copy.length = 0;
const h5 = heap();
console.log({ load: h1 - h0, afterDropArray: h2 - h0, noSummaryHeadline: h3 - h0, noMoments: h4 - h0, noArticles: h5 - h0 });
