import { describe, expect, it } from "vitest";
import { chunks, mapBounded } from "./bounded";

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("mapBounded", () => {
  it("never runs more than the limit at once, and returns results in input order", async () => {
    let running = 0;
    let peak = 0;
    const items = Array.from({ length: 23 }, (_, i) => i);
    const out = await mapBounded(items, 4, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await tick(n % 3 === 0 ? 8 : 2);
      running--;
      return n * 10;
    });
    expect(peak).toBe(4);
    expect(out).toEqual(items.map((n) => n * 10));
  });

  it("does nothing for no items and refuses a limit below one", async () => {
    expect(await mapBounded([], 3, async () => 1)).toEqual([]);
    await expect(mapBounded([1], 0, async () => 1)).rejects.toThrow(RangeError);
  });
});

describe("chunks", () => {
  it("slices in order with a shorter last chunk", () => {
    expect(chunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunks([], 10)).toEqual([]);
  });
});
