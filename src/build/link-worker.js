// Links reused outputs from the build store into a new output folder, in a thread of its own:
// synchronous calls in a tight loop, beside the build. Through fs/promises each link queued in
// libuv's four threads behind the build's and the indexers' own file work: at 100,000 articles,
// linking 135,000 pages outlasted rendering by 11 s.
//
// Two phases (src/build/store.ts `Linker`): the previous build's outputs are linked ahead, while the
// build loads and plans; once the plan is made, the build sends what it settles: the outputs it will
// render or no longer writes (unlinked, and never linked after that) and the reused outputs that were
// not linked ahead. The build renders only once the worker says no dropped output is linked: a
// rendered page must never be written through a link into the store.
// Plain JavaScript: worker threads do not share the TypeScript loader the build runs with.
import { receiveMessageOnPort, workerData } from "node:worker_threads";
import fs from "node:fs";
import path from "node:path";
import { linkOrCopySync } from "./link-files.js";

/** Links made between two looks for the plan: a look costs little, a late plan holds up the rendering. */
const LOOK_EVERY = 128;

/**
 * @typedef {{ drop: string[]; add: [string, string][] }} Settled
 * @type {{ ahead: [string, string][]; settled?: Settled; root: string; port: import("node:worker_threads").MessagePort }}
 */
const { ahead, settled: given, root, port } = workerData;
/** Folders made (or found) by this worker. */
const made = new Set();
/** Outputs linked ahead, by output file; and those whose stored file was gone. */
const linkedAhead = new Set();
const missingAhead = new Set();
/** @type {Set<string> | undefined} Outputs dropped by the plan, once it came. */
let dropped;
/** @type {[string, string][]} */
let add = [];

/**
 * Links `from` at `to`, making its folder. A store file gone (`missing`: linking ahead, the store
 * may have lost it; the plan then renders the page) returns false.
 * @param {string} from
 * @param {string} to
 * @param {{ missing?: boolean }} [options]
 */
function link(from, to, { missing = false } = {}) {
  const dir = path.dirname(to);
  if (!made.has(dir)) {
    fs.mkdirSync(dir, { recursive: true });
    made.add(dir);
  }
  try {
    linkOrCopySync(from, to);
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== "ENOENT") throw error;
    if (missing) return false;
    throw new Error(`${to}: its stored output is gone from the build cache (${from})`, { cause: error });
  }
  return true;
}

/**
 * The plan came: unlinks the dropped outputs linked ahead (and folders left empty, as a clean build
 * would not have them), and says so.
 * @param {Settled} settled
 */
function settle(settled) {
  dropped = new Set(settled.drop);
  add = settled.add;
  // A page the plan reuses is stored (src/build/plan.ts): one missing now was lost while the build ran.
  for (const file of missingAhead) if (!dropped.has(file)) throw new Error(`${file}: its stored output is gone from the build cache`);
  for (const file of dropped) {
    if (!linkedAhead.delete(file)) continue;
    fs.rmSync(file, { force: true });
    for (let dir = path.dirname(file); dir.startsWith(root + path.sep); dir = path.dirname(dir)) {
      try {
        fs.rmdirSync(dir);
      } catch {
        break;
      }
      made.delete(dir);
    }
  }
  port.postMessage({ settled: true });
}

/** @param {unknown} message */
function fail(message) {
  port.postMessage({ error: message instanceof Error ? message.message : String(message) });
}

try {
  if (given) settle(given);
  for (const [index, [from, to]] of ahead.entries()) {
    if (!dropped && index % LOOK_EVERY === 0) {
      const message = receiveMessageOnPort(port);
      if (message) settle(message.message);
    }
    if (dropped?.has(to)) continue;
    if (link(from, to, { missing: !dropped })) linkedAhead.add(to);
    else missingAhead.add(to);
  }
  const finish = () => {
    try {
      for (const [from, to] of add) link(from, to);
      port.postMessage({ linked: linkedAhead.size + add.length });
    } catch (error) {
      fail(error);
    }
  };
  if (dropped) finish();
  else
    port.once("message", (message) => {
      try {
        settle(message);
      } catch (error) {
        return fail(error);
      }
      finish();
    });
} catch (error) {
  fail(error);
}
