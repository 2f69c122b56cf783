// Replays every recorded exchange in the shared transcripts directory against the simulator.
// Each case starts from the seed, after replaying the cases it needs (the recordings were made
// one after another, so e.g. a duplicate needs its original first). did_id numbers and the
// version DATE/EPOCH are compared loosely; everything else byte for byte.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { phpDateTime } from "./clock";
import { startSimulator, type RunningSimulator } from "./index";
import { TRANSCRIPTS_DIR } from "@/lib/vicidial/fixtures/transcripts-dir";
import { getRaw, post, type Reply } from "./test-support";


/** The version transcript's recorded instant; the clock is pinned to it. */
const RECORDED_EPOCH = 1795325047;

interface Transcript {
  name: string;
  request: string;
  body: string;
  viaPost: boolean;
  /** The fixtures README: served with HTTP 500 when the name says http500, else 200. */
  status: number;
}

function readTranscript(name: string): Transcript {
  const text = readFileSync(join(TRANSCRIPTS_DIR, `${name}.txt`), "utf8");
  const separator = text.indexOf("\n---\n");
  if (separator === -1) throw new Error(`${name}: no --- line`);
  return { name, request: text.slice(0, separator), body: text.slice(separator + 5), viaPost: /post/i.test(name), status: /http500/i.test(name) ? 500 : 200 };
}

function listTranscripts(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listTranscripts(path);
    return entry.name.endsWith(".txt") ? [relative(TRANSCRIPTS_DIR, path).replace(/\\/g, "/").replace(/\.txt$/, "")] : [];
  });
}

type Step = { transcript: string } | { request: string; expectFirstLine: string | RegExp };

const addDid7275553331: Step = {
  request: "source=test&user=6666&pass=1234&function=add_did&did_pattern=7275553331&did_description=Testing+DID&active=N",
  expectFirstLine: "SUCCESS: add_did DID HAS BEEN ADDED - 6666|7275553331",
};

/** Lockout Case A: one success, then ten failures, all within 15 minutes. */
const lockout6001: Step[] = [
  { request: "source=test&user=6001&pass=1234&function=no_such_function", expectFirstLine: "ERROR: NO FUNCTION SPECIFIED" },
  ...Array.from({ length: 10 }, () => ({
    request: "source=test&user=6001&pass=wrong&function=no_such_function",
    expectFirstLine: "ERROR: Login incorrect, please try again: |6001|wrong|BAD|",
  })),
];

/** Lockout Case B: failures only, none after a success in the past 15 minutes (1.4). */
const failures6001 = (count: number): Step[] =>
  Array.from({ length: count }, () => ({
    request: "source=test&user=6001&pass=wrong&function=no_such_function",
    expectFirstLine: "ERROR: Login incorrect, please try again: |6001|wrong|BAD|",
  }));

const LONG_COPY_ENTRY = `72755533607${"0".repeat(44)}`;

/** What each case needs beyond the seed. Cases not listed run on the seed alone. */
const PREREQUISITES: Record<string, Step[]> = {
  "add_did/duplicate": [addDid7275553331],
  "update_did/delete": [addDid7275553331],
  "add_phone/duplicate_extension": [{ transcript: "add_phone/success" }],
  "update_phone/update": [{ transcript: "add_phone/success" }],
  "update_phone/delete": [{ transcript: "add_phone/success" }, { transcript: "update_phone/update" }],
  "add_phone_alias/duplicate": [{ transcript: "add_phone_alias/success" }],
  "update_phone_alias/update": [{ transcript: "add_phone_alias/success" }],
  "update_phone_alias/delete": [{ transcript: "add_phone_alias/success" }, { transcript: "update_phone_alias/update" }],
  "copy_did/some_existing": [{ transcript: "copy_did/several_new" }],
  "update_cid_group_entry/add_duplicate": [{ transcript: "update_cid_group_entry/add" }],
  "update_cid_group_entry/delete": [{ transcript: "update_cid_group_entry/add" }],
  "lockout/A11_bad_pass_LOCK": lockout6001,
  "lockout/B21_bad_pass_LOCK": failures6001(20),
  "lockout/B22_good_pass_LOCK": [...failures6001(20), { transcript: "lockout/B21_bad_pass_LOCK" }],
  "update_cid_group_entry/add_long_areacode_again_http500": [{ transcript: "update_cid_group_entry/add_long_areacode" }],
  "update_cid_group_entry/info_long_areacode": [{ transcript: "update_cid_group_entry/add_long_areacode" }],
  "add_phone_alias/long_id_collision_http500": [
    {
      request: "source=test&user=6666&pass=1234&function=add_phone_alias&alias_id=ALIAS_TWENTY_CHARS_X&alias_name=First+alias&phone_logins=1001",
      expectFirstLine: "SUCCESS: add_phone_alias PHONE ALIAS HAS BEEN ADDED - 6666|ALIAS_TWENTY_CHARS_X|First alias|1001",
    },
  ],
  "copy_did/long_entry_again": [
    {
      request: `source=test&user=6666&pass=1234&function=copy_did&source_did_pattern=7275550100&new_dids=${LONG_COPY_ENTRY}`,
      expectFirstLine: new RegExp(`^NOTICE: copy_did DID HAS BEEN ADDED - 6666\\|${LONG_COPY_ENTRY}\\|7275550100\\|\\d+\\|1$`),
    },
  ],
};

