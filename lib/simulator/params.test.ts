// Where parameters come from and how they are decoded (contract 1.1).
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "./index";
import { parseUrlEncoded, urlEncodedPairs } from "./params";
import { getRaw, post } from "./test-support";

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());
afterEach(() => sim.reset());

const hasDid = (pattern: string) => sim.state.dids.some((d) => d.did_pattern === pattern);

describe("$_GET before $_POST", () => {
  it("reads a urlencoded POST body", async () => {
    const reply = await post(sim, new URLSearchParams({ source: "test", user: "6666", pass: "1234", function: "add_did", did_pattern: "7275550010" }));
    expect(reply.body).toBe("SUCCESS: add_did DID HAS BEEN ADDED - 6666|7275550010\n");
  });

  it("reads a multipart/form-data body", async () => {
    const form = new FormData();
    for (const [key, value] of Object.entries({ source: "test", user: "6666", pass: "1234", function: "add_did", did_pattern: "7275550011" })) {
      form.append(key, value);
    }
    const reply = await post(sim, form);
    expect(reply.body).toBe("SUCCESS: add_did DID HAS BEEN ADDED - 6666|7275550011\n");
  });

  it("lets a GET key win even when it is empty", async () => {
    const body = new URLSearchParams({ source: "test", user: "6666", pass: "1234", function: "add_did", did_pattern: "7275550012" });
    const reply = await post(sim, body, { query: "pass=" });
    expect(reply.body).toBe("ERROR: Login incorrect, please try again: |6666||BAD|\n");
    expect(hasDid("7275550012")).toBe(false);
  });

  it("takes the other keys from the body when the query names only some", async () => {
    const reply = await post(sim, "user=6666&pass=1234&did_pattern=7275550013", {
      query: "function=add_did&source=test&did_pattern=7275550014",
      contentType: "application/x-www-form-urlencoded",
    });
    expect(reply.body).toBe("SUCCESS: add_did DID HAS BEEN ADDED - 6666|7275550014\n");
  });

  it("ignores bodies of other methods and of other content types", async () => {
    const params = "source=test&user=6666&pass=1234&function=add_did&did_pattern=7275550015";
    const put = await fetch(sim.url, { method: "PUT", body: params, headers: { "Content-Type": "application/x-www-form-urlencoded" } });
    expect(await put.text()).toBe("ERROR: Login incorrect, please try again: |||BAD|\n");
    const json = await post(sim, JSON.stringify({ user: "6666", pass: "1234" }), { contentType: "application/json" });
    expect(json.body).toBe("ERROR: Login incorrect, please try again: |||BAD|\n");
  });

  it("uses the last occurrence of a repeated key, as PHP does", async () => {
    const reply = await getRaw(sim, "source=test&user=6666&pass=wrong&pass=1234&function=add_did&did_pattern=7275550016");
    expect(reply.body).toBe("SUCCESS: add_did DID HAS BEEN ADDED - 6666|7275550016\n");
  });
});

describe("+ and %2B", () => {
  const base = "source=test&user=6666&pass=1234&function=add_did";

  it("turns a raw + in a query string into a space, which did_pattern then drops", async () => {
    const reply = await getRaw(sim, `${base}&did_pattern=+17275551212`);
    expect(reply.body).toBe("SUCCESS: add_did DID HAS BEEN ADDED - 6666|17275551212\n");
    expect(hasDid("17275551212")).toBe(true);
    expect(hasDid("+17275551212")).toBe(false);
  });

  it("delivers %2B as a real plus sign", async () => {
    const reply = await getRaw(sim, `${base}&did_pattern=%2B17275551212`);
    expect(reply.body).toBe("SUCCESS: add_did DID HAS BEEN ADDED - 6666|+17275551212\n");
    expect(hasDid("+17275551212")).toBe(true);
  });

  it("decodes + as a space in a urlencoded body too", async () => {
    const reply = await post(sim, `${base}&did_pattern=+13125550000`, { contentType: "application/x-www-form-urlencoded" });
    expect(reply.body).toBe("SUCCESS: add_did DID HAS BEEN ADDED - 6666|13125550000\n");
  });

  it("keeps + literally in a multipart body", async () => {
    const form = new FormData();
    for (const [key, value] of new URLSearchParams(base)) form.append(key, value);
    form.append("did_pattern", "+13125550001");
    const reply = await post(sim, form);
    expect(reply.body).toBe("SUCCESS: add_did DID HAS BEEN ADDED - 6666|+13125550001\n");
  });

  it("decodes + to a space before phone_full_name keeps spaces and pluses", async () => {
    const phone = "source=test&user=6666&pass=1234&function=update_phone&extension=1001&server_ip=10.10.10.15";
    await getRaw(sim, `${phone}&phone_full_name=A+B%2BC`);
    expect(sim.state.phones.find((p) => p.extension === "1001")?.fullname).toBe("A B+C");
  });
});

describe("what arrived, as PHP decodes it", () => {
  it("keeps every pair in order with repeats, and a value that is only a byte-order mark", () => {
    expect(urlEncodedPairs("a=1&b=%2B&a=2&c=%EF%BB%BF&d=x+y&&e")).toEqual([
      ["a", "1"],
      ["b", "+"],
      ["a", "2"],
      ["c", "\uFEFF"],
      ["d", "x y"],
      ["e", ""],
    ]);
    expect(parseUrlEncoded("c=%EF%BB%BFx").get("c")).toBe("\uFEFFx");
  });
});
