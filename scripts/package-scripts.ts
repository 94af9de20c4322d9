// Node's arguments for one of package.json's scripts (`node --import … src/cli/….ts`): what runs a
// command exactly as `npm run` does, from any working folder. The bench times `npm run build` by it,
// and the tests start their fresh processes by it, so neither spells the command line out again.
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const REPO = path.resolve(import.meta.dirname, "..");

/**
 * `name`'s script as Node's arguments: the repository's files by absolute path (a module to import by
 * its address), and `tsx` for the word "tsx/esm" (the tests give its resolved address).
 */
export function scriptArguments(name: string, { tsx = "tsx/esm" }: { tsx?: string } = {}): string[] {
  const scripts = (JSON.parse(readFileSync(path.join(REPO, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
  const [node, ...words] = (scripts[name] ?? "").split(/\s+/);
  if (node !== "node") throw new Error(`package.json's ${name} script does not start with node: ${scripts[name]}`);
  return words.map((word, index) => {
    if (word === "tsx/esm") return tsx;
    if (!/^(\.\/)?src\//.test(word)) return word;
    const file = path.join(REPO, word);
    return words[index - 1] === "--import" ? pathToFileURL(file).href : file;
  });
}
