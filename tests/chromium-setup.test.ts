// The browser tests never skip: tests/setup/chromium.ts finds Chromium, or installs it with apt-get
// (scripts/apt-install.ts), or says in one line how to get it. The install path runs the real apt-get
// against a private dpkg folder (a status file listing a stand-in `chromium`, empty package lists, a
// private cache), so it changes nothing on the machine, while another process holds that folder's
// lock exactly as a running apt or dpkg holds /var/lib/dpkg/lock-frontend (an fcntl lock).
import { spawn, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { findChromium } from "./setup/chromium.ts";
import { aptInstall, describeHolder, findLockHolder, parseLockLine, type AptOptions, type AptResult } from "../scripts/apt-install.ts";

const HOW_TO_INSTALL = "install Chromium (Debian/Ubuntu: sudo apt-get install chromium) or set CHROME_PATH to a Chrome or Chromium binary, then run npm test again";

describe("finding Chromium for the browser tests", () => {
  it("uses CHROME_PATH when it runs, and says so in one line when it does not", async () => {
    const found = await findChromium({ canInstall: false });
    expect("path" in found, JSON.stringify(found)).toBe(true);
    const path = "path" in found ? found.path : "";
    expect(await findChromium({ chromePath: path, candidates: [], canInstall: false })).toEqual({ path });
    expect(await findChromium({ chromePath: "/nowhere/chrome", canInstall: false })).toEqual({
      error: `[browser] CHROME_PATH=/nowhere/chrome does not run: ${HOW_TO_INSTALL}`,
    });
  });

  it("without a browser or a way to install one, fails with one line saying how to install it", async () => {
    const found = await findChromium({ chromePath: "", candidates: ["/nowhere/chromium"], canInstall: false });
    expect(found).toEqual({ error: `[browser] no Chromium found (CHROME_PATH, /usr/bin/chromium, Chrome): ${HOW_TO_INSTALL}` });
  });
});

describe("reading apt's lock messages", () => {
  it("finds the lock and its holder in what apt 2.x prints while waiting and when it gives up", () => {
    expect(parseLockLine("Waiting for cache lock: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 20083 (apt-get)...")).toEqual({
      file: "/var/lib/dpkg/lock-frontend",
      pid: 20083,
      command: "apt-get",
    });
    expect(parseLockLine("Could not get lock /var/lib/apt/lists/lock. It is held by process 7 (unattended-upgr)")).toEqual({
      file: "/var/lib/apt/lists/lock",
      pid: 7,
      command: "unattended-upgr",
    });
    expect(parseLockLine("Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), is another process using it?")).toEqual({ file: "/var/lib/dpkg/lock-frontend" });
    expect(parseLockLine("Could not get lock /var/lib/dpkg/lock - open (11: Resource temporarily unavailable)")).toEqual({ file: "/var/lib/dpkg/lock" });
    expect(parseLockLine("Unable to lock the administration directory (/var/lib/dpkg/), is another process using it?")).toEqual({ file: "/var/lib/dpkg/" });
    expect(parseLockLine("Unable to locate package chromium")).toBeUndefined();
    expect(describeHolder({ file: "/var/lib/dpkg/lock-frontend", pid: 12, command: "dpkg" })).toBe("process 12 (dpkg), lock /var/lib/dpkg/lock-frontend");
    expect(describeHolder({ file: "/var/lib/dpkg/lock-frontend" })).toBe("lock /var/lib/dpkg/lock-frontend");
  });
});

// apt-get and python3 (to hold an fcntl lock as apt does) are on every Debian or Ubuntu machine this
// project runs on; elsewhere there is no apt to wait for.
const hasAptAndPython = ["apt-get", "python3"].every((command) => spawnSync(command, ["--version"], { stdio: "ignore" }).status === 0);

describe.runIf(hasAptAndPython)("installing with apt-get while another process holds the package manager's lock", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  /** A private dpkg and apt folder where `chromium` (a stand-in) is installed: apt finds nothing to do, but still takes its locks. */
  async function privateApt(): Promise<{ dir: string; apt: AptOptions }> {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "dateline-apt-"));
    cleanups.push(() => fs.rm(dir, { recursive: true, force: true }));
    await fs.mkdir(path.join(dir, "dpkg"));
    await fs.mkdir(path.join(dir, "state/lists/partial"), { recursive: true });
    await fs.mkdir(path.join(dir, "sources.list.d"));
    await fs.mkdir(path.join(dir, "cache/archives/partial"), { recursive: true });
    await fs.writeFile(path.join(dir, "sources.list"), "");
    await fs.writeFile(
      path.join(dir, "dpkg/status"),
      "Package: chromium\nStatus: install ok installed\nPriority: optional\nSection: web\nInstalled-Size: 1\nMaintainer: Dateline tests <tests@example.org>\nArchitecture: all\nVersion: 1.0\nDescription: a stand-in for the lock tests\n\n",
    );
    const apt: AptOptions = {
      aptOptions: [
        `Dir::State::status=${dir}/dpkg/status`,
        `Dir::State=${dir}/state`,
        `Dir::Cache=${dir}/cache`,
        `Dir::Log=${dir}/log`,
        `Dir::Etc::SourceList=${dir}/sources.list`,
        `Dir::Etc::SourceParts=${dir}/sources.list.d`,
      ],
    };
    return { dir, apt };
  }

  /** Another process holding `file` with an fcntl lock (as apt and dpkg do) until `release()`. */
  async function holdLock(file: string): Promise<{ pid: number; release(): void }> {
    const holder = spawn("python3", ["-c", "import fcntl, sys\nf = open(sys.argv[1], 'a')\nfcntl.lockf(f, fcntl.LOCK_EX)\nprint('held', flush=True)\nsys.stdin.readline()", file], {
      stdio: ["pipe", "pipe", "inherit"],
    });
    const exited = new Promise<void>((resolve) => holder.on("exit", () => resolve()));
    const release = () => void (holder.stdin.writableEnded || holder.stdin.end("\n"));
    cleanups.push(async () => {
      release();
      await exited;
    });
    await new Promise<void>((resolve, reject) => {
      holder.stdout.once("data", () => resolve());
      holder.once("exit", (code) => reject(new Error(`the lock holder exited (${code}) before holding ${file}`)));
    });
    return { pid: holder.pid ?? 0, release };
  }

  /** `aptInstall` of chromium, the lock's holder told to let go as soon as a line is said; what was said. */
  async function installLettingGo(holder: { release(): void }, options: AptOptions): Promise<{ result: AptResult; said: string[] }> {
    const said: string[] = [];
    const log = (line: string) => {
      said.push(line);
      holder.release();
    };
    return { result: await aptInstall(["chromium"], { prefix: "[browser]", ...options, log }), said };
  }

  it("waits for dpkg's lock, says whose it is, and installs once it is free", async () => {
    const { dir, apt } = await privateApt();
    const lock = path.join(dir, "dpkg/lock-frontend");
    const holder = await holdLock(lock);
    // The browser (a stand-in answering --version) appears while apt-get waits: findChromium must look again after installing.
    const browser = path.join(dir, "chromium");
    const said: string[] = [];
    const log = (line: string) => {
      said.push(line);
      if (!line.includes("waiting for the package manager lock")) return;
      writeFileSync(browser, "#!/bin/sh\nexit 0\n", { mode: 0o755 });
      holder.release();
    };
    // apt says it waits after a second; 20 s, well inside the test's minute, so that a wait never said
    // ends as apt's own refusal, with what was said, rather than as a bare timeout.
    const found = await findChromium({ chromePath: "", candidates: [browser], canInstall: true, apt: { ...apt, update: false, lockTimeoutSeconds: 20, log } });
    expect(found, said.join("\n")).toEqual({ path: browser });
    expect(said).toEqual([
      "[browser] Chromium not found: installing Debian's chromium with apt-get (running as root)…",
      `[browser] waiting for the package manager lock held by process ${holder.pid} (python3), lock ${lock} (up to 20 s in all)…`,
    ]);
  });

  it("waits for the package lists' lock during apt-get update (apt itself does not), then installs", async () => {
    const { dir, apt } = await privateApt();
    const lock = path.join(dir, "state/lists/lock");
    const holder = await holdLock(lock);
    const { result, said } = await installLettingGo(holder, { ...apt, lockTimeoutSeconds: 60 });
    expect(result).toEqual({ ok: true });
    expect(said).toEqual([`[browser] waiting for the package manager lock held by process ${holder.pid} (python3), lock ${lock} (up to 60 s in all)…`]);
  });

  it("gives up after the bounded wait with one line naming the holder and what to do", async () => {
    const { dir, apt } = await privateApt();
    const lock = path.join(dir, "dpkg/lock-frontend");
    const holder = await holdLock(lock);
    const said: string[] = [];
    const found = await findChromium({ chromePath: "", candidates: [path.join(dir, "chromium")], canInstall: true, apt: { ...apt, update: false, lockTimeoutSeconds: 1, log: (line) => void said.push(line) } });
    expect(found).toEqual({
      error: `[browser] apt-get install -y chromium gave up: the package manager is still busy after 1 s (process ${holder.pid} (python3), lock ${lock}); let that run finish, or ${HOW_TO_INSTALL}`,
    });
    expect(said.at(-1)).toBe(`[browser] waiting for the package manager lock held by process ${holder.pid} (python3), lock ${lock} (up to 1 s in all)…`);
  });

  it("names the holder from the kernel's lock table when apt gives up without naming it", async () => {
    const { dir, apt } = await privateApt();
    const lock = path.join(dir, "dpkg/lock-frontend");
    expect(await findLockHolder(lock)).toEqual({ file: lock });
    const holder = await holdLock(lock);
    expect(await findLockHolder(lock)).toEqual({ file: lock, pid: holder.pid, command: "python3" });
    // No time to wait: apt-get refuses at once, saying only "Unable to acquire the dpkg frontend lock
    // (…)", as it does when a loaded machine lets the wait run out before apt says whose the lock is.
    const result = await aptInstall(["chromium"], { ...apt, update: false, prefix: "[browser]", lockTimeoutSeconds: 0, howToFix: HOW_TO_INSTALL, log: () => undefined });
    expect(result).toEqual({
      ok: false,
      error: `[browser] apt-get install -y chromium gave up: the package manager is still busy after 0 s (process ${holder.pid} (python3), lock ${lock}); let that run finish, or ${HOW_TO_INSTALL}`,
    });
  });

  it("says whose lock it waits for from the kernel's lock table when apt waits without a word", async () => {
    const { dir, apt } = await privateApt();
    const lock = path.join(dir, "dpkg/lock-frontend");
    const holder = await holdLock(lock);
    // A stand-in apt-get first on the PATH: it waits for dpkg's lock as apt-get does, printing
    // nothing, as apt's progress meter did under load (the install test above once waited out 20 s).
    const bin = path.join(dir, "bin");
    await fs.mkdir(bin);
    // It gives up after 10 s, as apt-get does after its DPkg::Lock::Timeout, so a wait never said fails here at once.
    const take = `import fcntl, sys, time\nfor _ in range(100):\n    try:\n        fcntl.lockf(open('${lock}', 'a'), fcntl.LOCK_EX | fcntl.LOCK_NB)\n        sys.exit(0)\n    except OSError:\n        time.sleep(0.1)\nsys.exit(1)`;
    await fs.writeFile(path.join(bin, "apt-get"), `#!/bin/sh\nexec python3 -c "${take}"\n`, { mode: 0o755 });
    const pathBefore = process.env["PATH"];
    process.env["PATH"] = `${bin}:${pathBefore ?? ""}`;
    cleanups.push(() => {
      if (pathBefore === undefined) delete process.env["PATH"];
      else process.env["PATH"] = pathBefore;
      return Promise.resolve();
    });
    const { result, said } = await installLettingGo(holder, { ...apt, update: false, lockTimeoutSeconds: 20 });
    expect(result).toEqual({ ok: true });
    expect(said).toEqual([`[browser] waiting for the package manager lock held by process ${holder.pid} (python3), lock ${lock} (up to 20 s in all)…`]);
  });

  it("says in one line what apt-get refused when it is not the lock", async () => {
    const { apt } = await privateApt();
    const result = await aptInstall(["dateline-no-such-package"], { ...apt, update: false, prefix: "[browser]", howToFix: HOW_TO_INSTALL, log: () => undefined });
    expect(result).toEqual({ ok: false, error: `[browser] apt-get install -y dateline-no-such-package failed (exit 100: Unable to locate package dateline-no-such-package); ${HOW_TO_INSTALL}` });
  });
});
