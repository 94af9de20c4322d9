// Folders the bench is done with are moved aside, not deleted, until every figure is taken. On the
// reference machine's file system (ext4 without a journal) the kernel does not hand out an inode
// again for a minute after it is freed, five more while its inode table is not yet on disk, and
// every file or folder made meanwhile searches past all of them: ~0.3–0.5 ms of kernel time instead
// of ~30 µs. A cold 10,000 build right after deleting the previous one's 185,000 entries took 47.5 s
// (28.7 s of it in the kernel) against 38.6 s (9.9 s) without. A CI runner starts without any, so the
// bench measures no build behind a deletion of its own (docs/performance.md, "The two builds").
import { execFileSync } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";

export class Trash {
  private moved = 0;
  /** The trash folder, made by the first discard. */
  private made: Promise<unknown> | undefined;

  /** `dir`: where discarded folders wait, on the same file system as the folders (a rename moves them). */
  constructor(private readonly dir: string) {}

  /** Moves `target` into the trash, if it exists: a rename, which frees no inode. */
  async discard(target: string): Promise<void> {
    await (this.made ??= fs.mkdir(this.dir, { recursive: true }));
    try {
      await fs.rename(target, path.join(this.dir, String(this.moved++)));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT") return;
      // Another file system (a TMPDIR elsewhere): deleted now, as before.
      if (code === "EXDEV") await fs.rm(target, { recursive: true, force: true });
      else throw error;
    }
  }

  /** Deletes everything discarded: once nothing is measured any more. */
  async empty(): Promise<void> {
    this.made = undefined;
    await fs.rm(this.dir, { recursive: true, force: true });
  }
}

/**
 * Puts what earlier builds wrote on disk (sync(1)) before a measured one starts, so that no build
 * pays for writing back the one before it.
 */
export function settle(): void {
  execFileSync("sync");
}
