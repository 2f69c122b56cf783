import "server-only";
import { z } from "zod";
import type { VicidialClient } from "./client";
import { defineParams, text, type InputOf } from "./encode";
import { defineOperation, performWith, type CallContext, type DataOf } from "./operation";
import { splitLines } from "./parse";

/** The call types callid_info derives from the call id prefix (2.10). */
export const CALL_TYPES = ["INBOUND", "OUTBOUND_AUTO", "OUTBOUND_MANUAL", "OUTBOUND_OTHER"] as const;

/** Column order in the code, which differs from the documentation's (2.10). */
const SHORT_COLUMNS = ["call_id", "custtime"] as const;
const DETAIL_COLUMNS = [...SHORT_COLUMNS, "call_date", "phone", "call_type", "campaign_id", "list_id", "status", "user"] as const;

export type CallInfoFormat = { delimiter: string; header: boolean; detail: boolean };
/** What callInfo always asks for, so columns are read by name (`stage=pipe`, `header=YES`, `detail=YES`). */
const REQUESTED_FORMAT: CallInfoFormat = { delimiter: "|", header: true, detail: true };
export const CALL_INFO_DELIMITERS: Readonly<Record<string, string>> = { csv: ",", tab: "\t", pipe: "|" };

const CALL_ID = /^[A-Za-z0-9]{18,39}$/;

/**
 * The columns of a callid_info success, by name. Success means no `ERROR:` line (contract 3);
 * other lines (PHP warnings) are skipped. Undefined when no data line can be found.
 */
export function parseCallInfoColumns(body: string, format: CallInfoFormat): Record<string, string> | undefined {
  const lines = splitLines(body);
  if (lines.some((line) => line.startsWith("ERROR:"))) return undefined;
  let names: readonly string[] = format.detail ? DETAIL_COLUMNS : SHORT_COLUMNS;
  let from = 0;
  if (format.header) {
    const headerAt = lines.findIndex((line) => line.split(format.delimiter)[0] === "call_id");
    if (headerAt < 0) return undefined;
    names = lines[headerAt]!.split(format.delimiter);
    from = headerAt + 1;
  }
  const data = lines
    .slice(from)
    .map((line) => line.split(format.delimiter))
    .find((values) => values.length === names.length && CALL_ID.test(values[0] ?? ""));
  if (!data) return undefined;
  return Object.fromEntries(names.map((name, index) => [name, data[index] ?? ""]));
}

const callInfoColumns = z
  .object({
    call_id: z.string().min(1),
    custtime: z.string().regex(/^-?\d+$/).transform(Number),
    call_date: z.string(),
    phone: z.string(),
    call_type: z.enum(CALL_TYPES),
    campaign_id: z.string(),
    list_id: z.string(),
    status: z.string(),
    user: z.string(),
  })
  .transform((columns) => ({
    callId: columns.call_id,
    /** Agent talk time minus dead time, seconds; 0 without an agent log row, and may be negative (2.10). */
    customerTalkSeconds: columns.custtime,
    /** `YYYY-MM-DD HH:MM:SS`, server time. */
    callDate: columns.call_date,
    phoneNumber: columns.phone,
    callType: columns.call_type,
    campaignId: columns.campaign_id,
    listId: columns.list_id,
    status: columns.status,
    /** The agent (or VDAD) from the call log. */
    agentUser: columns.user,
  }));

export function toCallInfo(columns: Record<string, string>) {
  const parsed = callInfoColumns.safeParse(columns);
  return parsed.success ? parsed.data : undefined;
}

const callInfoParams = defineParams({ callId: text("call_id") });
export type CallInfoInput = InputOf<typeof callInfoParams.spec>;

export const callInfoOperation = defineOperation({
  apiFunction: "callid_info",
  subject: { thing: "call", things: "calls", right: "look up calls", changesData: false },
  read: true,
  // Exact values: `yes` would be stripped to nothing (contract 3).
  fixed: [
    ["detail", "YES"],
    ["header", "YES"],
    ["stage", "pipe"],
  ],
  verdict: "first",
  success(body) {
    const columns = parseCallInfoColumns(body, REQUESTED_FORMAT);
    const data = columns && toCallInfo(columns);
    if (!data) return undefined;
    const rawLines = splitLines(body).filter((line) => line.startsWith("call_id|") || line.startsWith(`${data.callId}|`));
    return { data, rawLines };
  },
});

export type CallInfo = DataOf<typeof callInfoOperation>;

/** Looks a call up by VICIdial call id (18-30 characters, prefix Y, J, V, M, DC, S, LP, VH or XL). */
export function callInfo(input: CallInfoInput, context: CallContext, client?: VicidialClient) {
  return performWith(callInfoOperation, callInfoParams, input, context, client);
}
