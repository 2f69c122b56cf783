/** At most `limit` holders at a time; the rest wait in arrival order. */
export interface Semaphore {
  acquire(): Promise<void>;
  release(): void;
  readonly inUse: number;
}

export function createSemaphore(limit: number): Semaphore {
  let inUse = 0;
  const waiting: (() => void)[] = [];
  return {
    get inUse() {
      return inUse;
    },
    acquire() {
      if (inUse < limit) {
        inUse += 1;
        return Promise.resolve();
      }
      return new Promise((resolve) => waiting.push(resolve));
    },
    release() {
      const next = waiting.shift();
      // The slot passes straight to the next waiter, so inUse stays the same.
      if (next) next();
      else inUse -= 1;
    },
  };
}
