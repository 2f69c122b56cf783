"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Badge } from "@/components/ui/layout";
import type { ConnectionSummary } from "@/lib/connection-summary";

async function fetchStatus(): Promise<ConnectionSummary> {
  const res = await fetch("/api/connection", { cache: "no-store" });
  if (!res.ok) throw new Error(`status ${res.status}`);
  return (await res.json()) as ConnectionSummary;
}

/** The header's VICIdial badge: what the dashboard talks to and whether it answers. */
export function ConnectionStatus() {
  const { data, isPending, isError } = useQuery({ queryKey: ["connection"], queryFn: fetchStatus, refetchInterval: 60_000 });
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
