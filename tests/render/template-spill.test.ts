// The body templates a build keeps on disk from load to render (src/render/template-spill.ts).
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { isSpilled, packTemplate, unpackTemplate, type BodyTemplate } from "../../src/render/body-template.ts";
import { TemplateSpill } from "../../src/render/template-spill.ts";

let dir = "";
afterEach(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
  dir = "";
});

const template = (i: number): BodyTemplate => ({ html: `<p>Story ${i}: the ferry — «${"x".repeat(i % 5000)}» 渡し船</p>\u0000figure:0\u0000` });

describe("TemplateSpill", () => {
  it("gives back every template it kept, those still in memory and those written, across many writes", async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "dateline-spill-"));
    const spill = new TemplateSpill(dir);
    try {
      // ~6 MB: several writes of the spill's 1 MB chunks, and a tail never written until it is read.
      const kept = Array.from({ length: 2400 }, (_, i) => spill.keep(packTemplate(template(i))));
      expect(kept.every(isSpilled)).toBe(true);
      const last = kept.at(-1);
      if (!last) throw new Error("nothing kept");
      expect(unpackTemplate(await spill.read(last))).toEqual(template(2399));
      const back = await Promise.all(kept.map(async (handle) => unpackTemplate(await spill.read(handle))));
      expect(back).toEqual(kept.map((_, i) => template(i)));
      // A template in memory passes through.
      const inMemory = packTemplate(template(7));
      expect(await spill.read(inMemory)).toBe(inMemory);
    } finally {
      spill.close();
    }
  });

  it("leaves no file behind, and refuses to read once closed", async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "dateline-spill-"));
    const spill = new TemplateSpill(path.join(dir, "build"));
    const handle = spill.keep(packTemplate(template(1)));
    expect(await fs.readdir(path.join(dir, "build"))).toEqual([]);
    spill.close();
    await expect(spill.read(handle)).rejects.toThrow(/after the build closed its spill/);
    expect(await fs.readdir(path.join(dir, "build"))).toEqual([]);
  });
});
