import { index, integer, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./users";

import type { FlagReason, FlagState } from "./call-flag-values";

export { FLAG_REASONS, FLAG_STATES, type FlagReason, type FlagState } from "./call-flag-values";

/**
 * Calls flagged for a dispute or a review (QA and supervisors), with the call's facts as they
 * were when flagged: the flag list and its export read them without VICIdial's database.
 */
export const callFlags = pgTable(
  "call_flags",
  {
    id: serial("id").primaryKey(),
    direction: text("direction").$type<"inbound" | "outbound">().notNull(),
    /** uniqueid (outbound) or closecallid (inbound): the card's address. */
    callKey: text("call_key").notNull(),
    /** caller_code, when VICIdial's extended log has it. */
    callId: text("call_id"),
    /** VICIdial server time, as its log has it. */
    callDate: text("call_date").notNull(),
    callStartedAt: timestamp("call_started_at", { withTimezone: true }),
    phoneNumber: text("phone_number").notNull().default(""),
    agent: text("agent").notNull().default(""),
    campaignId: text("campaign_id").notNull().default(""),
    leadId: integer("lead_id"),
    status: text("status").notNull().default(""),
    lengthInSec: integer("length_in_sec"),
    reason: text("reason").$type<FlagReason>().notNull(),
    notes: text("notes").notNull().default(""),
    state: text("state").$type<FlagState>().notNull().default("open"),
    flaggedBy: integer("flagged_by").references(() => users.id),
    flaggedByName: text("flagged_by_name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    resolvedByName: text("resolved_by_name"),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
  },
  (t) => [index("call_flags_created_idx").on(t.createdAt), index("call_flags_call_idx").on(t.direction, t.callKey), index("call_flags_state_idx").on(t.state, t.createdAt)],
);
