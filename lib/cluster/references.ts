import "server-only";
import { and, asc, eq, ilike, or } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { clusterReferences } from "@/lib/db/schema";
import type { ReferenceKind } from "./types";

export interface ReferenceOption {
  id: string;
  name: string;
  /** list → its campaign, server → its IP, user → its level (lib/cluster/types.ts). */
  detail: string | null;
  active: string | null;
}

export const REFERENCE_LIMIT = 20;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * What a picker offers: the synced reference records of one kind whose id, name or detail (a
 * server's IP) contains `q`,
 * by name (on the kind+name index), at most `limit`. None when the cluster was never read:
 * the picker then takes free text, as the forms did before cluster reads.
 */
export async function referenceOptions(kind: ReferenceKind, q?: string, limit = REFERENCE_LIMIT): Promise<ReferenceOption[]> {
  const db = await getDb();
  const text = q?.trim().slice(0, 50);
  const pattern = text ? `%${escapeLike(text)}%` : "";
  return db
    .select({ id: clusterReferences.id, name: clusterReferences.name, detail: clusterReferences.detail, active: clusterReferences.active })
    .from(clusterReferences)
    .where(and(eq(clusterReferences.kind, kind), text ? or(ilike(clusterReferences.id, pattern), ilike(clusterReferences.name, pattern), ilike(clusterReferences.detail, pattern)) : undefined))
    .orderBy(asc(clusterReferences.name), asc(clusterReferences.id))
    .limit(Math.min(Math.max(1, limit), 100));
}

/** Whether any record of this kind was ever synced: without, pickers fall back to what the dashboard saw itself. */
export async function referencesKnown(kind: ReferenceKind): Promise<boolean> {
  const db = await getDb();
  const [row] = await db.select({ id: clusterReferences.id }).from(clusterReferences).where(eq(clusterReferences.kind, kind)).limit(1);
  return !!row;
}
