import "server-only";
import type { AuditOutcome } from "@/lib/audit/outcome";
import { listAudit } from "@/lib/audit/queries";
import { LOOKUP_AUDIT_ACTION, type LookupAuditAfter } from "./lookup";
import { type CallInfo, type LookupState } from "./outcome";

export interface RecentLookup {
  id: number;
  at: Date;
  callId: string;
  /** Failed entries without a recorded state (a crash, a refusal) count as "failed". */
  state: LookupState;
  outcome: AuditOutcome;
  message: string | null;
  call?: CallInfo;
}

export const RECENT_LOOKUPS_SHOWN = 15;

/**
 * The signed-in user's latest lookups, newest first, read from the audit log: every lookup is
 * audited, so the log is the one record of them.
 */
export async function recentLookups(userId: number, limit = RECENT_LOOKUPS_SHOWN): Promise<RecentLookup[]> {
  const { rows } = await listAudit({ action: LOOKUP_AUDIT_ACTION }, { kind: "own", actorId: userId }, { pageSize: limit });
  return rows.map((row) => {
    const after = (row.after ?? {}) as Partial<LookupAuditAfter>;
    return {
      id: row.id,
      at: row.at,
      callId: row.target ?? "",
      state: after.state ?? (row.outcome === "success" ? "found" : "failed"),
      outcome: row.outcome,
      message: row.message,
      ...(after.call ? { call: after.call } : {}),
    };
  });
}
