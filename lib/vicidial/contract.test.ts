import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addPhoneAlias, deletePhoneAlias, updatePhoneAlias } from "./aliases";
import { callInfo } from "./calls";
import { addCidEntry, addCidEntryOperation, ANY_AREACODE, cidGroupInfo, deleteCidEntries, updateCidEntries } from "./cid-groups";
import { createVicidialClient, type VicidialClient } from "./client";
import { checkConnection } from "./connection";
import { addDid, copyDid, deleteDid, parseCopyDidLines, updateDid } from "./dids";
import type { VicidialResult } from "./errors";
import { perform } from "./operation";
import { asVicidialKeeps, asVicidialStores } from "./parameters";
import { addPhone, deletePhone, updatePhone, type AddPhoneInput } from "./phones";
import { contractTarget, EXTRA_USERS, FIXTURES, rawRequest, runDigits, type ContractTarget } from "./test-support";
import { version } from "./version";

/**
 * The client against a VICIdial: the simulator by default, a real server when
 * VICIDIAL_CONTRACT_URL/_USER/_PASS are set. Every name carries a random suffix and everything
 * created is deleted afterwards, so the suite is safe to run against a real server. The whole
 * suite runs once with POST and once with GET.
 */
const ctx = { source: "contracttest" };

let target: ContractTarget;
beforeAll(async () => {
  target = await contractTarget();
});
afterAll(async () => {
  await target.close();
});

