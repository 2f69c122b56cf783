import { listExportRoute } from "@/lib/export/list-export";
import { didListQuerySchema, didsAfter, type DidListRow } from "@/lib/dids/inventory";

export const dynamic = "force-dynamic";

/** The DID list as CSV, with the page's search, filters and sort. */
export const GET = listExportRoute<DidListRow>({
  list: "dids",
  permission: "dids.view",
  columns: ["did_pattern", "description", "active", "route", "target", "extension", "exten_context", "voicemail_ext", "phone_extension", "server_ip", "group_id", "menu_id", "record_call", "updated_at_utc", "updated_by"],
  page: async (params, _page, pageSize, _user, previous) => didsAfter(didListQuerySchema.parse(params), previous?.didPattern, pageSize),
  record: (row) => [row.didPattern, row.description, row.active, row.route, row.target, row.extension, row.extenContext, row.voicemailExt, row.phoneExtension, row.serverIp, row.groupId, row.menuId, row.recordCall, row.updatedAt.toISOString(), row.updatedBy],
});
