// Contract 1.3: characters outside each parameter's whitelist vanish without an error.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "./index";
import { callAs6666 } from "./test-support";

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());
afterEach(() => sim.reset());

const phone = (extension: string) => sim.state.phones.find((p) => p.extension === extension);
const updatePhone1001 = (params: Record<string, string>) =>
  callAs6666(sim, { function: "update_phone", extension: "1001", server_ip: "10.10.10.15", ...params });

const NEW_PHONE = {
  function: "add_phone",
  extension: "55010",
  dialplan_number: "55010",
  voicemail_id: "55010",
  phone_login: "55010",
  phone_pass: "test",
  server_ip: "10.10.10.15",
  protocol: "SIP",
  registration_password: "test",
  phone_full_name: "Ext 55010",
  local_gmt: "-5.00",
  outbound_cid: "7275551212",
};

describe("stripping", () => {
  it("deletes characters did_pattern does not allow, keeping : + * # . _", async () => {
    const reply = await callAs6666(sim, { function: "add_did", did_pattern: "727-555 0199@x:+*#._" });
    expect(reply.body).toBe("SUCCESS: add_did DID HAS BEEN ADDED - 6666|7275550199x:+*#._\n");
  });

  it("reduces source to letters and digits (my-app passes as myapp)", async () => {
    const reply = await callAs6666(sim, { source: "my-app", function: "add_did", did_pattern: "7275550020" });
    expect(reply.body).toMatch(/^SUCCESS/);
    expect(sim.state.apiLog.at(-1)?.source).toBe("myapp");
  });

  it("turns extension=100@host into 100host", async () => {
    const reply = await callAs6666(sim, { ...NEW_PHONE, extension: "100@host" });
    expect(reply.body).toBe("SUCCESS: add_phone PHONE HAS BEEN ADDED - 6666|100host|10.10.10.15|SIP|55010\n");
  });

  it("strips a REQUIRED FIELDS echo too, including both passwords", async () => {
    const reply = await callAs6666(sim, { function: "add_phone", extension: "5!5", phone_pass: "se cret", registration_password: "p@ss" });
    expect(reply.body).toBe("ERROR: add_phone YOU MUST USE ALL REQUIRED FIELDS: |6666|55||||secret|||pss|||\n");
  });

  it("keeps only A-Z in delete_phone, so y becomes a harmless update", async () => {
    const reply = await updatePhone1001({ delete_phone: "y" });
    expect(reply.body).toBe("SUCCESS: update_phone PHONE HAS BEEN UPDATED - 6666|1001|10.10.10.15|\n");
    expect(phone("1001")).toBeDefined();
  });

  it("lets delete_did=y fall through to the update path", async () => {
    const reply = await callAs6666(sim, { function: "update_did", did_pattern: "3125550000", delete_did: "y" });
    expect(reply.body).toBe("NOTICE: update_did NO UPDATES DEFINED: |6666|\n");
    expect(sim.state.dids.some((d) => d.did_pattern === "3125550000")).toBe(true);
  });

  it("keeps a + in email through the filter and then turns it into a space", async () => {
    await updatePhone1001({ email: "a+b@example.com" });
    expect(phone("1001")?.email).toBe("a b@example.com");
  });

  it("reduces outbound_cid to digits unless it is exactly ---ALL---", async () => {
    await updatePhone1001({ outbound_cid: "(727) 555-1212" });
    expect(phone("1001")?.outbound_cid).toBe("7275551212");
    await updatePhone1001({ outbound_cid: "---ALL---" });
    expect(phone("1001")?.outbound_cid).toBe("---ALL---");
  });

  it("turns voicemail_id=--BLANK-- into the text BLANK", async () => {
    await updatePhone1001({ voicemail_id: "--BLANK--" });
    expect(phone("1001")?.voicemail_id).toBe("BLANK");
  });

  it("drops the sign of local_gmt=+5.00", async () => {
    await updatePhone1001({ local_gmt: "+5.00" });
    expect(phone("1001")?.local_gmt).toBe("5.00");
  });

  it("reduces areacode to alphanumerics unless it is exactly ---ALL---", async () => {
    const reply = await callAs6666(sim, {
      function: "update_cid_group_entry",
      stage: "INFO",
      cid_group_id: "US_SALES",
      areacode: "8-1_3",
    });
    expect(reply.body.split("\n")[0]).toBe("SUCCESS: update_cid_group_entry CID GROUP INFO AS FOLLOWS US_SALES|813||1");
  });

  it("never accepts quotes or semicolons in descriptions", async () => {
    await callAs6666(sim, { function: "update_did", did_pattern: "3125550000", did_description: `Bob's "best"; line` });
    expect(sim.state.dids.find((d) => d.did_pattern === "3125550000")?.did_description).toBe("Bobs best line");
  });
});

describe("use_non_latin", () => {
  it("deletes non-ASCII letters by default", async () => {
    await callAs6666(sim, { function: "update_did", did_pattern: "3125550000", did_description: "Café Ñandú" });
    expect(sim.state.dids.find((d) => d.did_pattern === "3125550000")?.did_description).toBe("Caf and");
  });

  it("keeps any Unicode letter in † fields when use_non_latin=1, but not in the others", async () => {
    sim.state.systemSettings.use_non_latin = 1;
    await callAs6666(sim, { function: "update_did", did_pattern: "3125550000", did_description: "Café Ñandú", call_handle_method: "CIDé" });
    const did = sim.state.dids.find((d) => d.did_pattern === "3125550000");
    expect(did?.did_description).toBe("Café Ñandú");
    expect(did?.call_handle_method).toBe("CID");
  });
});
