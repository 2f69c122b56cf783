import { OutcomeBadge } from "@/components/audit/outcome-badge";
import { Table, Td, Th } from "@/components/ui";
import type { AuditRow } from "@/lib/audit/queries";
import { Time } from "@/components/ui/time";

const ACTION_LABELS: Record<string, string> = {
  "did.add": "Added",
  "did.update": "Changed",
  "did.delete": "Deleted",
  "did.copy": "Copied",
};

const OUTCOME_WORDS = { success: "Done", failed: "Failed", unknown: "Outcome unknown" } as const;

/** Inventory column names as people say them. */
const COLUMN_LABELS: Record<string, string> = {
  description: "Description",
  active: "Active",
  route: "Route",
  extension: "Extension",
  extenContext: "Extension context",
  voicemailExt: "Voicemail box",
  phoneExtension: "Phone extension",
  serverIp: "Server IP",
  groupId: "In-group",
  menuId: "Call menu",
  recordCall: "Record",
  filterCleanCidNumber: "Clean CID filter",
  callHandleMethod: "Call handle method",
  agentSearchMethod: "Agent search method",
  listId: "List ID",
  entryListId: "Entry list ID",
  campaignId: "Campaign",
  phoneCode: "Phone code",
};

type Snapshot = Record<string, unknown> | null;

function snapshot(value: unknown): Snapshot {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** "Route: EXTEN → CALLMENU" lines for the columns that differ between before and after. */
export function changedLines(before: unknown, after: unknown): string[] {
  const was = snapshot(before);
  const now = snapshot(after);
  if (!was || !now) return [];
  const shown = (value: unknown) => (value === null || value === undefined || value === "" ? "—" : String(value));
  return Object.keys(COLUMN_LABELS).flatMap((column) =>
    shown(was[column]) === shown(now[column]) ? [] : [`${COLUMN_LABELS[column]}: ${shown(was[column])} → ${shown(now[column])}`],
  );
}

/** The DID's audit entries, newest first: who did what, whether it worked, and what changed. */
export function DidHistory({ rows }: { rows: AuditRow[] }) {
  if (rows.length === 0) {
    return <p className="text-sm text-slate-600 dark:text-slate-400">No changes to this DID were made through the dashboard yet.</p>;
  }
  return (
    <Table caption="History of this DID">
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
        {rows.map((row) => {
          const changes = row.action === "did.update" ? changedLines(row.before, row.after) : [];
          return (
            <tr key={row.id}>
              <Td className="whitespace-nowrap">
                <Time value={row.at} />
              </Td>
              <Td>{row.actorUsername}</Td>
              <Td>{ACTION_LABELS[row.action] ?? row.action}</Td>
              <Td>
                <OutcomeBadge outcome={row.outcome} label={OUTCOME_WORDS[row.outcome]} />
              </Td>
              <Td>
                {row.message && <p>{row.message}</p>}
                {changes.length > 0 && (
                  <ul className="mt-1 list-inside list-disc text-xs text-slate-600 dark:text-slate-400">
                    {changes.map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                )}
                {row.raw && (
                  <details className="mt-1">
                    <summary className="cursor-pointer text-xs font-medium">VICIdial&apos;s answer</summary>
                    <pre className="mt-1 whitespace-pre-wrap break-all font-mono text-xs">{row.raw}</pre>
                  </details>
                )}
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
