import type { Db } from "@/lib/db";
import type { ClusterAdminLogEntry, ClusterReader, ReferenceKind } from "@/lib/cluster/types";
import { applyRows, removeGone } from "./apply";
import { copiedDids } from "./copied-dids";
import type { LocalRow, SyncedResource } from "./resource";
import { aliasResource } from "./resources/aliases";
import { cidGroupResource } from "./resources/cid-groups";
import { didResource } from "./resources/dids";
import { phoneResource } from "./resources/phones";
import { syncReferences } from "./references";
import { saveCursor, syncState } from "./state";
import { localRowsWhere } from "./store";
import { whoOf, type Who } from "./who";

/**
 * Between full passes: vicidial_admin_log read forward from the cursor, and only the records it
 * names re-read and applied with the same rules as a pass, so a change made in VICIdial shows
 * within seconds, with who made it. The cursor moves only past entries already applied.
 */

interface Section {
  resource: SyncedResource<never>;
  /** Our column the admin log's record_id names (DIDs by did_id, phones by extension). */
  column: string;
  read(reader: ClusterReader, ids: string[]): Promise<LocalRow[]>;
}

const SECTIONS: Record<string, Section> = {
  DIDS: {
    resource: didResource as unknown as SyncedResource<never>,
    column: "didId",
    read: async (reader, ids) => (await reader.didsById(ids.map(Number).filter(Number.isSafeInteger))).map(didResource.map),
  },
  PHONES: {
    resource: phoneResource as unknown as SyncedResource<never>,
    column: "extension",
    read: async (reader, ids) => (await reader.phonesByExtension(ids)).map(phoneResource.map),
  },
  PHONEALIASES: {
    resource: aliasResource as unknown as SyncedResource<never>,
    column: "aliasId",
    read: async (reader, ids) => (await reader.aliasesById(ids)).map(aliasResource.map),
  },
  CIDGROUPS: {
    resource: cidGroupResource as unknown as SyncedResource<never>,
    column: "id",
    read: async (reader, ids) => (await reader.cidGroupsById(ids)).map(cidGroupResource.map),
  },
};

/**
 * Admin-log sections of the reference data (VICIdial's admin.php writes these): a change re-reads
 * that kind whole (a few hundred rows at most, users a few thousand), so a new in-group is in the
 * pickers within seconds. Removals wait for the next full pass.
 */
const REFERENCE_SECTIONS: Record<string, ReferenceKind> = {
  INGROUPS: "in_group",
  CALLMENUS: "call_menu",
  CAMPAIGNS: "campaign",
  LISTS: "list",
  SERVERS: "server",
  TEMPLATES: "template",
  USERS: "user",
};

export interface FollowResult {
  cursor: number;
  /** Admin-log entries read. */
  entries: number;
  /** Records re-read from VICIdial. */
  reread: number;
}

export interface FollowOptions {
  cursor: number;
  /** Entries per read of the log. */
  batch?: number;
  /** Between pages: renews the lease, or stops the reading on shutdown. */
  onBatch?: () => Promise<void>;
}

export async function followAdminLog(db: Db, reader: ClusterReader, options: FollowOptions): Promise<FollowResult> {
  const batch = options.batch ?? 500;
  let cursor = options.cursor;
  let entries = 0;
  let reread = 0;
  for (;;) {
    const readAt = new Date();
    const log = await reader.adminLogAfter(cursor, batch);
    if (log.length === 0) break;
    reread += await applyEntries(db, reader, log, readAt);
    const kinds = [...new Set(log.flatMap((entry) => REFERENCE_SECTIONS[entry.event_section] ?? []))];
    if (kinds.length > 0) await syncReferences(db, reader, (await syncState(db)).pass, batch, async () => undefined, kinds);
    entries += log.length;
    cursor = log[log.length - 1]!.admin_log_id;
    await saveCursor(db, cursor, readAt);
    await options.onBatch?.();
    if (log.length < batch) break;
  }
  return { cursor, entries, reread };
}

const lower = (value: unknown) => String(value ?? "").toLowerCase();

async function applyEntries(db: Db, reader: ClusterReader, log: readonly ClusterAdminLogEntry[], readAt: Date): Promise<number> {
  let reread = 0;
  const whoCache = new Map<number, Promise<Who>>();
  const who = (entry: ClusterAdminLogEntry) => {
    if (!whoCache.has(entry.admin_log_id)) whoCache.set(entry.admin_log_id, whoOf(reader, entry));
    return whoCache.get(entry.admin_log_id)!;
  };
  for (const [name, section] of Object.entries(SECTIONS)) {
    // The newest entry naming each record says who changed it last.
    const named = new Map<string, ClusterAdminLogEntry>();
    for (const entry of log) if (entry.event_section === name && entry.record_id) named.set(lower(entry.record_id), entry);
    if (named.size === 0) continue;
    const ids = [...new Set([...named.values()].map((entry) => entry.record_id))];
    const remote = await section.read(reader, ids);
    const copied = name === "DIDS" ? await copiedDids(db, reader, log, remote) : new Map<LocalRow, ClusterAdminLogEntry>();
    remote.push(...copied.keys());
    const whoFor = async (row: LocalRow) => {
      const entry = named.get(lower(row[section.column])) ?? copied.get(row);
      return entry ? who(entry) : null;
    };
    const { resource } = section;
    await applyRows(db, resource, remote, { pass: null, readAt, silent: false, whoFor });
    const present = new Set(remote.map((row) => resource.keyOf(row)));
    const mine = await localRowsWhere(db, resource, section.column, section.column === "didId" ? ids.map(Number).filter(Number.isSafeInteger) : ids);
    await removeGone(
      db,
      resource,
      mine.filter((row) => !present.has(resource.keyOf(row))),
      readAt,
      whoFor,
    );
    reread += remote.length;
  }
  return reread;
}
