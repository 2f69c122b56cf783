import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { jobRows } from "@/lib/db/schema/jobs";
import { addAliasCommand, aliasAdded } from "@/lib/aliases/commands";
import { addPhoneCommand, phoneAdded } from "@/lib/phones/commands";
import { aliasExists, phoneExists } from "@/lib/vicidial/existence";
import { clusterReader } from "@/lib/cluster/reader";
import { doneRow, rowOutcomeOf, unclearRead, type CheckOutcome, type JobOperation, type OperationContext, type RowOutcome } from "../operation";
import type { AgentRowInput, AliasRowInput, PhoneRowInput } from "../prepare/agents";
import type { ClaimedRow } from "../store";
import { countOf } from "@/lib/text/plural";

/**
 * Agent provisioning: each phone row and each alias row through the add forms' use cases
 * (lib/phones/commands.ts, lib/aliases/commands.ts). A row whose earlier attempt may have reached
 * VICIdial is read back first (`check`) and not sent again when found.
 */
export const agentsOperation: JobOperation = {
  async run([row], context) {
    if (!row) return [];
    const input = row.input as unknown as AgentRowInput;
    return [input.kind === "alias" ? await addAliasRow(row, input, context) : await addPhoneRow(row, input, context)];
  },

  check(row, context) {
    const input = row.input as unknown as AgentRowInput;
    return input.kind === "alias" ? checkAliasRow(row, input, context) : checkPhoneRow(row, input, context);
  },
};

const LANDED = "is in VICIdial: the earlier attempt, whose answer was lost, added it";

/** One add_phone per phone row, through the add form's use case, with the row's generated passwords. */
async function addPhoneRow(row: ClaimedRow, input: PhoneRowInput, { job, source, client, secret, answered }: OperationContext): Promise<RowOutcome> {
  const phone = phoneFieldsOf(input);
  const passwords = await secret(row.id);
  if (!passwords?.phonePass || !passwords.registrationPassword) {
    return { rowId: row.id, state: "failed", message: "The generated passwords are no longer kept (the sheet expired), so this phone was not added" };
  }
  const added = { ...phone, phonePass: passwords.phonePass, registrationPassword: passwords.registrationPassword };
  const outcome = await addPhoneCommand(added, { username: job.ownerUsername, source, client, answered });
  if (outcome.result.ok || outcome.result.error.code !== "PHONE_EXISTS") return rowOutcomeOf(row.id, outcome);
  const raw = outcome.audit.raw ?? "";
  // Read back as absent, yet there now: the earlier attempt's request landed late.
  if (row.uncertain) return doneRow(row.id, await phoneAdded(added, job.ownerUsername, raw, `Phone ${phone.extension} ${LANDED}`));
  return {
    rowId: row.id,
    state: "exists",
    message: `A phone with extension ${phone.extension} already exists on ${phone.serverIp}; it was left unchanged and keeps its own passwords`,
    raw,
    audit: outcome.audit,
  };
}

/**
 * Reads whether a phone row's earlier attempt added it before anything is sent again: from
 * VICIdial's database where the dashboard reads it, otherwise with the API's one request about a
 * phone that changes nothing (an impossible time zone, lib/vicidial/existence.ts).
 */
async function checkPhoneRow(row: ClaimedRow, input: PhoneRowInput, { job, source, client, secret }: OperationContext): Promise<CheckOutcome> {
  const phone = phoneFieldsOf(input);
  const found = await phoneInVicidial(phone, { source }, client);
  if (typeof found !== "boolean") return unclearRead(row.id, found);
  if (!found) return { absent: true };
  // The earlier attempt sent the row's passwords: the entry says they were set, as the send's does.
  const passwords = await secret(row.id);
  const added = { ...phone, ...(passwords?.phonePass ? { phonePass: passwords.phonePass } : {}), ...(passwords?.registrationPassword ? { registrationPassword: passwords.registrationPassword } : {}) };
  return { made: doneRow(row.id, await phoneAdded(added, job.ownerUsername, "", `Phone ${phone.extension} ${LANDED} (read back, not sent again)`)) };
}

