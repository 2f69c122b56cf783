import { max } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { dids } from "@/lib/db/schema";
import type { ClusterAdminLogEntry, ClusterReader } from "@/lib/cluster/types";
import type { LocalRow } from "./resource";
import { didResource } from "./resources/dids";

/** Every column copy_did gives each DID it makes alike: all but the pattern and the did_id. */
const COPIED = didResource.tracked.filter((column) => column !== "didId");

/**
 * The DIDs a copy made besides the last one, which is all its admin-log row names: those above
 * the highest did_id we list, up to that last one, whose settings are the last one's (one
 * copy_did gives every DID it makes the same). A DID someone else wrote in the meantime has an
 * id in that range too, but not the same settings: it is left for the full pass, which reports
 * it as added outside the dashboard, instead of being credited to whoever copied.
 * `read` holds the DIDs the log names, read already; the answer maps each copy made to its entry.
 */
export async function copiedDids(db: Db, reader: ClusterReader, log: readonly ClusterAdminLogEntry[], read: readonly LocalRow[]): Promise<Map<LocalRow, ClusterAdminLogEntry>> {
  const made = new Map<LocalRow, ClusterAdminLogEntry>();
  // Each copy with its last DID; one whose last DID is gone has nothing to compare with: its DIDs are left for the full pass.
  const copies = log.flatMap((entry) => {
    const last = entry.event_section === "DIDS" && entry.event_type === "COPY" ? read.find((row) => String(row.didId) === String(entry.record_id)) : undefined;
    return last ? [{ entry, last }] : [];
  });
  if (copies.length === 0) return made;
  const [{ highest } = { highest: null }] = await db.select({ highest: max(dids.didId) }).from(dids);
  const known = new Set(read.map((row) => row.didPattern));
  for (const row of (await reader.dids(highest ?? 0, 1000)).map(didResource.map)) {
    if (known.has(row.didPattern)) continue;
    // The earliest copy that could have made it: its last DID is at or above this one and alike.
    const copy = copies.find(({ last }) => Number(row.didId) <= Number(last.didId) && COPIED.every((column) => row[column] === last[column]));
    if (copy) made.set(row, copy.entry);
  }
  return made;
}
