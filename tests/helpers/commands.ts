// Dateline's commands (src/cli/*.ts) run as `npm run` runs them: in a Node process with tsx, in a
// working folder, with an environment, an exit code, stdout and stderr of their own.
//
// `runCommand` runs each in a host process that is kept for the next command. Starting Node, tsx and
// Eleventy costs about a CPU-second per process, and the suite ran some hundred commands: most of a
// fixture build's cost. A host runs one command at a time, so what it sets process-wide (working
// folder, environment) is that command's alone; tests get up to two hosts at once, as many as they
// ran commands in parallel before. With `ownProcess` a command starts a fresh process, for tests
// about the process itself (its time zone, being killed, how `npm run` starts it).
import { execFile, fork, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { REPO } from "./paths.ts";
import { scriptArguments } from "../../scripts/package-scripts.ts";

export const COMMANDS = {
  build: "src/cli/build-command.ts",
  edition: "src/cli/edition.ts",
  new: "src/cli/new-article.ts",
  "check:content": "src/cli/check-content.ts",
} as const;
export type CommandName = keyof typeof COMMANDS;

export interface CommandOptions {
  /** The working folder; the repository's by default, as npm runs scripts there. */
  cwd?: string;
  /** Added to (or, as undefined, removed from) the test process's environment. */
  env?: Record<string, string | undefined>;
  /**
   * The kept process of this name, which runs no command of another name. Commands that must not
   * share a process (the slices of one build) name different ones.
   */
  host?: string;
  /** A fresh process, started as `npm run` starts it, instead of a kept one. */
  ownProcess?: boolean;
}

export interface CommandRun {
  /** The exit code (null: killed by a signal). */
  status: number | null;
  stdout: string;
  stderr: string;
  /** stdout, then stderr. */
  output: string;
}

/** What a host is asked to run, and what it answers (tests/helpers/command-host.ts). */
export interface HostRequest {
  id: number;
  script: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
}
export interface HostAnswer {
  id: number;
  status: number;
  stdout: string;
  stderr: string;
}

const HOST = path.join(import.meta.dirname, "command-host.ts");
/** tsx's ESM hooks by address (not `import.meta.resolve`, which the global setup's module runner lacks). */
const TSX_ESM = pathToFileURL(createRequire(import.meta.url).resolve("tsx/esm")).href;
const MAX_HOSTS = 2;
/** As long as a command may take before its host is stopped as hung. */
const TIMEOUT_MS = 120_000;

function environment(env: CommandOptions["env"] = {}): Record<string, string> {
  const merged: Record<string, string | undefined> = { ...process.env, ...env };
  return Object.fromEntries(Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

interface Pending {
  resolve: (run: CommandRun) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

class Host {
  private readonly child: ChildProcess;
  private readonly pending = new Map<number, Pending>();
  private log = "";
  exited = false;

  constructor() {
    this.child = fork(HOST, [], { cwd: REPO, execArgv: ["--import", "tsx/esm"], stdio: ["ignore", "pipe", "pipe", "ipc"] });
    // What the host itself prints outside a command (a crash): kept for the error that names it.
    for (const stream of [this.child.stdout, this.child.stderr]) stream?.on("data", (chunk: Buffer) => (this.log = (this.log + chunk.toString()).slice(-4000)));
    this.child.on("message", (answer: HostAnswer) => {
      const waiting = this.pending.get(answer.id);
      if (!waiting) return;
      this.pending.delete(answer.id);
      clearTimeout(waiting.timer);
      waiting.resolve({ status: answer.status, stdout: answer.stdout, stderr: answer.stderr, output: `${answer.stdout}\n${answer.stderr}` });
    });
    this.child.on("exit", (code, signal) => {
      this.exited = true;
      for (const waiting of this.pending.values()) {
        clearTimeout(waiting.timer);
        waiting.reject(new Error(`the command host exited (${signal ?? code}) during a command:\n${this.log}`));
      }
      this.pending.clear();
    });
    // The host must not keep the test worker alive; it exits when the worker's channel closes.
    this.child.unref();
    this.unrefChannel();
  }

  get load(): number {
    return this.pending.size;
  }

  run(request: HostRequest): Promise<CommandRun> {
    return new Promise<CommandRun>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(request.id);
        reject(new Error(`${request.script} ${request.args.join(" ")} did not finish in ${TIMEOUT_MS / 1000} s`));
        this.child.kill("SIGKILL");
      }, TIMEOUT_MS);
      this.pending.set(request.id, { resolve, reject, timer });
      this.refChannel();
      this.child.send(request);
    }).finally(() => {
      if (this.pending.size === 0) this.unrefChannel();
    });
  }

  private refChannel(): void {
    (this.child.channel as { ref?: () => void } | undefined)?.ref?.();
  }

  private unrefChannel(): void {
    (this.child.channel as { unref?: () => void } | undefined)?.unref?.();
  }
}

const hosts: Host[] = [];
const namedHosts = new Map<string, Host>();
let nextId = 0;

function hostFor(name?: string): Host {
  if (name !== undefined) {
    let host = namedHosts.get(name);
    if (!host || host.exited) namedHosts.set(name, (host = new Host()));
    return host;
  }
  for (let index = hosts.length - 1; index >= 0; index--) if (hosts[index]?.exited) hosts.splice(index, 1);
  const idle = hosts.find((host) => host.load === 0);
  if (idle) return idle;
  if (hosts.length < MAX_HOSTS) {
    const host = new Host();
    hosts.push(host);
    return host;
  }
  return hosts.reduce((least, host) => (host.load < least.load ? host : least));
}

/** Runs a command in a kept host process, or with `ownProcess` in a fresh one (see above). */
export function runCommand(name: CommandName, args: string[], options: CommandOptions = {}): Promise<CommandRun> {
  if (options.ownProcess) return spawnCommand(name, args, options);
  const request: HostRequest = { id: nextId++, script: path.join(REPO, COMMANDS[name]), args, cwd: options.cwd ?? REPO, env: environment(options.env) };
  return hostFor(options.host).run(request);
}

function spawnCommand(name: CommandName, args: string[], options: CommandOptions): Promise<CommandRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      // As package.json's script starts it, with tsx as the repository has it, whatever the working folder.
      [...scriptArguments(name, { tsx: TSX_ESM }), ...args],
      { cwd: options.cwd ?? REPO, env: environment(options.env), timeout: TIMEOUT_MS },
      (error, stdout, stderr) => resolve({ status: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr, output: `${stdout}\n${stderr}` }),
    );
  });
}
