// src/cli/compiled-command.js: a command's TypeScript compiled into one module, kept, and compiled
// again only when a file it was made from changed. Each compiled module is run by a fresh Node, as
// `npm run build` runs it, and must see the places its source files are at.
import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { compiledCommand } from "../../src/cli/compiled-command.js";
import { REPO } from "../helpers/paths.ts";

const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => fs.rm(dir, { recursive: true, force: true })));
});

/** A small project as the repository is laid out: settings, an entry in src/cli/ importing a module and a TSX component. */
async function project(): Promise<string> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), "dateline-compiled-"));
  made.push(root);
  const files: Record<string, string> = {
    "package.json": JSON.stringify({ type: "module" }),
    "tsconfig.json": JSON.stringify({ compilerOptions: { jsx: "react-jsx", jsxImportSource: "preact" } }),
    "src/cli/command.ts": [
      'import { where, version } from "../lib/where.ts";',
      'import { label } from "../lib/label.tsx";',
      "export async function main(args: readonly string[]): Promise<number> {",
      "  console.log(JSON.stringify({ args, entry: import.meta.filename, ...where(), version, label }));",
      "  return 3;",
      "}",
    ].join("\n"),
    "src/lib/where.ts": [
      'import path from "node:path";',
      "export const version: number = 1;",
      "export function where() {",
      '  return { url: import.meta.url, dirname: import.meta.dirname, worker: new URL("./worker.js", import.meta.url).href, sibling: path.join(import.meta.dirname, "sibling.txt") };',
      "}",
    ].join("\n"),
    // JSX compiled as the tsconfig says: with preact's runtime, a package, imported as one.
    "src/lib/label.tsx": "export const label = typeof (() => <b>news</b>);",
  };
  for (const [file, text] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await fs.writeFile(path.join(root, file), text);
  }
  await fs.mkdir(path.join(root, "node_modules"));
  await fs.symlink(path.join(REPO, "node_modules", "preact"), path.join(root, "node_modules", "preact"));
  return root;
}

/** Runs the compiled module's `main` in a fresh Node and returns what it printed and returned. */
async function runCompiled(address: string, ...args: string[]) {
  const script = `const { main } = await import(${JSON.stringify(address)}); const code = await main(${JSON.stringify(args)}); console.log(code);`;
  const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", script]);
  const [printed, code] = stdout.trim().split("\n");
  return { printed: JSON.parse(printed ?? "null") as Record<string, unknown>, code: Number(code) };
}

const cacheOf = (root: string) => path.join(root, "node_modules", ".cache", "dateline");

