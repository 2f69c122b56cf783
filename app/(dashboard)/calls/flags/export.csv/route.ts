import { route } from "@/lib/actions/route";
import { recordAudit } from "@/lib/audit/record";
import { clientInfo } from "@/lib/auth/request-info";
import { FLAG_EXPORT_COLUMNS, flagRecord } from "@/lib/calls/flag-export";
import { flagFiltersSchema } from "@/lib/calls/flag-schema";
import { listFlags } from "@/lib/calls/flags";
import { callsReader } from "@/lib/calls/reader";
import { csvLines, exportFileName } from "@/lib/export/csv";
import { EXPORT_BATCH, EXPORT_MAX_ROWS } from "@/lib/export/list-export";

export const dynamic = "force-dynamic";

/** The flagged calls with the list's filters as CSV: the call's details and the dashboard's links to its card and recordings. */
export const GET = route({ access: "calls.flags.view" }, async (request, { user }) => {
  const url = new URL(request.url);
  const filters = flagFiltersSchema.parse(Object.fromEntries(url.searchParams));
  await recordAudit({ actor: { id: user.id, username: user.username, role: user.role }, action: "call.flags_export", params: filters, outcome: "success", ...(await clientInfo()) });
  const origin = url.origin;
  const reader = callsReader();
  const encoder = new TextEncoder();
  let page = 0;
  let sent = 0;
  let done = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (done) return controller.close();
      page += 1;
      const { rows } = await listFlags(filters, page, EXPORT_BATCH);
      sent += rows.length;
      done = rows.length < EXPORT_BATCH || sent >= EXPORT_MAX_ROWS;
      const records = await Promise.all(
        rows.map(async (flag) => {
          // A call whose recordings cannot be read now still exports, without links.
          const recordings = reader ? await reader.recordings(flag.callKey, null).catch(() => []) : [];
          return flagRecord(flag, origin, recordings.map((recording) => recording.recording_id));
        }),
      );
      controller.enqueue(encoder.encode(csvLines(FLAG_EXPORT_COLUMNS, records, { header: page === 1 })));
    },
  });
  return new Response(body, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${exportFileName("flagged-calls")}"`, "Cache-Control": "no-store" },
  });
});
