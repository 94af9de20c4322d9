// `npm run build` (package.json: `node src/cli/start-build.js`): the process started again with its
// memory settings (build-process.js) before anything else loads, then the command
// (src/cli/build-command.ts) compiled into one module (compiled-command.js), or through tsx when it
// cannot be compiled. Plain JavaScript for that.
import path from "node:path";
import process from "node:process";
import { startBuildProcess } from "./build-process.js";
import { compiledCommand } from "./compiled-command.js";

startBuildProcess();
const compiled = await compiledCommand("src/cli/build-command.ts");
const command = (compiled && (await importCompiled(compiled))) ?? (await importTypeScript());
process.exitCode = await command.main(process.argv.slice(2));

/**
 * @param {string} address
 * @returns {Promise<{ main(args: readonly string[]): Promise<number> } | undefined>}
 */
async function importCompiled(address) {
  try {
    return await import(address);
  } catch (error) {
    // Removed since it was found by a build that compiled the command again: compiled here next time.
    if (error instanceof Error && "code" in error && error.code === "ERR_MODULE_NOT_FOUND" && "url" in error && error.url === address) return undefined;
    throw error;
  }
}

/** @returns {Promise<{ main(args: readonly string[]): Promise<number> }>} */
async function importTypeScript() {
  (await import("tsx/esm/api")).register({ tsconfig: path.join(import.meta.dirname, "../../tsconfig.json") });
  return import("./build-command.ts");
}
