// Installs Debian packages (Chromium for the browser tests) without tripping over another apt or dpkg
// run: it waits a bounded time for the package manager's locks, says whose they are, and on failure
// gives one line saying what to do. Used by tests/setup/chromium.ts and, from the command line, by .ci/run.
import { spawn } from "node:child_process";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { fileURLToPath } from "node:url";

/** A package manager lock another process holds, as apt names it. */
export interface LockHolder {
  file: string;
  pid?: number;
  command?: string;
}

/** The lock apt is waiting for, or gave up on, in one line of its output; undefined for any other line. */
export function parseLockLine(line: string): LockHolder | undefined {
  const held = /Could not get lock (\/\S*?)\.?(?: It is held by process (\d+)(?: \(([^)]*)\))?|\s+-\s|$)/.exec(line);
  if (held?.[1]) {
    return { file: held[1], ...(held[2] && { pid: Number(held[2]) }), ...(held[3] && { command: held[3] }) };
  }
  const unnamed = /Unable to (?:acquire the dpkg frontend lock|lock the administration directory) \((\/[^)]+)\)/.exec(line);
  return unnamed?.[1] ? { file: unnamed[1] } : undefined;
}

/** "process 123 (apt-get), lock /var/lib/dpkg/lock-frontend", or just the lock when apt did not say. */
export function describeHolder(holder: LockHolder): string {
  const who = holder.pid === undefined ? "" : `process ${holder.pid}${holder.command ? ` (${holder.command})` : ""}, `;
  return `${who}lock ${holder.file}`;
}

/**
 * Who holds `file`'s lock, read from the kernel's lock table (/proc/locks, then /proc/<pid>/comm), for
 * when apt gave up without naming the holder (under load it can give up before printing its "Waiting
 * for cache lock" line). Matched on the inode alone: on an overlay file system the lock table names
 * the underlying device, not the one stat sees. `{ file }` when nobody holds it or there is no /proc.
 */
export async function findLockHolder(file: string): Promise<LockHolder> {
  try {
    const { ino } = await stat(file);
    for (const line of (await readFile("/proc/locks", "utf8")).split("\n")) {
      // "1: POSIX  ADVISORY  WRITE 3832 fe:00:2149508 0 EOF"; lines with "->" are processes waiting, not holding.
      const fields = line.trim().split(/\s+/);
      if (fields[1] === "->" || fields[5]?.split(":")[2] !== String(ino)) continue;
      const pid = Number(fields[4]);
      // OFD locks (-1) belong to no one process.
      if (!(pid > 0)) continue;
      const command = (await readFile(`/proc/${pid}/comm`, "utf8").catch(() => "")).trim();
      return { file, pid, ...(command && { command }) };
    }
  } catch {
    // No such lock file, or no /proc: apt's own words are all there is.
  }
  return { file };
}

export interface AptOptions {
  /** How long to wait in all for other package manager runs to let go of their locks (default 600). */
  lockTimeoutSeconds?: number;
  /** Run `apt-get update` first (default true: a fresh machine may have no package lists). */
  update?: boolean;
  /** More apt-get options, e.g. `Dir::State::status=…` (the tests point apt at a private dpkg folder). */
  aptOptions?: readonly string[];
  /** Starts every line said ("[browser]"). */
  prefix?: string;
  /** What to do when the install truly fails, ending the one failure line. */
  howToFix?: string;
  /** Where progress lines go. */
  log?: (line: string) => void;
}

export type AptResult = { ok: true } | { ok: false; error: string };

interface AptRun {
  status: number | null;
  /** apt's "E: …" lines, without the "E: ". */
  errors: string[];
}

/** dpkg's locks, which apt-get waits for (DPkg::Lock::Timeout): in the folder of dpkg's status file. */
function dpkgLocks(aptOptions: readonly string[]): string[] {
  const status = aptOptions.find((option) => option.startsWith("Dir::State::status="))?.slice("Dir::State::status=".length);
  const dir = status ? path.dirname(status) : "/var/lib/dpkg";
  return [path.join(dir, "lock-frontend"), path.join(dir, "lock")];
}

/** Whether `pid` is `parent` or its child (apt-get's own dpkg holds dpkg's lock while it installs). */
async function isOrChildOf(pid: number, parent: number | undefined): Promise<boolean> {
  if (parent === undefined || pid === parent) return true;
  // /proc/<pid>/stat: "pid (comm) state ppid …"; the command may hold spaces and parentheses.
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === parent;
}

/** How often a waiting run looks in the kernel's lock table itself (apt's own words may not come). */
const LOCK_LOOK_MS = 1500;

/**
 * Runs apt-get once, reporting each lock it waits for as soon as it says so, or, when it says
 * nothing, as soon as the kernel's lock table shows another process holding one of dpkg's locks:
 * apt prints its "Waiting for cache lock" line through its progress meter, which under load can
 * stay silent for the whole wait (the lock tests once waited out 20 s without a word).
 */
