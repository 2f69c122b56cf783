import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/**
 * Generated phone passwords at rest: AES-256-GCM with a key derived from AUTH_SECRET (which never
 * leaves the server), so a database dump alone does not reveal them. They are deleted on the
 * sheet's one download or at expiry anyway; the encryption covers the hours in between.
 */
const VERSION = "v1";

function key(): Buffer {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set: job passwords cannot be encrypted");
  return Buffer.from(hkdfSync("sha256", secret, "vicidash-job-secrets", VERSION, 32));
}

export function sealSecret(values: Record<string, string>): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const data = Buffer.concat([cipher.update(JSON.stringify(values), "utf8"), cipher.final()]);
  return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), data]).toString("base64url")}`;
}

export function openSecret(sealed: string): Record<string, string> {
  const [version, payload] = sealed.split(".");
  if (version !== VERSION || !payload) throw new Error("unknown secret format");
  const bytes = Buffer.from(payload, "base64url");
  const decipher = createDecipheriv("aes-256-gcm", key(), bytes.subarray(0, 12));
  decipher.setAuthTag(bytes.subarray(12, 28));
  const text = Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString("utf8");
  return JSON.parse(text) as Record<string, string>;
}
