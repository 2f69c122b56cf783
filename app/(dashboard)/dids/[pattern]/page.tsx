import { undoCells } from "@/components/audit/undo-cells";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { CopyDidForm } from "@/components/forms";
import { DeleteDidButton } from "@/components/dids/delete-did-button";
import { ChangeHistory } from "@/components/audit/change-history";
import { historyEntry } from "@/lib/audit/history";
import { recordLabel, routeLabel } from "@/components/dids/did-table";
import { EditDidForm } from "@/components/forms";
import { patternFromSegment } from "@/components/dids/paths";
import { Badge, ButtonLink, Card, DetailList, PageHeader } from "@/components/ui";
import { listAuditForTarget, type AuditScope } from "@/lib/audit/queries";
import { requirePage } from "@/lib/auth/guard";
import { can, type Role } from "@/lib/auth/permissions";
import { apiCapabilities } from "@/lib/connection/capabilities";
import { DID_COLUMN_OF, didFormValues, didSuggestions, getDid, routeOf, type DidRow } from "@/lib/dids/inventory";
import { AGENT_SEARCH_LABELS, ROUTE_FIELDS, didFieldLabel, type AgentSearchMethod } from "@/lib/dids/schemas";
import { knownValue, LastChangeLine, SettingsUnknownNote } from "@/components/inventory/last-change";
import { lastChange } from "@/lib/inventory/last-change";

export async function generateMetadata({ params }: { params: Promise<{ pattern: string }> }) {
  return { title: `DID ${patternFromSegment((await params).pattern)}` };
}

/** The settings of the DID's own route, as the details show them. */
function routeDetails(row: DidRow): { label: string; value: ReactNode }[] {
  const route = routeOf(row);
  if (!route) return [];
  if (route === "AGENT") return [{ label: "Agent", value: "Chosen in VICIdial itself" }];
  return ROUTE_FIELDS[route].fields.map((field) => {
    const value = row[DID_COLUMN_OF[field]] as string | null;
    const shown = field === "agentSearchMethod" && value && value in AGENT_SEARCH_LABELS ? AGENT_SEARCH_LABELS[value as AgentSearchMethod] : value;
    return { label: didFieldLabel(field), value: shown ? <span className="font-mono">{shown}</span> : null };
  });
}

/** Whose audit entries this role may see here, as on the audit page. */
function auditScope(role: Role, userId: number): AuditScope | undefined {
  if (can(role, "audit.view")) return { kind: "all" };
  if (can(role, "audit.view.own")) return { kind: "own", actorId: userId };
  return undefined;
}

function blocked(capability: { allowed: boolean; reason?: string } | undefined): string | undefined {
  return capability && !capability.allowed ? (capability.reason ?? "not allowed") : undefined;
}

export default async function DidPage({ params }: { params: Promise<{ pattern: string }> }) {
  const user = await requirePage("/dids/[pattern]");
  const pattern = patternFromSegment((await params).pattern);
  const row = await getDid(pattern);
  if (!row) notFound();

  const mayWrite = can(user.role, "dids.write");
  const mayDelete = can(user.role, "dids.delete");
  const scope = auditScope(user.role, user.id);
  const [history, suggestions, capabilities, change] = await Promise.all([
    scope ? listAuditForTarget("did", pattern, 20, scope) : Promise.resolve([]),
    mayWrite ? didSuggestions() : Promise.resolve({ groups: [], menus: [], servers: [], campaigns: [] }),
    apiCapabilities(["dids.update", "dids.delete", "dids.copy"]),
    lastChange("did", row.didPattern, row),
  ]);
  const known = <T,>(value: T) => knownValue(row.settingsKnown, value);

  return (
    <>
      <PageHeader
        title={`DID ${row.didPattern}`}
        description={row.description ?? undefined}
        actions={
          <>
            <ButtonLink href="/dids" variant="ghost">
              All DIDs
            </ButtonLink>
            {mayDelete && <DeleteDidButton didPattern={row.didPattern} blockedReason={blocked(capabilities["dids.delete"])} />}
          </>
        }
      />
      <div className="space-y-6">
        <Card title="Details">
          {!row.settingsKnown && <SettingsUnknownNote what="DID" />}
          <DetailList
            items={[
              { label: "Pattern", value: <span className="font-mono">{row.didPattern}</span> },
              { label: "Description", value: known(row.description) },
              { label: "Active", value: known(row.active === "N" ? <Badge>No</Badge> : row.active === "Y" ? <Badge tone="green">Yes</Badge> : null) },
              { label: "Route", value: known(row.route ? `${routeLabel(row.route)} (${row.route})` : null) },
              ...routeDetails(row),
              { label: "Record calls", value: known(row.recordCall ? recordLabel(row.recordCall) : null) },
              { label: "Clean CID number filter", value: known(row.filterCleanCidNumber) },
              { label: "VICIdial DID ID", value: row.didId === null ? null : String(row.didId) },
            ]}
          />
          <p className="mt-4 text-sm text-slate-600 dark:text-slate-400">
            <LastChangeLine change={change} showAuditLink={scope !== undefined} />
          </p>
        </Card>

        {mayWrite && (
          <Card title="Edit">
            <EditDidForm didPattern={row.didPattern} initial={didFormValues(row)} suggestions={suggestions} blockedReason={blocked(capabilities["dids.update"])} />
          </Card>
        )}

        {mayWrite && (
          <Card title="Copy to new DIDs">
            <CopyDidForm sourceDidPattern={row.didPattern} blockedReason={blocked(capabilities["dids.copy"])} />
          </Card>
        )}

        <ChangeHistory
          rows={history.map(historyEntry)}
          caption="History of this DID"
          raw
          empty={<p className="text-sm text-slate-600 dark:text-slate-400">No changes to this DID were made through the dashboard yet.</p>}
          hidden={scope ? undefined : "Your role does not include the audit log, so this DID's history is not shown."}
          undo={scope ? await undoCells(history, user.role) : undefined}
        />
      </div>
    </>
  );
}
