import type { NextRequest } from "next/server";
import { auditCsv } from "@/lib/audit/csv";
import { exportFileName } from "@/lib/export/csv";
import { parseAuditFilters, withoutPage } from "@/lib/audit/filters";
import { iterateAudit } from "@/lib/audit/queries";
import { recordAudit } from "@/lib/audit/record";
import { auditScopeFor } from "@/lib/audit/scope";
import { clientInfo } from "@/lib/auth/request-info";
import { getCurrentUser } from "@/lib/auth/session";
import { getViewerZone } from "@/lib/time/viewer-zone";

export const dynamic = "force-dynamic";

/** The audit view as CSV, with the same filters (and the same own-entries limit) as the page. */
export async function GET(request: NextRequest): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "Sign in first" }, { status: 401 });
  const scope = auditScopeFor(user);
  if (!scope || user.mustChangePassword) return Response.json({ error: "Your role does not allow this" }, { status: 403 });

  const exported = withoutPage(parseAuditFilters(request.nextUrl.searchParams));
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
}
