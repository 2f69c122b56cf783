/**
 * Removes passwords from VICIdial text before it is returned, logged or stored (contract 3,
 * "Scrub secrets from responses"; DESIGN "Credentials never leave the server").
 */
export const REDACTED = "***";

/** Lines that echo a secret at a known `|` position (counted from the first `|`). */
const ECHOES: readonly { line: RegExp; positions: readonly number[] }[] = [
  // `ERROR: Login incorrect, please try again: |{user}|{pass}|BAD|` (1.4).
  { line: /^ERROR: Login incorrect/, positions: [2] },
  // add_phone REQUIRED FIELDS: |user|ext|dialplan|vm|login|{phone_pass}|server|protocol|{registration_password}|... (2.2).
  { line: /^ERROR: add_phone YOU MUST USE ALL REQUIRED FIELDS/, positions: [6, 9] },
  { line: /^ERROR: update_phone YOU MUST USE A VALID (PHONE|REGISTRATION) PASSWORD/, positions: [2] },
];

/**
 * `secrets` are the configured API password and any password sent in this request. They are
 * replaced wherever they stand as a whole value: VICIdial only echoes them after sanitizing
 * them to `[A-Za-z0-9_-]` (1.3), so an echo is never glued to other such characters, while a
 * substring match would mangle phone numbers that happen to contain a short password.
 */
export function scrub(text: string, secrets: readonly string[]): string {
  const lines = text.split("\n").map(scrubEchoes);
  let scrubbed = lines.join("\n");
  for (const secret of secrets) {
    if (secret.length === 0) continue;
    scrubbed = scrubbed.replace(standaloneValue(secret), REDACTED);
  }
  return scrubbed;
}

function scrubEchoes(line: string): string {
  const echo = ECHOES.find(({ line: pattern }) => pattern.test(line));
  if (!echo) return line;
  const parts = line.split("|");
  for (const position of echo.positions) {
    if (parts[position]) parts[position] = REDACTED;
  }
  return parts.join("|");
}

// The configured password recurs on every call; compiling its pattern once keeps scrubbing cheap.
const patterns = new Map<string, RegExp>();
const MAX_CACHED_PATTERNS = 64;

function standaloneValue(secret: string): RegExp {
  let pattern = patterns.get(secret);
  if (!pattern) {
    const escaped = secret.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    pattern = new RegExp(`(?<![\\p{L}\\p{N}_-])${escaped}(?![\\p{L}\\p{N}_-])`, "gu");
    if (patterns.size >= MAX_CACHED_PATTERNS) patterns.clear();
    patterns.set(secret, pattern);
  }
  return pattern;
}
