import { cidGroups } from "@/lib/db/schema";
import type { ClusterCidGroup } from "@/lib/cluster/types";
import { keyIn, keyRange, type LocalRow, type SyncedResource } from "../resource";

/** vicidial_cid_groups (with its entries counted) → cid_groups. */
export function cidGroupColumns(row: ClusterCidGroup): LocalRow {
  return {
    id: row.cid_group_id,
    notes: row.cid_group_notes,
    groupType: row.cid_group_type,
    userGroup: row.user_group,
    entryCount: row.entry_count,
    idleEntryCount: row.idle_entry_count,
  };
}

export const cidGroupResource: SyncedResource<ClusterCidGroup> = {
  name: "cid_groups",
  audit: "cid",
  noun: "CID group",
  table: cidGroups,
  keyColumns: [cidGroups.id],
  tracked: ["notes", "groupType", "userGroup", "entryCount"],
  // Entries without a call today change with every call: refreshed, never reported.
  live: ["idleEntryCount"],
  map: cidGroupColumns,
  keyOf: (row) => String(row.id),
  target: (row) => String(row.id),
  page: (reader, after, limit) => reader.cidGroups(after?.cid_group_id ?? "", limit),
  whereKeys: (rows) => keyIn(cidGroups.id, rows.map((row) => String(row.id))),
  inRange: (from, to) => keyRange([cidGroups.id], from && [from.id], to && [to.id]),
  unranged: null,
  lookup: async (reader, rows) => (await reader.cidGroupsById(rows.map((row) => String(row.id)))).map(cidGroupColumns),
};
