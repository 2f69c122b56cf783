import { describe, expect, it } from "vitest";
import { writeBatch } from "./write-batch";

describe("writeBatch", () => {
  it("writes calls made close together in one batch, each caller getting its own result", async () => {
    const batches: number[][] = [];
    const double = writeBatch(async (items: number[]) => {
      batches.push(items);
      return items.map((n) => n * 2);
    }, { maxItems: 3, maxWaitMs: 20, quietMs: 20 });
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => double(n)));
    expect(results).toEqual([2, 4, 6, 8, 10]);
    // Three filled the first batch at once; the other two waited for the timer.
    expect(batches).toEqual([[1, 2, 3], [4, 5]]);
  });

  it("writes a burst once it goes quiet, and a steady stream at least every maxWaitMs", async () => {
    const sizes: number[] = [];
    const write = writeBatch(async (items: number[]) => {
      sizes.push(items.length);
      return items;
    }, { maxItems: 1000, maxWaitMs: 100, quietMs: 30 });
    const steady: Promise<number>[] = [];
    // One call every 10 ms for 250 ms: never quiet, so the wait bounds each batch.
    for (let i = 0; i < 25; i += 1) {
      steady.push(write(i));
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await Promise.all(steady);
    expect(sizes.length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...sizes)).toBeLessThan(25);
    // A lone call is written after the quiet time, not the longest wait.
    const started = Date.now();
    await write(99);
    expect(Date.now() - started).toBeLessThan(90);
  });

  it("hands a failed batch's error to every caller in it, and later calls start a new batch", async () => {
    let fail = true;
    const write = writeBatch(async (items: string[]) => {
      if (fail) throw new Error("database is down");
      return items.map((item) => item.toUpperCase());
    }, { maxWaitMs: 5 });
    const failed = await Promise.allSettled([write("a"), write("b")]);
    expect(failed.map((r) => r.status === "rejected" && (r.reason as Error).message)).toEqual(["database is down", "database is down"]);
    fail = false;
    await expect(write("c")).resolves.toBe("C");
  });

  it("refuses a batch function that loses results instead of answering callers with undefined", async () => {
    const write = writeBatch(async (items: number[]) => items.slice(1), { maxWaitMs: 5 });
    await expect(Promise.all([write(1), write(2)])).rejects.toThrow("returned 1 results for 2 items");
  });
});
