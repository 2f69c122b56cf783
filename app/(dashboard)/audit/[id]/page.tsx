import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { AuditJson } from "@/components/audit/audit-json";
import { undoCells } from "@/components/audit/undo-cells";
import { AuditDiff } from "@/components/audit/audit-diff";
import { AuditParams } from "@/components/audit/audit-params";
import { AuditSummary } from "@/components/audit/audit-summary";
import { formatDuration } from "@/components/audit/format";
import { OutcomeBadge } from "@/components/audit/outcome-badge";
import { Card, DetailList, PageHeader } from "@/components/ui";
import { actionLabel } from "@/lib/audit/actions";
import { describeEntry, entryChanges } from "@/lib/audit/changes";
import { getAuditEntry } from "@/lib/audit/queries";
import { resourceLabel } from "@/lib/audit/resources";
import { auditScopeFor } from "@/lib/audit/scope";
import { requirePage } from "@/lib/auth/guard";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { Time } from "@/components/ui/time";

export const metadata: Metadata = { title: "Audit entry" };

export default async function AuditEntryPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePage("/audit/[id]");
  const scope = auditScopeFor(user) ?? { kind: "own", actorId: user.id };
  const id = Number((await params).id);
  // Someone else's entry looks exactly like a missing one to an own-entries reader.
  const entry = Number.isSafeInteger(id) && id > 0 ? await getAuditEntry(id, scope) : null;
  if (!entry) notFound();

  const undo = (await undoCells([entry], user.role))[entry.id];
  const history = entry.target ? `/audit?${new URLSearchParams({ resource: entry.resource, target: entry.target })}` : null;
  return (
    <>
      <PageHeader title={`Audit entry ${entry.id}`} description={`${actionLabel(entry.action)} by ${entry.actorUsername}`} />
      <div className="space-y-6">
        <Card title="What happened">
          <DetailList
            items={[
              { label: "Time", value: <Time value={entry.at} /> },
              { label: "User", value: `${entry.actorUsername}${entry.actorRole ? ` (${ROLE_LABELS[entry.actorRole as keyof typeof ROLE_LABELS] ?? entry.actorRole})` : ""}` },
              { label: "Action", value: <AuditSummary description={describeEntry(entry)} /> },
              { label: "Resource", value: resourceLabel(entry.resource) },
              { label: "Target", value: entry.target },
              { label: "Outcome", value: <OutcomeBadge outcome={entry.outcome} /> },
              { label: "Message", value: entry.message },
              { label: "Duration", value: formatDuration(entry.durationMs) },
              { label: "IP address", value: entry.ip },
              { label: "Browser", value: entry.userAgent },
              ...(undo ? [{ label: "Undo", value: undo }] : []),
            ]}
          />
          {history && (
            <p className="mt-4 text-sm">
              <Link href={history} className="text-brand-600 hover:underline dark:text-brand-500">
                History of {entry.target}
              </Link>
            </p>
          )}
        </Card>
        <Card title="What changed">
          <AuditDiff changes={entryChanges(entry)} caption={`Fields changed by entry ${entry.id}`} />
        </Card>
        <Card title="What was asked">
          <AuditParams resource={entry.resource} params={entry.params} />
        </Card>
        <Card title="VICIdial's answer">
          {entry.raw ? (
            <pre className="overflow-x-auto whitespace-pre-wrap break-all rounded-md bg-slate-100 p-3 font-mono text-xs dark:bg-slate-800">{entry.raw}</pre>
          ) : (
            <p className="text-sm text-slate-500 dark:text-slate-400">None: this entry did not reach VICIdial.</p>
          )}
          <details className="mt-4">
            <summary className="cursor-pointer text-sm font-medium">Recorded data, as stored</summary>
            <div className="mt-3 grid gap-6 lg:grid-cols-3">
              <AuditJson label="Parameters" value={entry.params} />
              <AuditJson label="Before" value={entry.before} />
              <AuditJson label="After" value={entry.after} />
            </div>
          </details>
        </Card>
        <p className="text-sm">
          <Link href="/audit" className="text-brand-600 hover:underline dark:text-brand-500">
            Back to the audit log
          </Link>
        </p>
      </div>
    </>
  );
}
