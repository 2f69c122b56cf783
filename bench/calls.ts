import { loadCallCard } from "@/lib/calls/card";
import { createMysqlCallsReader } from "@/lib/calls/reader/mysql";
import type { CallsReader } from "@/lib/calls/reader/types";
import { phoneVariants } from "@/lib/calls/search";
import { openMysql } from "@/lib/cluster/mysql";
import { scratchVicidialDb, type ScratchVicidialDb } from "@/lib/cluster/testing/mariadb";
import { benchMariadb } from "./mariadb";
import type { BenchResult } from "./run";
import { round, summarize } from "./stats";

/**
 * QA's call search and card on MariaDB with our DDL: 1,000,000 outbound and 300,000 inbound calls
 * spread over 90 days (with their extended-log, agent-log and recording rows, 200,000 leads and
 * 300 agents), read through the SELECT-only account as the dashboard does. Server time of:
 * a search by phone number over the default 7 days, a search by agent over one day, and opening
 * a call card (the call, its names, recordings and the other calls of its lead and number).
 */
const OUTBOUND = 1_000_000;
const INBOUND = 300_000;
const LEADS = 200_000;
const AGENTS = 300;
const SPAN_S = 90 * 86_400;

/** Fills the call tables with INSERT … SELECT from MariaDB's sequence engine: seconds, not minutes. */
async function fill(db: ScratchVicidialDb, now: number): Promise<void> {
  const phone = (lead: string) => `CONCAT('727', LPAD(${lead}, 7, '0'))`;
  await db.exec(`INSERT INTO vicidial_users (user, pass, full_name, user_level, user_group, active)
    SELECT CONCAT('agent', LPAD(seq, 3, '0')), 'x', CONCAT('Agent number ', seq), 1, 'AGENTS', 'Y' FROM seq_1_to_${AGENTS}`);
  await db.exec(`INSERT INTO vicidial_list (lead_id, list_id, phone_number, first_name, last_name)
    SELECT seq, 1000 + seq % 5, ${phone("seq")}, 'Lead', CONCAT('Number ', seq) FROM seq_1_to_${LEADS}`);
  await db.exec(`INSERT INTO vicidial_campaigns (campaign_id, campaign_name, active) SELECT CONCAT('CAMP', seq), CONCAT('Campaign ', seq), 'Y' FROM seq_1_to_4`);
  await db.exec(`INSERT INTO vicidial_inbound_groups (group_id, group_name, active) SELECT CONCAT('INGRP', seq), CONCAT('In-group ', seq), 'Y' FROM seq_1_to_3`);
  await db.exec(`INSERT INTO vicidial_statuses (status, status_name) VALUES ('SALE','Sale Made'),('NI','Not Interested'),('CALLBK','Call Back'),('NA','No Answer AutoDial'),('B','Busy'),('DROP','Agent Not Available')`);
  const status = "ELT(1 + seq % 6, 'SALE', 'NI', 'CALLBK', 'NA', 'B', 'NI')";
  // Calls evenly over the last 90 days; lead = seq mod LEADS, agent = seq mod AGENTS.
  await db.exec(`INSERT INTO vicidial_log (uniqueid, lead_id, list_id, campaign_id, call_date, start_epoch, end_epoch, length_in_sec, status, phone_code, phone_number, user, user_group, term_reason, called_count)
    SELECT CONCAT(t, '.', seq), 1 + seq % ${LEADS}, 1000 + (1 + seq % ${LEADS}) % 5, CONCAT('CAMP', 1 + seq % 4), FROM_UNIXTIME(t), t, t + 30 + seq % 300, 30 + seq % 300, ${status}, '1',
      ${phone(`1 + seq % ${LEADS}`)}, CONCAT('agent', LPAD(1 + seq % ${AGENTS}, 3, '0')), 'AGENTS', ELT(1 + seq % 3, 'CALLER', 'AGENT', 'NONE'), 1
    FROM (SELECT seq, ${now} - FLOOR(seq * ${SPAN_S} / ${OUTBOUND}) AS t FROM seq_1_to_${OUTBOUND}) s`);
  await db.exec(`INSERT INTO vicidial_closer_log (closecallid, lead_id, list_id, campaign_id, call_date, start_epoch, end_epoch, length_in_sec, status, phone_number, user, queue_seconds, term_reason, uniqueid)
    SELECT seq, 1 + (seq * 7) % ${LEADS}, 1000, CONCAT('INGRP', 1 + seq % 3), FROM_UNIXTIME(t), t, t + 60 + seq % 200, 60 + seq % 200, ${status},
      ${phone(`1 + (seq * 7) % ${LEADS}`)}, CONCAT('agent', LPAD(1 + (seq * 3) % ${AGENTS}, 3, '0')), (seq % 900) / 10, ELT(1 + seq % 4, 'CALLER', 'AGENT', 'ABANDON', 'QUEUETIMEOUT'), CONCAT(t, '.9', seq)
    FROM (SELECT seq, ${now} - FLOOR(seq * ${SPAN_S} / ${INBOUND}) AS t FROM seq_1_to_${INBOUND}) s`);
  await db.exec(`INSERT INTO vicidial_log_extended (uniqueid, server_ip, call_date, lead_id, caller_code)
    SELECT uniqueid, '10.0.0.5', call_date, lead_id, CONCAT('V', DATE_FORMAT(call_date, '%m%d%H%i%s'), LPAD(lead_id, 9, '0')) FROM vicidial_log`);
  await db.exec(`INSERT INTO vicidial_log_extended (uniqueid, server_ip, call_date, lead_id, caller_code)
    SELECT uniqueid, '10.0.0.5', call_date, lead_id, CONCAT('Y', DATE_FORMAT(call_date, '%m%d%H%i%s'), LPAD(lead_id, 9, '0')) FROM vicidial_closer_log`);
  await db.exec(`INSERT INTO vicidial_agent_log (user, event_time, lead_id, talk_sec, dead_sec, status, uniqueid)
    SELECT user, call_date, lead_id, length_in_sec, 3, status, uniqueid FROM vicidial_log`);
  await db.exec(`INSERT INTO recording_log (start_time, end_time, length_in_sec, filename, location, lead_id, user, vicidial_id, server_ip)
    SELECT call_date, FROM_UNIXTIME(end_epoch), length_in_sec, CONCAT('REC_', uniqueid), CONCAT('http://dialer1/RECORDINGS/MP3/REC_', uniqueid, '.mp3'), lead_id, user, uniqueid, '10.0.0.5' FROM vicidial_log`);
  await db.exec(`INSERT INTO recording_log (start_time, end_time, length_in_sec, filename, location, lead_id, user, vicidial_id, server_ip)
    SELECT call_date, FROM_UNIXTIME(end_epoch), length_in_sec, CONCAT('REC_', closecallid), CONCAT('http://dialer1/RECORDINGS/MP3/REC_', closecallid, '.mp3'), lead_id, user, closecallid, '10.0.0.5' FROM vicidial_closer_log`);
  for (const table of ["vicidial_log", "vicidial_closer_log", "vicidial_list", "vicidial_log_extended", "vicidial_agent_log", "recording_log"]) await db.exec(`ANALYZE TABLE ${table}`);
}

