/**
 * The audit log's resources (the part of an action name before the dot) with the words the
 * filter shows. Issues that add a resource add it here.
 */
export const AUDIT_RESOURCES: Record<string, string> = {
  auth: "Sign-in",
  user: "Users",
  did: "DIDs",
  phone: "Phones",
  alias: "Phone aliases",
  cid: "CID groups",
  call: "Call lookup",
  job: "Bulk jobs",
  audit: "Audit log",
  cluster: "Cluster sync",
  settings: "Settings",
};

export function resourceOf(action: string): string {
  const dot = action.indexOf(".");
  return dot === -1 ? action : action.slice(0, dot);
}

export function resourceLabel(resource: string): string {
  return AUDIT_RESOURCES[resource] ?? resource;
}
