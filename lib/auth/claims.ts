import { z } from "zod";
import { ROLES } from "./permissions";

/** What the session JWT carries about the user; checked against the database on every request. */
export const sessionClaimsSchema = z.object({
  uid: z.number().int().positive(),
  username: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  sv: z.number().int(),
  /** Seconds since the epoch. */
  signedInAt: z.number(),
  /** The user's last request, seconds since the epoch, renewed by proxy.ts (lib/auth/session-lifetime). */
  activeAt: z.number().optional(),
});
export type SessionClaims = z.infer<typeof sessionClaimsSchema>;