/** A deterministic pseudo-random sequence, so two runs time the same reads. */
function sampler(seed: number): (n: number) => number {
  let x = seed;
  return (n) => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x % n;
  };
}

async function time(runs: number, read: (i: number) => Promise<unknown>): Promise<{ median: number; p99: number }> {
  await read(-1);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await read(i);
    samples.push(performance.now() - started);
  }
  return summarize(samples);
}

const vicidialTime = (epoch: number) => {
  const d = new Date(epoch * 1000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
};

export async function callsBench(options: { runs?: number } = {}): Promise<BenchResult> {
  const runs = options.runs ?? 40;
  const mariadb = benchMariadb();
  const db = await scratchVicidialDb();
  let reader: CallsReader | undefined;
  try {
    const now = Math.floor(Date.now() / 1000);
    const filled = Date.now();
    await fill(db, now);
    const metrics: Record<string, number> = { outbound_rows: OUTBOUND, inbound_rows: INBOUND, fill_seconds: round((Date.now() - filled) / 1000, 1) };
    reader = createMysqlCallsReader(db.url);
    const serverNow = await reader.serverNow();
    const weekAgo = vicidialTime(now - 7 * 86_400);
    const pick = sampler(7);

    const byPhone = await time(runs, (i) => {
      const lead = 1 + ((i + 2) * 7919 + pick(LEADS)) % LEADS;
      return reader!.search({ from: weekAgo, to: serverNow, phones: phoneVariants(`(727) ${String(lead).padStart(7, "0").replace(/^(\d{3})(\d{4})$/, "$1-$2")}`)!, offset: 0, limit: 25 });
    });
    metrics.search_by_phone_7_days_p50_ms = round(byPhone.median, 1);
    metrics.search_by_phone_7_days_p99_ms = round(byPhone.p99, 1);

    const byAgent = await time(runs, () => {
      const dayStart = now - (1 + pick(85)) * 86_400;
      return reader!.search({ from: vicidialTime(dayStart), to: vicidialTime(dayStart + 86_399), agent: `agent${String(1 + pick(AGENTS)).padStart(3, "0")}`, offset: 0, limit: 25 });
    });
    metrics.search_by_agent_one_day_p50_ms = round(byAgent.median, 1);
    metrics.search_by_agent_one_day_p99_ms = round(byAgent.p99, 1);

    const keys = openMysql(db.url);
    const outboundKeys = (await keys.select<{ uniqueid: string }>("SELECT uniqueid FROM vicidial_log WHERE lead_id IN (17, 1234, 55555, 99999, 150001) LIMIT 10")).map((r) => r.uniqueid);
    await keys.close();
    const card = await time(runs, (i) => {
      const inbound = i % 2 === 1;
      return inbound ? loadCallCard(reader!, "inbound", String(1 + pick(INBOUND))) : loadCallCard(reader!, "outbound", outboundKeys[pick(outboundKeys.length)]!);
    });
    metrics.open_card_p50_ms = round(card.median, 1);
    metrics.open_card_p99_ms = round(card.p99, 1);
    return {
      metrics,
      goals: [
        { metric: "search_by_phone_7_days_p50_ms", atMost: 100 },
        { metric: "search_by_agent_one_day_p50_ms", atMost: 100 },
        { metric: "open_card_p50_ms", atMost: 50 },
      ],
    };
  } finally {
    await reader?.close();
    await db.drop();
    mariadb.stop();
  }
}
