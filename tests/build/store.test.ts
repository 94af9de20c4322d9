// src/build/store.ts: the build store keeps every output of the last build under its fingerprint,
// shares files with the output by hard links, and forgets what the newest record does not name.
import fsSync from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import v8 from "node:v8";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BuildStore, emptyFolder, Linker, linkOrCopy, type Link } from "../../src/build/store.ts";
import { keepFolder } from "../../src/build/stored-shards.js";
import { buildId, holdsBuild } from "../../src/build/apply.ts";
import { markOutputFolder } from "../../src/build/output-folder.ts";

let root = "";
beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "dateline-store-"));
});
afterEach(() => fs.rm(root, { recursive: true, force: true }));

describe("BuildStore", () => {
  it("keeps a written page under its fingerprint as the same file, and a search document under its key", async () => {
    const store = new BuildStore(path.join(root, "cache"));
    const page = path.join(root, "out/index.html");
    await fs.mkdir(path.dirname(page), { recursive: true });
    await fs.writeFile(page, "<p>one</p>");
    store.keepSearchDocumentNow("documentA", "<article>one</article>");
    store.keepPages([[page, "fingerprintA"]]);
    const [output, stored] = await Promise.all([fs.stat(page), fs.stat(store.pageFile("fingerprintA"))]);
    expect(stored.ino).toBe(output.ino);
    expect(await fs.readFile(store.searchFile("documentA"), "utf8")).toBe("<article>one</article>");
    const found = store.list().names;
    expect([...found].sort()).toEqual(["documentA.search", "fingerprintA"]);
    expect([BuildStore.holdsDocument(found, "documentA"), BuildStore.holdsDocument(found, "fingerprintA")]).toEqual([true, false]);
  });

  it("reads back the record it wrote, ignores an unreadable one, and prunes what the build does not name", async () => {
    const store = new BuildStore(path.join(root, "cache"));
    expect(await store.readRecord()).toBeUndefined();
    for (const name of ["keep", "drop"]) {
      const file = path.join(root, `${name}.html`);
      await fs.writeFile(file, name);
      store.keepSearchDocumentNow(`doc-${name}`, "doc");
      store.keepPages([[file, `fp-${name}`]]);
    }
    const shard = path.join(root, "shard");
    await fs.mkdir(shard);
    await fs.writeFile(path.join(shard, "pagefind-entry.json"), "{}");
    await keepFolder(shard, store.shardDir("fp-shard"));
    const record = { pages: new Map([["/", "fp-keep"]]), shards: new Map<string, string>(), inputs: new Map([["/", "shell=abcdefgh listing=ijklmnop"]]) };
    await store.writeRecord(record);
    expect(await store.readRecord()).toEqual(record);
    // A kept shard keeps the files beside it (what it holds, where its lists end); a dropped one's go with it.
    const other = path.join(root, "other-shard");
    await fs.mkdir(other);
    await fs.writeFile(path.join(other, "pagefind-entry.json"), "{}");
    await keepFolder(other, store.shardDir("fp-kept-shard"));
    for (const fingerprint of ["fp-shard", "fp-kept-shard"]) {
      await fs.writeFile(store.shardContentsFile(fingerprint), "{}");
      await fs.writeFile(store.shardPostingsFile(fingerprint), "{}");
    }
    const withShard = { ...record, shards: new Map([["2026", "fp-kept-shard"]]) };
    // Dropped: the page and the document no one names, and the shard with its two files.
    expect(await store.remove(store.unnamed(withShard, ["doc-keep"]))).toBe(5);
    expect([...store.list().names].sort()).toEqual(["doc-keep.search", "fp-keep", "fp-kept-shard"]);
    expect(fsSync.existsSync(store.shardContentsFile("fp-kept-shard")) && fsSync.existsSync(store.shardPostingsFile("fp-kept-shard"))).toBe(true);
    await fs.writeFile(path.join(store.dir, "record.v8"), "not a record");
    expect(await store.readRecord()).toBeUndefined();
  });

  it("does not read a record naming a page, a fingerprint or a shard that leads out of its folder (a cache restored from elsewhere)", async () => {
    const store = new BuildStore(path.join(root, "cache"));
    const good = { pages: new Map([["/", "fp-home"], ["/2026/flood/", "fp_a-1"]]), shards: new Map([["2026-q1", "fp-2026"], ["all", "fp-all"]]) };
    await store.writeRecord(good);
    expect(await store.readRecord()).toEqual(good);
    const bad = [
      { pages: new Map([["/../../outside/", "fp-home"]]), shards: new Map<string, string>() },
      { pages: new Map([["/", "../../outside"]]), shards: new Map<string, string>() },
      { pages: new Map([["/", "fp-home"]]), shards: new Map([["../outside", "fp-2026"]]) },
      { pages: new Map([["/", "fp-home"]]), shards: new Map([["2026", "fp/../../x"]]) },
    ];
    for (const record of bad) {
      await store.writeRecord(record);
      expect(await store.readRecord(), JSON.stringify([...record.pages, ...record.shards])).toBeUndefined();
    }
  });

  it("keeps pages in 64 folders by their fingerprint's first character, and removes the folders of the older two-character layout whole", async () => {
    const store = new BuildStore(path.join(root, "cache"));
    const page = path.join(root, "page.html");
    await fs.writeFile(page, "page");
    store.keepPages([[page, "Ab12"]]);
    expect(path.relative(store.dir, store.pageFile("Ab12"))).toBe(path.join("pages", "A", "Ab12"));
    // An older store: fingerprints in folders of two characters. None is ever reused (a page's
    // fingerprint names the code that made it); the folders go at the next build's end.
    const stray = path.join(store.dir, "pages", "Ab");
    await fs.mkdir(stray);
    await fs.writeFile(path.join(stray, "Ab12"), "old page");
    const listing = store.list();
    expect([...listing.names]).toEqual(["Ab12"]);
    expect(listing.folders).toEqual([["A", ["Ab12"]]]);
    const record = { pages: new Map([["/", "Ab12"]]), shards: new Map<string, string>() };
    expect(store.unnamed(record, [], listing)).toEqual([stray]);
    expect(await store.remove(store.unnamed(record, [], listing))).toBe(1);
    expect(fsSync.readdirSync(path.join(store.dir, "pages"))).toEqual(["A"]);
    expect(await fs.readFile(store.pageFile("Ab12"), "utf8")).toBe("page");
  });

  it("lists a file where a page folder should be (a cache restored from elsewhere) as stray, and removes it, instead of failing", async () => {
    const store = new BuildStore(path.join(root, "cache"));
    const page = path.join(root, "page.html");
    await fs.writeFile(page, "page");
    store.keepPages([[page, "Ab12"]]);
    const strayFile = path.join(store.dir, "pages", "B");
    await fs.writeFile(strayFile, "not a folder");
    const listing = store.list();
    expect(listing.folders).toEqual([["A", ["Ab12"]]]);
    const record = { pages: new Map([["/", "Ab12"]]), shards: new Map<string, string>() };
    expect(store.unnamed(record, [], listing)).toEqual([strayFile]);
    expect(await store.remove(store.unnamed(record, [], listing))).toBe(1);
    expect(fsSync.existsSync(strayFile)).toBe(false);
  });

  it("lists what a build does not name while it runs, and removes only that once the build is done", async () => {
    const store = new BuildStore(path.join(root, "cache"));
    const keep = async (name: string) => {
      const file = path.join(root, `${name}.html`);
      await fs.writeFile(file, name);
      store.keepPages([[file, `fp-${name}`]]);
    };
    await keep("old");
    await keep("same");
    const record = { pages: new Map([["/same/", "fp-same"], ["/new/", "fp-new"]]), shards: new Map<string, string>() };
    // A build lists the store once, before it plans, and takes both what it may reuse and what it
    // does not name from that listing.
    const listing = store.list();
    expect([...listing.names].sort()).toEqual(["fp-old", "fp-same"]);
    const unnamed = store.unnamed(record);
    // The build goes on: a page it names is kept after the listing.
    await keep("new");
    expect(store.unnamed(record, [], listing)).toEqual(unnamed);
    expect(unnamed).toEqual([store.pageFile("fp-old")]);
    expect(await store.remove(unnamed)).toBe(1);
    expect([...store.list().names].sort()).toEqual(["fp-new", "fp-same"]);
  });

  it("keeps a whole build's id with its record, by which the next build knows its output without digesting the record", async () => {
    const store = new BuildStore(path.join(root, "cache"));
    const record = { pages: new Map([["/", "fp-home"], ["/a/", "fp-a"]]), shards: new Map([["2026", "fp-2026"]]) };
    const id = buildId(record);
    await store.writeRecord(record, id);
    const read = await store.readRecord();
    expect(read).toEqual({ ...record, id });
    const output = path.join(root, "_site");
    // A folder without a marker (a CI runner's) holds no build; one marked with the id holds this one.
    expect(await holdsBuild(output, read)).toBe(false);
    await markOutputFolder(output, id);
    expect(await holdsBuild(output, read)).toBe(true);
    // A record saved without an id (a slice's, or from before ids were kept) is digested instead.
    await store.writeRecord(record);
    expect(await store.readRecord()).toEqual(record);
    expect(await holdsBuild(output, await store.readRecord())).toBe(true);
    await markOutputFolder(output, "another-build");
    expect(await holdsBuild(output, read)).toBe(false);
  });

  it("keeps a whole build's related stories with its record, and drops a kept ranking of another shape", async () => {
    const store = new BuildStore(path.join(root, "cache"));
    const record = { pages: new Map([["/a/", "fp-a"], ["/b/", "fp-b"]]), shards: new Map([["2026", "fp-2026"]]) };
    const related = { code: "code-1", ranking: { key: "key-1", starts: Int32Array.from([0, 1, 2]), places: Int32Array.from([1, 0]) } };
    await store.writeRecord({ ...record, related });
    const read = await store.readRecord();
    expect(read).toEqual({ ...record, related });
    expect(read?.related?.ranking.starts).toBeInstanceOf(Int32Array);
    // Written by another version (places as a plain list): the record stands, the ranking is made again.
    const file = path.join(store.dir, "record.v8");
    const stored = v8.deserialize(await fs.readFile(file)) as { related: { ranking: { places: unknown } } };
    stored.related.ranking.places = [1, 0];
    await fs.writeFile(file, v8.serialize(stored));
    expect(await store.readRecord()).toEqual(record);
  });
});

