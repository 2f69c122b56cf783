import { describe, expect, it } from "vitest";
import { createUser } from "@/lib/auth/users";
import { testBackends, useTestDatabase } from "@/lib/testing/db";
import { FLAG_EXPORT_COLUMNS, flagRecord } from "./flag-export";
import { addFlag, flagsOfCall, listFlags, resolveFlag } from "./flags";
import type { CallDetails, CallRow } from "./reader/types";

const call = (fields: Partial<CallRow>): CallDetails => ({
  call: {
    direction: "outbound",
    key: "1741082400.1",
    uniqueid: "1741082400.1",
    lead_id: 5001,
    list_id: "7001",
    campaign_id: "QACAMP",
    call_date: "2025-03-04 10:00:00",
    start_epoch: 1741082400,
    end_epoch: 1741082460,
    length_in_sec: 60,
    status: "SALE",
    phone_code: "1",
    phone_number: "7275551234",
    user: "qa_agent1",
    term_reason: "CALLER",
    queue_seconds: null,
    ...fields,
  },
  callId: fields.direction === "inbound" ? null : "M304100000000500100",
  custTime: 42,
  agentName: "Ada Agent",
  lead: null,
  listName: null,
  groupName: null,
  statusName: null,
});

describe.each(testBackends())("call flags (%s)", (backend) => {
  useTestDatabase(backend);

  it("keeps the call's facts with the flag, lists them with filters, resolves once and exports the dashboard's links", async () => {
    const created = await createUser({ username: "flagger.one", displayName: "Flagger", role: "qa", password: "a long password 1" });
    if (!created.ok) throw new Error(created.error.message);
    const by = { id: created.data.user.id, username: "flagger.one" };
    const first = await addFlag(call({}), { reason: "customer_dispute", notes: "Says no sale was agreed" }, by);
    await addFlag(call({ direction: "inbound", key: "9001", uniqueid: "1741084200.11", phone_number: "8135550199", user: "qa_agent2", campaign_id: "QA_IN" }), { reason: "agent_conduct", notes: "" }, by);

    expect(first).toMatchObject({ direction: "outbound", callKey: "1741082400.1", callId: "M304100000000500100", callDate: "2025-03-04 10:00:00", phoneNumber: "7275551234", agent: "qa_agent1", state: "open", flaggedByName: "flagger.one" });
    expect(first.callStartedAt?.toISOString()).toBe("2025-03-04T10:00:00.000Z");

    expect((await listFlags({}, 1, 10)).total).toBe(2);
    expect((await listFlags({ reason: "agent_conduct" }, 1, 10)).rows.map((f) => f.callKey)).toEqual(["9001"]);
    expect((await listFlags({ q: "+1 (727) 555-1234" }, 1, 10)).rows.map((f) => f.callKey)).toEqual(["1741082400.1"]);
    expect((await listFlags({ q: "M304100000000500100" }, 1, 10)).rows.map((f) => f.callKey)).toEqual(["1741082400.1"]);
    expect((await listFlags({ agent: "QA_AGENT2" }, 1, 10)).rows.map((f) => f.callKey)).toEqual(["9001"]);
    expect((await flagsOfCall("inbound", "9001")).map((f) => f.reason)).toEqual(["agent_conduct"]);

    expect(await resolveFlag(first.id, { username: "sup.two" })).toMatchObject({ state: "resolved", resolvedByName: "sup.two" });
    expect(await resolveFlag(first.id, { username: "sup.two" })).toBeNull();
    expect((await listFlags({ state: "open" }, 1, 10)).rows.map((f) => f.callKey)).toEqual(["9001"]);

    const [resolved] = (await listFlags({ state: "resolved" }, 1, 10)).rows;
    const record = flagRecord(resolved!, "https://dash.example", ["61", "60"]);
    expect(record).toHaveLength(FLAG_EXPORT_COLUMNS.length);
    expect(record.slice(2, 8)).toEqual(["flagger.one", "Customer dispute", "Says no sale was agreed", "resolved", "sup.two", "outbound"]);
    expect(record.at(-2)).toBe("https://dash.example/calls/outbound/1741082400.1");
    expect(record.at(-1)).toBe("https://dash.example/calls/recordings/61?download=1 https://dash.example/calls/recordings/60?download=1");
  });
});
