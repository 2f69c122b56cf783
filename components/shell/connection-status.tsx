"use client";

import { Link } from "@/components/ui/link";
import { useState } from "react";
import { Badge } from "@/components/ui/layout";
import { usePoll } from "@/components/ui/use-poll";
import type { ConnectionSummary } from "@/lib/connection/summary";

const POLL_MS = 60_000;
const RETRY_MS = 1_000;

async function fetchStatus(): Promise<ConnectionSummary> {
  const res = await fetch("/api/connection", { cache: "no-store" });
  if (!res.ok) throw new Error(`status ${res.status}`);
  return (await res.json()) as ConnectionSummary;
}

/** One failed read is tried again once, a second later, before the badge says it failed. */
async function fetchWithRetry(): Promise<ConnectionSummary> {
  try {
    return await fetchStatus();
  } catch {
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    return fetchStatus();
  }
}

/** The status, read at once and every minute while the tab is visible. */
function useConnectionStatus(): { data?: ConnectionSummary; isPending: boolean; isError: boolean } {
  const [state, setState] = useState<{ data?: ConnectionSummary; isPending: boolean; isError: boolean }>({ isPending: true, isError: false });
  usePoll(
    (live) =>
      fetchWithRetry().then(
        (data) => live() && setState({ data, isPending: false, isError: false }),
        () => live() && setState((last) => ({ data: last.data, isPending: false, isError: true })),
      ),
    POLL_MS,
    { onlyWhenVisible: true },
  );
  return state;
}

/** The header's VICIdial badge: what the dashboard talks to and whether it answers. */
export function ConnectionStatus() {
  const { data, isPending, isError } = useConnectionStatus();
  let badge;
  if (isPending) badge = <Badge>Checking VICIdial…</Badge>;
  else if (isError || !data) badge = <Badge tone="red">Status unknown</Badge>;
  else if (!data.reachable) badge = <Badge tone="red">VICIdial unreachable</Badge>;
  else if (data.credentials !== "ok") badge = <Badge tone="amber">VICIdial login problem</Badge>;
  else badge = <Badge tone="green">VICIdial {data.version ?? "connected"}</Badge>;
  return (
    <Link href="/" className="flex items-center gap-2" aria-label="VICIdial connection status (open overview)">
      {data?.simulated && <Badge tone="blue">Built-in simulator</Badge>}
      {badge}
    </Link>
  );
}
