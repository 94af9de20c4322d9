// The bundled sample newsroom (content/) copied into a fresh folder, optionally in another language,
// with the tests' shared image cache: for tests that build it or make its editions.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { REPO, SHARED_IMAGE_CACHE, siteAt, type FixtureSite } from "./site.ts";

/** A "now" after every sample story, fixed so that the sample's editions never change under a test. */
export const SAMPLE_NOW = new Date("2026-11-25T12:00:00Z");

export async function copySample(language?: string): Promise<FixtureSite> {
  const site = siteAt(await fs.mkdtemp(path.join(os.tmpdir(), `dateline-sample-${language ?? "copy"}-`)));
  await fs.cp(path.join(REPO, "content"), site.contentDir, { recursive: true });
  if (language !== undefined) {
    const settings = path.join(site.contentDir, "settings.yml");
    await fs.writeFile(settings, (await fs.readFile(settings, "utf8")).replace(/^language: .*$/m, `language: ${language}`));
  }
  await fs.mkdir(site.cacheDir, { recursive: true });
  await fs.mkdir(SHARED_IMAGE_CACHE, { recursive: true });
  await fs.symlink(SHARED_IMAGE_CACHE, path.join(site.cacheDir, "images"));
  return site;
}
