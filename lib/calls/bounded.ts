/**
 * `work` over every item with at most `limit` running at once; results in the items' order.
 * A batch lookup uses it so one paste of many call IDs cannot flood VICIdial.
 */
export async function mapBounded<I, O>(items: readonly I[], limit: number, work: (item: I, index: number) => Promise<O>): Promise<O[]> {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError("limit must be a positive whole number");
  const results = new Array<O>(items.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as I, index);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** `items` in consecutive slices of `size` (the last may be shorter). */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError("size must be a positive whole number");
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
