import { bigint, bigserial, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

import type { AuditOutcome } from "./audit-outcomes";

export { AUDIT_OUTCOMES, type AuditOutcome } from "./audit-outcomes";

/** Append-only: the code has an insert path and read paths, never an update or delete. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: integer("actor_id"),
    actorUsername: text("actor_username").notNull(),
    actorRole: text("actor_role"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    /** Dotted name, resource first: `did.add`, `user.create`, `auth.sign_in`. */
    action: text("action").notNull(),
    /** The part of `action` before the dot, kept as a column so filters use an index. */
    resource: text("resource").notNull(),
    target: text("target"),
    params: jsonb("params").$type<Record<string, unknown>>(),
    before: jsonb("before"),
    after: jsonb("after"),
    outcome: text("outcome").$type<AuditOutcome>().notNull(),
    message: text("message"),
    raw: text("raw"),
    durationMs: integer("duration_ms"),
    /**
     * The entry this one undoes. The link the other way (an entry's undo) is read by querying
     * this column, so the log stays append-only.
     */
    undoOf: bigint("undo_of", { mode: "number" }),
  },
  (t) => [
    // The log's order with the id as tie-breaker: keyset pages (lib/audit/queries.ts) walk it.
    index("audit_log_at_idx").on(t.at.desc(), t.id.desc()),
    index("audit_log_resource_target_idx").on(t.resource, t.target, t.at.desc()),
    index("audit_log_actor_idx").on(t.actorUsername, t.at.desc()),
    index("audit_log_action_idx").on(t.action, t.at.desc()),
    index("audit_log_undo_of_idx").on(t.undoOf),
  ],
);
