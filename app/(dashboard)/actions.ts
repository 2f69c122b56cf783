"use server";

import { getCurrentUser } from "@/lib/auth/session";
import { connectionStatus } from "@/lib/connection-status";

/** Re-runs the connection check now instead of waiting for the 30-second cache. */
export async function refreshConnection(): Promise<void> {
  if (!(await getCurrentUser())) return;
  await connectionStatus({ fresh: true });
}
