// `npm run cms`: the browser CMS on this machine, without GitHub. Starts Decap's local backend
// (decap-server, the npm package) on this working copy and the live preview (`npm start`), whose
// /admin/ finds that backend: saving an article writes its file (and photo) straight into content/,
// and the preview shows it at once. Committing is then the editor's, as with any other edit.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { loadSettings } from "../content/load-settings.ts";
import { formatProblem } from "../content/errors.ts";
import { LOCAL_CMS_BACKEND } from "../site/headers.ts";
import { portOption, PREVIEW_OPTIONS, startPreviewCommand } from "./preview.ts";
import { isMain, parseCommandLine, UsageError } from "./command-line.ts";

const USAGE = "usage: npm run cms -- [--input content] [--output .preview] [--port 8080] [--backend-port 8081]";
const REPO = path.resolve(import.meta.dirname, "../..");

/** The repository folder that holds the content folder where the settings say it is (`cms.contentFolder`). */
export function repositoryRoot(contentDir: string, contentFolder: string): string | undefined {
  const dir = path.resolve(contentDir);
  const inRepository = path.normalize(contentFolder);
  if (!dir.endsWith(path.sep + inRepository)) return undefined;
  return dir.slice(0, dir.length - inRepository.length - 1);
}

/** decap-server in "fs" mode: it writes files into `root` (paths outside it refused), on localhost only. */
export function startLocalBackend(root: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(REPO, "node_modules/decap-server/dist/index.js")], {
    env: { ...process.env, MODE: "fs", PORT: String(port), BIND_HOST: "localhost", GIT_REPO_DIRECTORY: root, LOG_LEVEL: "warn" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("spawn", () => resolve(child));
  });
}

async function main(): Promise<number> {
  let values;
  let backendPort: number;
  try {
    ({ values } = parseCommandLine(process.argv.slice(2), USAGE, { ...PREVIEW_OPTIONS, "backend-port": { type: "string", default: new URL(LOCAL_CMS_BACKEND).port } }));
    backendPort = portOption("backend-port", values["backend-port"], USAGE);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(error.message);
    return 2;
  }
  const settings = await loadSettings(path.resolve(values.input));
  if (!settings.site) {
    for (const problem of settings.problems) console.error(formatProblem(problem));
    return 1;
  }
  const cms = settings.site.cms;
  if (!cms) {
    console.error(`${values.input}/settings.yml has no cms block, so the site has no /admin/: add one (cms: { repo: owner/name }), see docs/cms.md`);
    return 2;
  }
  const root = repositoryRoot(values.input, cms.contentFolder);
  if (!root) {
    console.error(`settings.yml says the content folder is "${cms.contentFolder}" in the repository (cms.contentFolder), but it is ${path.resolve(values.input)}: set cms.contentFolder to its path from the repository's root`);
    return 2;
  }
  const backend = await startLocalBackend(root, backendPort);
  const server = await startPreviewCommand(values, USAGE);
  if (!server) {
    backend.kill();
    return 2;
  }
  console.log(`[dateline] CMS at http://localhost:${server.port}/admin/ (local backend: saving writes into ${values.input}/ directly, no login, no pull request)`);
  process.on("SIGINT", () => {
    backend.kill();
    void server.close().then(() => process.exit(0));
  });
  return 0;
}

if (isMain(import.meta.filename)) {
  const code = await main();
  if (code !== 0) process.exitCode = code;
}
