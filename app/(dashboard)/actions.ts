"use server";

import { z } from "zod";
import { ok } from "@/lib/actions/result";
import { action } from "@/lib/auth/action";
import { connectionStatus } from "@/lib/connection-status";

/** Re-runs the connection check now instead of waiting for the 30-second cache. */
export const refreshConnectionAction = action({ permission: "account.self", schema: z.object({}) }, async () => {
  const status = await connectionStatus({ fresh: true });
  return ok(null, status.reachable ? "VICIdial answered" : "VICIdial did not answer");
});
