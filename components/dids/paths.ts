/** A DID's page. Patterns may hold `+`, `#` or `*`: the path segment is always encoded. */
export function didPath(pattern: string): string {
  return `/dids/${encodeURIComponent(pattern)}`;
}

/** The pattern from the `[pattern]` segment, whether or not the router already decoded it (patterns never hold `%`). */
export function patternFromSegment(segment: string): string {
  if (!segment.includes("%")) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
