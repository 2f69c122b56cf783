import { z } from "zod";
import { addAliasSchema } from "@/lib/aliases/schemas";
import { ALIAS_FIELD_TABLE } from "@/lib/aliases/fields";
import { PHONE_FIELD_TABLE, type PhoneField } from "@/lib/phones/fields";
import { addPhoneSchema, type AddPhone } from "@/lib/phones/schemas";
import type { CellError, ColumnSpec, FileRecord } from "./columns";
import { refusedRow, type KindSpec, type PreparedRow } from "./types";
import { countOf } from "@/lib/text/plural";

/**
 * Agent provisioning: each row a phone on the chosen server with generated passwords, and
 * optionally aliases, either one per alias named in the rows or one over every phone. Aliases
 * are extra rows of a later phase: they run once the phones are final, over those that exist.
 */
/** The file's phone columns: the job's column key → the add_phone field it feeds. */
const PHONE_COLUMNS = {
  extension: "extension",
  login: "phoneLogin",
  fullName: "phoneFullName",
  outboundCid: "outboundCid",
  dialplan: "dialplanNumber",
  voicemail: "voicemailId",
} as const satisfies Record<string, PhoneField>;
type PhoneColumn = keyof typeof PHONE_COLUMNS;

/** A phone column, named and recognised as the field table says (lib/phones/fields.ts). */
function phoneColumn(key: PhoneColumn, more: Partial<ColumnSpec>): ColumnSpec {
  const { label, csv } = PHONE_FIELD_TABLE[PHONE_COLUMNS[key]];
  return { key, label, required: false, aliases: csv, ...more };
}

export const AGENT_COLUMNS: readonly ColumnSpec[] = [
  phoneColumn("extension", { required: true }),
  phoneColumn("login", { required: true }),
  phoneColumn("fullName", { required: true, input: PHONE_FIELD_TABLE.phoneFullName.api }),
  phoneColumn("outboundCid", { required: true, input: PHONE_FIELD_TABLE.outboundCid.api }),
  { key: "alias", label: "Alias", required: false, aliases: ALIAS_FIELD_TABLE.aliasId.csv, hint: "Rows with the same alias share it" },
  phoneColumn("dialplan", { hint: "Empty: the extension" }),
  phoneColumn("voicemail", { hint: "Empty: the extension" }),
];

/** add_phone field → the column that feeds it. */
const COLUMN_OF: Record<string, string> = Object.fromEntries(Object.entries(PHONE_COLUMNS).map(([key, field]) => [field, key]));

/** A phone row of the job: add_phone's input without the passwords, which are in job_secrets. */
export type PhoneRowInput = { kind: "phone" } & Pick<
  AddPhone,
  "extension" | "dialplanNumber" | "voicemailId" | "phoneLogin" | "serverIp" | "protocol" | "phoneFullName" | "localGmt" | "outboundCid"
>;
/** An alias row, run after every phone row is final: the logins of its rows' phones that exist. */
export interface AliasRowInput {
  kind: "alias";
  aliasId: string;
  aliasName: string;
  /** File rows (seq) whose phones the alias rings. */
  rows: number[];
}
export type AgentRowInput = PhoneRowInput | AliasRowInput;

export const ALIAS_MODES = ["none", "per-row", "single"] as const;
export type AliasMode = (typeof ALIAS_MODES)[number];

const phone = addPhoneSchema.shape;
const alias = addAliasSchema.shape;

export const agentJobOptionsSchema = z
  .object({
    serverIp: phone.serverIp,
    protocol: phone.protocol,
    localGmt: phone.localGmt,
    aliasMode: z.enum(ALIAS_MODES, { error: "Choose how aliases are made" }),
    aliasId: z.string().trim().optional(),
    aliasName: z.string().trim().optional(),
  })
  .superRefine((options, ctx) => {
    if (options.aliasMode !== "single") return;
    const id = alias.aliasId.safeParse(options.aliasId ?? "");
    if (!id.success) ctx.addIssue({ code: "custom", path: ["aliasId"], message: id.error.issues[0]?.message ?? "Enter an alias ID" });
    const name = alias.aliasName.safeParse(options.aliasName ?? "");
    if (!name.success) ctx.addIssue({ code: "custom", path: ["aliasName"], message: name.error.issues[0]?.message ?? "Enter an alias name" });
  });
export type AgentJobOptions = z.output<typeof agentJobOptionsSchema>;
export type AgentJobOptionsInput = z.input<typeof agentJobOptionsSchema>;

/**
 * Stands in for the passwords in the dry run: the real ones are generated when the job starts
 * (lib/passwords), always valid for VICIdial, so they cannot make a row fail.
 */
const PASSWORD_PLACEHOLDER = "Placeholder0";


interface PhoneCandidate {
  record: FileRecord;
  row: PreparedRow;
  login: string;
  fullName: string;
}

