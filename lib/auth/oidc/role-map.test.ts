import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/config/env";
import { breakGlassAccounts, localLoginAllowed } from "../local-login";
import { claimValues, formatRoleMap, parseRoleMap, roleFromClaims } from "./role-map";

/** Only the variables given, as a process environment. */
const envOf = (vars: Record<string, string>) => parseEnv(vars as NodeJS.ProcessEnv);

const MAP = "callcenter-admins=admin,supervisors=supervisor,it=provisioning,qa=qa";

describe("role map", () => {
  it("reads group=role entries in order, from commas or lines, and writes them back", () => {
    const parsed = parseRoleMap(" callcenter-admins = admin \n supervisors=Supervisor,,it=provisioning");
    expect(parsed).toEqual({ ok: true, map: [["callcenter-admins", "admin"], ["supervisors", "supervisor"], ["it", "provisioning"]] });
    expect(parsed.ok && formatRoleMap(parsed.map)).toBe("callcenter-admins=admin,supervisors=supervisor,it=provisioning");
  });

  it("keeps an = inside a group name and splits at the last one", () => {
    expect(parseRoleMap("/teams/cn=qa=qa")).toEqual({ ok: true, map: [["/teams/cn=qa", "qa"]] });
  });

  it("refuses an unknown role, an entry without a role, a group named twice and an empty map, saying which", () => {
    expect(parseRoleMap("admins=owner")).toEqual({ ok: false, message: 'has "admins=owner": the role must be one of admin, supervisor, provisioning, qa' });
    expect(parseRoleMap("admins")).toEqual({ ok: false, message: 'has "admins": write each entry as group=role' });
    expect(parseRoleMap("=admin")).toEqual({ ok: false, message: 'has "=admin": write each entry as group=role' });
    expect(parseRoleMap("qa=qa,qa=admin")).toEqual({ ok: false, message: 'names "qa" twice' });
    expect(parseRoleMap(" , ")).toMatchObject({ ok: false, message: expect.stringContaining("is empty") });
  });

  it("gives the first mapped entry's role to someone in several groups, and no role without a mapped group", () => {
    const parsed = parseRoleMap(MAP);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(roleFromClaims({ groups: ["qa", "it"] }, "groups", parsed.map)).toBe("provisioning");
    expect(roleFromClaims({ groups: ["qa", "callcenter-admins"] }, "groups", parsed.map)).toBe("admin");
    expect(roleFromClaims({ groups: ["marketing"] }, "groups", parsed.map)).toBeNull();
    expect(roleFromClaims({}, "groups", parsed.map)).toBeNull();
    expect(roleFromClaims({ roles: "qa" }, "roles", parsed.map)).toBe("qa");
    expect(roleFromClaims({ groups: ["qa"] }, "roles", parsed.map)).toBeNull();
  });

  it("reads a claim as an array of strings or one space- or comma-separated string, and nothing else", () => {
    expect(claimValues(["a", 1, "b"])).toEqual(["a", "b"]);
    expect(claimValues("a b,c")).toEqual(["a", "b", "c"]);
    expect(claimValues({ a: 1 })).toEqual([]);
    expect(claimValues(undefined)).toEqual([]);
  });
});

describe("local sign-in policy", () => {
  it("lets everyone in with on, only the named break-glass accounts with breakglass, nobody with off", () => {
    const breakglass = { LOCAL_LOGIN: "breakglass" as const, LOCAL_LOGIN_BREAKGLASS: " Alice, bob ,," };
    expect(breakGlassAccounts(breakglass)).toEqual(["alice", "bob"]);
    expect(localLoginAllowed(breakglass, "ALICE")).toBe(true);
    expect(localLoginAllowed(breakglass, "carol")).toBe(false);
    expect(localLoginAllowed({ LOCAL_LOGIN: "on", LOCAL_LOGIN_BREAKGLASS: undefined }, "carol")).toBe(true);
    expect(localLoginAllowed({ LOCAL_LOGIN: "off", LOCAL_LOGIN_BREAKGLASS: "alice" }, "alice")).toBe(false);
  });
});

describe("single sign-on configuration at start-up", () => {
  const sso = { OIDC_ISSUER: "https://idp.example.com/realms/cc", OIDC_CLIENT_ID: "dashboard", OIDC_CLIENT_SECRET: "s3cret" };

  it("accepts a full set-up with its defaults", () => {
    const env = envOf({ ...sso, OIDC_ROLE_MAP: MAP });
    expect(env).toMatchObject({ ...sso, LOCAL_LOGIN: "on", OIDC_SESSION_SECONDS: 3600 });
  });

  it("stops with one line naming what is wrong", () => {
    expect(() => envOf({ OIDC_ISSUER: sso.OIDC_ISSUER })).toThrow("Configuration error: OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET go together");
    expect(() => envOf({ ...sso, OIDC_ISSUER: "idp.example.com" })).toThrow("Configuration error: OIDC_ISSUER must be the issuer's http(s) URL");
    expect(() => envOf({ ...sso, OIDC_ROLE_MAP: "admins=root" })).toThrow('Configuration error: OIDC_ROLE_MAP has "admins=root"');
    expect(() => envOf({ LOCAL_LOGIN: "off" })).toThrow("Configuration error: LOCAL_LOGIN=off needs single sign-on (OIDC_ISSUER)");
    expect(() => envOf({ ...sso, LOCAL_LOGIN: "breakglass" })).toThrow("Configuration error: LOCAL_LOGIN_BREAKGLASS must name the break-glass accounts");
    expect(() => envOf({ ...sso, LOCAL_LOGIN: "sometimes" })).toThrow("Configuration error: LOCAL_LOGIN must be on, breakglass or off");
  });
});
