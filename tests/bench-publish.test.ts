// The bench's hour of newsroom work (`publishEdits` in scripts/bench/corpus.ts): its new stories are
// new on every run and published by the build's "now", so `npm run bench`'s publish figures measure
// the 20 new stories they say (they once reused one set of names, mostly dated after "now").
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishEdits, writeCorpus } from "../scripts/bench/corpus.ts";
import { build } from "../src/build/build.ts";

const NOW = "2026-07-01T12:00:00Z";
let root: string;

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "dateline-bench-publish-"));
});

afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

describe("an hour of the bench's newsroom work", () => {
  it("adds stories of its own on every run, all published within the hour before now, and edits archive stories", async () => {
    const corpus = await writeCorpus({ dir: path.join(root, "content"), articles: 40 });
    const hours = [await publishEdits(corpus, { added: 4, edited: 2, now: NOW, seed: 201 }), await publishEdits(corpus, { added: 4, edited: 2, now: NOW, seed: 202 })];
    const added = hours.flatMap((hour) => hour.added);
    expect(new Set(added).size).toBe(8);

    const result = await build({ input: corpus.dir, output: path.join(root, "_site"), cacheDir: path.join(root, "cache"), now: new Date(NOW), log: () => {} });
    const published = new Map(result.newsroom.articles.map((article) => [article.id, article]));
    const now = Date.parse(NOW);
    for (const file of added) {
      const story = published.get(file);
      expect(story, `${file} is published`).toBeDefined();
      expect(story?.published.epoch).toBeLessThan(now);
      expect(story?.published.epoch).toBeGreaterThanOrEqual(now - 3_600_000);
      await expect(fs.access(path.join(root, "_site", story?.path ?? "", "index.html"))).resolves.toBeUndefined();
    }
    for (const file of hours.flatMap((hour) => hour.edited)) expect(await fs.readFile(path.join(corpus.dir, file), "utf8")).toContain("This story was updated with new reporting");
  });
});
