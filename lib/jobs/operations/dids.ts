import "server-only";
import { writeBatch } from "@/lib/db/write-batch";
import { upsertDids } from "@/lib/inventory/dids";
import type { AddDid } from "@/lib/schemas/did";
import { addDid, type AddDidInput } from "@/lib/vicidial/dids";
import { failed, type JobOperation, type RowAudit } from "../operation";

/** add_did's parameters from the add form's schema output (the same mapping as the single form). */
export function addDidInputOf(input: AddDid): AddDidInput {
  const { description, ...rest } = input;
  return { ...rest, didDescription: description };
}

/** Rows finishing close together are written to the inventory in one statement. */
const saveDid = writeBatch(upsertDids);

/** One add_did per row. A row whose answer was lost is sent again: DID_EXISTS then means it got through. */
export const addDidsOperation: JobOperation = {
  async run([row], { job, source, client, answered }) {
    if (!row) return [];
    const input = row.input as AddDid;
    const audit: RowAudit = { action: "did.add", target: input.didPattern, params: { ...input }, before: null };
    const result = await addDid(addDidInputOf(input), { source }, client);
    answered();
    if (result.ok || (result.code === "DID_EXISTS" && row.uncertain)) {
      const { didPattern, ...fields } = input;
      const saved = await saveDid({ pattern: didPattern, fields, updatedBy: job.ownerUsername });
      const message = result.ok
        ? row.uncertain
          ? `Added ${didPattern} (sent again after an unclear answer)`
          : `Added ${didPattern}`
        : `${didPattern} is in VICIdial: the earlier attempt, whose answer was lost, added it`;
      return [{ rowId: row.id, state: "done", message, raw: result.raw, audit: { ...audit, after: saved } }];
    }
    if (result.code === "DID_EXISTS") {
      return [{ rowId: row.id, state: "exists", message: `${input.didPattern} already exists in VICIdial; left unchanged`, raw: result.raw, audit }];
    }
    return [failed(row.id, result, audit)];
  },
};
