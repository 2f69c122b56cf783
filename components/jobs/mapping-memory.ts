import type { FileJobKind } from "@/lib/jobs/kinds";
import { normalizeName, type ColumnMapping, type ColumnSpec } from "@/lib/jobs/prepare/columns";

/**
 * The last column mapping of each kind, in this browser: by header name when the file had a
 * header (the same export next week has the same names), by position when it did not.
 */
interface Remembered {
  byName?: Record<string, string>;
  byIndex?: Record<string, number | null>;
}

const keyOf = (kind: FileJobKind) => `vicidash.jobs.mapping.${kind}`;

function read(kind: FileJobKind): Remembered | null {
  try {
    const text = window.localStorage.getItem(keyOf(kind));
    return text ? (JSON.parse(text) as Remembered) : null;
  } catch {
    return null;
  }
}

export function rememberMapping(kind: FileJobKind, mapping: ColumnMapping, lines: readonly (readonly string[])[], hasHeader: boolean): void {
  const entry: Remembered = {};
  if (hasHeader) {
    entry.byName = {};
    for (const [key, index] of Object.entries(mapping)) {
      const name = index === null || index === undefined ? undefined : lines[0]?.[index];
      if (name) entry.byName[key] = name;
    }
  } else {
    entry.byIndex = Object.fromEntries(Object.entries(mapping).map(([key, index]) => [key, index ?? null]));
  }
  try {
    window.localStorage.setItem(keyOf(kind), JSON.stringify({ ...read(kind), ...entry }));
  } catch {
    // Private mode or a full store: the mapping is guessed again next time.
  }
}

/** The remembered mapping, if it fits this file; otherwise null (guess instead). */
export function rememberedMapping(kind: FileJobKind, lines: readonly (readonly string[])[], hasHeader: boolean, columns: readonly ColumnSpec[]): ColumnMapping | null {
  const saved = read(kind);
  const width = Math.max(0, ...lines.map((line) => line.length));
  if (hasHeader && saved?.byName) {
    const header = (lines[0] ?? []).map(normalizeName);
    const mapping: ColumnMapping = {};
    for (const column of columns) {
      const name = saved.byName[column.key];
      const index = name ? header.indexOf(normalizeName(name)) : -1;
      if (index >= 0) mapping[column.key] = index;
    }
    return Object.keys(mapping).length > 0 ? mapping : null;
  }
  if (!hasHeader && saved?.byIndex) {
    const fits = Object.values(saved.byIndex).every((index) => index === null || index < width);
    return fits ? { ...saved.byIndex } : null;
  }
  return null;
}
