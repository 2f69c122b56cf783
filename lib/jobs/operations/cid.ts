import "server-only";
import { addCidEntryCommand, cidEntryAdded } from "@/lib/cid-groups/commands";
import { idleEntries, recordCidEntryCount } from "@/lib/cid-groups/inventory";
import type { AddCidEntry } from "@/lib/cid-groups/schemas";
import { cidGroupInfo } from "@/lib/vicidial/cid-groups";
import { doneRow, rowOutcomeOf, unclearRead, type JobOperation } from "../operation";

export interface CidJobOptions {
  groupId: string;
}

const LANDED = "is in VICIdial: the earlier attempt, whose answer was lost, added it";

/**
 * One CID ADD per row, through the add form's use case without its INFO read of the area code
 * (`readBefore: false`): ADD's own answer tells an existing entry, so a row costs one request.
 * A row whose answer was lost is looked up with INFO first (`check`).
 */
export const addCidEntriesOperation: JobOperation = {
  async run([row], { job, source, client, answered }) {
    if (!row) return [];
    const input = row.input as AddCidEntry;
    const outcome = await addCidEntryCommand(input, { username: job.ownerUsername, source, client, answered }, { readBefore: false });
    if (outcome.result.ok || outcome.result.error.code !== "ENTRY_EXISTS") return [rowOutcomeOf(row.id, outcome)];
    const raw = outcome.audit.raw ?? "";
    // Read back as absent, yet there now: the earlier attempt's request landed late.
    if (row.uncertain) return [doneRow(row.id, { ...outcome.audit, after: cidEntryAdded(input), message: `${label(input)} ${LANDED}` })];
    return [{ rowId: row.id, state: "exists", message: `${label(input)} is already an entry of ${input.groupId}`, raw, audit: outcome.audit }];
  },

  /** A row whose ADD may have reached VICIdial: INFO (read-only) lists the entry if it did. */
  async check(row, { source, client }) {
    const input = row.input as AddCidEntry;
    const info = await cidGroupInfo({ cidGroupId: input.groupId, areacode: input.areacode, outboundCid: input.outboundCid }, { source }, client);
    if (!info.ok && info.code !== "NO_ENTRIES") return unclearRead(row.id, info);
    if (!info.ok || !info.data.rows.some((r) => r.areacode === input.areacode && r.outboundCid === input.outboundCid)) return { absent: true };
    const audit = { action: "cid.add", target: input.groupId, params: { ...input }, after: cidEntryAdded(input), raw: info.raw };
    return { made: doneRow(row.id, { ...audit, message: `${label(input)} ${LANDED} (read back, not sent again)` }) };
  },

  /** The group list shows the entry count of the last INFO read: read it once the job is over. */
  async onFinish({ job, source, client }) {
    const { groupId } = job.options as unknown as CidJobOptions;
    const info = await cidGroupInfo({ cidGroupId: groupId }, { source }, client);
    if (info.ok) await recordCidEntryCount(groupId, info.data.rows.length, idleEntries(info.data.rows));
    else if (info.code === "NO_ENTRIES") await recordCidEntryCount(groupId, 0, 0);
  },
};

function label(input: AddCidEntry): string {
  return `${input.outboundCid} for area code ${input.areacode}`;
}
