import "server-only";
import { and, count, desc, eq, ilike, inArray, or, type SQL } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { callFlags } from "@/lib/db/schema/call-flags";
import type { FlagFilters } from "./flag-schema";
import type { CallDetails } from "./reader/types";
import { phoneVariants } from "./search";

export type CallFlag = typeof callFlags.$inferSelect;

/** Flags a call with the call's facts as VICIdial has them now. */
export async function addFlag(details: CallDetails, flag: { reason: CallFlag["reason"]; notes: string }, by: { id: number; username: string }): Promise<CallFlag> {
  const db = await getDb();
  const { call } = details;
  const [row] = await db
    .insert(callFlags)
    .values({
      direction: call.direction,
      callKey: call.key,
      callId: details.callId,
      callDate: call.call_date,
      callStartedAt: call.start_epoch !== null ? new Date(call.start_epoch * 1000) : null,
      phoneNumber: call.phone_number,
      agent: call.user,
      campaignId: call.campaign_id,
      leadId: call.lead_id || null,
      status: call.status,
      lengthInSec: call.length_in_sec,
      reason: flag.reason,
      notes: flag.notes,
      flaggedBy: by.id,
      flaggedByName: by.username,
    })
    .returning();
  return row!;
}

/** Marks an open flag resolved; null when there is no such open flag. */
export async function resolveFlag(flagId: number, by: { username: string }): Promise<CallFlag | null> {
  const db = await getDb();
  const [row] = await db
    .update(callFlags)
    .set({ state: "resolved", resolvedByName: by.username, resolvedAt: new Date() })
    .where(and(eq(callFlags.id, flagId), eq(callFlags.state, "open")))
    .returning();
  return row ?? null;
}

export async function flagsOfCall(direction: string, key: string): Promise<CallFlag[]> {
  const db = await getDb();
  return db.select().from(callFlags).where(and(eq(callFlags.direction, direction as "inbound"), eq(callFlags.callKey, key))).orderBy(desc(callFlags.createdAt));
}

function whereOf(filters: FlagFilters): SQL | undefined {
  const clauses: (SQL | undefined)[] = [];
  if (filters.reason) clauses.push(eq(callFlags.reason, filters.reason));
  if (filters.state) clauses.push(eq(callFlags.state, filters.state));
  if (filters.agent) clauses.push(ilike(callFlags.agent, filters.agent));
  if (filters.flaggedBy) clauses.push(ilike(callFlags.flaggedByName, filters.flaggedBy));
  if (filters.q) {
    const phones = phoneVariants(filters.q);
    clauses.push(phones ? or(inArray(callFlags.phoneNumber, phones), eq(callFlags.callId, filters.q)) : eq(callFlags.callId, filters.q));
  }
  return clauses.length ? and(...clauses) : undefined;
}

/** One page of flags, newest first, with the total for the pager. */
export async function listFlags(filters: FlagFilters, page: number, pageSize: number): Promise<{ rows: CallFlag[]; total: number }> {
  const db = await getDb();
  const where = whereOf(filters);
  const [rows, [total]] = await Promise.all([
    db.select().from(callFlags).where(where).orderBy(desc(callFlags.createdAt), desc(callFlags.id)).limit(pageSize).offset((page - 1) * pageSize),
    db.select({ n: count() }).from(callFlags).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
