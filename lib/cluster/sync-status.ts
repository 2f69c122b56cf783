/**
 * The cluster sync's state as the pages show it, and the rules that read it. Pure, so the
 * overview's card (in the browser) and the lists' banner (on the server) apply the same rules.
 */
export interface SyncStatus {
  /** VICIDIAL_DB_URL is set, or the demo's simulator serves the reads. */
  configured: boolean;
  source: "database" | "simulator" | null;
  intervalS: number;
  pass: number;
  lastStartedAt: string | null;
  lastFinishedAt: string | null;
  /** The lists are complete as of this time. */
  syncedAt: string | null;
  lastOk: boolean | null;
  /** The last pass's error, in plain words. */
  lastError: string | null;
  lastDurationMs: number | null;
  counts: Record<string, number> | null;
  accountCanWrite: boolean;
  /** "Sync now" asked for a pass that has not started yet. */
  requestedAt: string | null;
  running: boolean;
  checkedAt: string;
  /** Why the lists may be behind the cluster; null while they are current. */
  stale: ListStaleness | null;
}

export interface ListStaleness {
  /** What the lists show is VICIdial as of this time; null when no pass ever completed. */
  asOf: string | null;
  reason: string;
}

/** Data older than this many sync intervals is called out above every list. */
export const STALE_AFTER_INTERVALS = 3;

function minutesWords(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 120) return `${minutes} ${minutes === 1 ? "minute" : "minutes"}`;
  const hours = Math.round(minutes / 60);
  return `${hours} hours`;
}

/**
 * When the lists must say they may be behind: the last pass failed, or the newest complete view
 * is older than three intervals (the sync stopped, or no instance holds its lease).
 */
export function staleness(status: Omit<SyncStatus, "stale">, now: Date): ListStaleness | null {
  if (!status.configured) return null;
  if (status.lastOk === false) {
    return { asOf: status.syncedAt, reason: `the last sync failed: ${status.lastError ?? "no reason was recorded"}` };
  }
  if (!status.syncedAt) return null;
  const age = now.getTime() - Date.parse(status.syncedAt);
  if (age > STALE_AFTER_INTERVALS * status.intervalS * 1000) {
    return { asOf: status.syncedAt, reason: `no sync has completed for ${minutesWords(age)} (one should every ${status.intervalS} seconds)` };
  }
  return null;
}

/**
 * "Sync now" is done once a pass that started after the request has finished, whether it
 * completed or failed: a pass already running when the button was pressed does not count.
 */
export function requestedPassFinished(status: Pick<SyncStatus, "lastStartedAt" | "lastFinishedAt" | "running">, requestedAt: string): boolean {
  if (status.running || !status.lastStartedAt || !status.lastFinishedAt) return false;
  return Date.parse(status.lastStartedAt) >= Date.parse(requestedAt) && Date.parse(status.lastFinishedAt) >= Date.parse(status.lastStartedAt);
}

/** The tables a pass counts, in the words the card shows them. */
export const COUNT_LABELS: Record<string, string> = {
  dids: "DIDs",
  phones: "Phones",
  aliases: "Phone aliases",
  phone_aliases: "Phone aliases",
  cid_groups: "CID groups",
  cidGroups: "CID groups",
  cid_entries: "CID group entries",
  references: "Reference records",
};
