import "server-only";
import type { CommandContext, CommandOutcome } from "@/lib/actions/command";
import { deleteDidCommand, updateDidCommand } from "@/lib/dids/commands";
import { deletePhoneCommand, updatePhoneCommand } from "@/lib/phones/commands";
import { updateDidSchema } from "@/lib/dids/schemas";
import { updatePhoneSchema } from "@/lib/phones/schemas";
import { BULK_ACTION_WORDS } from "../bulk-actions";
import type { BulkRowInput } from "../bulk";
import { rowOutcomeOf, type JobOperation, type RowOutcome } from "../operation";
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

/** The command's entry, with what the bulk action was (activate, deactivate or delete). */
function rowOutcome(row: ClaimedRow, input: BulkRowInput, outcome: CommandOutcome<unknown>): RowOutcome {
  const audit = { ...outcome.audit, params: { ...(outcome.audit.params ?? {}), action: input.action } };
  // A delete whose earlier answer was lost finds nothing to delete: that attempt did it.
  if (!outcome.result.ok && input.action === "delete" && row.uncertain && outcome.result.error.code === "NOT_FOUND") {
    return { rowId: row.id, state: "done", message: `Already gone from VICIdial: the earlier attempt, whose answer was lost, ${BULK_ACTION_WORDS.delete.done} it`, raw: audit.raw, audit };
  }
  return rowOutcomeOf(row.id, { result: outcome.result, audit });
}
