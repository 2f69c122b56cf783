import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Reference data synced from VICIdial's database (in-groups, call menus, campaigns, lists,
 * servers, templates, VICIdial users): what the pickers offer. Kinds: lib/cluster/types.ts.
 */
export const clusterReferences = pgTable(
  "cluster_references",
  {
    kind: text("kind").notNull(),
    id: text("id").notNull(),
    name: text("name").notNull(),
    active: text("active"),
    userGroup: text("user_group"),
    detail: text("detail"),
    /** The full pass that last saw it: rows older than a completed pass are gone from VICIdial. */
    seenPass: integer("seen_pass"),
  },
  (t) => [primaryKey({ columns: [t.kind, t.id] }), index("cluster_references_name_idx").on(t.kind, t.name)],
);

/**
 * The cluster sync's state, one row (id 'main'), shared by every dashboard instance on this
 * database: the lease that lets one instance sync at a time, where the admin-log reading stands,
 * and how the last pass went.
 */
export const clusterSync = pgTable("cluster_sync", {
  id: text("id").primaryKey(),
  leaseOwner: text("lease_owner"),
  leaseUntil: timestamp("lease_until", { withTimezone: true }),
  /** Number of the newest full pass started. */
  pass: integer("pass").notNull().default(0),
  /** Highest vicidial_admin_log.admin_log_id already applied. */
  adminLogCursor: bigint("admin_log_cursor", { mode: "number" }).notNull().default(0),
  lastStartedAt: timestamp("last_started_at", { withTimezone: true }),
  lastFinishedAt: timestamp("last_finished_at", { withTimezone: true }),
  /** The lists are complete as of this time: the start of the last completed pass, moved on by admin-log reads. */
  syncedAt: timestamp("synced_at", { withTimezone: true }),
  lastOk: boolean("last_ok"),
  lastError: text("last_error"),
  lastDurationMs: integer("last_duration_ms"),
  /** Records seen per table in the last completed pass. */
  counts: jsonb("counts").$type<Record<string, number>>(),
  /** SHOW GRANTS found more than SELECT: the overview recommends a read-only account. */
  accountCanWrite: boolean("account_can_write"),
  /** "Sync now" asked for a pass; the lease holder runs one and clears it. */
  requestedAt: timestamp("requested_at", { withTimezone: true }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
