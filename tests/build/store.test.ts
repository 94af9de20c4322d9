// src/build/store.ts: the build store keeps every output of the last build under its fingerprint,
// shares files with the output by hard links, and forgets what the newest record does not name.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BuildStore, linkOrCopy } from "../../src/build/store.ts";

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
    await store.keepPage(page, "fingerprintA");
    const [output, stored] = await Promise.all([fs.stat(page), fs.stat(store.pageFile("fingerprintA"))]);
    expect(stored.ino).toBe(output.ino);
    expect(await fs.readFile(store.searchFile("documentA"), "utf8")).toBe("<article>one</article>");
    const found = await store.storedFingerprints();
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
      await store.keepPage(file, `fp-${name}`);
    }
    const shard = path.join(root, "shard");
    await fs.mkdir(shard);
    await fs.writeFile(path.join(shard, "pagefind-entry.json"), "{}");
    await store.keepShard(shard, "fp-shard");
    const record = { pages: new Map([["/", "fp-keep"]]), shards: new Map<string, string>() };
    await store.writeRecord(record);
    expect(await store.readRecord()).toEqual(record);
    // Dropped: the page and the document no one names, and the shard.
    expect(await store.prune(record, ["doc-keep"])).toBe(3);
    expect([...(await store.storedFingerprints())].sort()).toEqual(["doc-keep.search", "fp-keep"]);
    await fs.writeFile(path.join(store.dir, "record.v8"), "not a record");
    expect(await store.readRecord()).toBeUndefined();
  });
});

describe("linkOrCopy", () => {
  it("links, refuses to overwrite unless asked, and replaces by a new name when asked", async () => {
    const [a, b, target] = ["a", "b", "target"].map((name) => path.join(root, name)) as [string, string, string];
    await fs.writeFile(a, "a");
    await fs.writeFile(b, "b");
    await linkOrCopy(a, target);
    expect((await fs.stat(target)).ino).toBe((await fs.stat(a)).ino);
    await expect(linkOrCopy(b, target)).rejects.toThrow(/EEXIST/);
    await linkOrCopy(b, target, { replace: true });
    expect(await fs.readFile(target, "utf8")).toBe("b");
    // The old file is untouched: whoever held it keeps its content.
    expect(await fs.readFile(a, "utf8")).toBe("a");
  });
});
