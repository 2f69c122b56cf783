// The few MySQL / PHP semantics the simulated script depends on.

/**
 * `col='value'` under VICIdial's utf8_unicode_ci collation: case-insensitive. So a lookup of
 * `us_sales` finds `US_SALES`, exactly as the real WHERE clauses do.
 */
export function sameKey(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** ORDER BY under the same collation. */
export function collate(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

/** PHP strlen(): bytes, not characters (matters only with use_non_latin=1). */
export function strlen(value: string): number {
  return Buffer.byteLength(value, "utf8");
}

export function lengthBetween(value: string, min: number, max: number): boolean {
  const n = strlen(value);
  return n >= min && n <= max;
}

/** Non-strict MySQL silently truncates a VARCHAR(size) value to size characters (contract 3). */
export function fitColumn(value: string, size: number): string {
  const chars = Array.from(value);
  return chars.length > size ? chars.slice(0, size).join("") : value;
}

/** Non-strict MySQL stores a string in a BIGINT UNSIGNED column as its leading digits, else 0. */
export function toUnsignedBigint(value: string): number {
  const digits = /^\s*\+?(\d+)/.exec(value);
  return digits?.[1] ? Number(digits[1]) : 0;
}

/**
 * A duplicate key on INSERT. PHP 8.2 with mysqli's default error mode turns this into an
 * uncaught exception: HTTP 500 with an empty body (contract 1.7).
 */
export class DuplicateKeyError extends Error {
  constructor(table: string, key: string) {
    super(`Duplicate entry '${key}' for key in ${table}`);
    this.name = "DuplicateKeyError";
  }
}

/** Any other fatal PHP error that ends the script without a useful body (contract 2.10). */
export class PhpFatalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PhpFatalError";
  }
}

/** DELETE ... WHERE, in place (tests may hold a reference to the table array); returns the row count. */
export function deleteRows<T>(rows: T[], matches: (row: T) => boolean, limit = Infinity): number {
  let deleted = 0;
  for (let i = 0; i < rows.length && deleted < limit; ) {
    const row = rows[i];
    if (row !== undefined && matches(row)) {
      rows.splice(i, 1);
      deleted++;
    } else {
      i++;
    }
  }
  return deleted;
}
