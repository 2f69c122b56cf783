// The demo's call history: a few hundred calls over the last days across agents, two campaigns
// and an in-group, most with a recording the simulator serves. Deterministic for a given start
// time (a seeded generator), so a restart of a fresh demo looks the same.
import { phpDateTime, unixSeconds } from "../clock";
import type { CallLogRow, RecordingLogRow, SimulatorState } from "../state";
import { writeTable } from "../tables";

const AGENTS = [
  ["agent101", "Alice Moreno"],
  ["agent102", "Brian Okafor"],
  ["agent103", "Chen Wei"],
  ["agent104", "Dana Kowalski"],
  ["agent105", "Elif Yilmaz"],
  ["agent106", "Frank Dubois"],
] as const;

const FIRST = ["Maria", "James", "Priya", "Tom", "Aisha", "Luis", "Grace", "Noah", "Olga", "Sam", "Ines", "Kenji"];
const LAST = ["Lopez", "Smith", "Patel", "Nguyen", "Brown", "Garcia", "Khan", "Miller", "Rossi", "Ito"];
const AREA_CODES = ["727", "813", "312", "415", "646", "214"];

/** The demo's first customer, whose calls the README and the browser journey use. */
export const DEMO_CUSTOMER = { lead_id: 200001, phone_number: "7275550142", first_name: "Maria", last_name: "Lopez" };

const OUTBOUND_STATUSES = ["SALE", "NI", "CALLBK", "DNC", "NA", "A", "B", "SALE", "NI", "NI"];
const INBOUND_STATUSES = ["SALE", "NI", "XFER", "CALLBK", "DROP", "NI"];
const OUTBOUND_REASONS = ["CALLER", "AGENT", "AGENT", "CALLER", "NONE"];
const INBOUND_REASONS = ["CALLER", "AGENT", "QUEUETIMEOUT", "ABANDON", "CALLER"];

