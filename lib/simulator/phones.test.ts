// Contract 2.2 add_phone, 2.3 update_phone, 2.4 add_phone_alias, 2.5 update_phone_alias.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "./index";
import { callAs6666 } from "./test-support";

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());
afterEach(() => sim.reset());

const api = async (params: Record<string, string>) => (await callAs6666(sim, params)).body;
const phone = (extension: string) => sim.state.phones.find((p) => p.extension === extension);
const alias = (id: string) => sim.state.phoneAliases.find((a) => a.alias_id === id);

const NEW_PHONE = {
  function: "add_phone",
  extension: "55020",
  dialplan_number: "55020",
  voicemail_id: "55020",
  phone_login: "55020",
  phone_pass: "test",
  server_ip: "10.10.10.15",
  protocol: "SIP",
  registration_password: "secret",
  phone_full_name: "Ext 55020",
  local_gmt: "-5.00",
  outbound_cid: "7275551212",
};
const update1001 = (params: Record<string, string>) =>
  api({ function: "update_phone", extension: "1001", server_ip: "10.10.10.15", ...params });

describe("add_phone", () => {
  it("stores the phone with its defaults and flags the server for a conf rebuild", async () => {
    expect(await api(NEW_PHONE)).toBe("SUCCESS: add_phone PHONE HAS BEEN ADDED - 6666|55020|10.10.10.15|SIP|55020\n");
    expect(phone("55020")).toMatchObject({
      login: "55020",
      conf_secret: "secret",
      fullname: "Ext 55020",
      phone_context: "default",
      user_group: "---ALL---",
      webphone_auto_answer: "Y",
      is_webphone: "N",
      active: "Y",
      status: "ACTIVE",
    });
    expect(sim.state.servers[0]?.rebuild_conf_files).toBe("Y");
  });

  it("takes optional flags case-insensitively and drops invalid ones silently", async () => {
    await api({ ...NEW_PHONE, is_webphone: "y_api_launch", webphone_auto_answer: "maybe", on_hook_agent: "y" });
    expect(phone("55020")).toMatchObject({ is_webphone: "Y_API_LAUNCH", webphone_auto_answer: "Y", on_hook_agent: "Y" });
  });

  it("accepts timezones by numeric value and stores them as sent", async () => {
    for (const [index, gmt] of ["-5", ".0", "05.50", "12.75"].entries()) {
      const n = String(55030 + index);
      expect(await api({ ...NEW_PHONE, extension: n, phone_login: n, local_gmt: gmt }), gmt).toMatch(/^SUCCESS: /);
      expect(phone(n)?.local_gmt).toBe(gmt);
    }
    for (const gmt of ["-4.50", "13", "-", "5-5"]) {
      expect(await api({ ...NEW_PHONE, local_gmt: gmt }), gmt).toBe(`ERROR: add_phone YOU MUST USE A VALID TIMEZONE: |6666|${gmt}\n`);
    }
  });

  it("treats a bad protocol as a missing required field (PJSIP, sip)", async () => {
    for (const protocol of ["PJSIP", "sip"]) {
      expect(await api({ ...NEW_PHONE, protocol })).toBe(
        `ERROR: add_phone YOU MUST USE ALL REQUIRED FIELDS: |6666|55020|55020|55020|55020|test|10.10.10.15|${protocol}|secret|Ext 55020|-5.00|7275551212\n`,
      );
    }
  });

  it("refuses a login used by any phone, and an unknown template", async () => {
    expect(await api({ ...NEW_PHONE, phone_login: "GS102" })).toBe("ERROR: add_phone PHONE LOGIN ALREADY EXISTS: |6666|GS102\n");
    expect(await api({ ...NEW_PHONE, template_id: "NOPE" })).toBe(
      "ERROR: add_phone TEMPLATE ID DOES NOT EXIST, THIS IS AN OPTIONAL FIELD: |6666|55020|NOPE\n",
    );
    await api({ ...NEW_PHONE, template_id: "--blank--" });
    expect(phone("55020")?.template_id).toBe("");
  });

  it("truncates values to the column sizes", async () => {
    await api({ ...NEW_PHONE, phone_login: "a".repeat(20), dialplan_number: "1".repeat(25) });
    expect(phone("55020")).toMatchObject({ login: "a".repeat(15), dialplan_number: "1".repeat(20) });
  });
});

