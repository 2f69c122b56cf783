import { route, routeError } from "@/lib/actions/route";
import { vicidialSource } from "@/lib/auth/source";
import { matchesEntryViewFilter } from "@/lib/cid-groups/entry-filter";
import { readCidEntries } from "@/lib/cid-groups/live-entries";
import { csvLines, exportFileName } from "@/lib/export/csv";
import { groupIdSchema } from "@/lib/cid-groups/schemas";

export const dynamic = "force-dynamic";

const COLUMNS = ["areacode", "outbound_cid", "active", "description", "calls_today"] as const;

/**
 * One CID group's entries as CSV, read live from VICIdial (as the page shows them) and narrowed
 * by the page's filters. A failed read answers with VICIdial's words, never with an empty file.
 */
export const GET = route<{ id: string }>({ access: "cid.view" }, async (request, { user, params }) => {
  const id = groupIdSchema.safeParse(params.id);
  if (!id.success) return routeError(404, "No such CID group");

  const search = new URL(request.url).searchParams;
  const filter = { areacode: search.get("areacode") || undefined, q: search.get("q") || undefined };
  const read = await readCidEntries(id.data, {}, vicidialSource(user.username));
  if (!read.ok) return routeError(read.code === "NOT_FOUND" ? 404 : 502, read.message);

  const rows = read.data.filter((e) => matchesEntryViewFilter(e, filter)).map((e) => [e.areacode, e.outboundCid, e.active ? "Y" : "N", e.description, e.callCountToday]);
  return new Response(csvLines(COLUMNS, rows, { header: true }), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFileName(`cid-group-${id.data}`)}"`,
      "Cache-Control": "no-store",
    },
  });
});
