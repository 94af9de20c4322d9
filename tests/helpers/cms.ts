// The browser CMS for real: a fixture site committed to a temporary git repository, Decap's local
// backend (decap-server, the npm package `npm run cms` starts) serving that repository, and a built
// site's /admin/ opened in Chromium with the headers of its own `_headers` file.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import type { Page } from "playwright-core";
import { REPO, type FixtureSite } from "./site.ts";
import { freePort } from "./preview.ts";
import { LOCAL_CMS_BACKEND } from "../../src/site/headers.ts";

/** Runs git in the site's repository (its root, which holds content/), as a fixed committer. */
export function git(site: FixtureSite, ...args: string[]): string {
  return execFileSync("git", ["-c", "user.name=Dateline Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false", ...args], { cwd: site.root, encoding: "utf8" });
}

/** Makes the site's root a git repository on `main` with its content committed (build output ignored). */
export async function commitSite(site: FixtureSite): Promise<void> {
  await fs.writeFile(path.join(site.root, ".gitignore"), "_site/\n.cache/\npreview/\n");
  git(site, "init", "-q", "-b", "main");
  git(site, "add", ".");
  git(site, "commit", "-qm", "The newsroom before the CMS");
}

export interface LocalBackend {
  port: number;
  /** Everything it printed. */
  log(): string;
  stop(): Promise<void>;
}

/** Starts decap-server in git mode (editorial workflow as local branches) on the site's repository. */
export async function startLocalBackend(site: FixtureSite): Promise<LocalBackend> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [path.join(REPO, "node_modules/decap-server/dist/index.js")], {
    env: { ...process.env, MODE: "git", PORT: String(port), BIND_HOST: "127.0.0.1", GIT_REPO_DIRECTORY: site.root, LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes("listening on")) resolve();
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => reject(new Error(`decap-server exited (${code}) before listening:\n${log}`)));
  });
  return {
    port,
    log: () => log,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill();
      }),
  };
}

/**
 * Sends the CMS's requests for the local backend (http://localhost:8081, as the generated config and
 * the CSP name it) to this test's decap-server, on a free port: the real server answers them.
 */
export async function routeLocalBackend(page: Page, backend: LocalBackend): Promise<void> {
  await page.route(`${LOCAL_CMS_BACKEND}/**`, async (route) => {
    const url = route.request().url().replace(LOCAL_CMS_BACKEND, `http://127.0.0.1:${backend.port}`);
    await route.fulfill({ response: await route.fetch({ url }) });
  });
}

/** The body of each request the CMS made to the local backend, parsed (`{ action, params }`). */
export function backendActions(page: Page): { action: string; params: Record<string, unknown> }[] {
  const actions: { action: string; params: Record<string, unknown> }[] = [];
  page.on("request", (request) => {
    if (request.url().startsWith(LOCAL_CMS_BACKEND) && request.method() === "POST") actions.push(JSON.parse(request.postData() ?? "{}") as { action: string; params: Record<string, unknown> });
  });
  return actions;
}

/** Waits for the local backend to answer the CMS's next `action` request successfully. */
export async function answered(page: Page, action: string, trigger: () => Promise<unknown>): Promise<void> {
  const response = page.waitForResponse((candidate) => candidate.url().startsWith(LOCAL_CMS_BACKEND) && (candidate.request().postData() ?? "").includes(`"action":"${action}"`), { timeout: 30_000 });
  await trigger();
  const answer = await response;
  if (!answer.ok()) throw new Error(`the local backend refused ${action}: ${answer.status()} ${await answer.text()}`);
}
