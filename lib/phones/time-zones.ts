/**
 * VICIdial's local_gmt offsets and their readable names. Plain data and functions, no zod: the
 * phone forms and the agent job's wizard list them without loading the schemas.
 */

/** Offsets VICIdial accepts for local_gmt (2.2), in hours. */
const ALLOWED_OFFSETS = [
  -12, -11, -10, -9, -8, -7, -6, -5, -4, -3.5, -3, -2, -1, 0, 1, 2, 3, 3.5, 4, 4.5, 5, 5.5, 5.75, 6, 6.5, 7, 8, 9, 9.5, 10, 11, 12,
  12.75,
] as const;

/** The canonical `±H.MM` form VICIdial stores verbatim (contract 3, "Normalize local_gmt"). */
export function canonicalOffset(hours: number): string {
  return (Object.is(hours, -0) ? 0 : hours).toFixed(2);
}

/** `-5.00` → `UTC−05:00`, `5.75` → `UTC+05:45`: local_gmt holds decimal hours, people read clock offsets. */
export function readableOffset(hours: number): string {
  const sign = hours < 0 ? "−" : "+";
  const minutes = Math.round(Math.abs(hours) * 60);
  const hh = String(Math.floor(minutes / 60)).padStart(2, "0");
  const mm = String(minutes % 60).padStart(2, "0");
  return `UTC${sign}${hh}:${mm}`;
}

export const TIME_ZONES: readonly { value: string; label: string }[] = ALLOWED_OFFSETS.map((hours) => ({
  value: canonicalOffset(hours),
  label: readableOffset(hours),
}));

/** A local_gmt value in canonical form, or undefined if VICIdial would refuse it. */
export function normalizeTimeZone(value: string): string | undefined {
  const trimmed = value.trim().replace(/^\+/, "");
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(trimmed)) return undefined;
  const hours = Number(trimmed);
  return ALLOWED_OFFSETS.some((allowed) => allowed === hours) ? canonicalOffset(hours) : undefined;
}

/** The readable label of a stored local_gmt, or the raw value if it is not one of the list. */
export function timeZoneLabel(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const canonical = normalizeTimeZone(value);
  return TIME_ZONES.find((zone) => zone.value === canonical)?.label ?? value;
}
