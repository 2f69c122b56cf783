"use server";

import { z } from "zod";
import { fail, ok } from "@/lib/actions/result";
import { action } from "@/lib/actions/action";
import { getSyncStatus } from "@/lib/cluster/status";
import { requestSync } from "@/lib/cluster/sync/request";
import { connectionStatus } from "@/lib/connection/status";

/** Re-runs the connection check now instead of waiting for the 30-second cache. */
export const refreshConnectionAction = action({ permission: "account.self", schema: z.object({}) }, async () => {
  const status = await connectionStatus({ fresh: true });
  return ok(null, status.reachable ? "VICIdial answered" : "VICIdial did not answer");
});

/**
 * "Sync now": asks for a full pass of the cluster sync. It returns when the request is stored,
 * with the time it was made, so the overview's card can follow the sync until a pass after it finished.
 */
export const syncNowAction = action({ permission: "cluster.sync", schema: z.object({}), audit: "cluster.sync_now" }, async (_input, ctx) => {
  const before = await getSyncStatus();
  if (!before.configured) return fail("unavailable", "Cluster reads are not configured: set VICIDIAL_DB_URL to read VICIdial's database.");
  await requestSync();
  const status = await getSyncStatus();
  ctx.audit.target = "cluster";
  return ok({ requestedAt: status.requestedAt ?? status.checkedAt }, before.running ? "Sync requested: it starts once the pass now running has finished" : "Sync requested: the lists are read again now");
});
