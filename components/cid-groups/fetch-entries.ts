import type { ActionResult } from "@/lib/actions/result";
import type { CidEntry } from "./types";
import { unreachable } from "@/components/ui/call-action";
import { ActionFailure } from "./use-cid-change";

/** The group's live entries through our route handler (VICIdial INFO on the server). */
export async function fetchEntries(groupId: string): Promise<CidEntry[]> {
  let response: Response;
  try {
    response = await fetch(`/api/cid-groups/${encodeURIComponent(groupId)}`, { cache: "no-store" });
  } catch {
    throw new ActionFailure(unreachable());
  }
  if (response.status === 401) {
    throw new ActionFailure({ kind: "unauthorized", message: "Your session has ended. Sign in again to continue." });
  }
  const body = (await response.json().catch(() => undefined)) as ActionResult<CidEntry[]> | undefined;
  if (!body || typeof body.ok !== "boolean") {
    throw new ActionFailure({ kind: "unavailable", message: `The dashboard answered HTTP ${response.status}; try again.` });
  }
  if (!body.ok) throw new ActionFailure(body.error);
  return body.data;
}
