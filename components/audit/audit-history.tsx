import Link from "next/link";
import { auditScopeFor } from "@/lib/audit/scope";
import { listAuditForTarget } from "@/lib/audit/queries";
import { getCurrentUser } from "@/lib/auth/session";
import { AuditTable } from "./audit-table";
import { undoCells } from "./undo-cells";

/**
 * One object's recent audit entries, for detail pages (`<AuditHistory resource="did" target={pattern} />`).
 * Readers without any audit permission see nothing; provisioning users see their own entries.
 */
export async function AuditHistory({ resource, target, limit = 10 }: { resource: string; target: string; limit?: number }) {
  const user = await getCurrentUser();
  const scope = user ? auditScopeFor(user) : null;
  if (!user || !scope) return null;
  const rows = await listAuditForTarget(resource, target, limit, scope);
  const all = `/audit?${new URLSearchParams({ resource, target })}`;
  return (
    <section aria-label="History">
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No changes recorded through the dashboard yet.</p>
      ) : (
        <AuditTable rows={rows} caption={`History of ${target}`} undo={await undoCells(rows, user.role)} />
      )}
      <p className="mt-2 text-sm">
        <Link href={all} className="text-brand-600 hover:underline dark:text-brand-500">
          Full history in the audit log
        </Link>
      </p>
    </section>
  );
}