const COPY_DID_ADDED = /^(NOTICE: copy_did DID HAS BEEN ADDED - [^|\n]*\|([^|\n]*)\|[^|\n]*\|)(\d+)(\|\d+)$/gm;
const DID_DELETED = /^(SUCCESS: update_did DID HAS BEEN DELETED - [^|\n]*\|([^|\n]*)\|)(\d+)$/gm;
const VERSION_CLOCK = /^(VERSION: [^\n]*\|DATE: )[^|]*(\|EPOCH: )\d+/gm;

/** Replaces the values compared loosely with placeholders. */
function loosen(body: string): string {
  return body
    .replace(COPY_DID_ADDED, "$1<did_id>$4")
    .replace(DID_DELETED, "$1<did_id>")
    .replace(VERSION_CLOCK, "$1<date>$2<epoch>");
}

async function send(sim: RunningSimulator, request: string, viaPost: boolean): Promise<Reply> {
  return viaPost
    ? post(sim, request, { contentType: "application/x-www-form-urlencoded" })
    : getRaw(sim, request);
}

/** The loosely compared values still have to be right for the simulator's own state. */
function checkLooseValues(sim: RunningSimulator, body: string, didIdsBefore: Map<string, number>): void {
  for (const match of body.matchAll(COPY_DID_ADDED)) {
    const pattern = match[2] ?? "";
    // Nothing inserted (an over-long entry whose cut already exists): did_id prints as 0 (contract 4).
    if (match[4] === "|0") {
      expect(Number(match[3]), `did_id of ${pattern}, not inserted`).toBe(0);
      continue;
    }
    expect(sim.state.dids.find((d) => d.did_pattern === pattern)?.did_id, `did_id of ${pattern}`).toBe(Number(match[3]));
  }
  for (const match of body.matchAll(DID_DELETED)) {
    expect(didIdsBefore.get(match[2] ?? ""), "did_id of the deleted DID").toBe(Number(match[3]));
  }
  for (const match of body.matchAll(/\|DATE: ([^|]*)\|EPOCH: (\d+)\|/g)) {
    expect(Number(match[2])).toBe(RECORDED_EPOCH);
    expect(match[1]).toBe(phpDateTime(new Date(RECORDED_EPOCH * 1000)));
  }
}

async function replay(sim: RunningSimulator, transcript: Transcript): Promise<void> {
  const didIdsBefore = new Map(sim.state.dids.map((d) => [d.did_pattern, d.did_id]));
  const reply = await send(sim, transcript.request, transcript.viaPost);
  expect(reply.status, `${transcript.name}: status`).toBe(transcript.status);
  expect(reply.headers.get("content-type")).toBe("text/html; charset=utf-8");
  expect(loosen(reply.body), transcript.name).toBe(loosen(transcript.body));
  checkLooseValues(sim, reply.body, didIdsBefore);
}

async function runStep(sim: RunningSimulator, step: Step): Promise<void> {
  if ("transcript" in step) {
    if (!existsSync(join(TRANSCRIPTS_DIR, `${step.transcript}.txt`))) {
      throw new Error(`prerequisite transcript ${step.transcript} is missing from ${TRANSCRIPTS_DIR}`);
    }
    await replay(sim, readTranscript(step.transcript));
    return;
  }
  const reply = await getRaw(sim, step.request);
  const firstLine = reply.body.split("\n")[0];
  if (typeof step.expectFirstLine === "string") expect(firstLine).toBe(step.expectFirstLine);
  else expect(firstLine).toMatch(step.expectFirstLine);
}

const names = existsSync(TRANSCRIPTS_DIR) ? listTranscripts(TRANSCRIPTS_DIR).sort() : [];

describe(`transcripts in ${TRANSCRIPTS_DIR}`, () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ now: () => new Date(RECORDED_EPOCH * 1000) });
  });
  afterAll(() => sim.close());

  it("finds the recorded cases", () => {
    expect(names.length).toBeGreaterThan(0);
  });

  it.each(names)("%s", async (name) => {
    sim.reset();
    for (const step of PREREQUISITES[name] ?? []) await runStep(sim, step);
    await replay(sim, readTranscript(name));
  });
});
