import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { decodeSessionToken, readSessionToken, sessionCookieName } from "./session-token";

const SECRET = "t".repeat(40);
const claims = { sub: "7", uid: 7, username: "sam", name: "Sam", role: "supervisor", sv: 1, signedInAt: 1_000 };
const jar = (cookies: Record<string, string>) => ({ getAll: () => Object.entries(cookies).map(([name, value]) => ({ name, value })) });

describe("reading the session cookie", () => {
  it("reads the claims of a cookie next-auth wrote, under the name for the protocol, again and again", async () => {
    const token = await encode({ secret: SECRET, token: claims });
    for (let i = 0; i < 3; i++) {
      expect(await readSessionToken(jar({ [sessionCookieName(false)]: token }), { secret: SECRET, https: false })).toMatchObject(claims);
    }
    expect(await readSessionToken(jar({ [sessionCookieName(true)]: token }), { secret: SECRET, https: true })).toMatchObject(claims);
    // Over HTTPS only the __Secure- cookie counts, and the other way round.
    expect(await readSessionToken(jar({ [sessionCookieName(false)]: token }), { secret: SECRET, https: true })).toBeNull();
    expect(await readSessionToken(jar({ [sessionCookieName(true)]: token }), { secret: SECRET, https: false })).toBeNull();
    expect(await readSessionToken(jar({}), { secret: SECRET, https: false })).toBeNull();
  });

  it("refuses a changed cookie, a cookie of another secret and an expired one, also after the good one was read", async () => {
    const token = await encode({ secret: SECRET, token: claims });
    const read = (value: string, secret = SECRET) => readSessionToken(jar({ [sessionCookieName(false)]: value }), { secret, https: false });
    expect(await read(token)).toMatchObject(claims);
    // One character of the encrypted claims changed (the JWE's fourth part).
    const parts = token.split(".");
    parts[3] = `${parts[3]![0] === "A" ? "B" : "A"}${parts[3]!.slice(1)}`;
    expect(await read(parts.join("."))).toBeNull();
    expect(await read(token, "u".repeat(40))).toBeNull();
    expect(await read(await encode({ secret: "u".repeat(40), token: claims }))).toBeNull();

    // Expired 16 s ago (next-auth allows 15 s of clock skew): refused on the first read and on later ones.
    const expired = await encode({ secret: SECRET, token: claims, maxAge: -16 });
    expect(await read(expired)).toBeNull();
    expect(await read(expired)).toBeNull();
  });

  it("stops accepting a remembered cookie once it expires", async () => {
    const token = await encode({ secret: SECRET, token: claims, maxAge: -10 });
    // Within the 15 s of skew: still good, and now remembered.
    expect(await decodeSessionToken({ token, secret: SECRET })).toMatchObject(claims);
    const realNow = Date.now;
    try {
      Date.now = () => realNow() + 10_000;
      expect(await decodeSessionToken({ token, secret: SECRET })).toBeNull();
    } finally {
      Date.now = realNow;
    }
  });
});