async function phoneInVicidial(phone: { extension: string; serverIp: string }, context: { source: string }, client: OperationContext["client"]) {
  const reader = clusterReader();
  if (!reader) return phoneExists(phone, context, client);
  try {
    const held = await reader.phonesByExtension([phone.extension]);
    return held.some((p) => p.server_ip.toLowerCase() === phone.serverIp.toLowerCase());
  } catch (error) {
    return { ok: false as const, code: "UNREACHABLE" as const, message: `Reading VICIdial's database failed: ${(error as Error).message}`, raw: "" };
  }
}

/** An alias row's earlier attempt, read back with the API's no-change probe. */
async function checkAliasRow(row: ClaimedRow, input: AliasRowInput, { job, source, client }: OperationContext): Promise<CheckOutcome> {
  const found = await aliasExists(input.aliasId, { source }, client);
  if (typeof found !== "boolean") return unclearRead(row.id, found);
  if (!found) return { absent: true };
  const alias = { aliasId: input.aliasId, aliasName: input.aliasName, phoneLogins: await aliasLogins(job.id, input) };
  return { made: doneRow(row.id, await aliasAdded(alias, job.ownerUsername, "", `Alias ${input.aliasId} ${LANDED} (read back, not sent again)`)) };
}

/** The logins of the alias's phones that are in VICIdial, in row order. */
async function aliasLogins(jobId: string, input: AliasRowInput): Promise<string[]> {
  const db = await getDb();
  const phones = await db
    .select({ seq: jobRows.seq, input: jobRows.input, state: jobRows.state })
    .from(jobRows)
    .where(and(eq(jobRows.jobId, jobId), eq(jobRows.phase, 0), inArray(jobRows.seq, input.rows)));
  return phones
    .filter((p) => p.state === "done" || p.state === "exists")
    .sort((a, b) => a.seq - b.seq)
    .map((p) => String((p.input as PhoneRowInput).phoneLogin));
}

/** One add_phone_alias over the logins of the alias's phones that are in VICIdial, through the alias form's use case. */
async function addAliasRow(row: ClaimedRow, input: AliasRowInput, { job, source, client, answered }: OperationContext): Promise<RowOutcome> {
  const logins = await aliasLogins(job.id, input);
  if (logins.length === 0) {
    return { rowId: row.id, state: "skipped", message: `Alias ${input.aliasId} was not added: none of its phones was added` };
  }
  const alias = { aliasId: input.aliasId, aliasName: input.aliasName, phoneLogins: logins };
  const outcome = await addAliasCommand(alias, { username: job.ownerUsername, source, client, answered });
  const raw = outcome.audit.raw ?? "";
  if (outcome.result.ok) {
    const missing = input.rows.length - logins.length;
    const partly = missing > 0 ? ` (without the ${countOf(missing, "phone")} that could not be added)` : "";
    return { rowId: row.id, state: "done", message: `Added alias ${input.aliasId} for ${countOf(logins.length, "phone")}${partly}`, raw, audit: outcome.audit };
  }
  if (outcome.result.error.code !== "ALIAS_EXISTS") return rowOutcomeOf(row.id, outcome);
  // Read back as absent, yet there now: the earlier attempt's request landed late.
  if (row.uncertain) return doneRow(row.id, await aliasAdded(alias, job.ownerUsername, raw, `Alias ${input.aliasId} ${LANDED}`));
  return { rowId: row.id, state: "exists", message: `Alias ${input.aliasId} already exists in VICIdial; left unchanged`, raw, audit: outcome.audit };
}

/** The row's add_phone fields, without its kind. */
function phoneFieldsOf(input: PhoneRowInput): Omit<PhoneRowInput, "kind"> {
  return Object.fromEntries(Object.entries(input).filter(([key]) => key !== "kind")) as Omit<PhoneRowInput, "kind">;
}
