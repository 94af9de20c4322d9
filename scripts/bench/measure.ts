// Runs one build as a child process and measures what it really cost, counting every process it
// starts (Node, Pagefind's indexer, esbuild): wall time; CPU time of the whole tree from a cgroup
// (cpuacct, exact, processes that already exited included) where the machine lets us make one, else
// summed from /proc while they run; the peak resident memory of the largest process (GNU time's
// maxrss, kernel accounting) and of the whole tree (every process's RSS summed, sampled every 100 ms).
import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";

export interface Measurement {
  seconds: number;
  /** User + system CPU seconds of every process of the tree. Less sensitive to a busy machine than wall time. */
  cpuSeconds: number;
  /** How `cpuSeconds` was counted: "cgroup" (exact) or "proc" (sampled: a process living under 100 ms may be missed). */
  cpuSource: "cgroup" | "proc";
  /** Peak RSS of the largest single process of the tree, in MB (kernel accounting, exact). */
  peakRssMB: number;
  /** Peak of the summed RSS of every process in the tree, in MB (sampled every 100 ms). */
  treePeakMB: number;
  exitCode: number;
  output: string;
}

const TIME = "/usr/bin/time";

async function hasGnuTime(): Promise<boolean> {
  try {
    await fs.access(TIME);
    return true;
  } catch {
    return false;
  }
}

async function readText(file: string): Promise<string> {
  try {
    return await fs.readFile(file, "utf8");
  } catch {
    return "";
  }
}

/** Every process under `pid`, itself included (Linux /proc; empty elsewhere). */
async function processTree(pid: number): Promise<number[]> {
  const pids = [pid];
  for (let i = 0; i < pids.length; i++) {
    const current = pids[i];
    let tasks: string[];
    try {
      tasks = await fs.readdir(`/proc/${current}/task`);
    } catch {
      continue;
    }
    for (const task of tasks) {
      const children = await readText(`/proc/${current}/task/${task}/children`);
      for (const child of children.split(" ")) if (child.trim()) pids.push(Number(child));
    }
  }
  return pids;
}

async function rssKB(pid: number): Promise<number> {
  const status = await readText(`/proc/${pid}/status`);
  return Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
}

/** User + system CPU seconds a process has used so far (/proc/<pid>/stat, in clock ticks of 1/100 s). */
async function cpuOf(pid: number): Promise<number> {
  const stat = await readText(`/proc/${pid}/stat`);
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) / 100;
}

/** A cpuacct cgroup of our own (cgroup v1, as on this machine), or undefined where none can be made. */
async function makeCpuGroup(): Promise<{ dir: string; usageSeconds: () => Promise<number>; remove: () => Promise<void> } | undefined> {
  const dir = `/sys/fs/cgroup/cpuacct/dateline-bench-${process.pid}-${Date.now()}`;
  try {
    await fs.mkdir(dir);
  } catch {
    return undefined;
  }
  return {
    dir,
    usageSeconds: async () => Number((await readText(path.join(dir, "cpuacct.usage"))).trim()) / 1e9,
    remove: () => fs.rmdir(dir).catch(() => undefined),
  };
}

/** Runs `command args` with `env` added, and measures it. Output is kept (and echoed with `echo`). */
export interface MeasureOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Echo the child's output to stderr as it comes. */
  echo?: boolean;
  /** Stop the whole process tree after this long (exit code 124, like timeout(1)). */
  timeoutSeconds?: number;
}

export async function measure(command: string, args: readonly string[], options: MeasureOptions = {}): Promise<Measurement> {
  const gnuTime = await hasGnuTime();
  const timeFile = path.join(os.tmpdir(), `dateline-bench-time-${process.pid}-${Date.now()}.txt`);
  const timed: [string, string[]] = gnuTime ? [TIME, ["-f", "%e %U %S %M", "-o", timeFile, command, ...args]] : [command, [...args]];
  // The command joins the cgroup before it starts, so everything it starts is counted.
  const group = await makeCpuGroup();
  const [file, fileArgs]: [string, string[]] = group ? ["/bin/sh", ["-c", 'echo $$ > "$0/cgroup.procs" && exec "$@"', group.dir, timed[0], ...timed[1]]] : timed;
  const started = process.hrtime.bigint();
  // Its own process group, so a timeout stops the build and everything it started.
  const child = spawn(file, fileArgs, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let timedOut = false;
  const timer =
    options.timeoutSeconds === undefined
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
        }, options.timeoutSeconds * 1000);
  let output = "";
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    if (options.echo) process.stderr.write(chunk);
  };
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);

  let treePeakKB = 0;
  let sampling = true;
  /** CPU seen per process, for machines without a cgroup: the last reading of each. */
  const cpuSeen = new Map<number, number>();
  const sampler = (async () => {
    while (sampling && child.pid !== undefined) {
      const pids = await processTree(child.pid);
      // The first process is GNU time itself (about 2 MB): leave it out.
      const counted = gnuTime ? pids.slice(1) : pids;
      const sizes = await Promise.all(counted.map(rssKB));
      treePeakKB = Math.max(treePeakKB, sizes.reduce((sum, size) => sum + size, 0));
      if (!group) for (const pid of counted) cpuSeen.set(pid, Math.max(cpuSeen.get(pid) ?? 0, await cpuOf(pid)));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();

  const code = await new Promise<number>((resolve) => child.on("close", (exit) => resolve(exit ?? 1)));
  clearTimeout(timer);
  const exitCode = timedOut ? 124 : code;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  sampling = false;
  await sampler;

  let peakKB = treePeakKB;
  let timeCpu = 0;
  if (gnuTime) {
    // The last line; a line before it may say "Command exited with non-zero status".
    const [, user, system, maxrss] = (await readText(timeFile)).trim().split(/\s+/).slice(-4);
    if (maxrss) peakKB = Number(maxrss);
    timeCpu = Number(user ?? 0) + Number(system ?? 0);
    await fs.rm(timeFile, { force: true });
  }
  let cpuSeconds: number;
  let cpuSource: Measurement["cpuSource"];
  if (group) {
    cpuSeconds = await group.usageSeconds();
    cpuSource = "cgroup";
    await group.remove();
  } else {
    // GNU time counts only what its child waited for; the sampled tree counts what it saw running.
    cpuSeconds = Math.max(timeCpu, [...cpuSeen.values()].reduce((sum, seconds) => sum + seconds, 0));
    cpuSource = "proc";
  }
  return { seconds, cpuSeconds, cpuSource, peakRssMB: peakKB / 1024, treePeakMB: Math.max(treePeakKB, peakKB) / 1024, exitCode, output };
}
