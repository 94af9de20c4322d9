// `npm run build` (package.json: `node src/cli/start-build.js`): the process started again with its
// memory settings (build-process.js) before anything else loads, then the command
// (src/cli/build-command.ts) compiled into one module (compiled-command.js), or through tsx when it
// cannot be compiled. Plain JavaScript for that.
import path from "node:path";
import process from "node:process";
import { startBuildProcess } from "./build-process.js";
import { compiledCommand, importCompiled } from "./compiled-command.js";

startBuildProcess();
const compiled = await compiledCommand("src/cli/build-command.ts");
const command = /** @type {{ main(args: readonly string[]): Promise<number> } | undefined} */ (compiled && (await importCompiled(compiled))) ?? (await importTypeScript());
process.exitCode = await command.main(process.argv.slice(2));

/** @returns {Promise<{ main(args: readonly string[]): Promise<number> }>} */
async function importTypeScript() {
  (await import("tsx/esm/api")).register({ tsconfig: path.join(import.meta.dirname, "../../tsconfig.json") });
  return import("./build-command.ts");
}
