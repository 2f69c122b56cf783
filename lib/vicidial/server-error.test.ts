import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator, type SimulatorFaults } from "@/lib/simulator";
import { addPhoneAlias, deletePhoneAlias, updatePhoneAlias } from "./aliases";
import { callInfo } from "./calls";
import { addCidEntry, addCidEntryOperation, deleteCidEntries, updateCidEntries } from "./cid-groups";
import { createVicidialClient, type VicidialClient } from "./client";
import { addDid, addDidOperation, copyDid, deleteDid, updateDid } from "./dids";
import type { VicidialResult } from "./errors";
import { perform } from "./operation";
import { addPhone, updatePhone } from "./phones";
import { updatePhoneAliasOperation } from "./aliases";

/**
 * An HTTP 500 is an unknown outcome even when it carries SUCCESS (contract 4): the client says
 * what VICIdial had answered, then reads back what it can. Over HTTP, against the simulator:
 * `http500AfterAnswer` lets the change happen before the 500, `http500` stops it before the
 * script runs; `when` keeps the read-back itself unharmed.
 */
const ctx = { source: "servererror" };
let sim: RunningSimulator;
let client: VicidialClient;

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
  client = createVicidialClient({ url: sim.url, user: "6666", pass: "1234" });
});
afterEach(() => {
  sim.setFaults({});
  sim.reset();
});
afterAll(async () => {
  await client.close();
  await sim.close();
});

/** Only the change's own request (matched by `when`) fails; the read-back is answered normally. */
const changeFailsAfter = (when: Record<string, string>): SimulatorFaults => ({ http500AfterAnswer: true, when });
const changeFailsBefore = (when: Record<string, string>): SimulatorFaults => ({ http500: true, when });

function expectUnknown<T>(result: VicidialResult<T>, state: string, message: RegExp) {
  expect(result).toMatchObject({ ok: false, code: "HTTP_ERROR", reconciled: { state } });
  if (!result.ok) expect(result.message).toMatch(message);
}

const entry = { cidGroupId: "US_SALES", areacode: "312", outboundCid: "3125550400" };
const rowOf = (cid: string) => sim.state.cidGroupEntries.find((e) => e.outbound_cid === cid);

describe("CID group entries are read back in full (INFO)", () => {
  it("an ADD answered SUCCESS then 500: reported unknown, then found in place", async () => {
    sim.setFaults(changeFailsAfter({ stage: "ADD" }));
    const result = await addCidEntry({ ...entry, active: true, description: "Downtown" }, ctx, client);
    expectUnknown(result, "done", /^VICIdial answered that it succeeded, then failed with HTTP 500, so the answer cannot be trusted\. Checked afterwards: the group holds the new entry, so the change was made\.$/);
    expect(result.raw).toBe("SUCCESS: update_cid_group_entry CID GROUP ENTRY HAS BEEN ADDED - 6666|US_SALES|312|3125550400|1");
    expect(rowOf("3125550400")).toMatchObject({ cid_description: "Downtown", active: "Y" });
  });

  it("an ADD whose 500 came before the script ran: found missing, safe to try again", async () => {
    sim.setFaults(changeFailsBefore({ stage: "ADD" }));
    const result = await addCidEntry({ ...entry, active: true }, ctx, client);
    expectUnknown(result, "not_done", /^VICIdial failed with HTTP 500 before answering\. Checked afterwards: the entry is not in the group, so nothing was added; it is safe to try again\.$/);
    expect(rowOf("3125550400")).toBeUndefined();
  });

  it("an apostrophe sent past the typed layer: 500 with SUCCESS, and the entry is stored without it", async () => {
    const sent: [string, string][] = [
      ["cid_group_id", "US_SALES"],
      ["areacode", "312"],
      ["outbound_cid", "3125550400"],
      ["active", "Y"],
      ["cid_description", "O'Brien"],
    ];
    const result = await perform(addCidEntryOperation, sent, ctx, { client });
    expectUnknown(result, "exists", /Checked afterwards: an entry with this area code and caller ID exists, but with other values\./);
    expect(rowOf("3125550400")?.cid_description).toBe("OBrien");
  });

  it("an UPDATE: done after the answer, still the old values when stopped before", async () => {
    sim.setFaults(changeFailsAfter({ stage: "UPDATE" }));
    expectUnknown(await updateCidEntries({ cidGroupId: "US_SALES", areacode: "727", active: false }, ctx, client), "done", /the group holds the new values/);
    sim.setFaults(changeFailsBefore({ stage: "UPDATE" }));
    expectUnknown(
      await updateCidEntries({ cidGroupId: "US_SALES", areacode: "727", active: true, description: "Tampa again" }, ctx, client),
      "not_done",
      /the entries still have their old values, so nothing was changed/,
    );
  });

  it("a DELETE: done after the answer, not done when stopped before", async () => {
    sim.setFaults(changeFailsBefore({ stage: "DELETE" }));
    expectUnknown(await deleteCidEntries({ cidGroupId: "US_SALES", areacode: "813" }, ctx, client), "not_done", /the entries are still there/);
    sim.setFaults(changeFailsAfter({ stage: "DELETE" }));
    expectUnknown(await deleteCidEntries({ cidGroupId: "US_SALES", areacode: "813" }, ctx, client), "done", /no matching entry is left/);
  });

  it("when the read-back fails too, says so and leaves the outcome unknown", async () => {
    sim.setFaults({ http500: true });
    const result = await addCidEntry({ ...entry, active: true }, ctx, client);
    expectUnknown(result, "unchecked", /^VICIdial failed with HTTP 500 before answering\. Reading it back failed too\. VICIdial may or may not have made the change; check before trying again\.$/);
  });
});

