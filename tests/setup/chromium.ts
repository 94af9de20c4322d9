// vitest globalSetup: finds the Chromium the browser tests drive (tests/helpers/browser.ts). In order:
// CHROME_PATH, Debian's /usr/bin/chromium, an installed Chrome or Chromium. With none, as root with
// apt-get it installs Debian's `chromium` (saying so); otherwise the browser tests fail with one line
// saying how to install it. They never skip.
import { accessSync, constants } from "node:fs";
import { spawnSync } from "node:child_process";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** The browser to launch, or why there is none (one line, with how to install it). */
    chromium: { path: string } | { error: string };
  }
}

const CANDIDATES = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome-stable",
  "/usr/bin/google-chrome",
  "/opt/google/chrome/chrome",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
];

const HOW_TO_INSTALL =
  "install Chromium (Debian/Ubuntu: sudo apt-get install chromium) or set CHROME_PATH to a Chrome or Chromium binary, then run npm test again";

/** True when the file is an executable that answers `--version` (not, say, a snap shim). */
function runs(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
  } catch {
    return false;
  }
  return spawnSync(file, ["--version"], { timeout: 20_000, stdio: "ignore" }).status === 0;
}

function hasAptGet(): boolean {
  return spawnSync("apt-get", ["--version"], { stdio: "ignore" }).status === 0;
}

export interface FindOptions {
  /** CHROME_PATH, when set. */
  chromePath?: string | undefined;
  /** Where to look, in order. */
  candidates?: readonly string[];
  /** Whether apt-get may install Debian's chromium here (root, with apt-get). */
  canInstall?: boolean;
}

export function findChromium({
  chromePath = process.env["CHROME_PATH"],
  candidates = CANDIDATES,
  canInstall = process.getuid?.() === 0 && hasAptGet(),
}: FindOptions = {}): { path: string } | { error: string } {
  if (chromePath) return runs(chromePath) ? { path: chromePath } : { error: `[browser] CHROME_PATH=${chromePath} does not run: ${HOW_TO_INSTALL}` };
  const found = candidates.find(runs);
  if (found) return { path: found };
  if (canInstall) {
    console.log("[browser] Chromium not found: installing Debian's chromium with apt-get (running as root)…");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    const update = spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
    const install = update.status === 0 ? spawnSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env }) : update;
    if (install.status === 0 && runs("/usr/bin/chromium")) return { path: "/usr/bin/chromium" };
    return { error: `[browser] apt-get could not install chromium (exit ${install.status}): ${HOW_TO_INSTALL}` };
  }
  return { error: `[browser] no Chromium found (CHROME_PATH, /usr/bin/chromium, Chrome): ${HOW_TO_INSTALL}` };
}

export default function setup(project: TestProject): void {
  const chromium = findChromium();
  if ("error" in chromium) console.error(chromium.error);
  project.provide("chromium", chromium);
}