function expectOk<T>(result: VicidialResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.code}: ${result.message} | ${result.raw}`);
  return result.data;
}

describe.each(["POST", "GET"] as const)("VICIdial contract over %s", (method) => {
  let client: VicidialClient;
  const cleanups: (() => Promise<unknown>)[] = [];
  const run = runDigits(6);
  const as = (credentials: { user: string; pass: string } | undefined) => {
    if (!credentials) throw new Error("test needs a user that is not configured");
    return createVicidialClient({ url: target.url, ...credentials, method });
  };
  /** Proves a refusal happened in the client: nothing reached VICIdial. */
  async function refusedUnsent<T>(call: () => Promise<VicidialResult<T>>, field: string) {
    const before = client.requestsSent();
    const result = await call();
    expect(result).toMatchObject({ ok: false, code: "INVALID_FIELD", field });
    expect(client.requestsSent()).toBe(before);
  }

  beforeAll(() => {
    client = createVicidialClient({ url: target.url, user: target.user, pass: target.pass, method });
  });
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    await client.close();
  });

  describe("version", () => {
    it("answers without a login", async () => {
      const data = expectOk(await version(ctx, client));
      expect(data.version).toMatch(/^\d+\.\d+/);
      expect(data.build).toMatch(/^\d{6}-\d{4}$/);
      expect(data.serverTime).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    });
  });

  describe("authentication", () => {
    it("reports a wrong password as LOGIN_INCORRECT, with the password scrubbed", async () => {
      const wrong = createVicidialClient({ url: target.url, user: target.user, pass: `wrong${run}`, method });
      const result = await addDid({ didPattern: `99${run}01` }, ctx, wrong);
      expect(result).toMatchObject({ ok: false, code: "LOGIN_INCORRECT" });
      expect(result.raw).not.toContain(`wrong${run}`);
      // One success resets VICIdial's failed-login counter (1.4).
      expectOk(await cidGroupInfo({ cidGroupId: FIXTURES.cidGroup }, ctx, client));
    });

    it.runIf(Boolean(EXTRA_USERS.limitedFunctions))("reports a function outside the allowed list", async () => {
      const limited = as(EXTRA_USERS.limitedFunctions);
      const result = await addPhone(phoneInput(`c${run}99`), ctx, limited);
      expect(result).toMatchObject({ ok: false, code: "FUNCTION_NOT_ALLOWED" });
    });
  });

  function phoneInput(extension: string, overrides: Partial<AddPhoneInput> = {}): AddPhoneInput {
    return {
      extension,
      dialplanNumber: extension.replace(/\D/g, "").padStart(4, "9"),
      voicemailId: extension.replace(/\D/g, "").slice(-8).padStart(2, "9"),
      phoneLogin: extension,
      phonePass: "phonepass1",
      serverIp: FIXTURES.serverIp,
      protocol: "SIP",
      registrationPassword: "regpass1",
      phoneFullName: `Contract ${extension}`,
      localGmt: -5,
      outboundCid: "7275551212",
      ...overrides,
    };
  }

  describe("phones", () => {
    const extension = `c${run}1`;
    const phoneKey = { extension, serverIp: FIXTURES.serverIp };

    beforeAll(async () => {
      cleanups.push(() => deletePhone(phoneKey, ctx, client));
    });

    it("adds a phone with every optional field", async () => {
      const data = expectOk(
        await addPhone(
          phoneInput(extension, {
            phoneContext: "default",
            adminUserGroup: "---ALL---",
            email: "ops@example.com",
            isWebphone: "N",
            webphoneAutoAnswer: true,
            useExternalServerIp: false,
            onHookAgent: false,
            templateId: FIXTURES.template,
          }),
          ctx,
          client,
        ),
      );
      expect(data).toEqual({ extension, serverIp: FIXTURES.serverIp, protocol: "SIP", dialplanNumber: phoneInput(extension).dialplanNumber });
    });

    it("refuses a second phone with the same extension on the server", async () => {
      expect(await addPhone(phoneInput(extension), ctx, client)).toMatchObject({ ok: false, code: "PHONE_EXISTS" });
    });

    it("refuses a second phone with the same login", async () => {
      const result = await addPhone(phoneInput(`c${run}2`, { phoneLogin: extension }), ctx, client);
      expect(result).toMatchObject({ ok: false, code: "LOGIN_EXISTS", field: "phone_login" });
    });

    it("refuses an unknown server", async () => {
      const result = await addPhone(phoneInput(`c${run}3`, { serverIp: "10.0.9.9" }), ctx, client);
      expect(result).toMatchObject({ ok: false, code: "SERVER_NOT_FOUND", field: "server_ip" });
    });

    it("reports REQUIRED_FIELDS without echoing the phone passwords", async () => {
      const result = await addPhone(phoneInput(`c${run}4`, { dialplanNumber: "5", phonePass: "leakme7", registrationPassword: "leakme8" }), ctx, client);
      expect(result).toMatchObject({ ok: false, code: "REQUIRED_FIELDS" });
      expect(result.raw).not.toMatch(/leakme[78]/);
    });

    it("reports a time zone VICIdial does not know", async () => {
      expect(await addPhone(phoneInput(`c${run}5`, { localGmt: 13 }), ctx, client)).toMatchObject({ code: "INVALID_FIELD", field: "local_gmt" });
    });

    it("reports an unknown template", async () => {
      expect(await addPhone(phoneInput(`c${run}6`, { templateId: `NOPE${run}` }), ctx, client)).toMatchObject({
        code: "INVALID_FIELD",
        field: "template_id",
      });
    });

    it("refuses PJSIP and over-long logins before sending", async () => {
      await refusedUnsent(() => addPhone(phoneInput(`c${run}7`, { protocol: "PJSIP" as "SIP" }), ctx, client), "protocol");
      await refusedUnsent(() => addPhone(phoneInput(`c${run}8`, { phoneLogin: "x".repeat(16) }), ctx, client), "phone_login");
    });

    it.runIf(Boolean(EXTRA_USERS.noRights))("reports a user without phone rights", async () => {
      expect(await addPhone(phoneInput(`c${run}9`), ctx, as(EXTRA_USERS.noRights))).toMatchObject({ code: "PERMISSION_DENIED" });
      expect(await updatePhone(phoneKey, ctx, as(EXTRA_USERS.noRights))).toMatchObject({ code: "PERMISSION_DENIED" });
    });

    it("updates a phone, clearing the email with null", async () => {
      const data = expectOk(
        await updatePhone(
          { ...phoneKey, phoneFullName: "Renamed phone", outboundCid: "7275559999", active: false, localGmt: "-6", email: null, phoneRingTimeout: 45 },
          ctx,
          client,
        ),
      );
      expect(data).toEqual(phoneKey);
    });

    it("reports each invalid update field by name", async () => {
      expect(await updatePhone({ ...phoneKey, email: "a@b" }, ctx, client)).toMatchObject({ code: "INVALID_FIELD", field: "email" });
      expect(await updatePhone({ ...phoneKey, outboundCid: "123" }, ctx, client)).toMatchObject({ code: "INVALID_FIELD", field: "outbound_cid" });
      expect(await updatePhone({ ...phoneKey, phoneRingTimeout: 500 }, ctx, client)).toMatchObject({
        code: "INVALID_FIELD",
        field: "phone_ring_timeout",
      });
    });

    it("reports a phone or server that does not exist", async () => {
      expect(await updatePhone({ extension: `none${run}`, serverIp: FIXTURES.serverIp, phoneFullName: "Nobody" }, ctx, client)).toMatchObject({
        code: "NOT_FOUND",
      });
      expect(await updatePhone({ extension, serverIp: "10.0.9.9" }, ctx, client)).toMatchObject({ code: "SERVER_NOT_FOUND" });
    });

    it.runIf(Boolean(EXTRA_USERS.noDelete))("reports a user who may not delete phones", async () => {
      const result = await deletePhone(phoneKey, ctx, as(EXTRA_USERS.noDelete));
      expect(result).toMatchObject({ ok: false, code: "DELETE_NOT_ALLOWED" });
      expect(result.raw).toMatch(/^NOTICE:/);
    });

    it("deletes the phone, then reports it gone", async () => {
      expect(expectOk(await deletePhone(phoneKey, ctx, client))).toEqual(phoneKey);
      expect(await deletePhone(phoneKey, ctx, client)).toMatchObject({ code: "NOT_FOUND" });
    });
  });

  describe("phone aliases", () => {
    const aliasId = `CA${run}`;

    beforeAll(() => {
      cleanups.push(() => deletePhoneAlias({ aliasId }, ctx, client));
    });

    it("adds an alias", async () => {
      expect(expectOk(await addPhoneAlias({ aliasId, aliasName: "Contract alias", phoneLogins: [FIXTURES.phoneLogin] }, ctx, client))).toEqual({
        aliasId,
        aliasName: "Contract alias",
        phoneLogins: [FIXTURES.phoneLogin],
      });
    });

    it("reports a duplicate alias, a missing login and missing fields", async () => {
      expect(await addPhoneAlias({ aliasId, aliasName: "Again", phoneLogins: [FIXTURES.phoneLogin] }, ctx, client)).toMatchObject({
        code: "ALIAS_EXISTS",
      });
      expect(await addPhoneAlias({ aliasId: `CB${run}`, aliasName: "Missing", phoneLogins: [FIXTURES.phoneLogin, `nosuch${run}`] }, ctx, client)).toMatchObject({
        code: "PHONE_LOGIN_NOT_FOUND",
        field: "phone_logins",
      });
      expect(await addPhoneAlias({ aliasId: `CC${run}`, aliasName: "", phoneLogins: [FIXTURES.phoneLogin] }, ctx, client)).toMatchObject({
        code: "REQUIRED_FIELDS",
      });
    });

    it("refuses an empty login list before sending", async () => {
      await refusedUnsent(() => addPhoneAlias({ aliasId: `CD${run}`, aliasName: "Empty", phoneLogins: [] }, ctx, client), "phone_logins");
    });

    it("updates the alias and reports bad updates", async () => {
      expect(expectOk(await updatePhoneAlias({ aliasId, aliasName: "Renamed alias", phoneLogins: [FIXTURES.phoneLogin] }, ctx, client))).toEqual({ aliasId });
      expect(await updatePhoneAlias({ aliasId, aliasName: "x" }, ctx, client)).toMatchObject({ code: "INVALID_FIELD", field: "alias_name" });
      expect(await updatePhoneAlias({ aliasId, phoneLogins: [`nosuch${run}`] }, ctx, client)).toMatchObject({ code: "PHONE_LOGIN_NOT_FOUND" });
      expect(await updatePhoneAlias({ aliasId }, ctx, client)).toMatchObject({ code: "REQUIRED_FIELDS" });
      expect(await updatePhoneAlias({ aliasId: `none${run}`, aliasName: "Whatever" }, ctx, client)).toMatchObject({ code: "NOT_FOUND" });
    });

    it.runIf(Boolean(EXTRA_USERS.noDelete))("reports a user who may not delete aliases", async () => {
      expect(await deletePhoneAlias({ aliasId }, ctx, as(EXTRA_USERS.noDelete))).toMatchObject({ ok: false, code: "DELETE_NOT_ALLOWED" });
    });

    it("deletes the alias, then reports it gone", async () => {
      expect(expectOk(await deletePhoneAlias({ aliasId }, ctx, client))).toEqual({ aliasId });
      expect(await deletePhoneAlias({ aliasId }, ctx, client)).toMatchObject({ code: "NOT_FOUND" });
    });
  });

  describe("DIDs", () => {
    const did = `98${run}10`;
    const routed = `98${run}11`;
    const plus = `+1${run}9012`;
    const copies = [`98${run}20`, `98${run}21`];
    for (const pattern of [did, routed, plus, ...copies, `${plus}7`]) {
      cleanups.push(() => deleteDid({ didPattern: pattern }, ctx, client));
    }

    it("adds a DID with defaults, and one with every setting", async () => {
      expect(expectOk(await addDid({ didPattern: did }, ctx, client))).toEqual({ didPattern: did });
      const full = await addDid(
        {
          didPattern: routed,
          description: "Contract routed DID",
          active: true,
          didRoute: "IN_GROUP",
          recordCall: "Y_QUEUESTOP",
          extension: "8300",
          extenContext: "default",
          voicemailExt: "8301",
          phoneExtension: "55000",
          serverIp: FIXTURES.serverIp,
          group: FIXTURES.inGroup,
          menuId: FIXTURES.callMenu,
          filterCleanCidNumber: "R10",
          callHandleMethod: "CIDLOOKUP",
          agentSearchMethod: "LO",
          listId: "999",
          entryListId: "0",
          campaignId: "TESTCAMP",
          phoneCode: "1",
        },
        ctx,
        client,
      );
      expect(expectOk(full)).toEqual({ didPattern: routed });
    });

    it("reports a duplicate and a pattern that is too short", async () => {
      expect(await addDid({ didPattern: did }, ctx, client)).toMatchObject({ code: "DID_EXISTS", message: "This DID already exists in VICIdial" });
      expect(await addDid({ didPattern: "1" }, ctx, client)).toMatchObject({ code: "REQUIRED_FIELDS" });
    });

    it.each([
      ["did_description", { description: "short" }],
      ["server_ip", { serverIp: "10.0.9.9" }],
      ["group", { group: "NOSUCHGROUP" }],
      ["menu_id", { menuId: "NOSUCHMENU" }],
      ["call_handle_method", { callHandleMethod: "AB" }],
      ["list_id", { listId: "12" }],
    ])("names the invalid field %s", async (field, settings) => {
      const result = await addDid({ didPattern: `97${run}${field.length}`, ...settings }, ctx, client);
      expect(result).toMatchObject({ ok: false, code: "INVALID_FIELD", field });
      expect(await updateDid({ didPattern: did, ...settings }, ctx, client)).toMatchObject({ code: "INVALID_FIELD", field });
    });

    it("round-trips a DID with a plus sign (sent as %2B)", async () => {
      expect(expectOk(await addDid({ didPattern: plus, description: "Plus sign DID" }, ctx, client))).toEqual({ didPattern: plus });
      expect(await addDid({ didPattern: plus }, ctx, client)).toMatchObject({ code: "DID_EXISTS", raw: expect.stringContaining(`|${plus}`) });
      expect(expectOk(await updateDid({ didPattern: plus, active: false }, ctx, client))).toEqual({ didPattern: plus });
      // Had the + become a space, this pattern would exist instead.
      expect(await updateDid({ didPattern: plus.slice(1), active: false }, ctx, client)).toMatchObject({ code: "NOT_FOUND" });
      const copied = expectOk(await copyDid({ sourceDidPattern: plus, newDids: [`${plus}7`] }, ctx, client));
      expect(copied.dids).toEqual([{ pattern: `${plus}7`, outcome: "added", didId: expect.any(Number) }]);
    });

    it("updates a DID and reports nothing to update or a missing DID", async () => {
      expect(expectOk(await updateDid({ didPattern: did, description: "Updated contract DID", active: false }, ctx, client))).toEqual({ didPattern: did });
      expect(await updateDid({ didPattern: did }, ctx, client)).toMatchObject({ code: "NO_UPDATES" });
      expect(await updateDid({ didPattern: `96${run}00`, active: true }, ctx, client)).toMatchObject({ code: "NOT_FOUND" });
    });

    it("copies a DID, then reports the copies as existing", async () => {
      const first = expectOk(await copyDid({ sourceDidPattern: routed, newDids: copies, description: "Contract copy" }, ctx, client));
      expect(first).toEqual({
        sourceDidPattern: routed,
        dids: copies.map((pattern) => ({ pattern, outcome: "added", didId: expect.any(Number) })),
        added: 2,
        alreadyExisted: 0,
      });
      const again = await copyDid({ sourceDidPattern: routed, newDids: copies }, ctx, client);
      expect(again).toMatchObject({ ok: false, code: "NO_DIDS_ADDED" });
      expect(parseCopyDidLines(again.raw)).toEqual(copies.map((pattern) => ({ pattern, outcome: "exists" })));
    });

    it("reports a missing source DID and refuses bad copy input before sending", async () => {
      expect(await copyDid({ sourceDidPattern: `96${run}01`, newDids: [`96${run}02`] }, ctx, client)).toMatchObject({
        code: "SOURCE_NOT_FOUND",
      });
      await refusedUnsent(() => copyDid({ sourceDidPattern: routed, newDids: [`96${run}03`, ""] }, ctx, client), "new_dids");
      await refusedUnsent(() => copyDid({ sourceDidPattern: routed, newDids: [`96${run}04`], description: "abc" }, ctx, client), "did_description");
    });

    it.runIf(Boolean(EXTRA_USERS.noRights))("reports a user without DID rights", async () => {
      expect(await addDid({ didPattern: `96${run}05` }, ctx, as(EXTRA_USERS.noRights))).toMatchObject({
        code: "PERMISSION_DENIED",
        message: "The VICIdial API user may not add DIDs",
      });
    });

    it.runIf(Boolean(EXTRA_USERS.noDelete))("reports a user who may not delete DIDs", async () => {
      expect(await deleteDid({ didPattern: did }, ctx, as(EXTRA_USERS.noDelete))).toMatchObject({ code: "DELETE_NOT_ALLOWED" });
    });

    it("deletes a DID, then reports it gone", async () => {
      expect(expectOk(await deleteDid({ didPattern: did }, ctx, client))).toEqual({ didPattern: did, didId: expect.any(Number) });
      expect(await deleteDid({ didPattern: did }, ctx, client)).toMatchObject({ code: "NOT_FOUND" });
    });
  });

  describe("CID groups", () => {
    const group = FIXTURES.cidGroup;
    // A letter never occurs in a real area code, so filters on it only ever match this run's rows.
    const areacode = `Z${run.slice(0, 4)}`;
    const cid = `55${run}01`;
    const entry = { cidGroupId: group, areacode, outboundCid: cid };
    beforeAll(() => {
      cleanups.push(() => deleteCidEntries(entry, ctx, client));
    });

    it("adds an entry and lists it", async () => {
      expect(expectOk(await addCidEntry({ ...entry, active: true, description: "Contract entry" }, ctx, client))).toEqual({ ...entry, count: 1 });
      const info = expectOk(await cidGroupInfo({ cidGroupId: group, areacode }, ctx, client));
      expect(info).toEqual({
        cidGroupId: group,
        rows: [{ areacode, outboundCid: cid, active: true, description: "Contract entry", callCountToday: 0 }],
      });
    });

    it("lists the whole group by default", async () => {
      const info = expectOk(await cidGroupInfo({ cidGroupId: group }, ctx, client));
      expect(info.rows).toContainEqual(expect.objectContaining({ areacode, outboundCid: cid }));
    });

    it("reports duplicates and invalid entries", async () => {
      expect(await addCidEntry({ ...entry, active: true }, ctx, client)).toMatchObject({ code: "ENTRY_EXISTS" });
      expect(await addCidEntry({ ...entry, areacode: ANY_AREACODE, active: true }, ctx, client)).toMatchObject({ code: "INVALID_FIELD", field: "areacode" });
      expect(await addCidEntry({ ...entry, outboundCid: "123", active: true }, ctx, client)).toMatchObject({
        code: "INVALID_FIELD",
        field: "outbound_cid",
      });
    });

    it("updates entries and stores inactive as blank, listed as not active", async () => {
      expect(expectOk(await updateCidEntries({ ...entry, active: false, description: "Contract paused" }, ctx, client))).toEqual({ ...entry, count: 1 });
      const info = expectOk(await cidGroupInfo({ cidGroupId: group, areacode }, ctx, client));
      expect(info.rows).toEqual([{ areacode, outboundCid: cid, active: false, description: "Contract paused", callCountToday: 0 }]);
      expect(await updateCidEntries(entry, ctx, client)).toMatchObject({ code: "NO_UPDATES" });
      expect(await updateCidEntries({ ...entry, outboundCid: `55${run}99`, active: true }, ctx, client)).toMatchObject({ code: "NO_ENTRIES" });
    });

    it("reports missing and empty groups", async () => {
      expect(await cidGroupInfo({ cidGroupId: `NOGRP${run}` }, ctx, client)).toMatchObject({ code: "NOT_FOUND" });
      expect(await addCidEntry({ ...entry, cidGroupId: `NOGRP${run}`, active: true }, ctx, client)).toMatchObject({ code: "NOT_FOUND" });
      expect(await cidGroupInfo({ cidGroupId: FIXTURES.emptyCidGroup }, ctx, client)).toMatchObject({ code: "NO_ENTRIES" });
    });

    it("asks for confirmation before emptying a whole group", async () => {
      const before = client.requestsSent();
      expect(await deleteCidEntries({ cidGroupId: group, areacode: ANY_AREACODE }, ctx, client)).toMatchObject({ code: "INVALID_FIELD", field: "areacode" });
      expect(client.requestsSent()).toBe(before);
      expect(await deleteCidEntries({ cidGroupId: FIXTURES.emptyCidGroup, areacode: ANY_AREACODE, confirmWholeGroup: true }, ctx, client)).toMatchObject({
        code: "NO_ENTRIES",
      });
    });

    it.runIf(Boolean(EXTRA_USERS.noRights))("reports a user without campaign rights", async () => {
      expect(await cidGroupInfo({ cidGroupId: group }, ctx, as(EXTRA_USERS.noRights))).toMatchObject({ code: "PERMISSION_DENIED" });
    });

    it("deletes the entry, then reports no entries", async () => {
      expect(expectOk(await deleteCidEntries(entry, ctx, client))).toEqual({ ...entry, count: 1 });
      expect(await deleteCidEntries(entry, ctx, client)).toMatchObject({ code: "NO_ENTRIES" });
    });
  });

  describe("call lookup", () => {
    it.runIf(FIXTURES.hasFixtureCalls)("reads a call's columns by name", async () => {
      expect(expectOk(await callInfo({ callId: FIXTURES.callOutboundManual }, ctx, client))).toEqual({
        callId: FIXTURES.callOutboundManual,
        customerTalkSeconds: 90,
        callDate: "2024-11-15 10:15:00",
        phoneNumber: "7275551234",
        callType: "OUTBOUND_MANUAL",
        campaignId: "TESTCAMP",
        listId: "998",
        status: "SALE",
        agentUser: "6666",
      });
      expect(expectOk(await callInfo({ callId: FIXTURES.callInbound }, ctx, client))).toMatchObject({ callType: "INBOUND", customerTalkSeconds: 215 });
      expect(expectOk(await callInfo({ callId: FIXTURES.callOutboundAuto }, ctx, client))).toMatchObject({
        callType: "OUTBOUND_AUTO",
        customerTalkSeconds: 0,
        agentUser: "VDAD",
      });
    });

    it("reports unknown calls, calls without a log and malformed ids", async () => {
      expect(await callInfo({ callId: `M9${run}999999999999` }, ctx, client)).toMatchObject({ code: "NOT_FOUND" });
      expect(await callInfo({ callId: "M12345" }, ctx, client)).toMatchObject({ code: "INVALID_FIELD", field: "call_id" });
    });

    it.runIf(FIXTURES.hasFixtureCalls)("reports a call id without a call log", async () => {
      expect(await callInfo({ callId: FIXTURES.callWithoutLog }, ctx, client)).toMatchObject({ code: "CALL_LOG_NOT_FOUND" });
    });

    it.runIf(Boolean(EXTRA_USERS.noRights))("reports a user without report rights", async () => {
      expect(await callInfo({ callId: FIXTURES.callOutboundManual }, ctx, as(EXTRA_USERS.noRights))).toMatchObject({ code: "PERMISSION_DENIED" });
    });
  });

  describe("checkConnection", () => {
    it("reports version, credentials and every capability of a full user", async () => {
      const check = await checkConnection(client);
      expect(check).toMatchObject({ reachable: true, credentials: "ok" });
      expect(check.version).toMatch(/^\d+\.\d+/);
      expect(check.capabilities.map((c) => c.key)).toEqual([
        "dids.add",
        "dids.update",
        "dids.delete",
        "dids.copy",
        "phones.add",
        "phones.update",
        "phones.delete",
        "aliases.add",
        "aliases.update",
        "aliases.delete",
        "cid.modify",
        "calls.lookup",
      ]);
      expect(check.capabilities.every((c) => c.allowed)).toBe(true);
      expect(check.capabilities.find((c) => c.key === "phones.delete")?.reason).toMatch(/^checked when used/);
    });

    it.runIf(Boolean(EXTRA_USERS.limitedFunctions))("tells functions outside the allowed list apart", async () => {
      const check = await checkConnection(as(EXTRA_USERS.limitedFunctions));
      const allowed = check.capabilities.filter((c) => c.allowed).map((c) => c.key);
      expect(allowed).toEqual(["dids.add", "calls.lookup"]);
      expect(check.capabilities.find((c) => c.key === "phones.add")?.reason).toBe("add_phone is not in the API user's allowed functions");
    });

    it.runIf(Boolean(EXTRA_USERS.noRights))("tells missing rights apart", async () => {
      const check = await checkConnection(as(EXTRA_USERS.noRights));
      expect(check.credentials).toBe("ok");
      expect(check.capabilities.every((c) => !c.allowed && c.reason === "the API user lacks the right in VICIdial")).toBe(true);
    });

    it("stops after one wrong password", async () => {
      const wrong = createVicidialClient({ url: target.url, user: target.user, pass: `wrong${run}`, method });
      const check = await checkConnection(wrong);
      expect(check).toMatchObject({ reachable: true, credentials: "incorrect", error: { code: "LOGIN_INCORRECT" } });
      // version (no login) and one probe; the other probes were held back by the guard.
      expect(wrong.requestsSent()).toBe(2);
      expectOk(await cidGroupInfo({ cidGroupId: FIXTURES.cidGroup }, ctx, client));
    });
  });

  /**
   * Web servers cap the request line (Apache 8 KB, Node 16 KB), so in GET mode a 10 KB value may
   * be refused with an HTTP error before VICIdial sees it; then nothing may have changed either.
   */
  const refusedByWebServer = (reply: { ok: boolean; code?: string }) => method === "GET" && !reply.ok && reply.code === "HTTP_ERROR";

  describe("hostile values", () => {
    const hostile = [
      ["ampersand and equals", "Ops &active=Y&areacode=999&stage=DELETE"],
      ["hash", "Line #2 #active=Y"],
      ["percent", "100%26 %3D off"],
      ["quotes", `Bob's "quoted" line`],
      ["newlines", "first\nsecond\r\nfunction=version"],
      ["emoji", "Sales 😀 team 🎉"],
      ["10 KB", `${"x&cid_group_id=EMPTY_GRP".repeat(400)}${"y".repeat(240)}`],
    ] as const;

    it.each(hostile)("the typed functions refuse %s before sending", async (_name, value) => {
      await refusedUnsent(() => updateDid({ didPattern: `95${run}00`, description: value }, ctx, client), "did_description");
      await refusedUnsent(() => addCidEntry({ cidGroupId: FIXTURES.cidGroup, areacode: "999", outboundCid: "5550000", active: true, description: value }, ctx, client), "cid_description");
    });

    /** The whole group, to prove that a hostile value added, changed or deleted no other entry. */
    async function groupRows() {
      const info = await cidGroupInfo({ cidGroupId: FIXTURES.cidGroup }, ctx, client);
      return info.ok ? info.data.rows : [];
    }

    it.each(hostile.map(([name, value], index) => [name, value, index] as const))(
      "on the wire, %s stays inside its own parameter",
      async (_name, value, index) => {
        const areacode = `Y${run.slice(0, 4)}`;
        const cid = `54${run}${String(index).padStart(2, "0")}`;
        cleanups.push(() => deleteCidEntries({ cidGroupId: FIXTURES.cidGroup, areacode, outboundCid: cid }, ctx, client));
        const before = await groupRows();
        const reply = await client.call(
          rawRequest("update_cid_group_entry", [
            ["stage", "ADD"],
            ["cid_group_id", FIXTURES.cidGroup],
            ["areacode", areacode],
            ["outbound_cid", cid],
            ["active", "N"],
            ["cid_description", value],
          ]),
        );
        const added = `SUCCESS: update_cid_group_entry CID GROUP ENTRY HAS BEEN ADDED - ${target.user}|${FIXTURES.cidGroup}|${areacode}|${cid}|1`;
        if (refusedByWebServer(reply)) {
          expect(await cidGroupInfo({ cidGroupId: FIXTURES.cidGroup, areacode, outboundCid: cid }, ctx, client)).toMatchObject({ code: "NO_ENTRIES" });
          return;
        }
        if (!reply.ok) throw new Error(`expected an answer, got ${reply.code}: ${reply.message}`);
        // A real VICIdial answers an apostrophe with HTTP 500 after the work, with or without the
        // SUCCESS line and with or without the entry stored (contract 4); anything else is a 200.
        if (reply.status === 200) expect(reply.body.trim()).toBe(added);
        else expect({ status: reply.status, body: [added, ""].includes(reply.body.trim()) }).toEqual({ status: 500, body: true });

        const ours = { areacode, outboundCid: cid, active: false, description: asVicidialStores("cid_description", value), callCountToday: 0 };
        const after = await groupRows();
        const others = after.filter((row) => !(row.areacode === areacode && row.outboundCid === cid));
        // No other entry appeared, changed or went away: nothing leaked into another parameter.
        expect(others).toEqual(before);
        const stored = after.filter((row) => row.areacode === areacode && row.outboundCid === cid);
        // The entry is there exactly as sent (active N, the description as VICIdial keeps it), or,
        // after a 500, possibly not at all.
        expect(stored).toEqual(reply.status === 200 || stored.length > 0 ? [ours] : []);
      },
    );

    it("an apostrophe past the typed layer: a 500 is an unknown outcome, read back with INFO", async () => {
      const areacode = `X${run.slice(0, 4)}`;
      const cid = `53${run}01`;
      cleanups.push(() => deleteCidEntries({ cidGroupId: FIXTURES.cidGroup, areacode, outboundCid: cid }, ctx, client));
      const sent: [string, string][] = [
        ["cid_group_id", FIXTURES.cidGroup],
        ["areacode", areacode],
        ["outbound_cid", cid],
        ["active", "Y"],
        ["cid_description", "O'Brien"],
      ];
      const result = await perform(addCidEntryOperation, sent, ctx, { client });
      const info = await cidGroupInfo({ cidGroupId: FIXTURES.cidGroup, areacode, outboundCid: cid }, ctx, client);
      if (result.ok) {
        // A server that does not die on the quote (PHP before 8.1, contract 1.7) answers 200.
        expect(info).toMatchObject({ ok: true, data: { rows: [{ description: "OBrien" }] } });
        return;
      }
      expect(result).toMatchObject({ code: "HTTP_ERROR", message: expect.stringMatching(/HTTP 500/) });
      // Stored, the description lacks the quote, so it differs from what was sent: "exists".
      const expected = info.ok ? { state: "exists", rows: [{ description: "OBrien" }] } : { state: "not_done", rows: [] };
      expect({ state: result.reconciled?.state, rows: info.ok ? info.data.rows.map((row) => ({ description: row.description })) : [] }).toEqual(expected);
    });

    it("on the wire, + and # reach VICIdial intact (add_phone echoes dialplan_number)", async () => {
      const extension = `h${run}1`;
      cleanups.push(() => deletePhone({ extension, serverIp: FIXTURES.serverIp }, ctx, client));
      const input = phoneInput(extension);
      const reply = await client.call(
        rawRequest("add_phone", [
          ["extension", extension],
          ["dialplan_number", "*12#34&protocol=IAX2"],
          ["voicemail_id", input.voicemailId],
          ["phone_login", extension],
          ["phone_pass", "phonepass1"],
          ["server_ip", FIXTURES.serverIp],
          ["protocol", "SIP"],
          ["registration_password", "regpass1"],
          ["phone_full_name", "Plus+Name"],
          ["local_gmt", "-5.00"],
          ["outbound_cid", "7275551212"],
        ]),
      );
      expect(reply.ok && reply.body.trim()).toBe(
        `SUCCESS: add_phone PHONE HAS BEEN ADDED - ${target.user}|${extension}|${FIXTURES.serverIp}|SIP|*12#34protocolIAX2`,
      );
    });

    it("on the wire, a 10 KB description is refused by VICIdial without creating the DID", async () => {
      const pattern = `95${run}10`;
      cleanups.push(() => deleteDid({ didPattern: pattern }, ctx, client));
      const value = `${"Long &delete_did=Y ".repeat(512)}end`;
      const reply = await client.call(rawRequest("add_did", [["did_pattern", pattern], ["did_description", value]]));
      if (!refusedByWebServer(reply)) {
        expect(reply.ok && reply.body.trim()).toBe(
          `ERROR: add_did DID DESCRIPTION MUST BE FROM 6 TO 50 CHARACTERS, THIS IS AN OPTIONAL FIELD: |${target.user}|${asVicidialKeeps("did_description", value)}`,
        );
      }
      expect(expectOk(await addDid({ didPattern: pattern }, ctx, client))).toEqual({ didPattern: pattern });
    });
  });
});