describe("DIDs and aliases are checked for existence with the no-change probe", () => {
  it("add_did: a bare DID found is done; one with settings only exists; one stopped before is not done", async () => {
    sim.setFaults(changeFailsAfter({ function: "add_did" }));
    expectUnknown(await addDid({ didPattern: "7275550401" }, ctx, client), "done", /the DID exists in VICIdial\.$/);
    expectUnknown(
      await addDid({ didPattern: "7275550402", description: "Downtown line" }, ctx, client),
      "exists",
      /the DID exists in VICIdial, but its settings cannot be read back through the API/,
    );
    sim.setFaults(changeFailsBefore({ function: "add_did" }));
    expectUnknown(await addDid({ didPattern: "7275550403" }, ctx, client), "not_done", /the DID does not exist in VICIdial, so nothing was added; it is safe to try again/);
  });

  it("the probe changes nothing: the existing DID keeps every setting", async () => {
    sim.setFaults(changeFailsBefore({ function: "add_did" }));
    const before = JSON.stringify(sim.state.dids);
    await perform(addDidOperation, [["did_pattern", "3125550000"]], ctx, { client });
    expect(JSON.stringify(sim.state.dids)).toBe(before);
  });

  it("update_did and delete_did", async () => {
    sim.setFaults(changeFailsAfter({ function: "update_did", active: "N" }));
    expectUnknown(await updateDid({ didPattern: "3125550000", active: false }, ctx, client), "exists", /whether the new values were stored cannot be read back/);
    sim.setFaults(changeFailsBefore({ delete_did: "Y" }));
    expectUnknown(await deleteDid({ didPattern: "3125550000" }, ctx, client), "not_done", /the DID still exists in VICIdial, so nothing was deleted/);
    sim.setFaults(changeFailsAfter({ delete_did: "Y" }));
    expectUnknown(await deleteDid({ didPattern: "3125550000" }, ctx, client), "done", /the DID no longer exists in VICIdial, so it was deleted/);
  });

  it("copy_did names the new DIDs that exist", async () => {
    sim.setFaults(changeFailsAfter({ function: "copy_did" }));
    expectUnknown(await copyDid({ sourceDidPattern: "7275550100", newDids: ["7275550404", "7275550405"] }, ctx, client), "exists", /every new DID exists/);
    sim.setFaults(changeFailsBefore({ function: "copy_did" }));
    expectUnknown(await copyDid({ sourceDidPattern: "7275550100", newDids: ["7275550404", "7275550406"] }, ctx, client), "exists", /only 7275550404 of the new DIDs exist/);
    expectUnknown(await copyDid({ sourceDidPattern: "7275550100", newDids: ["7275550407"] }, ctx, client), "not_done", /none of the new DIDs exists/);
  });

  it("phone aliases: add, update and delete", async () => {
    sim.setFaults(changeFailsAfter({ function: "add_phone_alias" }));
    expectUnknown(await addPhoneAlias({ aliasId: "ALIAS400", aliasName: "Front desk", phoneLogins: ["1001"] }, ctx, client), "exists", /the phone alias exists in VICIdial/);
    sim.setFaults(changeFailsAfter({ alias_name: "Renamed" }));
    expectUnknown(await updatePhoneAlias({ aliasId: "SEEDALIAS", aliasName: "Renamed" }, ctx, client), "exists", /the phone alias exists, but whether the new values were stored/);
    sim.setFaults(changeFailsBefore({ delete_alias: "Y" }));
    expectUnknown(await deletePhoneAlias({ aliasId: "SEEDALIAS" }, ctx, client), "not_done", /the phone alias still exists/);
    expect(sim.state.phoneAliases.find((a) => a.alias_id === "SEEDALIAS")?.alias_name).toBe("Renamed");
  });

  it("an update of an alias that is gone says nothing was changed", async () => {
    sim.setFaults(changeFailsBefore({ alias_name: "Renamed" }));
    const result = await perform(updatePhoneAliasOperation, [["alias_id", "NOSUCHALIAS"], ["alias_name", "Renamed"]], ctx, { client });
    expectUnknown(result, "not_done", /the phone alias does not exist in VICIdial, so nothing was changed/);
  });
});

