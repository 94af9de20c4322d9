// Measures the CPU time of one cold lead-photo encode (all widths and formats) with the build's
// image settings: `node --import tsx/esm scripts/measure-cold-photo.ts <photo.jpg>`.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ImagePipeline, IMAGE_WIDTHS } from "../src/images/index.ts";

const photo = process.argv[2];
if (!photo) throw new Error("usage: measure-cold-photo.ts <photo>");
const runs: number[] = [];
for (let run = 0; run < 3; run++) {
  const cacheDir = await fs.mkdtemp(path.join(os.tmpdir(), "dateline-cold-"));
  const pipeline = new ImagePipeline({ cacheDir, urlPath: "/img/" });
  const start = process.cpuUsage();
  await pipeline.process(path.resolve(photo), IMAGE_WIDTHS.lead);
  const used = process.cpuUsage(start);
  runs.push((used.user + used.system) / 1e6);
  await fs.rm(cacheDir, { recursive: true });
}
runs.sort((a, b) => a - b);
console.log(`cold lead photo: median ${runs[1]?.toFixed(2)} s CPU over ${runs.length} runs (${runs.map((r) => r.toFixed(2)).join(", ")})`);
