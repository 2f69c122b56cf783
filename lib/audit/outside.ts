import type { AuditActor } from "./record";

/**
 * The actor of a change made in VICIdial other than through this dashboard (its admin pages,
 * another API client, a direct database write), as the cluster sync found it. No dashboard user
 * did it, so no id and no role; who did it in VICIdial is in the entry's message and params.
 */
export const OUTSIDE_ACTOR: AuditActor = { id: null, username: "outside the dashboard", role: null };
