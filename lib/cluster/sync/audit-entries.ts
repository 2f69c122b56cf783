import type { AuditEntry } from "@/lib/audit/record";
import { OUTSIDE_ACTOR } from "@/lib/audit/outside";
import { pick } from "./compare";
import type { LocalRow, SyncedResource } from "./resource";
import { whoWords, type Who } from "./who";

/**
 * The audit entries of changes made outside the dashboard: one per record that appeared,
 * changed or disappeared, with the actor "outside the dashboard" and who/when from VICIdial's
 * logs in the message and params; and the one summary entry of a first import.
 */

type AnyResource = Pick<SyncedResource<never>, "audit" | "noun" | "tracked" | "keyColumns" | "target" | "live">;

function snapshotColumns(resource: AnyResource, columns: readonly string[]): string[] {
  return [...new Set([...keyProperties(resource), ...columns])];
}

function keyProperties(resource: AnyResource): string[] {
  // Drizzle columns know their SQL name; the snapshot uses property names (camelCase).
  return resource.keyColumns.map((key) => key.name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()));
}

function whoParams(who: Who | null): Record<string, unknown> {
  return who ? { vicidialUser: who.user, via: who.via, source: who.source, vicidialTime: who.at, adminLogId: who.adminLogId } : { vicidialUser: null };
}

export function appearedEntry(resource: AnyResource, row: LocalRow, who: Who | null): AuditEntry {
  const target = resource.target(row);
  return {
    actor: OUTSIDE_ACTOR,
    action: `${resource.audit}.appeared`,
    target,
    params: whoParams(who),
    before: null,
    after: pick(row, snapshotColumns(resource, resource.tracked)),
    outcome: "success",
    message: `${resource.noun} ${target} was added outside the dashboard: ${whoWords(who)}`,
  };
}

export function changedEntry(resource: AnyResource, before: LocalRow, after: LocalRow, changed: readonly string[], who: Who | null): AuditEntry {
  const target = resource.target(after);
  const columns = snapshotColumns(resource, changed);
  return {
    actor: OUTSIDE_ACTOR,
    action: `${resource.audit}.changed_outside`,
    target,
    params: whoParams(who),
    before: pick(before, columns),
    after: pick(after, columns),
    outcome: "success",
    message: `${resource.noun} ${target} was changed outside the dashboard: ${whoWords(who)}`,
  };
}

export function removedEntry(resource: AnyResource, before: LocalRow, who: Who | null): AuditEntry {
  const target = resource.target(before);
  return {
    actor: OUTSIDE_ACTOR,
    action: `${resource.audit}.removed_outside`,
    target,
    params: whoParams(who),
    before: pick(before, snapshotColumns(resource, resource.tracked)),
    after: null,
    outcome: "success",
    message: `${resource.noun} ${target} was removed outside the dashboard: ${whoWords(who)}`,
  };
}

const NOUNS: Record<string, string> = { dids: "DIDs", phones: "phones", phone_aliases: "phone aliases", cid_groups: "CID groups" };

/** The first completed pass on a database that never synced: one entry, not one per record. */
export function importEntry(counts: Record<string, number>, removed: Record<string, number>): AuditEntry {
  const listed = Object.entries(NOUNS).map(([table, noun]) => `${(counts[table] ?? 0).toLocaleString("en-US")} ${noun}`);
  const dropped = Object.entries(removed).filter(([, count]) => count > 0);
  const droppedWords = dropped.length > 0 ? `; taken off the lists as VICIdial does not hold them: ${dropped.map(([table, count]) => `${count} ${NOUNS[table] ?? table}`).join(", ")}` : "";
  return {
    actor: OUTSIDE_ACTOR,
    action: "cluster.import",
    target: null,
    params: { counts, removed },
    outcome: "success",
    message: `First sync with VICIdial's database: ${listed.join(", ")}${droppedWords}`,
  };
}
