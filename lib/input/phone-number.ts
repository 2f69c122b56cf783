import { PARAMETER_RULES, type ApiParameter } from "@/lib/vicidial/parameters";

/**
 * Phone numbers as people paste them: `(415) 555-0100`, `415-555-0101`, `415.555.0102`,
 * `+1 415 555 0103`. VICIdial would delete the spaces, brackets and hyphens itself and keep the
 * dots (a DID of `415.555.0102` never matches a call), so the dashboard cleans them to digits
 * before anything is checked or sent, and says what it removed.
 */

/** Parameters that hold one phone number (or, for new_dids, a list of them). */
export const PHONE_NUMBER_PARAMETERS: readonly ApiParameter[] = ["did_pattern", "source_did_pattern", "new_dids", "outbound_cid"];

/** What people put between digits: spaces (also non-breaking), brackets, dots, hyphens and dashes. */
const FORMATTING = /[\s().\u2010-\u2015-]/gu;

const NAMES: Record<string, string> = { " ": "spaces", "(": "brackets", ")": "brackets", ".": "dots", "+": "the leading +" };

function nameOf(character: string): string {
  if (/\s/u.test(character)) return "spaces";
  if (/[\u2010-\u2015-]/u.test(character)) return "hyphens";
  return NAMES[character] ?? `“${character}”`;
}

export interface CleanedNumber {
  value: string;
  /** What was taken out, in words: ["spaces", "brackets", "hyphens"]. */
  removed: string[];
}

/**
 * `raw` as the digits VICIdial should get, keeping a leading `+` where the parameter keeps one
 * (did_pattern does, outbound_cid is digits only). Null when `raw` is not a formatted phone
 * number (nothing to clean, or letters and other characters the field's own rules judge).
 */
export function cleanPhoneNumber(api: ApiParameter, raw: string): CleanedNumber | null {
  if (!PHONE_NUMBER_PARAMETERS.includes(api)) return null;
  const trimmed = raw.trim();
  const match = /^(\+?)(\d+)$/.exec(trimmed.replace(FORMATTING, ""));
  if (!match) return null;
  const keepPlus = PARAMETER_RULES[api].keeps.test("+");
  const value = `${keepPlus ? match[1] : ""}${match[2]}`;
  if (value === trimmed) return null;
  const removed = new Set<string>();
  for (const character of trimmed.replace(/^\+/, "")) if (!/\d/.test(character)) removed.add(nameOf(character));
  if (match[1] && !keepPlus) removed.add(NAMES["+"]!);
  return { value, removed: [...removed] };
}

/** The value a field goes on with: cleaned if it was a formatted phone number, else as typed. */
export function phoneNumberValue(api: ApiParameter, raw: string): string {
  return cleanPhoneNumber(api, raw)?.value ?? raw;
}

/** "spaces, brackets and hyphens". */
export function listInWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}
