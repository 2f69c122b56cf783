import { listExportRoute } from "@/lib/export/list-export";
import { aliasesAfter, aliasListQuery, type AliasRow } from "@/lib/aliases/inventory";

export const dynamic = "force-dynamic";

/** The phone alias list as CSV, with the page's search and sort. */
export const GET = listExportRoute<AliasRow>({
  list: "phone-aliases",
  permission: "phones.view",
  columns: ["alias_id", "alias_name", "phone_logins", "updated_at_utc", "updated_by"],
  page: (params, _page, pageSize, _user, previous) => aliasesAfter(aliasListQuery(params), previous, pageSize),
  record: (row) => [row.aliasId, row.aliasName, row.phoneLogins, row.updatedAt.toISOString(), row.updatedBy],
});
