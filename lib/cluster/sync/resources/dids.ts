import { isNull } from "drizzle-orm";
import { dids } from "@/lib/db/schema";
import type { ClusterDid } from "@/lib/cluster/types";
import { keyIn, keyRange, type LocalRow, type SyncedResource } from "../resource";

/**
 * vicidial_inbound_dids → dids. Our table keys by the pattern (what people search and link by);
 * VICIdial's did_id is kept beside it, since its admin log names DIDs by that id.
 */
export function didColumns(row: ClusterDid): LocalRow {
  return {
    didPattern: row.did_pattern,
    didId: row.did_id,
    description: row.did_description,
    active: row.did_active,
    route: row.did_route,
    extension: row.extension,
    extenContext: row.exten_context,
    voicemailExt: row.voicemail_ext,
    phoneExtension: row.phone,
    serverIp: row.server_ip,
    agentUser: row.user,
    groupId: row.group_id,
    menuId: row.menu_id,
    recordCall: row.record_call,
    filterCleanCidNumber: row.filter_clean_cid_number,
    callHandleMethod: row.call_handle_method,
    agentSearchMethod: row.agent_search_method,
    listId: row.list_id,
    campaignId: row.campaign_id,
    phoneCode: row.phone_code,
    userGroup: row.user_group,
  };
}

export const didResource: SyncedResource<ClusterDid> = {
  name: "dids",
  audit: "did",
  noun: "DID",
  table: dids,
  keyColumns: [dids.didPattern],
  tracked: Object.keys(didColumns({} as ClusterDid)).filter((column) => column !== "didPattern"),
  live: [],
  map: didColumns,
  keyOf: (row) => String(row.didPattern),
  target: (row) => String(row.didPattern),
  page: (reader, after, limit) => reader.dids(after?.did_id ?? 0, limit),
  whereKeys: (rows) => keyIn(dids.didPattern, rows.map((row) => String(row.didPattern))),
  // VICIdial pages DIDs by did_id (dids_did_id_idx walks the same range here).
  inRange: (from, to) => keyRange([dids.didId], from && [from.didId], to && [to.didId]),
  unranged: isNull(dids.didId),
  lookup: async (reader, rows) => (await reader.didsByPattern(rows.map((row) => String(row.didPattern)))).map(didColumns),
};
