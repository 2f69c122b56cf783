import type { KeysetPage, PagePosition } from "./paging";

/**
 * For tests of a keyset list: its rows' keys paged through forwards (Next from the first page)
 * and backwards (Last, then Previous), `page(position)` reading one small page. Each order should
 * equal the whole list read at once.
 */
export async function walkBothWays<R>(page: (position: PagePosition) => Promise<KeysetPage<R>>, keyOf: (row: R) => string): Promise<{ forward: string[]; backward: string[] }> {
  const forward: string[] = [];
  for (let at = await page({}); ; at = await page({ after: at.next })) {
    forward.push(...at.rows.map(keyOf));
    if (!at.next) break;
  }
  const backward: string[] = [];
  for (let at = await page({ last: true }); ; at = await page({ before: at.previous })) {
    // Back at the start the first page is a full one, so it may repeat rows of the page after it.
    backward.unshift(...at.rows.map(keyOf).filter((key) => !backward.includes(key)));
    if (!at.previous) break;
  }
  return { forward, backward };
}
