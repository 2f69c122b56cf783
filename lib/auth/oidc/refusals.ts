/**
 * Why a single sign-on was refused, as a code the login page's URL carries (`/login?error=NoRole`)
 * and the sentence the page shows for it. Only these sentences are ever shown: a URL cannot put
 * words of its own on the sign-in page.
 */
export const SSO_REFUSALS = {
  NoRole: "Your account at the identity provider is in no group that has a role in this dashboard. Ask an admin to add you to one of the dashboard's groups.",
  NameTaken: "A local account here already has your user name, so your company sign-in cannot use it. Ask an admin to rename or remove that local account.",
  NoName: "The identity provider sent no user name (preferred_username, email or sub). Ask an admin to check the provider's settings.",
  Disabled: "This account is disabled. Ask an admin to enable it.",
  /** Also what the local form shows when its check fails unexpectedly. */
  Unavailable: "Sign-in is not available right now. Try again in a minute.",
  /** next-auth's own codes for a provider that could not be reached or answered wrongly. */
  OAuthSignin: "The identity provider could not be reached. Try again in a minute, or ask an admin.",
  OAuthCallback: "The identity provider's answer could not be checked. Start again with the sign-in button.",
} as const;

export type SsoRefusal = keyof typeof SSO_REFUSALS;

export function refusalMessage(code: string | undefined): string | undefined {
  return code && Object.hasOwn(SSO_REFUSALS, code) ? SSO_REFUSALS[code as SsoRefusal] : undefined;
}
