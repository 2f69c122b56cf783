import { listExportRoute } from "@/lib/export/list-export";
import { phoneListQuery, phonesAfter, type PhoneRow } from "@/lib/phones/inventory";

export const dynamic = "force-dynamic";

/** The phone list as CSV, with the page's search, filters and sort. Passwords are never stored, so never exported. */
export const GET = listExportRoute<PhoneRow>({
  list: "phones",
  permission: "phones.view",
  columns: ["server_ip", "extension", "login", "protocol", "full_name", "voicemail_id", "dialplan_number", "outbound_cid", "local_gmt", "email", "active", "peer_status", "ping_time", "updated_at_utc", "updated_by"],
  page: (params, _page, pageSize, _user, previous) => phonesAfter(phoneListQuery(params), previous, pageSize),
  record: (row) => [row.serverIp, row.extension, row.login, row.protocol, row.fullName, row.voicemailId, row.dialplanNumber, row.outboundCid, row.localGmt, row.email, row.active, row.peerStatus, row.pingTime === null ? null : String(row.pingTime), row.updatedAt.toISOString(), row.updatedBy],
});