describe("update_phone", () => {
  it("never answers NO UPDATES DEFINED and blanks install_directory on every update", async () => {
    const seeded = phone("1001");
    if (seeded) seeded.install_directory = "/usr/share/astguiclient";
    expect(await update1001({})).toBe("SUCCESS: update_phone PHONE HAS BEEN UPDATED - 6666|1001|10.10.10.15|\n");
    expect(phone("1001")?.install_directory).toBe("");
  });

  it("prints outbound_alt_cid in the ring-timeout error", async () => {
    expect(await update1001({ phone_ring_timeout: "500", outbound_alt_cid: "" })).toBe(
      "ERROR: update_phone PHONE RING TIMEOUT MUST BE FROM 2 TO 180 SECONDS, THIS IS AN OPTIONAL FIELD: |6666|\n",
    );
    expect(await update1001({ phone_ring_timeout: "1", outbound_alt_cid: "7275550000" })).toBe(
      "ERROR: update_phone PHONE RING TIMEOUT MUST BE FROM 2 TO 180 SECONDS, THIS IS AN OPTIONAL FIELD: |6666|7275550000\n",
    );
    await update1001({ phone_ring_timeout: "30" });
    expect(phone("1001")?.phone_ring_timeout).toBe(30);
  });

  it("clears text fields with --BLANK--, except outbound_alt_cid, which fails", async () => {
    await update1001({ email: "--BLANK--", phone_context: "--BLANK--", registration_password: "--BLANK--" });
    expect(phone("1001")).toMatchObject({ email: "", phone_context: "", conf_secret: "" });
    expect(await update1001({ outbound_alt_cid: "--BLANK--" })).toBe(
      "ERROR: update_phone OUTBOUND ALT CID MUST BE FROM 6 TO 18 DIGITS, THIS IS AN OPTIONAL FIELD: |6666|BLANK\n",
    );
  });

  it("validates in table order and changes nothing when a field fails", async () => {
    expect(await update1001({ email: "a@b", local_gmt: "99", phone_pass: "x" })).toBe(
      "ERROR: update_phone YOU MUST USE A VALID TIMEZONE: |6666|99\n",
    );
    expect(await update1001({ email: "a@b", phone_pass: "x" })).toBe("ERROR: update_phone YOU MUST USE A VALID EMAIL: |6666|a@b\n");
    expect(await update1001({ phone_full_name: "New name", phone_pass: "x" })).toBe(
      "ERROR: update_phone YOU MUST USE A VALID PHONE PASSWORD: |6666|x\n",
    );
    expect(phone("1001")?.fullname).toBe("Seed Phone 1001");
  });

  it("only refuses a login taken by a phone differing in both extension and server", async () => {
    sim.state.servers.push({ ...sim.state.servers[0]!, server_id: "OTHER", server_ip: "10.10.10.16" });
    expect(await update1001({ phone_login: "1002" })).toBe("SUCCESS: update_phone PHONE HAS BEEN UPDATED - 6666|1001|10.10.10.15|\n");
    sim.state.phones.push({ ...phone("1002")!, extension: "2002", server_ip: "10.10.10.16", login: "2002" });
    expect(await update1001({ phone_login: "2002" })).toBe("ERROR: update_phone LOGIN ALREADY EXISTS: |6666|2002\n");
  });

  it("checks the server and then the phone", async () => {
    expect(await api({ function: "update_phone", extension: "1001", server_ip: "10.0.0.1" })).toBe(
      "ERROR: update_phone SERVER DOES NOT EXIST: |6666|10.0.0.1\n",
    );
    expect(await api({ function: "update_phone", extension: "1" })).toBe("ERROR: update_phone YOU MUST USE ALL REQUIRED FIELDS: |6666|1|\n");
  });

  it("hides phones outside admin_viewable_groups only when the value is longer than 3 characters", async () => {
    const seeded = phone("1001");
    if (seeded) seeded.user_group = "SALES";
    const admin = sim.state.userGroups.find((g) => g.user_group === "ADMIN");
    if (admin) admin.admin_viewable_groups = " -";
    expect(await update1001({})).toMatch(/^SUCCESS: /);
    if (admin) admin.admin_viewable_groups = " SUPPORT -";
    expect(await update1001({})).toBe("ERROR: update_phone PHONE DOES NOT EXIST ON THIS SERVER: |6666|10.10.10.15|1001\n");
  });
});

describe("phone aliases", () => {
  it("adds an alias with the default user group", async () => {
    expect(await api({ function: "add_phone_alias", alias_id: "ALIAS200", alias_name: "Two phones", phone_logins: "1001,1002" })).toBe(
      "SUCCESS: add_phone_alias PHONE ALIAS HAS BEEN ADDED - 6666|ALIAS200|Two phones|1001,1002\n",
    );
    expect(alias("ALIAS200")).toEqual({ alias_id: "ALIAS200", alias_name: "Two phones", logins_list: "1001,1002", user_group: "---ALL---" });
  });

  it("looks up an empty piece of phone_logins as '' and fails on it", async () => {
    expect(await api({ function: "add_phone_alias", alias_id: "ALIAS201", alias_name: "Gap", phone_logins: "1001,,1002" })).toBe(
      "ERROR: add_phone_alias PHONE DOES NOT EXIST: |6666|\n",
    );
  });

  it("answers delete_alias=N alone with the NO UPDATES notice", async () => {
    expect(await api({ function: "update_phone_alias", alias_id: "SEEDALIAS", delete_alias: "N" })).toBe(
      "NOTICE: update_phone_alias NO UPDATES DEFINED: |6666|\n",
    );
  });

  it("needs something to change besides the alias id", async () => {
    expect(await api({ function: "update_phone_alias", alias_id: "SEEDALIAS", phone_logins: "1" })).toBe(
      "ERROR: update_phone_alias YOU MUST USE ALL REQUIRED FIELDS: |6666|SEEDALIAS||1\n",
    );
  });

  it("checks the alias name length and every login", async () => {
    expect(await api({ function: "update_phone_alias", alias_id: "SEEDALIAS", alias_name: "X" })).toBe(
      "ERROR: update_phone_alias YOU MUST USE A VALID ALIAS NAME: |6666|X\n",
    );
    expect(await api({ function: "update_phone_alias", alias_id: "SEEDALIAS", phone_logins: "1001,ghost" })).toBe(
      "ERROR: update_phone_alias PHONE DOES NOT EXIST: |6666|ghost\n",
    );
    expect(await api({ function: "update_phone_alias", alias_id: "SEEDALIAS", phone_logins: "1002,callin" })).toBe(
      "SUCCESS: update_phone_alias PHONE ALIAS HAS BEEN UPDATED - 6666|SEEDALIAS|\n",
    );
    expect(alias("SEEDALIAS")).toMatchObject({ alias_name: "Seed alias", logins_list: "1002,callin" });
  });
});
