import { beforeEach, describe, expect, it } from "vitest";
import { phones } from "@/lib/db/schema";
import { testBackends, useTestDatabase } from "@/lib/testing/db";
import { SIP_FILTER_NOT_REGISTERED, getPhone, knownPhoneServers, listPhones, phonesByLogin, removePhone, searchPhoneLogins, upsertPhone, type PhoneRecord } from "./inventory";

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
    expect(all.total).toBe(3);
    expect(all.rows.map((r) => r.extension)).toEqual(["1001", "1002", "gs102"]);
    expect((await listPhones({ q: "front" })).rows.map((r) => r.extension)).toEqual(["1002"]);
    expect((await listPhones({ q: "GS1" })).rows.map((r) => r.extension)).toEqual(["gs102"]);
    expect((await listPhones({ server: "10.10.10.16" })).rows.map((r) => r.extension)).toEqual(["gs102"]);
    expect((await listPhones({ protocol: "IAX2" })).rows.map((r) => r.extension)).toEqual(["1002"]);
    expect((await listPhones({ sort: "name", dir: "desc" })).rows.map((r) => r.fullName)).toEqual(["Phone 1001", "Front desk", "Admin phone"]);
    expect(await listPhones({ pageSize: 2, page: 2 })).toMatchObject({ total: 3, rows: [{ extension: "gs102" }] });
    expect(await knownPhoneServers()).toEqual(["10.10.10.15", "10.10.10.16"]);
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
    expect(notRegistered.total).toBe(4);
    expect((await listPhones()).total).toBe(7);
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
