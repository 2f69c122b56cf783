import "server-only";
import { writeBatch } from "@/lib/db/write-batch";
import { upsertDids } from "@/lib/inventory/dids";
import type { AddDid } from "@/lib/schemas/did";
import { addDid, type AddDidInput } from "@/lib/vicidial/dids";
import { didExists } from "@/lib/vicidial/existence";
import { failed, unclearRead, type FinalOutcome, type JobOperation, type RowAudit } from "../operation";
import type { ClaimedRow } from "../store";

/** add_did's parameters from the add form's schema output (the same mapping as the single form). */
export function addDidInputOf(input: AddDid): AddDidInput {
  const { description, ...rest } = input;
  return { ...rest, didDescription: description };
}

/** Rows finishing close together are written to the inventory in one statement. */
const saveDid = writeBatch(upsertDids);

/**
 * One add_did per row. A row whose earlier attempt may have reached VICIdial is read first
 * (`check`, the no-change update_did): found means that attempt added it, and it is not sent again.
 */
export const addDidsOperation: JobOperation = {
  async run([row], { job, source, client, answered }) {
    if (!row) return [];
    const input = row.input as AddDid;
    const result = await addDid(addDidInputOf(input), { source }, client);
    answered();
    if (result.ok) return [await added(row, job.ownerUsername, `Added ${input.didPattern}`, result.raw)];
    // Read back as absent, yet there now: the earlier attempt's request landed late.
    if (result.code === "DID_EXISTS" && row.uncertain) {
      return [await added(row, job.ownerUsername, `${input.didPattern} is in VICIdial: the earlier attempt, whose answer was lost, added it`, result.raw)];
    }
    if (result.code === "DID_EXISTS") {
      return [{ rowId: row.id, state: "exists", message: `${input.didPattern} already exists in VICIdial; left unchanged`, raw: result.raw, audit: auditOf(input) }];
    }
    return [failed(row.id, result, auditOf(input))];
  },

  async check(row, { job, source, client }) {
    const input = row.input as AddDid;
    const found = await didExists(input.didPattern, { source }, client);
    if (typeof found !== "boolean") return unclearRead(row.id, found);
    if (!found) return { absent: true };
    return { made: await added(row, job.ownerUsername, `${input.didPattern} is in VICIdial: the earlier attempt, whose answer was lost, added it (read back, not sent again)`, "") };
  },
};

function auditOf(input: AddDid): RowAudit {
  return { action: "did.add", target: input.didPattern, params: { ...input }, before: null };
}

async function added(row: ClaimedRow, owner: string, message: string, raw: string): Promise<FinalOutcome> {
  const { didPattern, ...fields } = row.input as AddDid;
  const saved = await saveDid({ pattern: didPattern, fields, updatedBy: owner });
  return { rowId: row.id, state: "done", message, raw, audit: { ...auditOf(row.input as AddDid), after: saved } };
}
