import { OutcomeBadge } from "@/components/audit/outcome-badge";
import { Card, EmptyState, Table, Td, Th } from "@/components/ui";
import type { AuditRow } from "@/lib/audit/queries";
import { Time } from "@/components/ui/time";

/** What changed, when, by whom: the object's own audit entries, newest first. */
export function ChangeHistory({ rows, scopeNote }: { rows: AuditRow[]; scopeNote?: string }) {
  return (
    <Card title="History">
      {scopeNote && <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">{scopeNote}</p>}
      {rows.length === 0 ? (
        <EmptyState title="No recorded changes">Changes made through the dashboard appear here.</EmptyState>
      ) : (
        <Table caption="Change history">
          <thead>
            <tr>
              <Th>When</Th>
              <Th>Who</Th>
              <Th>What</Th>
              <Th>Outcome</Th>
              <Th>Details</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <Td className="whitespace-nowrap"><Time value={row.at} /></Td>
                <Td>{row.actorUsername}</Td>
                <Td>
                  <code className="text-xs">{row.action}</code>
                </Td>
                <Td>
                  <OutcomeBadge outcome={row.outcome} />
                </Td>
                <Td className="max-w-md">
                  <p>{row.message}</p>
                  {row.params && <ChangedFields params={row.params} />}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}

const KEY_FIELDS = new Set(["serverIp", "extension", "aliasId"]);

function ChangedFields({ params }: { params: Record<string, unknown> }) {
  const entries = Object.entries(params).filter(([key]) => !KEY_FIELDS.has(key));
  if (entries.length === 0) return null;
  return (
    <p className="mt-1 break-words text-xs text-slate-500 dark:text-slate-400">
      {entries.map(([key, value]) => `${key}: ${value === null ? "cleared" : Array.isArray(value) ? value.join(", ") : String(value)}`).join(" · ")}
    </p>
  );
}
