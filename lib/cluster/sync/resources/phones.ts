import { sql } from "drizzle-orm";
import { phones } from "@/lib/db/schema";
import type { ClusterPhone } from "@/lib/cluster/types";
import { phoneTarget } from "@/lib/phones/schemas";
import { keyIn, keyRange, type LocalRow, type SyncedResource } from "../resource";

/** phones → phones, never a password column (the reader does not select them). Key: (server_ip, extension). */
export function phoneColumns(row: ClusterPhone): LocalRow {
  return {
    serverIp: row.server_ip,
    extension: row.extension,
    login: row.login,
    protocol: row.protocol,
    fullName: row.fullname,
    voicemailId: row.voicemail_id,
    dialplanNumber: row.dialplan_number,
    outboundCid: row.outbound_cid,
    localGmt: row.local_gmt,
    phoneContext: row.phone_context,
    email: row.email,
    isWebphone: row.is_webphone,
    templateId: row.template_id,
    active: row.active,
    status: row.status,
    phoneType: row.phone_type,
    userGroup: row.user_group,
    peerStatus: row.peer_status,
    pingTime: row.ping_time,
  };
}

const LIVE = ["peerStatus", "pingTime"];

export const phoneResource: SyncedResource<ClusterPhone> = {
  name: "phones",
  audit: "phone",
  noun: "Phone",
  table: phones,
  keyColumns: [phones.serverIp, phones.extension],
  tracked: Object.keys(phoneColumns({} as ClusterPhone)).filter((column) => column !== "serverIp" && column !== "extension" && !LIVE.includes(column)),
  // The SIP registration changes by itself all day: refreshed, never reported as a change.
  live: LIVE,
  map: phoneColumns,
  keyOf: (row) => `${String(row.serverIp)}/${String(row.extension)}`,
  target: (row) => phoneTarget({ serverIp: String(row.serverIp), extension: String(row.extension) }),
  page: (reader, after, limit) => reader.phones(after ? { extension: after.extension, server_ip: after.server_ip } : null, limit),
  // Both key columns as arrays walk the primary key's index; the pairs then pick the exact rows.
  whereKeys: (rows) =>
    sql`${keyIn(
      phones.serverIp,
      rows.map((row) => String(row.serverIp)),
    )} and ${keyIn(
      phones.extension,
      rows.map((row) => String(row.extension)),
    )} and (${phones.serverIp}, ${phones.extension}) in (select key->>0, key->>1 from jsonb_array_elements(${JSON.stringify(rows.map((row) => [row.serverIp, row.extension]))}::jsonb) as key)`,
  // VICIdial pages phones by (extension, server_ip).
  inRange: (from, to) => keyRange([phones.extension, phones.serverIp], from && [from.extension, from.serverIp], to && [to.extension, to.serverIp]),
  unranged: null,
  lookup: async (reader, rows) => (await reader.phonesByExtension([...new Set(rows.map((row) => String(row.extension)))])).map(phoneColumns),
};
