import { undoCells } from "@/components/audit/undo-cells";
import type { Metadata } from "next";
import { AuditFiltersForm } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { EmptyState, ExportLink, KeysetPagination, PageHeader } from "@/components/ui";
import { auditFilterParams, parseAuditFilters } from "@/lib/audit/filters";
import { listAudit } from "@/lib/audit/queries";
import { auditScopeFor } from "@/lib/audit/scope";
import { requirePage } from "@/lib/auth/guard";
import { listUsers } from "@/lib/auth/users";
import { getViewerZone } from "@/lib/time/viewer-zone";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePage("/audit");
  const scope = auditScopeFor(user) ?? { kind: "own", actorId: user.id };
  const filters = parseAuditFilters(await searchParams);
  const zone = await getViewerZone();
  const [{ rows, total, previous, next }, usernames] = await Promise.all([
    listAudit(filters, scope, { zone }),
    scope.kind === "all" ? listUsers().then((list) => list.map((u) => u.username)) : Promise.resolve(null),
  ]);
  const params = auditFilterParams(filters);
  const filtered = Object.values(params).some((v) => v !== undefined);

  return (
    <>
      <PageHeader
        title="Audit log"
        description={
          scope.kind === "all"
            ? "Every change made through the dashboard and every sign-in, newest first. Sign-ins show with “Show sign-ins”. Passwords never appear here."
            : "Your own changes and sign-ins, newest first. Sign-ins show with “Show sign-ins”."
        }
        actions={
          <ExportLink href="/audit/export" params={params} />
        }
      />
      <AuditFiltersForm filters={filters} usernames={usernames} zone={zone} />
      {rows.length === 0 ? (
        <EmptyState title={filtered ? "No entries match these filters" : "Nothing recorded yet"}>
          {filtered ? "Widen the date range or clear a filter." : "Sign-ins and changes made through the dashboard appear here."}
        </EmptyState>
      ) : (
        <>
          <AuditTable rows={rows} undo={await undoCells(rows, user.role)} />
          <KeysetPagination shown={rows.length} total={total} previous={previous} next={next} params={params} basePath="/audit" />
        </>
      )}
    </>
  );
}
