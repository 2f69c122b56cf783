import "server-only";
import { copyDidCommand, didCopied } from "@/lib/dids/commands";
import { didExists } from "@/lib/vicidial/existence";
import { PARAMETER_RULES } from "@/lib/vicidial/parameters";
import { doneRow, failed, failureOf, retryOf, unclearRead, type JobOperation, type RowOutcome } from "../operation";

/** copy_did takes new_dids of at most 2,000 characters (2.7): each row weighs its pattern plus a comma. */
export const NEW_DIDS_MAX = PARAMETER_RULES.new_dids.maxLength;

export interface CopyJobOptions {
  sourceDidPattern: string;
  description: string | undefined;
}

const LANDED = "is in VICIdial: the earlier attempt, whose answer was lost, added it";

/**
 * Many rows per copy_did request, through the copy form's use case: each new DID's outcome is
 * read from its own NOTICE line, also when the final line says NO DIDS ADDED. The rows of a chunk
 * whose answer was lost are each read back (`check`) before any of them is sent again.
 */
export const copyDidsOperation: JobOperation = {
  batch: { maxRows: 500, maxWeight: NEW_DIDS_MAX + 1 },
  async run(rows, { job, source, client, answered }) {
    const options = copyOf(job.options);
    const newDids = rows.map((row) => String(row.input.didPattern));
    // Uncertain yet read back as absent before this copy: "already exists" means an earlier request landed late.
    const mayHaveLanded = new Set(rows.filter((row) => row.uncertain).map((row) => String(row.input.didPattern)));
    const { result, audit, targets } = await copyDidCommand({ ...options, newDids }, { username: job.ownerUsername, source, client, answered }, { mayHaveLanded });
    const failure = result.ok ? undefined : failureOf(result.error, audit.raw);
    return rows.map((row): RowOutcome => {
      const pattern = String(row.input.didPattern);
      const target = targets.find((did) => did.pattern === pattern);
      const rowAudit = { action: "did.copy", target: pattern, params: { sourceDidPattern: options.sourceDidPattern, description: options.description }, before: null };
      if (!target) {
        if (failure && targets.length === 0) return failed(row.id, failure, rowAudit);
        return retryOf(row.id, { ok: false, code: "UNKNOWN_RESPONSE", message: `VICIdial's answer did not mention ${pattern}`, raw: result.ok ? audit.raw ?? "" : failure!.raw }) as RowOutcome;
      }
      if (target.audit) return doneRow(row.id, { ...target.audit, message: target.landed ? `${pattern} ${LANDED}` : `Copied from ${options.sourceDidPattern}` });
      return { rowId: row.id, state: "exists", message: `${pattern} already exists in VICIdial; left unchanged`, raw: target.raw, audit: { ...rowAudit, raw: target.raw } };
    });
  },

  /** A row of a chunk whose answer was lost: the no-change update_did says whether the copy made it. */
  async check(row, { job, source, client }) {
    const options = copyOf(job.options);
    const pattern = String(row.input.didPattern);
    const found = await didExists(pattern, { source }, client);
    if (typeof found !== "boolean") return unclearRead(row.id, found);
    if (!found) return { absent: true };
    const audit = await didCopied(options, pattern, job.ownerUsername);
    return { made: doneRow(row.id, { ...audit, message: `${pattern} ${LANDED} (read back, not sent again)` }) };
  },
};

function copyOf(options: Record<string, unknown>): CopyJobOptions {
  const { sourceDidPattern, description } = options as unknown as CopyJobOptions;
  return { sourceDidPattern, description: description || undefined };
}
