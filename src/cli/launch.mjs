// Starts an editor command written in TypeScript as fast as the running Node allows (issue 16): with
// Node's own type stripping where it has it (22.18 and later; the commands it starts hold no JSX and no
// parameter properties), else through tsx. Stripping starts `check:content` in half the time.
//   node src/cli/launch.mjs src/cli/check-content.ts [arguments…]
/* global process */
import path from "node:path";
import { pathToFileURL } from "node:url";

const [script, ...args] = process.argv.slice(2);
if (!script) throw new Error("usage: node src/cli/launch.mjs <command.ts> [arguments…]");
// The command sees itself as the script node was started with (src/cli/command-line.ts `isMain`).
process.argv = [process.argv[0] ?? "node", path.resolve(script), ...args];
if (!process.features.typescript) (await import("tsx/esm/api")).register();
await import(pathToFileURL(process.argv[1]).href);
