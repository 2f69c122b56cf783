import { beforeEach, describe, expect, it } from "vitest";
import { phones } from "@/lib/db/schema";
import { testBackends, useTestDatabase } from "@/lib/testing/db";
import { walkBothWays } from "@/lib/db/keyset-walk";
import { PHONE_SORTS, SIP_FILTER_NOT_REGISTERED, getPhone, knownPhoneServers, listPhones, phonesAfter, phonesByLogin, removePhone, searchPhoneLogins, upsertPhone, type PhoneListQuery, type PhoneRecord, type PhoneRow } from "./inventory";

const phone = (extension: string, extra: Partial<PhoneRecord> = {}): PhoneRecord => ({
  serverIp: "10.10.10.15",
  extension,
  login: extension,
  protocol: "SIP",
  fullName: `Phone ${extension}`,
  outboundCid: "7275551212",
  updatedBy: "it",
  ...extra,
});

describe.each(testBackends())("phone inventory on %s", (backend) => {
  const db = useTestDatabase(backend);

  beforeEach(async () => {
    await db().delete(phones);
  });

  it("searches, filters by server and protocol, sorts and pages", async () => {
    await upsertPhone(phone("1001"));
    await upsertPhone(phone("1002", { protocol: "IAX2", fullName: "Front desk" }));
    await upsertPhone(phone("gs102", { serverIp: "10.10.10.16", login: "gs102", fullName: "Admin phone" }));

    const all = await listPhones();
    expect(all.total).toEqual({ count: 3, exact: true });
    expect(all.rows.map((r) => r.extension)).toEqual(["1001", "1002", "gs102"]);
    expect((await listPhones({ q: "front" })).rows.map((r) => r.extension)).toEqual(["1002"]);
    expect((await listPhones({ q: "GS1" })).rows.map((r) => r.extension)).toEqual(["gs102"]);
    expect((await listPhones({ server: "10.10.10.16" })).rows.map((r) => r.extension)).toEqual(["gs102"]);
    expect((await listPhones({ protocol: "IAX2" })).rows.map((r) => r.extension)).toEqual(["1002"]);
    expect((await listPhones({ sort: "name", dir: "desc" })).rows.map((r) => r.fullName)).toEqual(["Phone 1001", "Front desk", "Admin phone"]);
    const first = await listPhones({ pageSize: 2 });
    expect(first).toMatchObject({ previous: undefined, next: "10.10.10.15/1002" });
    expect(await listPhones({ pageSize: 2, position: { after: first.next! } })).toMatchObject({ total: { count: 3 }, rows: [{ extension: "gs102" }], previous: "10.10.10.16/gs102", next: undefined });
    expect(await knownPhoneServers()).toEqual(["10.10.10.15", "10.10.10.16"]);
  });

  it("walks every sort both ways, page by page, in the order of the whole list (unknown values included), searched or not, and exports it", async () => {
    await upsertPhone(phone("1001", { fullName: "Zed", active: "N" }));
    await upsertPhone(phone("1002", { protocol: "IAX2", fullName: "Front desk", voicemailId: "1002" }));
    await upsertPhone(phone("1003", { serverIp: "10.10.10.16", fullName: null, outboundCid: "7275550100" }));
    await upsertPhone(phone("1003", { fullName: "Front desk", voicemailId: null }));
    await upsertPhone(phone("gs102", { serverIp: "10.10.10.16", login: "gs102", fullName: null, active: null }));
    const key = (row: PhoneRow) => `${row.serverIp}/${row.extension}`;
    const views: PhoneListQuery[] = [...PHONE_SORTS.flatMap((sort) => [{ sort, dir: "asc" as const }, { sort, dir: "desc" as const }]), { sort: "name", dir: "desc", q: "100" }];
    for (const view of views) {
      const whole = (await listPhones(view)).rows.map(key);
      expect(whole, JSON.stringify(view)).toHaveLength(view.q ? 4 : 5);
      const { forward, backward } = await walkBothWays((position) => listPhones({ ...view, position, pageSize: 2 }), key);
      expect(forward, JSON.stringify(view)).toEqual(whole);
      expect(backward, `${JSON.stringify(view)} backwards`).toEqual(whole);
    }
    // The export reads the same order a batch at a time, each batch after the last row of the one before.
    const batch = await phonesAfter({ sort: "name", dir: "desc" }, undefined, 3);
    const exported = [...batch, ...(await phonesAfter({ sort: "name", dir: "desc" }, batch.at(-1), 3))];
    expect(exported.map(key)).toEqual((await listPhones({ sort: "name", dir: "desc" })).rows.map(key));
    // Unknown values sort last going up and first going down (as PostgreSQL orders nulls).
    expect((await listPhones({ sort: "name" })).rows.map((r) => r.fullName)).toEqual(["Front desk", "Front desk", "Zed", null, null]);
    expect((await listPhones({ sort: "name", dir: "desc" })).rows.map((r) => r.fullName)).toEqual([null, null, "Zed", "Front desk", "Front desk"]);
    // A cursor whose row is gone (or that names none) shows the list's nearest end.
    expect((await listPhones({ position: { after: "10.10.10.99/1001" }, pageSize: 2 })).rows.map(key)).toEqual(["10.10.10.16/1003", "10.10.10.16/gs102"]);
    expect((await listPhones({ position: { before: "nonsense" }, pageSize: 2 })).rows.map(key)).toEqual(["10.10.10.15/1001", "10.10.10.15/1002"]);
  });

  it("filters the phones that are not registered, by VICIdial's SIP status", async () => {
    await upsertPhone(phone("2001", { peerStatus: "REGISTERED", pingTime: 12 }));
    await upsertPhone(phone("2002", { peerStatus: "REACHABLE", pingTime: 30 }));
    await upsertPhone(phone("2003", { peerStatus: "UNREGISTERED" }));
    await upsertPhone(phone("2004", { peerStatus: "UNREACHABLE" }));
    await upsertPhone(phone("2005", { peerStatus: "LAGGED", pingTime: 900 }));
    await upsertPhone(phone("2006", { peerStatus: "UNKNOWN" }));
    // Never read from VICIdial's database: not known to be unregistered, so not in the filter.
    await upsertPhone(phone("2007"));
    const notRegistered = await listPhones({ sip: SIP_FILTER_NOT_REGISTERED });
    expect(notRegistered.rows.map((r) => r.extension)).toEqual(["2003", "2004", "2005", "2006"]);
    expect(notRegistered.total).toEqual({ count: 4, exact: true });
    expect((await listPhones()).total).toEqual({ count: 7, exact: true });
  });

  it("treats % and _ in the search as characters, not wildcards", async () => {
    await upsertPhone(phone("sip_1"));
    await upsertPhone(phone("sipx1"));
    expect((await listPhones({ q: "p_1" })).rows.map((r) => r.extension)).toEqual(["sip_1"]);
  });

  it("keeps one row per extension and server whatever the case, as VICIdial compares them", async () => {
    await upsertPhone(phone("gs102"));
    await upsertPhone(phone("GS102", { fullName: "Renamed", updatedBy: "admin" }));
    const { rows } = await listPhones();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ extension: "gs102", fullName: "Renamed", updatedBy: "admin" });
    expect(await getPhone({ serverIp: "10.10.10.15", extension: "GS102" })).toMatchObject({ extension: "gs102" });
  });

  it("removes a phone and reports what was removed", async () => {
    await upsertPhone(phone("1001"));
    expect(await removePhone({ serverIp: "10.10.10.15", extension: "1001" })).toMatchObject({ extension: "1001" });
    expect(await getPhone({ serverIp: "10.10.10.15", extension: "1001" })).toBeNull();
    expect(await removePhone({ serverIp: "10.10.10.15", extension: "1001" })).toBeNull();
  });

  it("refuses to store a password", async () => {
    const withSecret = { ...phone("1001"), phonePass: "secret" } as PhoneRecord;
    await expect(upsertPhone(withSecret)).rejects.toThrow(/never stored/);
    expect(await getPhone({ serverIp: "10.10.10.15", extension: "1001" })).toBeNull();
  });

  it("finds logins for the alias picker and names the phone behind each login", async () => {
    await upsertPhone(phone("1001"));
    await upsertPhone(phone("gs102", { fullName: "Test Admin Phone" }));
    expect((await searchPhoneLogins("admin")).map((o) => o.login)).toEqual(["gs102"]);
    expect((await searchPhoneLogins("")).map((o) => o.login)).toEqual(["1001", "gs102"]);
    const byLogin = await phonesByLogin(["GS102", "nosuch"]);
    expect(byLogin.get("GS102")).toMatchObject({ extension: "gs102", fullName: "Test Admin Phone" });
    expect(byLogin.has("nosuch")).toBe(false);
  });
});
