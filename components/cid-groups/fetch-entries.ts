import { unreachable } from "@/components/ui/call-action";
import { routeErrorOf } from "@/lib/actions/route-error";
import type { CidEntry } from "./types";
import { ActionFailure } from "./use-cid-change";

/** The group's live entries through our route handler (VICIdial INFO on the server). */
export async function fetchEntries(groupId: string): Promise<CidEntry[]> {
  let response: Response;
  try {
    response = await fetch(`/api/cid-groups/${encodeURIComponent(groupId)}`, { cache: "no-store" });
  } catch {
    throw new ActionFailure(unreachable());
  }
  const body = (await response.json().catch(() => undefined)) as { entries?: CidEntry[] } | undefined;
  if (response.ok && Array.isArray(body?.entries)) return body.entries;
  throw new ActionFailure(routeErrorOf(response.ok ? 502 : response.status, body));
}
