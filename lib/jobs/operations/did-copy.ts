import "server-only";
import { didFields, getDid, upsertDid } from "@/lib/inventory/dids";
import type { DidFields } from "@/lib/schemas/did";
import { copyDid, parseCopyDidLines, type CopiedDid } from "@/lib/vicidial/dids";
import { didExists } from "@/lib/vicidial/existence";
import { PARAMETER_RULES } from "@/lib/vicidial/parameters";
import { resultLines } from "@/lib/vicidial/parse";
import { failed, retryOf, unclearRead, type JobOperation, type RowOutcome } from "../operation";
import type { ClaimedRow } from "../store";

/** copy_did takes new_dids of at most 2,000 characters (2.7): each row weighs its pattern plus a comma. */
export const NEW_DIDS_MAX = PARAMETER_RULES.new_dids.maxLength;
export const copyWeight = (pattern: string) => pattern.length + 1;

export interface CopyJobOptions {
  sourceDidPattern: string;
  description?: string;
}

/**
 * Many rows per copy_did request. Each new DID's outcome is read from its own NOTICE line, also
 * when the final line says NO DIDS ADDED. The rows of a chunk whose answer was lost are each read
 * back (`check`) before any of them is sent again.
 */
export const copyDidsOperation: JobOperation = {
  batch: { maxRows: 500, maxWeight: NEW_DIDS_MAX + 1 },
  async run(rows, { job, source, client, answered }) {
    const options = job.options as unknown as CopyJobOptions;
    const patterns = rows.map((row) => String(row.input.didPattern));
    const result = await copyDid(
      { sourceDidPattern: options.sourceDidPattern, newDids: patterns, didDescription: options.description || undefined },
      { source },
      client,
    );
    answered();
    const lines = result.ok ? result.data.dids : result.code === "NO_DIDS_ADDED" ? parseCopyDidLines(result.raw) : [];
    if (!result.ok && lines.length === 0) {
      return rows.map((row) => failed(row.id, result, auditOf(row, options)));
    }
    const byPattern = new Map<string, CopiedDid>();
    for (const line of lines) if (!byPattern.has(line.pattern)) byPattern.set(line.pattern, line);
    const copied = await sourceSettings(options);
    const rawLines = resultLines(result.raw);
    const outcomes: RowOutcome[] = [];
    for (const row of rows) {
      const pattern = String(row.input.didPattern);
      const line = byPattern.get(pattern);
      const raw = rawLines.find((l) => l.apiFunction === "copy_did" && l.status === "NOTICE" && l.data[0] === pattern)?.text ?? result.raw;
      const audit = auditOf(row, options);
      if (!line) {
        outcomes.push(retryOf(row.id, { ok: false, code: "UNKNOWN_RESPONSE", message: `VICIdial's answer did not mention ${pattern}`, raw }) as RowOutcome);
      } else if (line.outcome === "added" || row.uncertain) {
        // Uncertain yet read back as absent before this copy: an earlier request that landed late added it.
        const saved = await upsertDid(pattern, { ...copied, ...(line.didId !== undefined ? { didId: line.didId } : {}) }, job.ownerUsername);
        const message =
          line.outcome === "added" ? `Copied ${options.sourceDidPattern} to ${pattern}` : `${pattern} is in VICIdial: the earlier attempt, whose answer was lost, added it`;
        outcomes.push({ rowId: row.id, state: "done", message, raw, audit: { ...audit, after: saved } });
      } else {
        outcomes.push({ rowId: row.id, state: "exists", message: `${pattern} already exists in VICIdial; left unchanged`, raw, audit });
      }
    }
    return outcomes;
  },

  /** A row of a chunk whose answer was lost: the no-change update_did says whether the copy made it. */
  async check(row, { job, source, client }) {
    const options = job.options as unknown as CopyJobOptions;
    const pattern = String(row.input.didPattern);
    const found = await didExists(pattern, { source }, client);
    if (typeof found !== "boolean") return unclearRead(row.id, found);
    if (!found) return { absent: true };
    const saved = await upsertDid(pattern, await sourceSettings(options), job.ownerUsername);
    const message = `${pattern} is in VICIdial: the earlier attempt, whose answer was lost, added it (read back, not sent again)`;
    return { made: { rowId: row.id, state: "done", message, audit: { ...auditOf(row, options), after: saved } } };
  },
};

function auditOf(row: ClaimedRow, options: CopyJobOptions) {
  return {
    action: "did.copy",
    target: String(row.input.didPattern),
    params: { sourceDidPattern: options.sourceDidPattern, newDid: row.input.didPattern, description: options.description },
    before: null,
  };
}

/** What the new DIDs hold: the source's known settings, with the copy's own description. */
async function sourceSettings(options: CopyJobOptions): Promise<DidFields> {
  const source = await getDid(options.sourceDidPattern);
  const fields = source ? didFields(source) : {};
  return options.description ? { ...fields, description: options.description } : fields;
}
