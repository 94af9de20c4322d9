// Starts a command written in TypeScript (`npm start`, `npm run edition`, `npm run cms`, `npm run new`,
// `npm run check:content`) compiled into one module with everything of ours it imports
// (src/cli/compiled-command.js: made once per version of the code, as `npm run build`'s), else through
// tsx, which then says what does not compile. Paired against how each started before: `new` 0.66× and
// `check:content` 0.74× the time with Node's type stripping, `edition` 0.54× through tsx
// (docs/performance.md, "2026-12-08, night").
//   node src/cli/launch.mjs src/cli/check-content.ts [arguments…]
/* global process */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { compiledCommand, importCompiled } from "./compiled-command.js";

const REPO = path.resolve(import.meta.dirname, "../..");
const [script, ...args] = process.argv.slice(2);
if (!script) throw new Error("usage: node src/cli/launch.mjs <command.ts> [arguments…]");
// The command sees itself as the script node was started with (src/cli/command-line.ts `isMain`); its
// compiled module knows its source file's name, so either way it runs itself as it does from source.
const file = path.resolve(script);
process.argv = [process.argv[0] ?? "node", file, ...args];
const compiled = await compiledCommand(path.relative(REPO, file).split(path.sep).join("/"));
if (!(compiled && (await importCompiled(compiled)))) {
  (await import("tsx/esm/api")).register();
  await import(pathToFileURL(file).href);
}
