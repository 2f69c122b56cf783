/** List pages keep their whole state (search, filters, sort, page) in the URL. */
export type SearchParams = Record<string, string | undefined>;

export function withParams(basePath: string, params: SearchParams, changes: SearchParams): string {
  const next = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...params, ...changes })) {
    if (value !== undefined && value !== "") next.set(key, value);
  }
  const query = next.toString();
  return query ? `${basePath}?${query}` : basePath;
}

/** Next hands searchParams as string | string[]; list pages want one string per key. */
export function flattenSearchParams(raw: Record<string, string | string[] | undefined>): SearchParams {
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
}

export function pageNumber(params: SearchParams): number {
  const n = Number(params.page);
  return Number.isInteger(n) && n > 0 ? n : 1;
}
