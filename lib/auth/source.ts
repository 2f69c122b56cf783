import { sourceParameter } from "@/lib/vicidial/encode";

/**
 * VICIdial's `source` parameter names the dashboard user, so VICIdial's own logs show who made a
 * change. Cleaned by the one rule the client sends it with (lib/vicidial/encode.ts): letters and
 * digits, at most 20, "dashboard" for fewer than 2.
 */
export function vicidialSource(username: string): string {
  return sourceParameter(username);
}
