/**
 * Turns a "write many rows in one statement" function into a "write one row" function that
 * gathers the calls made close together and writes them together: at `maxItems`, `maxWaitMs`
 * after the first call, or once no call came for `quietMs` (the end of a burst waits no longer
 * than that). On the embedded database every statement holds the event loop for a few
 * milliseconds, so a bulk job writing its rows one by one would spend more time in the database
 * than waiting for VICIdial. Each caller gets its own item's result, or the batch's error.
 */
export interface WriteBatchOptions {
  maxItems?: number;
  maxWaitMs?: number;
  quietMs?: number;
}

export function writeBatch<T, R>(
  writeMany: (items: T[]) => Promise<R[]>,
  { maxItems = 64, maxWaitMs = 500, quietMs = 60 }: WriteBatchOptions = {},
): (item: T) => Promise<R> {
  let pending: { item: T; resolve: (result: R) => void; reject: (error: unknown) => void }[] = [];
  let firstAt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function flush() {
    clearTimeout(timer);
    timer = undefined;
    const batch = pending;
    pending = [];
    try {
      const results = await writeMany(batch.map((entry) => entry.item));
      if (results.length !== batch.length) throw new Error(`batched write returned ${results.length} results for ${batch.length} items`);
      batch.forEach((entry, index) => entry.resolve(results[index]!));
    } catch (error) {
      for (const entry of batch) entry.reject(error);
    }
  }

  return (item) =>
    new Promise<R>((resolve, reject) => {
      pending.push({ item, resolve, reject });
      if (pending.length >= maxItems) return void flush();
      if (pending.length === 1) firstAt = Date.now();
      clearTimeout(timer);
      const wait = Math.min(quietMs, firstAt + maxWaitMs - Date.now());
      timer = setTimeout(() => void flush(), Math.max(0, wait));
    });
}
