// docs/content-errors.md is generated from the code: it cannot drift from the messages editors see.
import fs from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { CATALOGUE, renderCatalogue } from "../scripts/content-errors-catalogue.ts";

describe("failure catalogue", () => {
  it("matches what the validator says today for every documented error", async () => {
    const committed = await fs.readFile(CATALOGUE, "utf8");
    expect(committed, "run: node --import tsx/esm scripts/content-errors-catalogue.ts").toBe(await renderCatalogue());
  });
});
