import { describeClusterError } from "@/lib/cluster/errors";

/** A failed pass's error in plain words, for the overview's status card. */
export function describeSyncError(error: unknown): string {
  // The sync's own reasons (stopped, lease lost) are already words; the database's need translating.
  if (error instanceof Error && error.name === "SyncInterrupted") return error.message;
  return describeClusterError(error);
}
