/**
 * Strong passwords VICIdial stores exactly as generated. VICIdial keeps only `[A-Za-z0-9_-]` of
 * a password (contract 1.3) and update_phone accepts 2 to 30 characters (2.3); letters and
 * digits alone avoid `-`/`_`, which some phones' keypads and provisioning files handle badly.
 * 20 of 62 characters is about 119 bits. Works in the browser and in Node (Web Crypto).
 */
export const PASSWORD_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
export const DEFAULT_PASSWORD_LENGTH = 20;

const CLASSES = [/[A-Z]/, /[a-z]/, /[0-9]/];

/** A uniformly random character of the alphabet (rejection sampling avoids modulo bias). */
function randomCharacter(): string {
  const limit = 256 - (256 % PASSWORD_ALPHABET.length);
  const byte = new Uint8Array(1);
  for (;;) {
    crypto.getRandomValues(byte);
    const value = byte[0]!;
    if (value < limit) return PASSWORD_ALPHABET[value % PASSWORD_ALPHABET.length]!;
  }
}

/** A random password with at least one upper-case letter, one lower-case letter and one digit. */
export function generatePassword(length: number = DEFAULT_PASSWORD_LENGTH): string {
  if (!Number.isInteger(length) || length < CLASSES.length || length > 30) {
    throw new RangeError(`A phone password must be ${CLASSES.length} to 30 characters long`);
  }
  for (;;) {
    const password = Array.from({ length }, randomCharacter).join("");
    if (CLASSES.every((pattern) => pattern.test(password))) return password;
  }
}
