"use client";

import { useQuery } from "@tanstack/react-query";
import { Link } from "@/components/ui/link";
import { UndoCell } from "@/components/audit/undo-cell";
import { ChangeHistory } from "@/components/audit/change-history";
import type { RecentChange } from "@/lib/audit/recent";
import { isEmptyUndoState } from "@/lib/undo/types";
import { historyKey } from "./keys";

async function fetchHistory(groupId: string): Promise<RecentChange[]> {
  const response = await fetch(`/api/cid-groups/${encodeURIComponent(groupId)}/history`, { cache: "no-store" });
  if (!response.ok) throw new Error("The recent changes could not be read; reload the page.");
  return (await response.json()) as RecentChange[];
}

/**
 * The group's last changes made through the dashboard, from the audit log. A query of its own,
 * seeded by the server page and read again after every change made on the page (useCidChange),
 * so the panel never says "no change" beside a change just made.
 */
export function RecentChanges({ groupId }: { groupId: string }) {
  const { data: rows = [], error } = useQuery({ queryKey: historyKey(groupId), queryFn: () => fetchHistory(groupId) });
  const undo = rows.some((row) => !isEmptyUndoState(row.undo))
    ? Object.fromEntries(rows.map((row) => [row.id, !isEmptyUndoState(row.undo) && <UndoCell entryId={row.id} state={row.undo} />]))
    : undefined;
  return (
    <ChangeHistory
      rows={rows}
      caption={`Recent changes to ${groupId}`}
      title="Recent changes"
      className="mt-8"
      actions={
        <Link href={`/audit?${new URLSearchParams({ resource: "cid", target: groupId })}`} className="text-sm text-brand-600 hover:underline dark:text-brand-500">
          Full history
        </Link>
      }
      problem={error?.message}
      empty={<p className="text-sm text-slate-600 dark:text-slate-400">No change to this group has been made through the dashboard yet.</p>}
      undo={undo}
      relativeTime
    />
  );
}