function runAptGet(args: readonly string[], locks: readonly string[], onWait: (holder: LockHolder) => void): Promise<AptRun> {
  return new Promise((resolve) => {
    const run: AptRun = { status: null, errors: [] };
    const child = spawn("apt-get", args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    let said = false;
    const look = setInterval(() => {
      if (said) return;
      void Promise.all(locks.map(findLockHolder)).then(async (holders) => {
        for (const holder of holders) {
          if (said || holder.pid === undefined || (await isOrChildOf(holder.pid, child.pid))) continue;
          said = true;
          onWait(holder);
        }
      });
    }, LOCK_LOOK_MS);
    const line = (text: string) => {
      if (text.startsWith("E: ")) run.errors.push(text.slice(3).trim());
      else if (text.startsWith("Waiting for cache lock")) {
        const lock = parseLockLine(text);
        if (lock) {
          said = true;
          onWait(lock);
        }
      }
    };
    const lines = () => {
      let rest = "";
      return {
        add: (chunk: Buffer) => {
          const parts = (rest + chunk.toString("utf8")).split("\n");
          rest = parts.pop() ?? "";
          parts.forEach(line);
          // apt ends a "Waiting for cache lock: …..." line only when it next writes: read it when it is whole.
          if (rest.startsWith("Waiting for cache lock") && rest.endsWith("...")) line(rest);
        },
        end: () => line(rest),
      };
    };
    const out = lines();
    const err = lines();
    child.stdout.on("data", out.add);
    child.stderr.on("data", err.add);
    child.on("error", (error) => run.errors.push(error.message));
    child.on("close", (status) => {
      clearInterval(look);
      // A look still under way says nothing once apt-get has ended.
      said = true;
      out.end();
      err.end();
      resolve({ ...run, status });
    });
  });
}

/**
 * `apt-get update` (unless told not to), then `apt-get install -y <packages>`, waiting up to
 * `lockTimeoutSeconds` in all for locks held by other runs. apt waits for dpkg's lock itself
 * (DPkg::Lock::Timeout); it does not wait for the package lists' lock, so a run refused a lock is
 * tried again each second until the time is up.
 */
export async function aptInstall(packages: readonly string[], options: AptOptions = {}): Promise<AptResult> {
  const { lockTimeoutSeconds = 600, update = true, aptOptions = [], prefix = "[apt]", howToFix = `install ${packages.join(" ")} by hand`, log = console.log } = options;
  const deadline = Date.now() + lockTimeoutSeconds * 1000;
  const told = new Set<string>();
  /** The last holder apt named for each lock, over every run: a run that waits no more (its time is up) names none. */
  const named = new Map<string, LockHolder>();
  const tell = (holder: LockHolder) => {
    if (holder.pid !== undefined) named.set(holder.file, holder);
    const line = `${prefix} waiting for the package manager lock held by ${describeHolder(holder)} (up to ${lockTimeoutSeconds} s in all)…`;
    if (!told.has(line)) log(line);
    told.add(line);
  };
  const steps = update ? [["update"], ["install", "-y", ...packages]] : [["install", "-y", ...packages]];
  for (const step of steps) {
    for (;;) {
      const seconds = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
      const run = await runAptGet(["-q", "-o", `DPkg::Lock::Timeout=${seconds}`, ...aptOptions.flatMap((option) => ["-o", option]), ...step], dpkgLocks(aptOptions), tell);
      if (run.status === 0) break;
      const command = `apt-get ${step.join(" ")}`;
      const refused = run.errors.map(parseLockLine).find((lock) => lock !== undefined);
      if (refused) {
        // After waiting out DPkg::Lock::Timeout (or with none left to wait) apt no longer names the
        // holder: the last one it named, in this run or an earlier one, or else the kernel's lock table.
        const holder = refused.pid === undefined ? (named.get(refused.file) ?? (await findLockHolder(refused.file))) : refused;
        if (Date.now() < deadline) {
          tell(holder);
          await delay(1000);
          continue;
        }
        return { ok: false, error: `${prefix} ${command} gave up: the package manager is still busy after ${lockTimeoutSeconds} s (${describeHolder(holder)}); let that run finish, or ${howToFix}` };
      }
      const why = run.errors[0] ?? "no error message";
      return { ok: false, error: `${prefix} ${command} failed (exit ${run.status ?? "none"}: ${why}); ${howToFix}` };
    }
  }
  return { ok: true };
}

// From the command line (.ci/run): `node --import tsx/esm scripts/apt-install.ts chromium`.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const packages = process.argv.slice(2);
  console.log(`[apt] installing ${packages.join(" ")} (waiting for any other package manager run to finish)`);
  const result = await aptInstall(packages, { prefix: "[apt]", howToFix: `install ${packages.join(" ")} by hand (apt-get install ${packages.join(" ")})` });
  if (!result.ok) {
    console.error(result.error);
    process.exitCode = 1;
  }
}
