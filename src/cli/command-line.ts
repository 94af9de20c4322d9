// What the editor-facing commands share: strict argument parsing whose mistakes are usage errors
// (exit code 2, with the usage line), and "is this file the command being run?".
import fs from "node:fs";
import path from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";

/** A command line that cannot be run as written; the message ends with the usage line. */
export class UsageError extends Error {
  override name = "UsageError";
  constructor(problem: string, usage: string) {
    super(`${problem}\n${usage}`);
  }
}

type Options = NonNullable<ParseArgsConfig["options"]>;

/** `parseArgs` in strict mode, its errors turned into UsageErrors. */
export function parseCommandLine<O extends Options>(args: readonly string[], usage: string, options: O) {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: true });
  } catch (error) {
    // node's messages name the problem well ("Unknown option '--sectoin'"); its hints mention `--`.
    const message = error instanceof Error ? (error.message.split(". To specify")[0] ?? error.message) : String(error);
    throw new UsageError(message, usage);
  }
}

/** True when `file` (a module's `import.meta.filename`) is the script node was started with. */
export function isMain(file: string): boolean {
  const started = process.argv[1];
  if (started === undefined) return false;
  // Node names the module by its real path; the command line may reach it through a symlink.
  try {
    return fs.realpathSync(path.resolve(started)) === file;
  } catch {
    return false;
  }
}
