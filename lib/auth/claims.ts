import { z } from "zod";
import { ROLES } from "./permissions";

/** Sessions last one shift at most: eight hours from sign-in, however active the user is. */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/** What the session JWT carries about the user; checked against the database on every request. */
export const sessionClaimsSchema = z.object({
  uid: z.number().int().positive(),
  username: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  sv: z.number().int(),
  /** Seconds since the epoch. */
  signedInAt: z.number(),
});
export type SessionClaims = z.infer<typeof sessionClaimsSchema>;

/**
 * next-auth renews a JWT's expiry whenever its session endpoint is read; the sign-in time it
 * carries is what makes the eight hours absolute.
 */
export function sessionExpired(claims: Pick<SessionClaims, "signedInAt">, now: Date): boolean {
  return now.getTime() / 1000 - claims.signedInAt > SESSION_MAX_AGE_SECONDS;
}
