import "server-only";
import { addDidCommand, didAdded } from "@/lib/dids/commands";
import type { AddDid } from "@/lib/dids/schemas";
import { didExists } from "@/lib/vicidial/existence";
import { doneRow, rowOutcomeOf, unclearRead, type JobOperation } from "../operation";

const LANDED = "is in VICIdial: the earlier attempt, whose answer was lost, added it";

/**
 * One add_did per row, through the add form's use case. A row whose earlier attempt may have
 * reached VICIdial is read first (`check`, the no-change update_did): found means that attempt
 * added it, and it is not sent again.
 */
export const addDidsOperation: JobOperation = {
  async run([row], { job, source, client, answered }) {
    if (!row) return [];
    const input = row.input as AddDid;
    const outcome = await addDidCommand(input, { username: job.ownerUsername, source, client, answered });
    if (outcome.result.ok || outcome.result.error.code !== "DID_EXISTS") return [rowOutcomeOf(row.id, outcome)];
    const raw = outcome.audit.raw ?? "";
    // Read back as absent, yet there now: the earlier attempt's request landed late.
    if (row.uncertain) return [doneRow(row.id, await didAdded(input, job.ownerUsername, raw, `${input.didPattern} ${LANDED}`))];
    return [{ rowId: row.id, state: "exists", message: `${input.didPattern} already exists in VICIdial; left unchanged`, raw, audit: outcome.audit }];
  },

  async check(row, { job, source, client }) {
    const input = row.input as AddDid;
    const found = await didExists(input.didPattern, { source }, client);
    if (typeof found !== "boolean") return unclearRead(row.id, found);
    if (!found) return { absent: true };
    return { made: doneRow(row.id, await didAdded(input, job.ownerUsername, "", `${input.didPattern} ${LANDED} (read back, not sent again)`)) };
  },
};
