// Summarises a V8 CPU profile (`node --cpu-prof`): where self time goes, by function and by file,
// and the total time under each of a few named functions. For finding what makes a build slow.
//
//   node --import tsx/esm scripts/bench/profile-summary.ts <file.cpuprofile> [top=25] [function names…]
import fs from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const [file, topArg, ...focus] = process.argv.slice(2);
if (!file) throw new Error("usage: profile-summary.ts <file.cpuprofile> [top] [function names…]");
const top = Number(topArg ?? 25);
const profile = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;

// Self time per node, from the samples and their time deltas (microseconds).
const self = new Map<number, number>();
profile.samples.forEach((id, index) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const total = (profile.endTime - profile.startTime) / 1000;

const shortUrl = (url: string) => url.replace(/^file:\/\//, "").replace(/.*node_modules\//, "~/").replace(process.cwd() + "/", "");
const add = (map: Map<string, number>, key: string, value: number) => map.set(key, (map.get(key) ?? 0) + value);
const byFunction = new Map<string, number>();
const byFile = new Map<string, number>();
for (const [id, micros] of self) {
  const node = byId.get(id);
  if (!node) continue;
  const { functionName, url, lineNumber } = node.callFrame;
  add(byFunction, `${functionName || "(anonymous)"} ${shortUrl(url)}:${lineNumber + 1}`, micros);
  add(byFile, url ? shortUrl(url).replace(/^(~\/(@[^/]+\/)?[^/]+)\/.*/, "$1") : functionName, micros);
}

const print = (title: string, map: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [key, micros] of [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${(micros / 1000).toFixed(0).padStart(8)} ms ${((micros / 1000 / total) * 100).toFixed(1).padStart(5)} %  ${key}`);
  }
};
console.log(`profile: ${total.toFixed(0)} ms`);
print("self time by package or source file", byFile);
print("self time by function", byFunction);

// Inclusive time under each named function (counted once per sample, even when recursive).
if (focus.length > 0) {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const inclusive = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const seen = new Set<string>();
    for (let current: number | undefined = id; current !== undefined; current = parent.get(current)) {
      const name = byId.get(current)?.callFrame.functionName ?? "";
      if (focus.includes(name) && !seen.has(name)) {
        seen.add(name);
        add(inclusive, name, profile.timeDeltas[index] ?? 0);
      }
    }
  });
  print("total time under", inclusive);
}
