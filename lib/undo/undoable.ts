import type { Permission } from "@/lib/auth/permissions";
import { UNDO_RESOURCES, type UndoResource } from "./types";

/** Undoing a change needs the undo right of its resource (DESIGN roles table). */
export const UNDO_PERMISSION: Record<UndoResource, Permission> = { did: "undo.dids", phone: "undo.phones", alias: "undo.phones", cid: "undo.cid" };
/**
 * Entries that change nothing in VICIdial: a group put on or taken off the dashboard's list, a
 * record taken off it because VICIdial no longer had it.
 */
const NOT_CHANGES = new Set(["cid.group_add", "cid.group_remove", "cid.group_gone", "did.gone", "phone.gone", "alias.gone"]);

/**
 * Whether an entry is a candidate for undo, from its row alone (the dialog's plan decides the
 * rest): a successful change of a DID, phone, alias or CID entry. Drift entries found by a future
 * cluster sync qualify the same way when they record the before state.
 */
export function undoableAction(entry: { resource: string; action: string; outcome: string }): { resource: UndoResource; permission: Permission } | null {
  if (entry.outcome !== "success" || NOT_CHANGES.has(entry.action)) return null;
  if (!(UNDO_RESOURCES as readonly string[]).includes(entry.resource)) return null;
  const resource = entry.resource as UndoResource;
  return { resource, permission: UNDO_PERMISSION[resource] };
}
