// A counting semaphore: at most `max` jobs run at once, the rest wait in order. The image pipeline
// is called from every article at once (100,000 on a large archive); without a bound, cold reads
// fail with EMFILE and cold crops hold every decoded photo in memory together.

export type Limit = <T>(job: () => Promise<T>) => Promise<T>;

export function limiter(max: number): Limit {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(job: () => Promise<T>): Promise<T> => {
    // A finishing job hands its slot straight to the next waiter, so no newcomer slips in between.
    if (running < max) running++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await job();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}