function phoneRow(record: FileRecord, options: AgentJobOptions): { row: PreparedRow; candidate?: PhoneCandidate } {
  const { cells } = record;
  const label = [cells.extension, cells.login && `(${cells.login})`].filter(Boolean).join(" ") || `Row ${record.row}`;
  const extension = cells.extension ?? "";
  const parsed = addPhoneSchema.safeParse({
    extension,
    dialplanNumber: cells.dialplan || extension,
    voicemailId: cells.voicemail || extension,
    phoneLogin: cells.login ?? "",
    phonePass: PASSWORD_PLACEHOLDER,
    serverIp: options.serverIp,
    protocol: options.protocol,
    registrationPassword: PASSWORD_PLACEHOLDER,
    phoneFullName: cells.fullName ?? "",
    localGmt: options.localGmt,
    outboundCid: cells.outboundCid ?? "",
  });
  if (!parsed.success) {
    const errors: CellError[] = [];
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "");
      const own = COLUMN_OF[field];
      // Dial plan and voicemail default to the extension: their problem is the extension's when not mapped.
      const column = own && own in cells ? own : field === "dialplanNumber" || field === "voicemailId" ? "extension" : undefined;
      const prefix = column === "extension" && field !== "extension" ? `As the ${field === "dialplanNumber" ? "dial plan number" : "voicemail box"}: ` : "";
      if (column) errors.push({ row: record.row, column, value: cells[column], message: `${prefix}${issue.message}` });
    }
    return { row: refusedRow(record, label, errors) };
  }
  const data = parsed.data;
  // Only what the job sends; the placeholder passwords stay behind.
  const fields: Omit<PhoneRowInput, "kind"> = {
    extension: data.extension,
    dialplanNumber: data.dialplanNumber,
    voicemailId: data.voicemailId,
    phoneLogin: data.phoneLogin,
    serverIp: data.serverIp,
    protocol: data.protocol,
    phoneFullName: data.phoneFullName,
    localGmt: data.localGmt,
    outboundCid: data.outboundCid,
  };
  const row: PreparedRow = { seq: record.row, label: `${fields.extension} (${fields.phoneLogin})`, input: { kind: "phone", ...fields }, errors: [] };
  return { row, candidate: { record, row, login: fields.phoneLogin, fullName: fields.phoneFullName } };
}

/** The same extension or login twice in one file: the second would fail (or, for a login, clash). */
function duplicates(candidates: PhoneCandidate[]): Map<PhoneCandidate, CellError> {
  const problems = new Map<PhoneCandidate, CellError>();
  const extensions = new Map<string, number>();
  const logins = new Map<string, number>();
  for (const candidate of candidates) {
    const { record } = candidate;
    const extension = String(candidate.row.input.extension).toLowerCase();
    const login = candidate.login.toLowerCase();
    const sameExtension = extensions.get(extension);
    const sameLogin = logins.get(login);
    if (sameExtension !== undefined) {
      problems.set(candidate, { row: record.row, column: "extension", value: record.cells.extension, message: `Row ${sameExtension} already has extension ${record.cells.extension}` });
    } else if (sameLogin !== undefined) {
      problems.set(candidate, { row: record.row, column: "login", value: candidate.login, message: `Row ${sameLogin} already has login ${candidate.login}` });
    } else {
      extensions.set(extension, record.row);
      logins.set(login, record.row);
    }
  }
  return problems;
}

export const agentsSpec: KindSpec<AgentJobOptions> = {
  kind: "agents",
  columns: AGENT_COLUMNS,
  positional: ["extension", "login", "fullName", "outboundCid", "alias"],
  optionsSchema: agentJobOptionsSchema,
  requiredColumns: (options) => (options.aliasMode === "per-row" ? ["alias"] : []),
  title: (options, rows) => `${countOf(rows, "agent phone")} on ${options.serverIp}`,
  prepare(records, options) {
    const optionErrors: Record<string, string> = {};
    const built = records.map((record) => phoneRow(record, options));
    const candidates = built.flatMap((b) => (b.candidate ? [b.candidate] : []));
    const clashes = duplicates(candidates);
    const rows = built.map((b) => {
      const clash = b.candidate && clashes.get(b.candidate);
      return clash && b.candidate ? refusedRow(b.candidate.record, b.row.label, [clash]) : b.row;
    });
    const valid = candidates.filter((c) => !clashes.has(c));
    let nextSeq = records.length + 1;
    const aliasRow = (aliasId: string, aliasName: string, members: PhoneCandidate[]): PreparedRow => ({
      seq: nextSeq++,
      label: `Alias ${aliasId}`,
      phase: 1,
      input: { kind: "alias", aliasId, aliasName, rows: members.map((m) => m.record.row) },
      errors: [],
    });

    if (options.aliasMode === "single" && options.aliasId && options.aliasName) {
      const parsed = addAliasSchema.safeParse({ aliasId: options.aliasId, aliasName: options.aliasName, phoneLogins: valid.map((c) => c.login) });
      if (!parsed.success) {
        for (const issue of parsed.error.issues) optionErrors[issue.path[0] === "phoneLogins" ? "aliasMode" : String(issue.path[0])] ??= issue.message;
      } else if (valid.length > 0) rows.push(aliasRow(parsed.data.aliasId, parsed.data.aliasName, valid));
    }

    if (options.aliasMode === "per-row") {
      const groups = new Map<string, PhoneCandidate[]>();
      for (const candidate of valid) {
        const id = candidate.record.cells.alias ?? "";
        if (id) groups.set(id, [...(groups.get(id) ?? []), candidate]);
      }
      for (const [aliasId, members] of groups) {
        // One agent's alias takes the agent's name; a shared one is named after itself.
        const aliasName = members.length === 1 ? members[0]!.fullName : aliasId;
        const parsed = addAliasSchema.safeParse({ aliasId, aliasName, phoneLogins: members.map((m) => m.login) });
        if (parsed.success) {
          rows.push(aliasRow(parsed.data.aliasId, parsed.data.aliasName, members));
          continue;
        }
        const message = parsed.error.issues[0]?.message ?? "This alias is not valid";
        for (const member of members) {
          const index = rows.indexOf(member.row);
          rows[index] = refusedRow(member.record, member.row.label, [{ row: member.record.row, column: "alias", value: aliasId, message }]);
        }
      }
    }
    return { rows, optionErrors };
  },
};
