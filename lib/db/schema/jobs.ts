import { bigint, bigserial, boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { JOB_KINDS, JOB_STATUSES, ROW_STATES, type JobKind, type JobStatus, type RowState, type SheetState } from "../../jobs/states";

/**
 * Bulk jobs (CSV imports) and their rows. Everything the runner needs lives here, not in process
 * memory, so a job survives a reload, a closed browser and a server restart, and several
 * dashboard instances on one PostgreSQL share the work (rows are claimed FOR UPDATE SKIP LOCKED).
 */
const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));

export const jobs = pgTable(
  "jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").$type<JobKind>().notNull(),
    status: text("status").$type<JobStatus>().notNull().default("running"),
    /** Why the job is paused, in plain words (a user's pause, VICIdial's lockout, an outage). */
    pauseReason: text("pause_reason"),
    ownerId: integer("owner_id"),
    ownerUsername: text("owner_username").notNull(),
    ownerRole: text("owner_role").notNull(),
    /** One line for lists: "CID entries into US_SALES". */
    title: text("title").notNull(),
    /** Job-wide settings of the kind (group, server, source DID...); never a password. */
    options: jsonb("options").$type<Record<string, unknown>>().notNull(),
    totalRows: integer("total_rows").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Start of the current running stretch: the rate is measured from here. */
    runningSince: timestamp("running_since", { withTimezone: true }).defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    sheet: text("sheet").$type<SheetState>(),
    sheetDownloadedAt: timestamp("sheet_downloaded_at", { withTimezone: true }),
  },
  (t) => [
    index("jobs_status_idx").on(t.status, t.createdAt),
    index("jobs_owner_idx").on(t.ownerUsername, t.createdAt.desc()),
    index("jobs_created_at_idx").on(t.createdAt.desc()),
    check("jobs_kind_check", sql`${t.kind} in (${inList(JOB_KINDS)})`),
    check("jobs_status_check", sql`${t.status} in (${inList(JOB_STATUSES)})`),
  ],
);

export const jobRows = pgTable(
  "job_rows",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    jobId: uuid("job_id")
      .notNull()
      .references(() => jobs.id, { onDelete: "cascade" }),
    /** Row number in the file (1 = first data row); also the processing order. */
    seq: integer("seq").notNull(),
    /** Rows of a higher phase wait until every row of a lower phase is final (one alias over all phones). */
    phase: integer("phase").notNull().default(0),
    /** Share of one request this row takes (copy_did: characters in new_dids); claims stay under the kind's limit. */
    weight: integer("weight").notNull().default(1),
    /** What the row is about, for the results table: a DID, "727 · 7275551001", an extension. */
    label: text("label").notNull(),
    /** The validated input of the operation; never a password (those are in job_secrets). */
    input: jsonb("input").$type<Record<string, unknown>>().notNull(),
    state: text("state").$type<RowState>().notNull().default("pending"),
    /** The last attempt got no clear answer: check whether it took effect before sending again. */
    uncertain: boolean("uncertain").notNull().default(false),
    attempts: integer("attempts").notNull().default(0),
    /** After an unclear answer the row waits a little, so an outage pauses the job before any row uses up its attempts. */
    notBefore: timestamp("not_before", { withTimezone: true }),
    claimedBy: text("claimed_by"),
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    message: text("message"),
    raw: text("raw"),
  },
  (t) => [
    uniqueIndex("job_rows_job_seq_idx").on(t.jobId, t.seq),
    index("job_rows_claim_idx").on(t.jobId, t.state, t.phase, t.seq),
    index("job_rows_finished_idx").on(t.jobId, t.finishedAt),
    // The job page's rows in their order (phase, seq): a page reads its rows off this, not a sort of the job.
    index("job_rows_page_idx").on(t.jobId, t.phase, t.seq),
    index("job_rows_running_idx").on(t.state, t.claimedBy),
    check("job_rows_state_check", sql`${t.state} in (${inList(ROW_STATES)})`),
  ],
);

/**
 * Generated phone passwords, encrypted (AES-256-GCM, key derived from AUTH_SECRET), deleted on
 * the sheet's one download or when it expires. Never copied to job_rows, the audit log or logs.
 */
export const jobSecrets = pgTable(
  "job_secrets",
  {
    rowId: bigint("row_id", { mode: "number" })
      .primaryKey()
      .references(() => jobRows.id, { onDelete: "cascade" }),
    jobId: uuid("job_id")
      .notNull()
      .references(() => jobs.id, { onDelete: "cascade" }),
    ciphertext: text("ciphertext").notNull(),
  },
  (t) => [index("job_secrets_job_idx").on(t.jobId)],
);

/** Live runner processes; a row held by a runner that stopped beating is reconciled by another. */
export const jobRunners = pgTable("job_runners", {
  id: text("id").primaryKey(),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
  heartbeatAt: timestamp("heartbeat_at", { withTimezone: true }).notNull().defaultNow(),
});
