import { listExportRoute } from "@/lib/export/list-export";
import { isPhoneSort, listPhones, type PhoneRow } from "@/lib/phones/inventory";

export const dynamic = "force-dynamic";

/** The phone list as CSV, with the page's search, filters and sort. Passwords are never stored, so never exported. */
export const GET = listExportRoute<PhoneRow>({
  list: "phones",
  permission: "phones.view",
  columns: ["server_ip", "extension", "login", "protocol", "full_name", "voicemail_id", "dialplan_number", "outbound_cid", "local_gmt", "email", "active", "peer_status", "ping_time", "updated_at_utc", "updated_by"],
  page: async (params, page, pageSize) =>
    (await listPhones({ q: params.q, server: params.server, protocol: params.protocol, sip: params.sip, sort: isPhoneSort(params.sort) ? params.sort : "extension", dir: params.dir === "desc" ? "desc" : "asc", page, pageSize })).rows,
  record: (row) => [row.serverIp, row.extension, row.login, row.protocol, row.fullName, row.voicemailId, row.dialplanNumber, row.outboundCid, row.localGmt, row.email, row.active, row.peerStatus, row.pingTime === null ? null : String(row.pingTime), row.updatedAt.toISOString(), row.updatedBy],
});
