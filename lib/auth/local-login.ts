import type { Env } from "@/lib/config/env";

/**
 * Whether a username may sign in with a password here. LOCAL_LOGIN=on: everyone with a local
 * account; breakglass: only the accounts LOCAL_LOGIN_BREAKGLASS names (the admins who get in
 * when the identity provider is down); off: nobody.
 */
export type LocalLoginPolicy = Pick<Env, "LOCAL_LOGIN" | "LOCAL_LOGIN_BREAKGLASS">;

export function breakGlassAccounts(e: Pick<Env, "LOCAL_LOGIN_BREAKGLASS">): string[] {
  return (e.LOCAL_LOGIN_BREAKGLASS ?? "")
    .split(",")
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
}

export function localLoginAllowed(e: LocalLoginPolicy, username: string): boolean {
  if (e.LOCAL_LOGIN === "on") return true;
  if (e.LOCAL_LOGIN === "off") return false;
  return breakGlassAccounts(e).includes(username.trim().toLowerCase());
}

export const LOCAL_LOGIN_REFUSED = "Local sign-in is switched off for this account. Use your company sign-in instead.";
