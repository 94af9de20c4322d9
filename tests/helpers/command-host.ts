// The process tests/helpers/commands.ts keeps for running commands: it imports each command's module
// once and runs its `main` for every request, one at a time, in the request's working folder and
// environment, with what it prints captured as the command's stdout and stderr.
import { pathToFileURL } from "node:url";
import type { HostAnswer, HostRequest } from "./commands.ts";

type Main = (args: readonly string[]) => Promise<number>;

const mains = new Map<string, Promise<Main>>();

function mainOf(script: string): Promise<Main> {
  let main = mains.get(script);
  if (!main) {
    main = import(pathToFileURL(script).href).then((module: { main?: Main }) => {
      if (typeof module.main !== "function") throw new Error(`${script} exports no main(args)`);
      return module.main;
    });
    mains.set(script, main);
  }
  return main;
}

/** Sends what is written to `stream` into `sink` until the returned function is called. */
function capture(stream: NodeJS.WriteStream, sink: (text: string) => void): () => void {
  // An own property over the stream's prototype method, removed again afterwards.
  stream.write = (chunk: string | Uint8Array, ...rest: unknown[]) => {
    sink(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString());
    const callback = rest.find((value): value is () => void => typeof value === "function");
    callback?.();
    return true;
  };
  return () => {
    Reflect.deleteProperty(stream, "write");
  };
}

async function run(request: HostRequest): Promise<HostAnswer> {
  for (const key of Object.keys(process.env)) delete process.env[key];
  Object.assign(process.env, request.env);
  process.chdir(request.cwd);
  let stdout = "";
  let stderr = "";
  const restore = [capture(process.stdout, (text) => (stdout += text)), capture(process.stderr, (text) => (stderr += text))];
  let status: number;
  try {
    status = await (await mainOf(request.script))(request.args);
  } catch (error) {
    // As Node reports an error a command does not catch: its stack on stderr, exit code 1.
    stderr += `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`;
    status = 1;
  } finally {
    for (const undo of restore) undo();
    process.exitCode = undefined;
  }
  return { id: request.id, status, stdout, stderr };
}

let queue = Promise.resolve();
process.on("message", (request: HostRequest) => {
  queue = queue.then(async () => {
    process.send?.(await run(request));
  });
});
// The test worker that started this host is gone.
process.on("disconnect", () => process.exit(0));
