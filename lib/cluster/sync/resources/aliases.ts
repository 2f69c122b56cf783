import { phoneAliases } from "@/lib/db/schema";
import type { ClusterAlias } from "@/lib/cluster/types";
import { keyIn, keyRange, type LocalRow, type SyncedResource } from "../resource";

/** phones_alias → phone_aliases. */
export function aliasColumns(row: ClusterAlias): LocalRow {
  return { aliasId: row.alias_id, aliasName: row.alias_name, phoneLogins: row.logins_list, userGroup: row.user_group };
}

export const aliasResource: SyncedResource<ClusterAlias> = {
  name: "phone_aliases",
  audit: "alias",
  noun: "Phone alias",
  table: phoneAliases,
  keyColumns: [phoneAliases.aliasId],
  tracked: ["aliasName", "phoneLogins", "userGroup"],
  live: [],
  map: aliasColumns,
  keyOf: (row) => String(row.aliasId),
  target: (row) => String(row.aliasId),
  page: (reader, after, limit) => reader.aliases(after?.alias_id ?? "", limit),
  whereKeys: (rows) => keyIn(phoneAliases.aliasId, rows.map((row) => String(row.aliasId))),
  inRange: (from, to) => keyRange([phoneAliases.aliasId], from && [from.aliasId], to && [to.aliasId]),
  unranged: null,
  lookup: async (reader, rows) => (await reader.aliasesById(rows.map((row) => String(row.aliasId)))).map(aliasColumns),
};
