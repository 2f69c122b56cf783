/** How an audit entry turned out. Plain values, so browser code can use them without drizzle. */
export const AUDIT_OUTCOMES = ["success", "failed", "unknown"] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];