describe("emptyFolder", () => {
  it("empties a folder, makes a missing one, and removes a link in its place without touching what it points at", async () => {
    const dir = path.join(root, "input");
    await emptyFolder(dir);
    expect(await fs.readdir(dir)).toEqual([]);
    await fs.mkdir(path.join(dir, "nested"));
    await fs.writeFile(path.join(dir, "nested", "a.11ty.js"), "x");
    await fs.writeFile(path.join(dir, "b.11ty.js"), "x");
    await emptyFolder(dir);
    expect(await fs.readdir(dir)).toEqual([]);
    const elsewhere = path.join(root, "elsewhere");
    await fs.mkdir(elsewhere);
    await fs.writeFile(path.join(elsewhere, "keep.md"), "kept");
    await fs.rm(dir, { recursive: true });
    await fs.symlink(elsewhere, dir);
    await emptyFolder(dir);
    expect((await fs.lstat(dir)).isDirectory()).toBe(true);
    expect(await fs.readdir(dir)).toEqual([]);
    expect(await fs.readFile(path.join(elsewhere, "keep.md"), "utf8")).toBe("kept");
  });
});

describe("linkOrCopy and keepPages", () => {
  it("links, refuses to overwrite; a kept page replaces the one stored under its fingerprint by a new name", async () => {
    const [a, b, target] = ["a", "b", "target"].map((name) => path.join(root, name)) as [string, string, string];
    await fs.writeFile(a, "a");
    await fs.writeFile(b, "b");
    await linkOrCopy(a, target);
    expect((await fs.stat(target)).ino).toBe((await fs.stat(a)).ino);
    await expect(linkOrCopy(b, target)).rejects.toThrow(/EEXIST/);
    const store = new BuildStore(path.join(root, "cache"));
    store.keepPages([[a, "fp"]]);
    expect((await fs.stat(store.pageFile("fp"))).ino).toBe((await fs.stat(a)).ino);
    store.keepPages([[b, "fp"]]);
    expect((await fs.stat(store.pageFile("fp"))).ino).toBe((await fs.stat(b)).ino);
    // The old file is untouched: whoever held it keeps its content; no partial file is left.
    expect(await fs.readFile(a, "utf8")).toBe("a");
    expect(await fs.readdir(path.dirname(store.pageFile("fp")))).toEqual([path.basename(store.pageFile("fp"))]);
  });
});

