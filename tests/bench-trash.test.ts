// The bench's trash (scripts/bench/trash.ts): folders it is done with are moved aside whole, never
// deleted while builds are still to be measured, and deleted when it is emptied.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Trash } from "../scripts/bench/trash.ts";

let root: string;

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "dateline-bench-trash-test-"));
});

afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

describe("the bench's trash", () => {
  it("moves a discarded folder aside with its files, keeping every inode, and deletes them all when emptied", async () => {
    const site = path.join(root, "_site");
    await fs.mkdir(path.join(site, "2026", "story"), { recursive: true });
    await fs.writeFile(path.join(site, "2026", "story", "index.html"), "<p>story</p>");
    const inode = (await fs.stat(path.join(site, "2026", "story", "index.html"))).ino;
    const trash = new Trash(path.join(root, "trash"));

    await trash.discard(site);
    await trash.discard(path.join(root, "never-made"));
    await expect(fs.access(site)).rejects.toThrow();
    const [moved, ...others] = await fs.readdir(path.join(root, "trash"));
    expect(others).toEqual([]);
    const kept = await fs.stat(path.join(root, "trash", moved ?? "", "2026", "story", "index.html"));
    expect(kept.ino).toBe(inode);

    // The same path discarded again (the next run's output) does not overwrite the first.
    await fs.mkdir(site);
    await trash.discard(site);
    expect(await fs.readdir(path.join(root, "trash"))).toHaveLength(2);

    await trash.empty();
    await expect(fs.access(path.join(root, "trash"))).rejects.toThrow();
  });
});
