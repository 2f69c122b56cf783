/**
 * Passwords never reach the audit log: VICIdial's own parameter names and ours are replaced by
 * "[redacted]" at any depth, and raw text (VICIdial's answer, an error message) is scrubbed of
 * `name=value` pairs and of the secret values themselves.
 */
export const REDACTED = "[redacted]";

const SECRET_KEYS = new Set(["pass", "phone_pass", "registration_password", "password", "phonepass", "registrationpassword"]);

/** Beyond VICIdial's names, any key ending in "password" (newPassword, currentPassword…). */
export function isSecretKey(key: string): boolean {
  return SECRET_KEYS.has(key.toLowerCase()) || /password$/i.test(key);
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * PostgreSQL stores no NUL character (text or jsonb) and jsonb no lone UTF-16 surrogate: an
 * entry holding one (pasted by a user, or sent by a hand-made request) would be refused and
 * lost. NUL is kept visibly as U+2400 SYMBOL FOR NULL, a lone surrogate as U+FFFD.
 */
export function storableText(text: string): string {
  return text.replaceAll("\u0000", "\u2400").replace(LONE_SURROGATE, "\uFFFD");
}

/** A JSON-safe deep copy, storable in jsonb, with every secret-named key's value replaced. */
export function redact(value: unknown): unknown {
  return copy(value, new WeakSet());
}

function copy(value: unknown, seen: WeakSet<object>): unknown {
  if (typeof value === "string") return storableText(value);
  if (value === null || typeof value === "number" || typeof value === "boolean") return value;
  if (value === undefined || typeof value === "function" || typeof value === "symbol") return undefined;
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (typeof Blob !== "undefined" && value instanceof Blob) {
    const name = "name" in value && typeof value.name === "string" ? value.name : "upload";
    return `[file ${name}, ${value.size} bytes]`;
  }
  if (typeof value !== "object") return String(value);
  if (seen.has(value)) return "[circular]";
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => copy(item, seen) ?? null);
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (isSecretKey(key)) {
      out[storableText(key)] = REDACTED;
      continue;
    }
    const copied = copy(item, seen);
    if (copied !== undefined) out[storableText(key)] = copied;
  }
  return out;
}

/** Every value found under a secret-named key, so the same strings can be removed from raw text. */
export function secretValues(value: unknown, found: Set<string> = new Set(), seen: WeakSet<object> = new WeakSet()): Set<string> {
  if (value === null || typeof value !== "object" || seen.has(value)) return found;
  seen.add(value);
  for (const [key, item] of Object.entries(value)) {
    if (isSecretKey(key) && (typeof item === "string" || typeof item === "number")) found.add(String(item));
    else secretValues(item, found, seen);
  }
  return found;
}

const KEY_PATTERN = "pass|phone_pass|phonePass|\\w*password";
// `pass=secret&…`, `pass: secret`, `"pass":"secret"`: VICIdial's query strings, its answer lines and JSON.
const PAIR = new RegExp(`(["']?\\b(?:${KEY_PATTERN})\\b["']?\\s*[=:]\\s*)("[^"]*"|'[^']*'|[^&\\s|,;"']*)`, "gi");

/**
 * Secrets shorter than this are not searched for in raw text: replacing every "12" in VICIdial's
 * answer would make it unreadable, and the `name=value` rule still catches those.
 */
const MIN_SCRUB_LENGTH = 4;

export function scrubText(text: string, secrets: Iterable<string> = []): string {
  let out = text.replace(PAIR, (_match, prefix: string, value: string) => {
    const quote = value.startsWith('"') ? '"' : value.startsWith("'") ? "'" : "";
    return `${prefix}${quote}${REDACTED}${quote}`;
  });
  const values = [...new Set(secrets)].filter((s) => s.length >= MIN_SCRUB_LENGTH && s !== REDACTED).sort((a, b) => b.length - a.length);
  for (const secret of values) out = out.split(secret).join(REDACTED);
  return out;
}
