import "server-only";
import { randomBytes, randomInt } from "node:crypto";
import bcrypt from "bcryptjs";
import { env } from "@/lib/config/env";

/**
 * bcrypt cost 12 (PASSWORD_HASH_COST): about a quarter of a second per hash in pure JavaScript,
 * slow enough to make an offline guess expensive. Unit tests hash hundreds of times and run at the
 * minimum instead; so do the browser tests' server, which signs people in a hundred times a run.
 */
const cost = () => (process.env.VITEST ? 4 : env().PASSWORD_HASH_COST);

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, cost());
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

let dummyHash: Promise<string> | undefined;

/**
 * For a username that does not exist: spend the same bcrypt work as a real comparison, so the
 * response time does not tell which usernames exist. Always false.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= bcrypt.hash(randomBytes(16).toString("hex"), cost());
  await bcrypt.compare(password, await dummyHash);
  return false;
}

/** No 0/O, 1/l/i: one-time passwords are read aloud and typed by hand. */
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** Four groups of four (about 79 bits): `k7mq-x3vt-9wpd-h2fz`. */
export function generateOneTimePassword(): string {
  const groups = Array.from({ length: 4 }, () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(""));
  return groups.join("-");
}
