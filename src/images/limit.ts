// Bounded concurrency, the one place for it. The image pipeline is called from every article at once
// (100,000 on a large archive) and content is read file by file; without a bound, cold reads fail
// with EMFILE and cold crops hold every decoded photo in memory together. p-limit and p-map do the
// work; these names keep the callers independent of them.
import pLimit from "p-limit";
import pMap from "p-map";

export type Limit = <T>(job: () => Promise<T>) => Promise<T>;

/** A counting semaphore, for jobs that arrive one by one: at most `max` run at once, the rest wait in order. */
export function limiter(max: number): Limit {
  const limit = pLimit(max);
  return (job) => limit(job);
}

/**
 * `items.map(work)` over a list known up front, with at most `max` calls in flight, results in the
 * items' order. Items are taken one by one as calls finish: memory stays at `max` however long the list.
 * On a failure no further item starts, and the first failure is thrown once the calls in flight have
 * ended: a caller that cleans up after it (removes a staging folder) is never raced by them.
 */
export async function mapLimit<T, R>(items: readonly T[], work: (item: T) => Promise<R>, max: number): Promise<R[]> {
  let failure: { error: unknown } | undefined;
  const results = await pMap(
    items,
    async (item) => {
      if (failure) return undefined;
      try {
        return await work(item);
      } catch (error) {
        failure ??= { error };
        return undefined;
      }
    },
    { concurrency: max },
  );
  if (failure) throw failure.error;
  return results as R[];
}
