import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { jobRows } from "@/lib/db/schema/jobs";
import { upsertAlias } from "@/lib/aliases/inventory";
import { upsertPhone } from "@/lib/phones/inventory";
import { joinLogins } from "@/lib/aliases/schemas";
import { phoneTarget } from "@/lib/phones/schemas";
import { addPhoneAlias } from "@/lib/vicidial/aliases";
import { aliasExists, phoneExists } from "@/lib/vicidial/existence";
import { clusterReader } from "@/lib/cluster/reader";
import { addPhone } from "@/lib/vicidial/phones";
import { failed, unclearRead, type CheckOutcome, type FinalOutcome, type JobOperation, type OperationContext, type RowOutcome } from "../operation";
import type { NamedAuditDraft } from "@/lib/audit/record";
import type { AgentRowInput, AliasRowInput, PhoneRowInput } from "../prepare/agents";
import type { ClaimedRow } from "../store";
import { countOf } from "@/lib/text/plural";

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

async function addPhoneRow(row: ClaimedRow, input: PhoneRowInput, { job, source, client, secret, answered }: OperationContext): Promise<RowOutcome> {
  const phone = phoneFieldsOf(input);
  const audit = phoneAudit(phone);
  const passwords = await secret(row.id);
  if (!passwords?.phonePass || !passwords.registrationPassword) {
    return { rowId: row.id, state: "failed", message: "The generated passwords are no longer kept (the sheet expired), so this phone was not added" };
  }
  const result = await addPhone({ ...phone, phonePass: passwords.phonePass, registrationPassword: passwords.registrationPassword }, { source }, client);
  answered();
  if (result.ok || (result.code === "PHONE_EXISTS" && row.uncertain)) {
    const message = result.ok
      ? `Added phone ${phone.extension} (login ${phone.phoneLogin})`
      : `Phone ${phone.extension} is in VICIdial: the earlier attempt, whose answer was lost, added it`;
    return phoneAdded(row, phone, job.ownerUsername, message, result.raw);
  }
  if (result.code === "PHONE_EXISTS") {
    return {
      rowId: row.id,
      state: "exists",
      message: `A phone with extension ${phone.extension} already exists on ${phone.serverIp}; it was left unchanged and keeps its own passwords`,
      raw: result.raw,
      audit,
    };
  }
  return failed(row.id, result, audit);
}

/** The phone is in VICIdial: list it and end the row as done. */
async function phoneAdded(row: ClaimedRow, phone: Omit<PhoneRowInput, "kind">, owner: string, message: string, raw: string): Promise<FinalOutcome> {
  const saved = await upsertPhone({
    serverIp: phone.serverIp,
    extension: phone.extension,
    login: phone.phoneLogin,
    protocol: phone.protocol,
    fullName: phone.phoneFullName,
    voicemailId: phone.voicemailId,
    dialplanNumber: phone.dialplanNumber,
    outboundCid: phone.outboundCid,
    localGmt: phone.localGmt,
    phoneContext: "default",
    adminUserGroup: "---ALL---",
    active: "Y",
    updatedBy: owner,
  });
  return { rowId: row.id, state: "done", message, raw, audit: { ...phoneAudit(phone), after: withoutBookkeeping(saved) } };
}

function phoneAudit(phone: Omit<PhoneRowInput, "kind">): NamedAuditDraft {
  return { action: "phone.add", target: phoneTarget(phone), params: { ...phone, passwordsSet: ["phonePass", "registrationPassword"] }, before: null };
}

/**
 * Reads whether a phone row's earlier attempt added it before anything is sent again: from
 * VICIdial's database where the dashboard reads it, otherwise with the API's one request about a
 * phone that changes nothing (an impossible time zone, lib/vicidial/existence.ts).
 */
async function checkPhoneRow(row: ClaimedRow, input: PhoneRowInput, { job, source, client }: OperationContext): Promise<CheckOutcome> {
  const phone = phoneFieldsOf(input);
  const found = await phoneInVicidial(phone, { source }, client);
  if (typeof found !== "boolean") return unclearRead(row.id, found);
  if (!found) return { absent: true };
  const message = `Phone ${phone.extension} is in VICIdial: the earlier attempt, whose answer was lost, added it (read back, not sent again)`;
  return { made: await phoneAdded(row, phone, job.ownerUsername, message, "") };
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
  const logins = await aliasLogins(job.id, input);
  const saved = await upsertAlias({ aliasId: input.aliasId, aliasName: input.aliasName, phoneLogins: joinLogins(logins), updatedBy: job.ownerUsername });
  return {
    made: {
      rowId: row.id,
      state: "done",
      message: `Alias ${input.aliasId} is in VICIdial: the earlier attempt, whose answer was lost, added it (read back, not sent again)`,
      audit: { ...aliasAudit(input, logins), after: withoutBookkeeping(saved) },
    },
  };
}

function aliasAudit(input: AliasRowInput, logins: string[]): NamedAuditDraft {
  return { action: "alias.add", target: input.aliasId, params: { aliasId: input.aliasId, aliasName: input.aliasName, phoneLogins: logins }, before: null };
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

async function addAliasRow(row: ClaimedRow, input: AliasRowInput, { job, source, client, answered }: OperationContext): Promise<RowOutcome> {
  const logins = await aliasLogins(job.id, input);
  if (logins.length === 0) {
    return { rowId: row.id, state: "skipped", message: `Alias ${input.aliasId} was not added: none of its phones was added` };
  }
  const audit = aliasAudit(input, logins);
  const result = await addPhoneAlias({ aliasId: input.aliasId, aliasName: input.aliasName, phoneLogins: logins }, { source }, client);
  answered();
  const missing = input.rows.length - logins.length;
  const partly = missing > 0 ? ` (without the ${countOf(missing, "phone")} that could not be added)` : "";
  if (result.ok || (result.code === "ALIAS_EXISTS" && row.uncertain)) {
    const saved = await upsertAlias({ aliasId: input.aliasId, aliasName: input.aliasName, phoneLogins: joinLogins(logins), updatedBy: job.ownerUsername });
    const after = withoutBookkeeping(saved);
    return { rowId: row.id, state: "done", message: `Added alias ${input.aliasId} for ${countOf(logins.length, "phone")}${partly}`, raw: result.raw, audit: { ...audit, after } };
  }
  if (result.code === "ALIAS_EXISTS") {
    return { rowId: row.id, state: "exists", message: `Alias ${input.aliasId} already exists in VICIdial; left unchanged`, raw: result.raw, audit };
  }
  return failed(row.id, result, audit);
}

function phoneFieldsOf(input: PhoneRowInput): Omit<PhoneRowInput, "kind"> {
  return {
    extension: input.extension,
    dialplanNumber: input.dialplanNumber,
    voicemailId: input.voicemailId,
    phoneLogin: input.phoneLogin,
    serverIp: input.serverIp,
    protocol: input.protocol,
    phoneFullName: input.phoneFullName,
    localGmt: input.localGmt,
    outboundCid: input.outboundCid,
  };
}

/** What the audit log keeps of an inventory row: its values, not its bookkeeping columns. */
function withoutBookkeeping<T extends { updatedAt: Date; updatedBy: string }>(row: T): Omit<T, "updatedAt" | "updatedBy"> {
  const view: Partial<T> = { ...row };
  delete view.updatedAt;
  delete view.updatedBy;
  return view as Omit<T, "updatedAt" | "updatedBy">;
}
