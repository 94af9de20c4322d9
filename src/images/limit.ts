// Bounded concurrency, the one place for it. The image pipeline is called from every article at once
// (100,000 on a large archive) and content is read file by file; without a bound, cold reads fail
// with EMFILE and cold crops hold every decoded photo in memory together.

export type Limit = <T>(job: () => Promise<T>) => Promise<T>;

/** A counting semaphore, for jobs that arrive one by one: at most `max` run at once, the rest wait in order. */
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

/**
 * `items.map(work)` over a list known up front, with at most `max` calls in flight, results in the
 * items' order. A fixed pool of workers: memory stays at `max` however long the list.
 */
export async function mapLimit<T, R>(items: readonly T[], work: (item: T) => Promise<R>, max: number): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(max, items.length) }, worker));
  return results;
}