describe("what cannot be read back", () => {
  it("a phone: says why it was not checked, without sending anything more", async () => {
    sim.setFaults(changeFailsAfter({ function: "update_phone" }));
    const before = sim.requestCount();
    const result = await updatePhone({ extension: "1001", serverIp: "10.10.10.15", phoneFullName: "Front desk" }, ctx, client);
    expectUnknown(result, "unchecked", /^VICIdial answered that it succeeded, then failed with HTTP 500, so the answer cannot be trusted\. VICIdial's API cannot read a phone back without changing it/);
    expect(sim.requestCount() - before).toBe(1);
    sim.setFaults(changeFailsBefore({ function: "add_phone" }));
    const added = await addPhone(
      {
        extension: "55040",
        dialplanNumber: "55040",
        voicemailId: "55040",
        phoneLogin: "55040",
        phonePass: "test",
        serverIp: "10.10.10.15",
        protocol: "SIP",
        registrationPassword: "secret",
        phoneFullName: "Ext 55040",
        localGmt: -5,
        outboundCid: "7275551212",
      },
      ctx,
      client,
    );
    expectUnknown(added, "unchecked", /^VICIdial failed with HTTP 500 before answering\. VICIdial's API cannot read a phone back/);
  });

  it("a read answered then 500: an unknown outcome, with the data line kept in raw", async () => {
    sim.setFaults(changeFailsAfter({ function: "callid_info" }));
    const result = await callInfo({ callId: "M2151015000000012345" }, ctx, client);
    expect(result).toMatchObject({ ok: false, code: "HTTP_ERROR", raw: expect.stringContaining("M2151015000000012345|90|") });
    expect(result).not.toHaveProperty("reconciled");
  });
});

describe("the typed functions refuse an apostrophe before sending (contract 4)", () => {
  it.each([
    ["did_description", () => addDid({ didPattern: "7275550410", description: "O'Brien line" }, ctx, client)],
    ["did_description", () => updateDid({ didPattern: "3125550000", description: "O'Brien line" }, ctx, client)],
    ["email", () => updatePhone({ extension: "1001", serverIp: "10.10.10.15", email: "o'b@x.com" }, ctx, client)],
    ["phone_full_name", () => updatePhone({ extension: "1001", serverIp: "10.10.10.15", phoneFullName: "O'Brien" }, ctx, client)],
    ["alias_name", () => updatePhoneAlias({ aliasId: "SEEDALIAS", aliasName: "O'Brien" }, ctx, client)],
    ["cid_description", () => addCidEntry({ ...entry, active: true, description: "O'Brien" }, ctx, client)],
    ["call_id", () => callInfo({ callId: "M2151015000000012'345" }, ctx, client)],
  ] as const)("%s", async (field, send) => {
    const before = sim.requestCount();
    expect(await send()).toMatchObject({ ok: false, code: "INVALID_FIELD", field, raw: "" });
    expect(sim.requestCount()).toBe(before);
  });
});
