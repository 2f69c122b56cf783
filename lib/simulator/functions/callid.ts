// Contract 2.10 callid_info: look a call up by its caller code and print one data line.
import type { FunctionContext } from "../context";
import { lengthBetween, PhpFatalError, sameKey } from "../mysql";
import type { CallLogRow } from "../state";

const FN = "callid_info";
const CALL_ID_PREFIXES = ["Y", "J", "V", "M", "DC", "S", "LP", "VH", "XL"];

const DELIMITERS = new Map([
  ["csv", ","],
  ["tab", "\t"],
  ["pipe", "|"],
]);

/** Prefixes tested in this order: Y J LP VH are inbound, then V, then M, then the rest. */
function callType(callId: string): { type: string; inbound: boolean } {
  if (["Y", "J", "LP", "VH"].some((prefix) => callId.startsWith(prefix))) return { type: "INBOUND", inbound: true };
  if (callId.startsWith("V")) return { type: "OUTBOUND_AUTO", inbound: false };
  if (callId.startsWith("M")) return { type: "OUTBOUND_MANUAL", inbound: false };
  return { type: "OUTBOUND_OTHER", inbound: false };
}

export function callidInfo(ctx: FunctionContext): string {
  const { p, state, user } = ctx;
  // No leading pipe before {user} in these three errors (1.6).
  if (!lengthBetween(p.call_id, 18, 39) || !CALL_ID_PREFIXES.some((prefix) => p.call_id.startsWith(prefix))) {
    return `ERROR: ${FN} INVALID SEARCH PARAMETERS: ${user}|${p.call_id}\n`;
  }
  const extended = state.calls.logExtended.find((row) => sameKey(row.caller_code, p.call_id));
  if (!extended) return `ERROR: ${FN} CALL NOT FOUND: ${user}|${p.agent_user}\n`;
  const leadId = extended.lead_id;
  if (leadId === null) throw new PhpFatalError("callid_info: malformed SQL for an empty lead_id");

  const { type, inbound } = callType(p.call_id);
  const matchesCall = (row: CallLogRow) => row.uniqueid === extended.uniqueid && row.lead_id === leadId;
  const log = inbound
    ? state.calls.closerLog.find((row) => matchesCall(row) && row.call_date === extended.call_date)
    : state.calls.outboundLog.find(matchesCall);
  if (!log) return `ERROR: ${FN} CALL LOG NOT FOUND: ${user}|${p.agent_user}\n`;

  const agent = state.calls.agentLog.find(
    (row) => row.uniqueid === extended.uniqueid && row.lead_id === leadId && sameKey(row.user, log.user),
  );
  const custtime = agent ? agent.talk_sec - agent.dead_sec : 0;

  const d = DELIMITERS.get(p.stage) ?? "|";
  const detail = p.detail === "YES";
  const header = detail
    ? ["call_id", "custtime", "call_date", "phone", "call_type", "campaign_id", "list_id", "status", "user"]
    : ["call_id", "custtime"];
  const data = detail
    ? [p.call_id, custtime, extended.call_date, log.phone_number, type, log.campaign_id, log.list_id, log.status, log.user]
    : [p.call_id, custtime];
  return `${p.header === "YES" ? `${header.join(d)}\n` : ""}${data.join(d)}\n`;
}
