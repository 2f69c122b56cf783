/** A failed pass's error in plain words, for the overview's status card. */
export function describeSyncError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
