import { Time } from "@/components/ui/time";
import { getSyncStatus } from "@/lib/cluster/status";

/**
 * Above every list: when the last sync failed or is long overdue, what the list shows is the
 * cluster as the last completed pass saw it. The list itself keeps working from that data.
 */
export async function ClusterStaleBanner() {
  let stale;
  try {
    stale = (await getSyncStatus()).stale;
  } catch (error) {
    // The list below reads the same database and says so itself; the banner is no place for that.
    console.error("sync status for the list banner", error instanceof Error ? error.message : error);
    return null;
  }
  if (!stale) return null;
  return (
    <p role="status" className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200">
      {stale.asOf ? (
        <>
          Showing the cluster as of <Time value={stale.asOf} />: {stale.reason}.
        </>
      ) : (
        <>The cluster has not been read completely yet: {stale.reason}. The list holds what the dashboard knows so far.</>
      )}
    </p>
  );
}
