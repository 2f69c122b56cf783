import { z } from "zod";
import { AUDIT_OUTCOMES } from "@/lib/db/schema/audit";
import { SIGN_IN_RESOURCE } from "./actions";

/**
 * The audit view's filters, as they appear in the URL. A value that does not parse is dropped
 * rather than refused: a hand-edited link shows a wider list, never an error page.
 */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional()).catch(undefined));

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)));

export const auditFiltersSchema = z.object({
  /** Actor username, exact. */
  user: optional(z.string().trim().max(64)),
  resource: optional(z.string().regex(/^[a-z][a-z_]*$/)),
  action: optional(z.string().trim().regex(/^[a-z][a-z_.]*$/)),
  outcome: optional(z.enum(AUDIT_OUTCOMES)),
  /** Days in the reader's time zone, inclusive. */
  from: optional(day),
  to: optional(day),
  /** Part of the target. */
  q: optional(z.string().trim().max(200)),
  /** The whole target: one object's history. */
  target: optional(z.string().max(400)),
  /** "1" shows sign-ins, which are hidden by default (see showsSignIns). */
  signins: optional(z.literal("1")),
  /** Keyset position (lib/db/paging.ts): the page after or before that entry id, or the oldest page. */
  after: optional(z.string().regex(/^\d{1,15}$/)),
  before: optional(z.string().regex(/^\d{1,15}$/)),
  last: optional(z.literal("1")),
});

export type AuditFilters = z.output<typeof auditFiltersSchema>;

export function parseAuditFilters(params: Record<string, string | string[] | undefined> | URLSearchParams): AuditFilters {
  const record = params instanceof URLSearchParams ? Object.fromEntries(params) : params;
  return auditFiltersSchema.parse(record);
}

/**
 * Sign-ins are most of the log and seldom what a reader came for: shown when asked for, or when
 * the filters point at them (the sign-in resource, a sign-in action, one user's history).
 */
export function showsSignIns(filters: AuditFilters): boolean {
  return filters.signins === "1" || filters.resource === SIGN_IN_RESOURCE || (filters.action?.startsWith(`${SIGN_IN_RESOURCE}.`) ?? false) || filters.target !== undefined;
}

/** The same view on every page: what the export and pagination links carry. */
export function withoutPage(filters: AuditFilters): AuditFilters {
  const rest = { ...filters };
  delete rest.after;
  delete rest.before;
  delete rest.last;
  return rest;
}

/** The filters back as URL parameters (page excluded), for links, the export and pagination. */
export function auditFilterParams(filters: AuditFilters): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(withoutPage(filters)).map(([k, v]) => [k, v === undefined ? undefined : String(v)]));
}
