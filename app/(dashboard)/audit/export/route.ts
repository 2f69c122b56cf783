import { route } from "@/lib/actions/route";
import { auditCsv } from "@/lib/audit/csv";
import { exportFileName } from "@/lib/export/csv";
import { parseAuditFilters, withoutPage } from "@/lib/audit/filters";
import { iterateAudit } from "@/lib/audit/queries";
import { recordAudit } from "@/lib/audit/record";
import { auditScopeFor } from "@/lib/audit/scope";
import { clientInfo } from "@/lib/auth/request-info";
import { getViewerZone } from "@/lib/time/viewer-zone";

export const dynamic = "force-dynamic";

/** The audit view as CSV, with the same filters (and the same own-entries limit) as the page. */
export const GET = route({ access: (user) => auditScopeFor(user) !== null }, async (request, { user }) => {
  const scope = auditScopeFor(user)!;
  const exported = withoutPage(parseAuditFilters(new URL(request.url).searchParams));
  await recordAudit({
    actor: { id: user.id, username: user.username, role: user.role },
    action: "audit.export",
    params: { ...exported, scope: scope.kind },
    outcome: "success",
    ...(await clientInfo()),
  });

  const batches = iterateAudit(exported, scope, { zone: await getViewerZone() });
  const encoder = new TextEncoder();
  let header = true;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await batches.next();
      if (next.done) {
        if (header) controller.enqueue(encoder.encode(auditCsv([], { header: true })));
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(auditCsv(next.value, { header })));
      header = false;
    },
    async cancel() {
      await batches.return(undefined);
    },
  });

  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFileName("audit")}"`,
      "Cache-Control": "no-store",
    },
  });
});
