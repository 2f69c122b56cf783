import { beforeEach, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { phones } from "@/lib/db/schema";
import { upsertPhone } from "@/lib/phones/inventory";
import { testBackends, useTestDatabase } from "@/lib/testing/db";
import { testSession } from "@/lib/testing/session";
import { GET } from "./route";

const session = testSession();

const as = (role: CurrentUser["role"]): CurrentUser => ({ id: 3, username: role, displayName: role, role, mustChangePassword: false });
const lookup = (q: string) => GET(new Request(`http://dashboard.test/aliases/phone-logins.json?${new URLSearchParams({ q })}`));

describe.each(testBackends())("the alias form's phone login lookup on %s", (backend) => {
  const db = useTestDatabase(backend);

  beforeEach(async () => {
    await db().delete(phones);
    await upsertPhone({ serverIp: "10.10.10.15", extension: "gs102", login: "gs102", protocol: "SIP", fullName: "Test Admin Phone", updatedBy: "seed" });
    await upsertPhone({ serverIp: "10.10.10.15", extension: "1001", login: "1001", protocol: "SIP", fullName: "Seed Phone 1001", updatedBy: "seed" });
  });

  it("finds known phones by name for users who may see phones", async () => {
    session.user = as("supervisor");
    const response = await lookup("admin");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ options: [{ login: "gs102", extension: "gs102", serverIp: "10.10.10.15", fullName: "Test Admin Phone" }] });
  });

  it("answers nothing about phones to the signed-out and to roles without phones.view", async () => {
    session.user = null;
    expect((await lookup("")).status).toBe(401);
    session.user = as("qa");
    const refused = await lookup("");
    expect(refused.status).toBe(403);
    expect(JSON.stringify(await refused.json())).not.toContain("gs102");
  });
});
