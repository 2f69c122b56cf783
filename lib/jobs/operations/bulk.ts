import "server-only";
import type { CommandContext, CommandOutcome } from "@/lib/actions/command";
import type { ActionError } from "@/lib/actions/result";
import { deleteDidCommand, updateDidCommand } from "@/lib/dids/commands";
import { deletePhoneCommand, updatePhoneCommand } from "@/lib/phones/commands";
import { updateDidSchema } from "@/lib/schemas/did";
import { updatePhoneSchema } from "@/lib/schemas/phone";
import type { VicidialErrorCode } from "@/lib/vicidial/errors";
import { BULK_ACTION_WORDS } from "../bulk-actions";
import type { BulkRowInput } from "../bulk";
import { failed, type JobOperation, type RowOutcome } from "../operation";
import type { ClaimedRow } from "../store";

/**
 * One selected DID or phone per row, through the same commands as the single edit and delete
 * forms. Activating and deactivating set a value, so sending one again is harmless; a delete
 * sent again after a lost answer finds the record gone, which for such a row means done. That
 * is why these jobs need no read-back check before a second attempt.
 */
export const bulkOperation: JobOperation = {
  async run([row], { job, source, client, answered }) {
    if (!row) return [];
    const input = row.input as BulkRowInput;
    const outcome = await send(input, { username: job.ownerUsername, source, client });
    answered();
    return [rowOutcome(row, input, outcome)];
  },
};

function send(input: BulkRowInput, context: CommandContext): Promise<CommandOutcome<unknown>> {
  const activate = input.action === "activate";
  if (input.resource === "did") {
    const { didPattern } = input;
    return input.action === "delete" ? deleteDidCommand({ didPattern }, context) : updateDidCommand(updateDidSchema.parse({ didPattern, active: activate }), context);
  }
  const key = { serverIp: input.serverIp, extension: input.extension };
  return input.action === "delete" ? deletePhoneCommand(key, context) : updatePhoneCommand(updatePhoneSchema.parse({ ...key, active: activate ? "Y" : "N" }), context);
}

function rowOutcome(row: ClaimedRow, input: BulkRowInput, { result, audit }: CommandOutcome<unknown>): RowOutcome {
  const rowAudit = {
    action: `${input.resource}.${input.action === "delete" ? "delete" : "update"}`,
    target: audit.target,
    params: { ...(audit.params ?? {}), action: input.action },
    before: audit.before,
    after: audit.after,
  };
  if (result.ok) return { rowId: row.id, state: "done", message: result.message, raw: audit.raw, audit: rowAudit };
  // A delete whose earlier answer was lost finds nothing to delete: that attempt did it.
  if (input.action === "delete" && row.uncertain && result.error.code === "NOT_FOUND") {
    return { rowId: row.id, state: "done", message: `Already gone from VICIdial: the earlier attempt, whose answer was lost, ${BULK_ACTION_WORDS.delete.done} it`, raw: audit.raw, audit: rowAudit };
  }
  return failed(row.id, failureOf(result.error, audit.raw), rowAudit);
}

function failureOf(error: ActionError, raw: string | undefined) {
  return { ok: false as const, code: (error.code ?? "UNKNOWN_RESPONSE") as VicidialErrorCode, message: error.message, raw: raw ?? error.raw ?? "", reconciled: error.reconciled };
}
