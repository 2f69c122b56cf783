"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { syncNowAction } from "@/app/(dashboard)/actions";
import { Badge, Button, Card, DetailList } from "@/components/ui";
import { Time } from "@/components/ui/time";
import { toast } from "@/components/ui/toast";
import { useAction } from "@/components/ui/use-action";
import { usePoll } from "@/components/ui/use-poll";
import { COUNT_LABELS, requestedPassFinished, type SyncStatus } from "@/lib/cluster/sync-status";

/** How often the card asks while a requested pass runs: live enough to watch, cheap for the server. */
const POLL_MS = 1_500;

async function fetchStatus(): Promise<SyncStatus> {
  const response = await fetch("/api/cluster/sync", { cache: "no-store" });
  const body = (await response.json()) as SyncStatus | { error?: string };
  if (!response.ok || !("checkedAt" in body)) throw new Error(("error" in body && body.error) || `status ${response.status}`);
  return body;
}

function seconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}

/**
 * The status as the server rendered it, read again once on mount and every POLL_MS while
 * `polling`; `onRead` sees each answer. A failed read keeps the last status shown.
 */
function usePolledStatus(initial: SyncStatus, polling: boolean, onRead: (status: SyncStatus) => void): SyncStatus {
  const [status, setStatus] = useState(initial);
  usePoll(
    (live) =>
      fetchStatus().then(
        (next) => {
          if (!live()) return;
          setStatus(next);
          onRead(next);
        },
        () => undefined,
      ),
    polling ? POLL_MS : null,
  );
  return status;
}

/**
 * The cluster sync on the overview: when the lists were last complete, how many records each
 * table held, how long a pass took, why the last one failed; "Sync now" for the roles that may.
 */
export function SyncStatusCard({ initial, canSync }: { initial: SyncStatus; canSync: boolean }) {
  const router = useRouter();
  const [waitingFor, setWaitingFor] = useState<string | null>(null);
  const { run, pending: sending } = useAction(syncNowAction, { onSuccess: (data) => setWaitingFor(data.requestedAt) });
  const status = usePolledStatus(initial, waitingFor !== null, (status) => {
    if (waitingFor && requestedPassFinished(status, waitingFor)) {
      setWaitingFor(null);
      if (status.lastOk === false) toast.error(`The sync failed: ${status.lastError ?? "no reason was recorded"}`);
      else toast.success("Sync finished: the lists show the cluster as it is now");
      // The other cards and the lists read what this pass wrote.
      router.refresh();
    }
  });

  const syncNow = () => run({});

  const button = canSync && status.configured && (
    <Button variant="secondary" size="sm" loading={sending || waitingFor !== null} onClick={() => void syncNow()}>
      {waitingFor ? "Syncing…" : "Sync now"}
    </Button>
  );

  if (!status.configured) {
    return (
      <Card title="Cluster sync">
        <p className="mb-2 text-sm">
          <Badge>Not configured</Badge>
        </p>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          The lists show what this dashboard made and the records added to them by hand. With <code>VICIDIAL_DB_URL</code> set to a SELECT-only account on
          VICIdial&apos;s database, every list shows everything the cluster holds, the forms offer VICIdial&apos;s in-groups, call menus, servers, templates, campaigns,
          lists and agents by name, phones show their SIP registration, and changes made in VICIdial&apos;s own admin appear here and in the audit log.
        </p>
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
          How to set it up: the README, &quot;Pointing it at a real VICIdial&quot;, step 4 (a <code>CREATE USER</code> and a <code>GRANT SELECT</code> on VICIdial&apos;s
          database server).
        </p>
      </Card>
    );
  }

  const counts = Object.entries(status.counts ?? {});
  return (
    <Card title="Cluster sync" actions={button || undefined}>
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <Badge tone="blue">{status.source === "database" ? "VICIdial's database" : "Built-in simulator's state"}</Badge>
        {status.running || waitingFor ? (
          <Badge tone="blue">Sync running</Badge>
        ) : status.lastOk === false ? (
          <Badge tone="red">Last pass failed</Badge>
        ) : status.stale ? (
          <Badge tone="amber">Behind</Badge>
        ) : status.syncedAt ? (
          <Badge tone="green">Up to date</Badge>
        ) : (
          <Badge>No pass completed yet</Badge>
        )}
      </div>
      {status.lastOk === false && (
        <p role="alert" className="mb-3 text-sm text-red-700 dark:text-red-400">
          The last pass failed: {status.lastError ?? "no reason was recorded"}. The lists keep what the last completed pass read.
        </p>
      )}
      {status.accountCanWrite && (
        <p className="mb-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200">
          The database account in VICIDIAL_DB_URL can change VICIdial&apos;s data. The dashboard only ever reads with it, but a leaked password would allow more:
          use an account with SELECT only (<code>GRANT SELECT ON asterisk.* TO …</code>, see the README).
        </p>
      )}
      <DetailList
        items={[
          { label: "Lists complete as of", value: status.syncedAt ? <Time value={status.syncedAt} relative /> : "No full pass has completed yet" },
          { label: "Last pass finished", value: status.lastFinishedAt ? <Time value={status.lastFinishedAt} relative /> : null },
          { label: "Duration", value: status.lastDurationMs === null ? null : seconds(status.lastDurationMs) },
          { label: "Interval", value: `A full pass every ${status.intervalS} seconds; changes in between within seconds` },
          ...counts.map(([table, n]) => ({ label: COUNT_LABELS[table] ?? table, value: n.toLocaleString("en-US") })),
        ]}
      />
    </Card>
  );
}
