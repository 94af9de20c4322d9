// The bounded-concurrency helpers (src/images/limit.ts, on p-limit and p-map) keep their promise: at
// most the limit at once, jobs started in the order asked, results in the items' order. Jobs wait on
// gates the test opens in a chosen order, so every interleaving is decided here, not by timers.
import { describe, expect, it } from "vitest";
import { limiter, mapLimit } from "../../src/images/limit.ts";

interface Gate {
  promise: Promise<void>;
  open(): void;
}

function gate(): Gate {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/** Lets every pending promise callback run (the helpers hand a freed slot on within microtasks). */
const settled = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Jobs that record when they start and how many run at once, each finishing when its gate opens. */
function gatedJobs(count: number) {
  const gates = Array.from({ length: count }, gate);
  const started: number[] = [];
  const finished = new Set<number>();
  let running = 0;
  let peak = 0;
  const job = async (index: number): Promise<number> => {
    started.push(index);
    peak = Math.max(peak, ++running);
    await (gates[index] as Gate).promise;
    running--;
    finished.add(index);
    return index * 2;
  };
  /** Opens the gate of the newest running job (the worst case for a queue that should stay in order). */
  const finishNewest = async () => {
    const newest = Math.max(...started.filter((index) => !finished.has(index)));
    (gates[newest] as Gate).open();
    await settled();
  };
  return { job, started, finishNewest, peak: () => peak, running: () => running };
}

describe("limiter", () => {
  it("runs at most the limit at once, hands each freed slot to the next job asked, and runs every job once", async () => {
    const jobs = gatedJobs(20);
    const limit = limiter(3);
    const results = Promise.all(Array.from({ length: 20 }, (_, index) => limit(() => jobs.job(index))));
    await settled();
    expect(jobs.started).toEqual([0, 1, 2]);
    for (let done = 1; done <= 20; done++) {
      await jobs.finishNewest();
      expect(jobs.started).toEqual(Array.from({ length: Math.min(20, 3 + done) }, (_, index) => index));
      expect(jobs.running()).toBe(Math.min(3, 20 - done));
    }
    expect(await results).toEqual(Array.from({ length: 20 }, (_, index) => index * 2));
    expect(jobs.peak()).toBe(3);
  });

  it("passes a failure to its caller and keeps the slot free for the next job", async () => {
    const limit = limiter(1);
    await expect(limit(() => Promise.reject(new Error("bad photo")))).rejects.toThrow("bad photo");
    await expect(limit(() => Promise.resolve("next"))).resolves.toBe("next");
  });
});

describe("mapLimit", () => {
  it("keeps the items' order whatever order the calls finish in, with at most the limit in flight", async () => {
    const jobs = gatedJobs(7);
    const results = mapLimit([0, 1, 2, 3, 4, 5, 6], jobs.job, 3);
    await settled();
    expect(jobs.started).toEqual([0, 1, 2]);
    for (let done = 1; done <= 7; done++) await jobs.finishNewest();
    expect(await results).toEqual([0, 2, 4, 6, 8, 10, 12]);
    expect(jobs.started).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(jobs.peak()).toBe(3);
  });

  it("copes with fewer items than the limit, and with none", async () => {
    expect(await mapLimit([5], (n) => Promise.resolve(n * 2), 64)).toEqual([10]);
    expect(await mapLimit([], (n: number) => Promise.resolve(n * 2), 64)).toEqual([]);
  });

  it("rejects with the first failure and starts no further item", async () => {
    const seen: number[] = [];
    const work = (n: number) => {
      seen.push(n);
      return n === 1 ? Promise.reject(new Error(`item ${n} failed`)) : Promise.resolve(n);
    };
    await expect(mapLimit([0, 1, 2, 3, 4], work, 1)).rejects.toThrow("item 1 failed");
    expect(seen).toEqual([0, 1]);
  });

  it("rejects only once the calls in flight have ended, so that a caller's clean-up is not raced by them", async () => {
    const jobs = gatedJobs(6);
    const failing = gate();
    const work = (n: number) => (n === 1 ? failing.promise.then(() => Promise.reject(new Error("item 1 failed"))) : jobs.job(n));
    let rejected = false;
    const result = mapLimit([0, 1, 2, 3, 4, 5], work, 3);
    result.catch(() => (rejected = true));
    await settled();
    expect(jobs.started).toEqual([0, 2]);
    // 1 fails while 0 and 2 are in flight: no item starts after it, and the rejection waits for them.
    failing.open();
    await settled();
    expect(jobs.started).toEqual([0, 2]);
    expect(rejected).toBe(false);
    await jobs.finishNewest();
    expect(rejected).toBe(false);
    await jobs.finishNewest();
    await expect(result).rejects.toThrow("item 1 failed");
    expect(jobs.started).toEqual([0, 2]);
    expect(jobs.running()).toBe(0);
  });
});