describe("Linker", () => {
  /** Stored files `s0`…, each holding its own name. */
  async function storedFiles(count: number): Promise<string[]> {
    const dir = path.join(root, "store");
    await fs.mkdir(dir, { recursive: true });
    const files = Array.from({ length: count }, (_, index) => path.join(dir, `s${index}`));
    await Promise.all(files.map((file) => fs.writeFile(file, path.basename(file))));
    return files;
  }
  const exists = (file: string) => fs.stat(file).then(() => true, () => false);
  /** Waits until the link thread has made `file` (it reports only when settled). */
  async function linkedBy(file: string): Promise<void> {
    while (!(await exists(file))) await new Promise((resolve) => setImmediate(resolve));
  }

  it("links ahead, then unlinks what the plan does not want before it settles, and links what it adds", async () => {
    const out = path.join(root, "out");
    const stored = await storedFiles(2000);
    // Each stored file ahead, in a folder of its own; the plan comes once all of them are linked
    // (they are linked in order), so what it drops must be unlinked, not merely skipped.
    const ahead: Link[] = stored.map((file, index) => [file, path.join(out, `p${index}`, "index.html")]);
    const linker = new Linker(out, ahead);
    await linkedBy(ahead.at(-1)![1]);
    // Every third kept; the rest rendered or gone, except p1, reused from another stored file.
    const wanted: Link[] = ahead.filter((_, index) => index % 3 === 0);
    wanted.push([stored[0]!, path.join(out, "p1", "index.html")], [stored[1]!, path.join(out, "extra", "feed.xml")]);
    await linker.settle(wanted);
    // Settled: nothing unwanted is linked, and what the build writes now lands in no stored file.
    const unwanted = ahead.filter((_, index) => index % 3 !== 0 && index !== 1);
    for (const [, to] of unwanted) {
      expect(await exists(to), to).toBe(false);
      // A folder the plan leaves empty is gone, as a clean build never made it.
      expect(await exists(path.dirname(to)), to).toBe(false);
    }
    expect(await linker.done).toBe(wanted.length);
    for (const [from, to] of wanted) expect((await fs.stat(to)).ino, to).toBe((await fs.stat(from)).ino);
    const files = await fs.readdir(out, { recursive: true, withFileTypes: true });
    expect(files.filter((entry) => entry.isFile()).length).toBe(wanted.length);
    expect(await fs.readFile(stored[2]!, "utf8")).toBe("s2");
  });

  it("links only what it adds when nothing was linked ahead", async () => {
    const out = path.join(root, "out");
    const [a, b] = await storedFiles(2);
    const linker = new Linker(out);
    await linker.settle([[a!, path.join(out, "a.html")], [b!, path.join(out, "b", "index.html")]]);
    expect(await linker.done).toBe(2);
    expect(await fs.readFile(path.join(out, "b", "index.html"), "utf8")).toBe("s1");
    const none = new Linker(out);
    await none.settle([]);
    expect(await none.done).toBe(0);
  });

  it("reports its links when the build's thread was busy as the linking thread ended", async () => {
    const out = path.join(root, "out");
    const stored = await storedFiles(2);
    const threads = () => fsSync.readdirSync("/proc/self/task").length;
    // Linked ahead (the thread starts at once) and not (it starts when settled).
    for (const ahead of [[[stored[0]!, path.join(out, "a.html")]], []] satisfies Link[][]) {
      const before = threads();
      const linker = new Linker(out, ahead);
      const settled = linker.settle([...ahead, [stored[1]!, path.join(out, "b.html")]]);
      // Busy, without a turn of the event loop, until the thread has linked and ended: its last
      // reply and its end are then both waiting. (Bounded, should another thread start meanwhile.)
      const bound = Date.now() + 10_000;
      while ((!fsSync.existsSync(path.join(out, "b.html")) || threads() > before) && Date.now() < bound) continue;
      await settled;
      await expect(linker.done).resolves.toBe(ahead.length + 1);
      await fs.rm(out, { recursive: true });
    }
  });

  it("fails when a stored file the plan reuses is gone, and not when the plan renders that page", async () => {
    const out = path.join(root, "out");
    const [a] = await storedFiles(1);
    const gone = path.join(root, "store", "gone");
    const ahead: Link[] = [[a!, path.join(out, "a.html")], [gone, path.join(out, "gone.html")]];
    const rendered = new Linker(out, ahead);
    await rendered.settle([ahead[0]!]);
    expect(await rendered.done).toBe(1);
    await fs.rm(out, { recursive: true });
    const reused = new Linker(out, ahead);
    await expect(Promise.all([reused.settle(ahead), reused.done])).rejects.toThrow(/could not link a reused file: .*gone\.html: its stored output is gone/);
  });
});
