import { can, type Role } from "@/lib/auth/permissions";
import { getSyncStatus } from "@/lib/cluster/status";
import { SyncStatusCard } from "./sync-status-card";

/** The overview's sync card, first read on the server (the card then polls while a pass it asked for runs). */
export async function ClusterSyncSection({ role }: { role: Role }) {
  return <SyncStatusCard initial={await getSyncStatus()} canSync={can(role, "cluster.sync")} />;
}
