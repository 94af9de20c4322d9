// vitest globalSetup: finds the Chromium the browser tests drive (tests/helpers/browser.ts). In order:
// CHROME_PATH, Debian's /usr/bin/chromium, an installed Chrome or Chromium. With none, as root with
// apt-get it installs Debian's `chromium` (saying so, and waiting for another apt or dpkg run to
// finish: scripts/apt-install.ts); otherwise the browser tests fail with one line saying how to
// install it. They never skip.
import { accessSync, constants } from "node:fs";
import { spawnSync } from "node:child_process";
import type { TestProject } from "vitest/node";
import { aptInstall, type AptOptions } from "../../scripts/apt-install.ts";

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
  /** How apt-get installs it (the tests point it at a private dpkg folder and a short wait). */
  apt?: AptOptions;
}

export async function findChromium({
  chromePath = process.env["CHROME_PATH"],
  candidates = CANDIDATES,
  canInstall = process.getuid?.() === 0 && hasAptGet(),
  apt = {},
}: FindOptions = {}): Promise<{ path: string } | { error: string }> {
  if (chromePath) return runs(chromePath) ? { path: chromePath } : { error: `[browser] CHROME_PATH=${chromePath} does not run: ${HOW_TO_INSTALL}` };
  const found = candidates.find(runs);
  if (found) return { path: found };
  if (canInstall) {
    const log = apt.log ?? console.log;
    log("[browser] Chromium not found: installing Debian's chromium with apt-get (running as root)…");
    const installed = await aptInstall(["chromium"], { prefix: "[browser]", howToFix: HOW_TO_INSTALL, ...apt, log });
    if (!installed.ok) return { error: installed.error };
    const path = candidates.find(runs);
    return path ? { path } : { error: `[browser] apt-get installed chromium but no browser runs at ${candidates.join(", ")}: ${HOW_TO_INSTALL}` };
  }
  return { error: `[browser] no Chromium found (CHROME_PATH, /usr/bin/chromium, Chrome): ${HOW_TO_INSTALL}` };
}

export default async function setup(project: TestProject): Promise<void> {
  const chromium = await findChromium();
  if ("error" in chromium) console.error(chromium.error);
  project.provide("chromium", chromium);
}
