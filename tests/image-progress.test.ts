// Image progress: one rewritten line on a terminal, nothing in CI logs or pipes.
import { describe, expect, it } from "vitest";
import { ImageProgress } from "../src/images/progress.ts";

function stream(isTTY: boolean) {
  const written: string[] = [];
  return { isTTY, written, write: (text: string) => (written.push(text), true) };
}

describe("image progress", () => {
  it("counts finished jobs against requested ones on a terminal, ending the line when all are done", async () => {
    const out = stream(true);
    const progress = new ImageProgress(out, {});
    const finishers: (() => void)[] = [];
    const jobs = [1, 2, 3].map(() => progress.track(new Promise<void>((resolve) => finishers.push(resolve))));
    expect(out.written).toEqual([]);
    // Jobs finish out of order; the line counts finished ones and ends only when all are done.
    for (const index of [2, 0, 1]) finishers[index]?.();
    await Promise.all(jobs);
    expect(out.written.at(-1)).toBe("\r[images] 3/3\n");
    expect(out.written.every((line) => /^\r\[images\] \d+\/3\n?$/.test(line))).toBe(true);
  });

  it("stays quiet in CI and when output is not a terminal", async () => {
    for (const [tty, env] of [[true, { CI: "true" }], [false, {}]] as const) {
      const out = stream(tty);
      await new ImageProgress(out, env).track(Promise.resolve(1));
      expect(out.written).toEqual([]);
    }
  });

  it("passes results and failures through unchanged", async () => {
    const progress = new ImageProgress(stream(false), {});
    await expect(progress.track(Promise.resolve("ok"))).resolves.toBe("ok");
    await expect(progress.track(Promise.reject(new Error("bad")))).rejects.toThrow("bad");
  });
});
