// Every file of a built site and the hash of its bytes: how tests compare two outputs byte for byte.
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

/** Every file under `dir` (its path with "/", sorted) and the SHA-256 of its bytes. */
export async function hashTree(dir: string): Promise<Record<string, string>> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
  const pairs = await Promise.all(files.map(async (file) => [path.relative(dir, file).split(path.sep).join("/"), createHash("sha256").update(await fs.readFile(file)).digest("hex")] as const));
  return Object.fromEntries(pairs.sort(([a], [b]) => a.localeCompare(b)));
}
