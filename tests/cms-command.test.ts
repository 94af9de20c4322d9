// Issue 16: `npm run cms`, the documented way to use /admin/ on one's own machine. It starts Decap's
// local backend on the working copy and the live preview; an entry saved through that backend (as
// the CMS saves it) lands in content/ and the preview serves its page. A site without a `cms` block
// is told how to add one.
import { spawnSync } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { makeSite as makeFixtureSite, REPO, sitesRemovedAfterEach, type FixtureSite } from "./helpers/site.ts";
import { freePort, startPreview, type PreviewProcess } from "./helpers/preview.ts";
import { writeEntry } from "../src/cms/entry-file.ts";
import { ARTICLE_FIELDS } from "../src/content/schema.ts";
import { repositoryRoot } from "../src/cli/cms.ts";

const makeSite = sitesRemovedAfterEach();
let site: FixtureSite;
let cms: PreviewProcess;
let backendPort: number;

async function backend(action: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const response = await fetch(`http://localhost:${backendPort}/api/v1`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ action, params }) });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

describe("npm run cms", () => {
  beforeAll(async () => {
    site = await makeFixtureSite("cms");
    backendPort = await freePort();
    cms = await startPreview(site, {}, { script: "src/cli/cms.ts", args: [`--backend-port=${backendPort}`], ready: /\[dateline\] CMS at http:\/\/localhost:\d+\/admin\// });
  });
  afterAll(async () => {
    await cms?.stop();
    if (site) await fs.rm(site.root, { recursive: true, force: true });
  });

  it("serves /admin/ with a configuration that finds the local backend, which answers for this working copy", async () => {
    const admin = await cms.fetch("/admin/");
    expect(admin.status).toBe(200);
    expect(admin.text).toContain('src="/admin/decap-cms.js"');
    const config = parse((await cms.fetch("/admin/config.yml")).text) as { local_backend: boolean; collections: { folder?: string }[] };
    expect(config.local_backend).toBe(true);
    expect(config.collections[0]?.folder).toBe("content/articles");
    expect(await backend("info")).toEqual({ repo: path.basename(site.root), publish_modes: ["simple"], type: "local_fs" });
  });

  it("writes what the CMS saves into content/, and the preview shows it", async () => {
    const from = cms.log().length;
    const raw = writeEntry({ headline: "Harbour cleanup draws a hundred volunteers", byline: ["ana-ruiz"], date: "2026-03-07T10:00:00-06:00", section: "news", body: "A hundred volunteers pulled nets from the harbour." }, [...ARTICLE_FIELDS, "body"]);
    // What the CMS sends on Save (the local backend in "fs" mode writes it; no workflow without git).
    const entry = { slug: "2026/harbour-cleanup", path: "content/articles/2026/harbour-cleanup.md", raw };
    await backend("persistEntry", { branch: "main", entry, assets: [], options: { collectionName: "articles", commitMessage: "Create Article", useWorkflow: false, status: "draft" } });
    expect(await fs.readFile(path.join(site.contentDir, "articles/2026/harbour-cleanup.md"), "utf8")).toBe(raw);
    // The rebuild that renders the new story (not one that renders nothing, left from the preview's start).
    await cms.waitFor(/preview: rendered [1-9]/, from);
    const page = await cms.fetch("/2026/03/07/harbour-cleanup/");
    expect(page.status).toBe(200);
    expect(page.text).toContain("Harbour cleanup draws a hundred volunteers");
  });

  it("finds the repository from the content folder the settings name", () => {
    expect(repositoryRoot("/srv/ledger/content", "content")).toBe("/srv/ledger");
    expect(repositoryRoot("/srv/ledger/sites/north/content", "sites/north/content")).toBe("/srv/ledger");
    expect(repositoryRoot("/srv/ledger/words", "content")).toBeUndefined();
  });

  it("tells a site without a cms block how to add one", async () => {
    const plain = await makeSite("base");
    const result = spawnSync(process.execPath, ["src/cli/launch.mjs", "src/cli/cms.ts", `--input=${plain.contentDir}`], { cwd: REPO, encoding: "utf8", timeout: 60_000 });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("has no cms block, so the site has no /admin/: add one (cms: { repo: owner/name }), see docs/cms.md");
  });

  it("refuses what npm start refuses, and a backend port that is no port, with exit status 2 and no stack", async () => {
    const own = await makeSite("cms");
    const run = (...args: string[]) => spawnSync(process.execPath, ["src/cli/launch.mjs", "src/cli/cms.ts", `--input=${own.contentDir}`, ...args], { cwd: REPO, encoding: "utf8", timeout: 60_000 });
    const badPort = run("--backend-port=eighty");
    expect([badPort.status, badPort.stderr.trim()]).toEqual([2, `--backend-port must be a port number, not "eighty"\nusage: npm run cms -- [--input content] [--output .preview] [--port 8080] [--backend-port 8081]`]);
    const intoContent = run(`--output=${own.contentDir}`, `--backend-port=${await freePort()}`);
    expect(intoContent.status).toBe(2);
    expect(intoContent.stderr).toMatch(/^--output ".+": /);
    expect(intoContent.stderr).not.toMatch(/\n\s+at /);
  });
});
