// scripts/restore-mtimes.ts: in CI every file is dated by the checkout; this gives each content file
// the time of the last commit that changed it, so the build cache recognises it by size and date.
import { execFileSync } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { restoreMtimes } from "../scripts/restore-mtimes.ts";

describe("restoreMtimes", () => {
  it("dates each file by its last commit, whatever the checkout did, and leaves other folders alone", async () => {
    const repo = await fs.mkdtemp(path.join(os.tmpdir(), "dateline-mtimes-"));
    try {
      const git = (args: string[], date?: string) =>
        execFileSync("git", args, { cwd: repo, env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.org", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.org", ...(date && { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }) } });
      git(["init", "-q"]);
      const write = async (file: string, text: string) => {
        await fs.mkdir(path.dirname(path.join(repo, file)), { recursive: true });
        await fs.writeFile(path.join(repo, file), text);
      };
      await write("content/articles/a.md", "one");
      await write("content/articles/b.md", "one");
      await write("src/x.ts", "code");
      git(["add", "."]);
      git(["commit", "-qm", "first"], "2026-01-01T10:00:00Z");
      await write("content/articles/b.md", "two");
      git(["add", "."]);
      git(["commit", "-qm", "second"], "2026-02-01T10:00:00Z");
      // A fresh checkout: every file dated now.
      const now = new Date();
      for (const file of ["content/articles/a.md", "content/articles/b.md", "src/x.ts"]) await fs.utimes(path.join(repo, file), now, now);

      expect(await restoreMtimes("content", repo)).toBe(2);
      const mtime = async (file: string) => (await fs.stat(path.join(repo, file))).mtime.toISOString();
      expect(await mtime("content/articles/a.md")).toBe("2026-01-01T10:00:00.000Z");
      expect(await mtime("content/articles/b.md")).toBe("2026-02-01T10:00:00.000Z");
      expect(await mtime("src/x.ts")).toBe(now.toISOString());
    } finally {
      await fs.rm(repo, { recursive: true, force: true });
    }
  });
});
