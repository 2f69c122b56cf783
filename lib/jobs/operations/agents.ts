import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { jobRows } from "@/lib/db/schema/jobs";
import { upsertAlias } from "@/lib/inventory/aliases";
import { upsertPhone } from "@/lib/inventory/phones";
import { joinLogins } from "@/lib/schemas/alias";
import { phoneTarget } from "@/lib/schemas/phone";
import { addPhoneAlias } from "@/lib/vicidial/aliases";
import { addPhone } from "@/lib/vicidial/phones";
import { failed, type JobOperation, type OperationContext, type RowAudit, type RowOutcome } from "../operation";
import type { AgentRowInput, AliasRowInput, PhoneRowInput } from "../prepare/agents";
import type { ClaimedRow } from "../store";
import { countOf } from "@/lib/text/plural";

export const agentsOperation: JobOperation = {
  async run([row], context) {
    if (!row) return [];
    const input = row.input as unknown as AgentRowInput;
    return [input.kind === "alias" ? await addAliasRow(row, input, context) : await addPhoneRow(row, input, context)];
  },
};

async function addPhoneRow(row: ClaimedRow, input: PhoneRowInput, { job, source, client, secret, answered }: OperationContext): Promise<RowOutcome> {
  const phone = phoneFieldsOf(input);
  const key = { serverIp: phone.serverIp, extension: phone.extension };
  const audit: RowAudit = { action: "phone.add", target: phoneTarget(key), params: { ...phone, passwordsSet: ["phonePass", "registrationPassword"] }, before: null };
  const passwords = await secret(row.id);
  if (!passwords?.phonePass || !passwords.registrationPassword) {
    return { rowId: row.id, state: "failed", message: "The generated passwords are no longer kept (the sheet expired), so this phone was not added" };
  }
  const result = await addPhone({ ...phone, phonePass: passwords.phonePass, registrationPassword: passwords.registrationPassword }, { source }, client);
  answered();
  if (result.ok || (result.code === "PHONE_EXISTS" && row.uncertain)) {
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
      updatedBy: job.ownerUsername,
    });
    const after = withoutBookkeeping(saved);
    const message = result.ok
      ? `Added phone ${phone.extension} (login ${phone.phoneLogin})`
      : `Phone ${phone.extension} is in VICIdial: the earlier attempt, whose answer was lost, added it`;
    return { rowId: row.id, state: "done", message, raw: result.raw, audit: { ...audit, after } };
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

async function addAliasRow(row: ClaimedRow, input: AliasRowInput, { job, source, client, answered }: OperationContext): Promise<RowOutcome> {
  const db = await getDb();
  const phones = await db
    .select({ seq: jobRows.seq, input: jobRows.input, state: jobRows.state })
    .from(jobRows)
    .where(and(eq(jobRows.jobId, job.id), eq(jobRows.phase, 0), inArray(jobRows.seq, input.rows)));
  const ready = phones.filter((p) => p.state === "done" || p.state === "exists").sort((a, b) => a.seq - b.seq);
  const logins = ready.map((p) => String((p.input as PhoneRowInput).phoneLogin));
  if (logins.length === 0) {
    return { rowId: row.id, state: "skipped", message: `Alias ${input.aliasId} was not added: none of its phones was added` };
  }
  const audit: RowAudit = { action: "alias.add", target: input.aliasId, params: { aliasId: input.aliasId, aliasName: input.aliasName, phoneLogins: logins }, before: null };
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
