/**
 * VICIdial's `source` parameter (20 characters) names the dashboard user, so VICIdial's own logs
 * show who made a change. Only letters and digits survive: VICIdial stores it unescaped.
 */
export function vicidialSource(username: string): string {
  const cleaned = username.replace(/[^A-Za-z0-9]/g, "").slice(0, 20);
  return cleaned || "dashboard";
}
