// CI's checkout gives every file the time of the checkout. The build cache knows content by size and
// mtime first (photos in the image manifest, articles in the load's cache), so in CI it would read
// and hash every file again. This sets each file under content/ to the time of the last commit that
// changed it: the same file, the same time, on every runner.
//
//   node --import tsx/esm scripts/restore-mtimes.ts [content]     (needs the history: fetch-depth: 0)
import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import readline from "node:readline";
import { isMain } from "../src/cli/command-line.ts";

/** Sets every tracked file under `folder` to its last commit's time; returns how many it set. */
export async function restoreMtimes(folder: string, cwd = process.cwd()): Promise<number> {
  const git = spawn("git", ["log", "--format=%x00%ct", "--name-only", "--no-renames", "--", folder], { cwd, stdio: ["ignore", "pipe", "inherit"] });
  const exited = new Promise<number | null>((resolve) => git.on("close", resolve));
  const done = new Set<string>();
  let time = 0;
  const pending: Promise<void>[] = [];
  // Newest commit first: a file's first appearance is its last change.
  for await (const line of readline.createInterface({ input: git.stdout })) {
    if (line.startsWith("\u0000")) time = Number(line.slice(1));
    else if (line !== "" && !done.has(line)) {
      done.add(line);
      const file = path.join(cwd, line);
      const date = new Date(time * 1000);
      pending.push(fs.utimes(file, date, date).catch(() => undefined));
    }
  }
  await Promise.all(pending);
  const code = await exited;
  if (code !== 0) throw new Error(`git log exited ${code}: restore-mtimes needs the repository's history (actions/checkout with fetch-depth: 0)`);
  return done.size;
}

if (isMain(import.meta.filename)) {
  const folder = process.argv[2] ?? "content";
  console.log(`[dateline] ${await restoreMtimes(folder)} files under ${folder}/ set to their last commit's time`);
}