describe("a command compiled into one module", () => {
  it("runs as its TypeScript does, each module seeing where its own source file is", async () => {
    const root = await project();
    const address = await compiledCommand("src/cli/command.ts", { root });
    expect(address).toBeDefined();
    const file = fileURLToPath(address as string);
    expect(path.dirname(file)).toBe(cacheOf(root));
    const { printed, code } = await runCompiled(address as string, "--input", "a folder");
    expect(code).toBe(3);
    expect(printed).toEqual({
      args: ["--input", "a folder"],
      entry: path.join(root, "src/cli/command.ts"),
      url: pathToFileURL(path.join(root, "src/lib/where.ts")).href,
      dirname: path.join(root, "src/lib"),
      worker: pathToFileURL(path.join(root, "src/lib/worker.js")).href,
      sibling: path.join(root, "src/lib/sibling.txt"),
      version: 1,
      label: "function",
    });
    // Its source map beside it, named by the module.
    expect(await fs.readFile(file, "utf8")).toMatch(new RegExp(`//# sourceMappingURL=${path.basename(file)}\\.map\\n$`));
    expect(JSON.parse(await fs.readFile(`${file}.map`, "utf8")).sources).toEqual(expect.arrayContaining([expect.stringContaining("where.ts")]));
  });

  it("leaves no esbuild process running beside the command it compiled", async () => {
    // esbuild answers through a service process it keeps for the next call: stopped once compiled.
    const esbuildChildren = async () => {
      const children: string[] = [];
      for (const pid of await fs.readdir("/proc")) {
        const stat = await fs.readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
        // pid (comm) state ppid …: the name may hold spaces, the fields after it do not.
        const [name = "", rest = ""] = [stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")), stat.slice(stat.lastIndexOf(")") + 2)];
        if (name === "esbuild" && rest.split(" ")[1] === String(process.pid) && rest[0] !== "Z") children.push(pid);
      }
      return children;
    };
    const root = await project();
    expect(await compiledCommand("src/cli/command.ts", { root })).toBeDefined();
    // Stopped with a signal, so it may take a moment to end; a service left running never does.
    await expect.poll(esbuildChildren, { timeout: 5000, interval: 20 }).toEqual([]);
  });

  it("is kept while its files are the same, and compiled again when one changes, the old one removed", async () => {
    const root = await project();
    const first = (await compiledCommand("src/cli/command.ts", { root })) as string;
    const before = await fs.stat(fileURLToPath(first));
    expect(await compiledCommand("src/cli/command.ts", { root })).toBe(first);
    // Read, not written again.
    expect((await fs.stat(fileURLToPath(first))).mtimeMs).toBe(before.mtimeMs);

    await fs.writeFile(path.join(root, "src/lib/where.ts"), (await fs.readFile(path.join(root, "src/lib/where.ts"), "utf8")).replace("version: number = 1", "version: number = 2"));
    const second = (await compiledCommand("src/cli/command.ts", { root })) as string;
    expect(second).not.toBe(first);
    expect((await runCompiled(second)).printed["version"]).toBe(2);
    const kept = await fs.readdir(cacheOf(root));
    const name = path.basename(fileURLToPath(second));
    expect(kept.sort()).toEqual([`${name.slice(0, "command-".length + 8)}.json`, name, `${name}.map`].sort());

    // The compiler's settings are among its inputs too.
    await fs.writeFile(path.join(root, "tsconfig.json"), JSON.stringify({ compilerOptions: { jsx: "react-jsx", jsxImportSource: "preact", strict: true } }));
    expect(await compiledCommand("src/cli/command.ts", { root })).not.toBe(second);
  });

  it("compiles over a manifest of another form rather than trusting it", async () => {
    const root = await project();
    const first = (await compiledCommand("src/cli/command.ts", { root })) as string;
    const [manifest] = (await fs.readdir(cacheOf(root))).filter((file) => file.endsWith(".json"));
    const file = path.join(cacheOf(root), manifest as string);
    const written = JSON.parse(await fs.readFile(file, "utf8")) as { inputs: unknown[]; module: string };
    for (const damaged of [{ ...written, inputs: [1, ...written.inputs] }, { ...written, module: "../../../src/cli/command.ts" }, "not JSON {"]) {
      await fs.writeFile(file, typeof damaged === "string" ? damaged : JSON.stringify(damaged));
      const address = await compiledCommand("src/cli/command.ts", { root });
      expect(address).toBe(first);
      expect((await runCompiled(address as string)).code).toBe(3);
    }
  });

  it("keeps apart the modules of two checkouts that share a cache folder", async () => {
    const [one, two] = [await project(), await project()];
    const cacheDir = cacheOf(one);
    const first = (await compiledCommand("src/cli/command.ts", { root: one, cacheDir })) as string;
    const other = (await compiledCommand("src/cli/command.ts", { root: two, cacheDir })) as string;
    expect(other).not.toBe(first);
    // Each still kept: neither compiled again.
    expect(await compiledCommand("src/cli/command.ts", { root: one, cacheDir })).toBe(first);
    expect(await compiledCommand("src/cli/command.ts", { root: two, cacheDir })).toBe(other);
  });

  it("is not made (the caller loads the TypeScript) for a file that does not compile, another use of import.meta, or a cache it cannot write", async () => {
    const broken = await project();
    await fs.writeFile(path.join(broken, "src/lib/label.tsx"), "export const label = <b>news</i>;");
    expect(await compiledCommand("src/cli/command.ts", { root: broken })).toBeUndefined();

    const resolving = await project();
    await fs.appendFile(path.join(resolving, "src/lib/where.ts"), '\nexport const elsewhere = import.meta.resolve("./x.js");\n');
    expect(await compiledCommand("src/cli/command.ts", { root: resolving })).toBeUndefined();

    const readOnly = await project();
    // A file where the cache folder should be: nothing can be written there.
    await fs.writeFile(path.join(readOnly, "cache"), "");
    expect(await compiledCommand("src/cli/command.ts", { root: readOnly, cacheDir: path.join(readOnly, "cache", "dateline") })).toBeUndefined();
  });
});
