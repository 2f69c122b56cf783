import "server-only";
import { getDb, type Db } from "@/lib/db";
import { auditLog, type AuditOutcome } from "@/lib/db/schema/audit";
import type { Role } from "@/lib/auth/permissions";
import { redact, scrubText, secretValues, storableText } from "./redact";
import { resourceOf } from "./resources";

export interface AuditActor {
  /** Null for sign-in attempts on unknown usernames and for the command line. */
  id: number | null;
  username: string;
  role: Role | null;
}

export interface AuditEntry {
  actor: AuditActor;
  /** Dotted, resource first: `did.add`, `user.create`, `auth.sign_in`. */
  action: string;
  target?: string | null;
  params?: unknown;
  before?: unknown;
  after?: unknown;
  outcome: AuditOutcome;
  message?: string | null;
  raw?: string | null;
  durationMs?: number | null;
  ip?: string | null;
  userAgent?: string | null;
  /** The entry this change undoes. */
  undoOf?: number | null;
}

/**
 * What a change says about itself, the one shape every writer fills: a use case (lib/<resource>/
 * commands.ts) builds it, then the server action or the bulk job's row records it, adding who,
 * when and the outcome.
 */
export interface AuditDraft {
  /** `did.add`: set by the use case; a server action's definition names its own entries. */
  action?: string;
  target?: string;
  /** Defaults to the action's parsed input. Secrets are redacted on write. */
  params?: Record<string, unknown>;
  before?: unknown;
  after?: unknown;
  /** VICIdial's answer line. */
  raw?: string;
  /** Defaults to the result's message. */
  message?: string;
  /** The audit entry this change undoes. */
  undoOf?: number;
}

/** A use case's entry: it names its action and target (a bulk job's row records it as built). */
export type NamedAuditDraft = AuditDraft & { action: string; target: string };

const MAX_TEXT = 8_000;
const clip = (text: string | null | undefined, max = MAX_TEXT) => {
  if (text == null) return null;
  const stored = storableText(text);
  return stored.length > max ? `${stored.slice(0, max)}…` : stored;
};

/**
 * Appends one entry. The log has no update or delete path anywhere in the code. Secrets are
 * removed here, once, whatever the caller passed: named keys at any depth, and the secret values
 * wherever they appear in the message or raw text.
 */
export async function recordAudit(entry: AuditEntry): Promise<number> {
  const [id] = await recordAudits([entry]);
  return id ?? 0;
}

/**
 * Appends several entries in one statement (a bulk job's rows), inside the caller's transaction
 * when given one; their ids in the same order.
 */
export async function recordAudits(entries: readonly AuditEntry[], db?: Db): Promise<number[]> {
  if (entries.length === 0) return [];
  db ??= await getDb();
  const rows = await db.insert(auditLog).values(entries.map(columnsOf)).returning({ id: auditLog.id });
  // PostgreSQL returns a multi-row insert's rows in the order of its VALUES.
  return rows.map((row) => row.id);
}

function columnsOf(entry: AuditEntry): typeof auditLog.$inferInsert {
  const secrets = new Set([...secretValues(entry.params), ...secretValues(entry.before), ...secretValues(entry.after)]);
  const params = redact(entry.params);
  return {
    actorId: entry.actor.id,
    actorUsername: clip(entry.actor.username, 64) ?? "",
    actorRole: entry.actor.role,
    ip: clip(entry.ip, 100),
    userAgent: clip(entry.userAgent, 400),
    action: entry.action,
    resource: resourceOf(entry.action),
    target: clip(entry.target, 400),
    params: params && typeof params === "object" && !Array.isArray(params) ? (params as Record<string, unknown>) : params === undefined ? null : { value: params },
    before: redact(entry.before) ?? null,
    after: redact(entry.after) ?? null,
    outcome: entry.outcome,
    message: clip(entry.message == null ? null : scrubText(entry.message, secrets)),
    raw: clip(entry.raw == null ? null : scrubText(entry.raw, secrets)),
    durationMs: entry.durationMs == null ? null : Math.max(0, Math.round(entry.durationMs)),
    undoOf: entry.undoOf ?? null,
  };
}