/** mulberry32: small, seeded, good enough for demo data. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const compact = (time: string) => time.replace(/[-:]/g, "").replace(" ", "-");

/** Adds the demo's agents, campaign, in-group, statuses, leads, calls and recordings to a fresh state. */
export function addDemoCalls(state: SimulatorState, now: Date): SimulatorState {
  const insertCallRows = (table: string, rows: Record<string, unknown>[]) => writeTable(state, table, { insert: rows }, now, "127.0.0.1");
  const random = generator(20241115);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  // The calls use the seed's own campaigns, in-groups, lists and agents (the demo seed has
  // several of each); a seed without agents gets six, so every call has someone's name on it.
  let agents = state.users.filter((u) => u.user_level === 1 && u.active === "Y" && /^agent\d+$/.test(u.user)).map((u) => u.user);
  if (agents.length === 0) {
    insertCallRows("vicidial_users", AGENTS.map(([user, full_name]) => ({ user, full_name, user_level: 1, user_group: "AGENTS" })));
    agents = AGENTS.map(([user]) => user);
  }
  const campaigns = state.campaigns.filter((c) => c.active === "Y").map((c) => c.campaign_id);
  const inGroups = state.inboundGroups.filter((g) => g.active === "Y").map((g) => g.group_id).slice(0, 3);
  const listOf = (campaign: string) => state.lists.find((l) => l.campaign_id === campaign)?.list_id ?? 999;
  insertCallRows("vicidial_statuses", [
    { status: "SALE", status_name: "Sale Made" },
    { status: "NI", status_name: "Not Interested" },
    { status: "CALLBK", status_name: "Call Back" },
    { status: "DNC", status_name: "Do Not Call" },
    { status: "NA", status_name: "No Answer AutoDial" },
    { status: "A", status_name: "Answering Machine" },
    { status: "B", status_name: "Busy" },
    { status: "XFER", status_name: "Call Transferred" },
    { status: "DROP", status_name: "Agent Not Available" },
  ]);
  insertCallRows("vicidial_campaign_statuses", [{ status: "SALE", status_name: "Renewed a lapsed plan", campaign_id: campaigns[0] ?? "TESTCAMP" }]);

  const leads = [DEMO_CUSTOMER, ...Array.from({ length: 119 }, (_, i) => ({
    lead_id: 200002 + i,
    phone_number: `${pick(AREA_CODES)}555${String(1000 + Math.floor(random() * 9000))}`,
    first_name: pick(FIRST),
    last_name: pick(LAST),
  }))];
  insertCallRows("vicidial_list", leads.map((lead, i) => ({ ...lead, list_id: listOf(campaigns[i % campaigns.length] ?? "TESTCAMP") })));

  // The first customer has exactly their three calls: the browser journey counts them.
  const others = leads.slice(1);
  const nowSeconds = unixSeconds(now);
  const outbound: CallLogRow[] = [];
  const inbound: CallLogRow[] = [];
  const recordings: RecordingLogRow[] = [];
  let closecallid = 50_000;
  let recordingId = 70_000;
  const total = 320;
  for (let i = 0; i < total; i++) {
    // The first customer's calls are the newest few; the rest spread over five days.
    const lead = i < 3 ? DEMO_CUSTOMER : pick(others);
    const start = i < 3 ? nowSeconds - 3600 * (2 + i * 5) : nowSeconds - 600 - Math.floor(random() * 5 * 86_400);
    const isInbound = i < 3 ? i === 1 : random() < 0.3;
    const started = new Date(start * 1000);
    const call_date = phpDateTime(started);
    const status = i < 3 ? (i === 0 ? "SALE" : "NI") : pick(isInbound ? INBOUND_STATUSES : OUTBOUND_STATUSES);
    const answered = !["NA", "A", "B", "DROP"].includes(status);
    const user = answered ? pick(agents) : "VDAD";
    const length = answered ? 40 + Math.floor(random() * 400) : Math.floor(random() * 30);
    const uniqueid = `${start}.${1000 + i}`;
    const campaign_id = isInbound ? pick(inGroups) : pick(campaigns);
    const row: CallLogRow = {
      uniqueid,
      lead_id: lead.lead_id,
      call_date,
      phone_number: lead.phone_number,
      user: isInbound && !answered ? "" : user,
      status,
      list_id: isInbound ? listOf(campaigns[0] ?? "TESTCAMP") : listOf(campaign_id),
      campaign_id,
      start_epoch: start,
      end_epoch: start + length,
      length_in_sec: length,
      phone_code: "1",
      user_group: answered ? "AGENTS" : "",
      term_reason: pick(isInbound ? INBOUND_REASONS : OUTBOUND_REASONS),
      queue_seconds: isInbound ? Math.round(random() * 9000) / 100 : null,
    };
    if (isInbound) inbound.push({ ...row, closecallid: ++closecallid });
    else outbound.push(row);
    const prefix = isInbound ? "Y" : random() < 0.5 ? "V" : "M";
    state.calls.logExtended.push({ uniqueid, server_ip: "10.10.10.15", call_date, lead_id: lead.lead_id, caller_code: `${prefix}${call_date.replace(/\D/g, "").slice(2, 14)}${String(lead.lead_id).padStart(7, "0")}` });
    if (answered) {
      state.calls.agentLog.push({ agent_log_id: 900_000 + i, user, uniqueid, lead_id: lead.lead_id, talk_sec: length, dead_sec: Math.floor(random() * 10) });
      const filename = `${compact(call_date)}_${lead.phone_number}_${user}`;
      // Every 40th recording is not processed yet (empty location); every 53rd has lost its file.
      const location = i > 2 && i % 40 === 0 ? "" : i > 2 && i % 53 === 0 ? `/RECORDINGS/MP3/missing/${filename}.wav` : `/RECORDINGS/MP3/${filename}.wav`;
      recordings.push({
        recording_id: ++recordingId,
        start_time: phpDateTime(new Date((start + 2) * 1000)),
        end_time: phpDateTime(new Date((start + length) * 1000)),
        length_in_sec: length,
        filename,
        location,
        lead_id: lead.lead_id,
        user,
        vicidial_id: isInbound ? String(closecallid) : uniqueid,
        server_ip: "10.10.10.15",
      });
    }
  }
  state.calls.outboundLog.push(...outbound);
  state.calls.closerLog.push(...inbound);
  (state.calls.recordings ??= []).push(...recordings);
  return state;
}
