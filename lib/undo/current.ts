import "server-only";
import { aliasAuditView } from "@/lib/aliases/commands";
import type { CommandContext } from "@/lib/actions/command";
import { readCidEntries } from "@/lib/cid-groups/live-entries";
import { didAuditView } from "@/lib/dids/commands";
import { getAlias } from "@/lib/aliases/inventory";
import { getDid } from "@/lib/dids/inventory";
import { getPhone } from "@/lib/phones/inventory";
import { phoneAuditView } from "@/lib/phones/commands";
import type { PhoneKey } from "@/lib/phones/schemas";
import type { VicidialFailure } from "@/lib/vicidial/errors";
import type { Snapshot } from "./types";

/**
 * What an object holds now, in the same shape as the audit log's snapshots, for the check that
 * it still matches the entry's "after". Today: the dashboard's inventory, and for CID entries
 * VICIdial's own INFO (the inventory does not keep entries). When the cluster sync exists
 * (lib/cluster, VICIDIAL_DB_URL), a source that reads the synced record goes in front of these
 * through `currentRecords`; nothing else in undo changes.
 */
export interface CurrentRecords {
  did(pattern: string): Promise<Snapshot | null>;
  phone(key: PhoneKey): Promise<Snapshot | null>;
  alias(aliasId: string): Promise<Snapshot | null>;
  /** The entries of one area code of a group, or why they could not be read. */
  cidEntries(groupId: string, areacode: string): Promise<Snapshot[] | VicidialFailure>;
}

export function inventoryRecords(ctx: CommandContext): CurrentRecords {
  // One plan may look at an area code several times (an undo job of many entries): read it once.
  const areas = new Map<string, Promise<Snapshot[] | VicidialFailure>>();
  return {
    did: async (pattern) => didAuditView(await getDid(pattern)),
    phone: async (key) => phoneAuditView(await getPhone(key)),
    alias: async (aliasId) => aliasAuditView(await getAlias(aliasId)),
    cidEntries(groupId, areacode) {
      const key = `${groupId}\u0000${areacode}`;
      let read = areas.get(key);
      if (!read) {
        read = readCidEntries(groupId, { areacode }, ctx.source, ctx.client).then((result) => (result.ok ? result.data.map((row) => ({ ...row })) : result));
        areas.set(key, read);
      }
      return read;
    },
  };
}

/** The best record of what objects hold now (see CurrentRecords). */
export function currentRecords(ctx: CommandContext): CurrentRecords {
  return inventoryRecords(ctx);
}
