import "server-only";
import { idleEntries, recordCidEntryCount } from "@/lib/cid-groups/inventory";
import type { AddCidEntry } from "@/lib/cid-groups/schemas";
import { addCidEntry, cidGroupInfo } from "@/lib/vicidial/cid-groups";
import type { NamedAuditDraft } from "@/lib/audit/record";
import { failed, unclearRead, type JobOperation } from "../operation";

export interface CidJobOptions {
  groupId: string;
}

/** One CID ADD per row; a row whose answer was lost is looked up with INFO first (`check`). */
export const addCidEntriesOperation: JobOperation = {
  async run([row], { source, client, answered }) {
    if (!row) return [];
    const input = row.input as AddCidEntry;
    const audit = auditOf(input);
    const result = await addCidEntry(
      { cidGroupId: input.groupId, areacode: input.areacode, outboundCid: input.outboundCid, active: input.active, description: input.description || undefined },
      { source },
      client,
    );
    answered();
    if (result.ok) return [{ rowId: row.id, state: "done", message: `Added ${label(input)}${input.active ? "" : " (inactive)"}`, raw: result.raw, audit }];
    if (result.code === "ENTRY_EXISTS") {
      // Read back as absent, yet there now (row.uncertain): the earlier attempt's request landed late.
      return [{ rowId: row.id, state: row.uncertain ? "done" : "exists", message: `${label(input)} is already an entry of ${input.groupId}`, raw: result.raw, audit: { ...audit, after: undefined } }];
    }
    return [failed(row.id, result, { ...audit, after: undefined })];
  },

  /** A row whose ADD may have reached VICIdial: INFO (read-only) lists the entry if it did. */
  async check(row, { source, client }) {
    const input = row.input as AddCidEntry;
    const info = await cidGroupInfo({ cidGroupId: input.groupId, areacode: input.areacode, outboundCid: input.outboundCid }, { source }, client);
    if (!info.ok && info.code !== "NO_ENTRIES") return unclearRead(row.id, info);
    if (!info.ok || !info.data.rows.some((r) => r.areacode === input.areacode && r.outboundCid === input.outboundCid)) return { absent: true };
    const message = `${label(input)} is in VICIdial: the earlier attempt, whose answer was lost, added it (read back, not sent again)`;
    return { made: { rowId: row.id, state: "done", message, raw: info.raw, audit: auditOf(input) } };
  },

  /** The group list shows the entry count of the last INFO read: read it once the job is over. */
  async onFinish({ job, source, client }) {
    const { groupId } = job.options as unknown as CidJobOptions;
    const info = await cidGroupInfo({ cidGroupId: groupId }, { source }, client);
    if (info.ok) await recordCidEntryCount(groupId, info.data.rows.length, idleEntries(info.data.rows));
    else if (info.code === "NO_ENTRIES") await recordCidEntryCount(groupId, 0, 0);
  },
};

function auditOf(input: AddCidEntry): NamedAuditDraft {
  const entry = { areacode: input.areacode, outboundCid: input.outboundCid, active: input.active, description: input.description };
  return { action: "cid.add", target: input.groupId, params: { ...input }, after: entry };
}

function label(input: AddCidEntry): string {
  return `${input.outboundCid} for area code ${input.areacode}`;
}
