import { charactersVicidialDrops, PARAMETER_RULES } from "@/lib/vicidial/parameters";

// Plain rules, without zod: the call search and batch forms use them in the browser, and zod's
// weight stays out of their pages. The schemas built on them are in call.ts.

/**
 * Call IDs as callid_info accepts them (contract 2.10): letters and digits only, one of nine
 * case-sensitive prefixes, 18 characters or more. VICIdial itself accepts up to 39, but its
 * caller_code column holds 30, so a longer ID can never be found (contract 3).
 */
export const CALL_ID_PREFIXES = ["Y", "J", "V", "M", "DC", "S", "LP", "VH", "XL"] as const;
/** "Y, J, V, M, DC, S, LP, VH or XL", for messages and hints. */
export const CALL_ID_PREFIX_LIST = `${CALL_ID_PREFIXES.slice(0, -1).join(", ")} or ${CALL_ID_PREFIXES.at(-1)}`;
export const CALL_ID_MIN_LENGTH = 18;
export const CALL_ID_MAX_LENGTH: number = PARAMETER_RULES.call_id.maxLength;

/** A batch is at most this many call IDs (the limit). */
export const BATCH_MAX_IDS = 500;
/** The client sends a batch to the server this many IDs at a time; the progress bar moves per chunk. */
export const BATCH_CHUNK_SIZE = 10;

const QUOTES = `"'\`“”‘’„«»`;
const SURROUNDING = new RegExp(`^[\\s${QUOTES}]+|[\\s${QUOTES}]+$`, "g");

/**
 * A call ID as people paste it: from a ticket, a spreadsheet cell or a log line, often with
 * spaces, a line break or quotes around it. Only the outside is cleaned; anything inside is
 * left for the checks to report.
 */
export function normalizeCallId(pasted: string): string {
  return pasted.replace(/[\u200B-\u200D\uFEFF]/g, "").replace(SURROUNDING, "");
}

function describe(characters: string[]): string {
  return characters.map((c) => (c === " " ? "space" : c === "\t" ? "tab" : `"${c}"`)).join(", ");
}

/** Why VICIdial would not find `callId` (already normalized), or undefined when it is acceptable. */
export function callIdProblem(callId: string): string | undefined {
  if (callId === "") return "Enter a call ID";
  const dropped = charactersVicidialDrops("call_id", callId);
  if (dropped.length > 0) {
    return `A call ID has only letters and digits; this one also contains ${describe(dropped)}`;
  }
  if (!CALL_ID_PREFIXES.some((prefix) => callId.startsWith(prefix))) {
    const upper = callId.toUpperCase();
    const meant = [...CALL_ID_PREFIXES].sort((a, b) => b.length - a.length).find((prefix) => upper.startsWith(prefix));
    if (meant) {
      return `A call ID starts with an upper-case prefix: "${meant}", not "${callId.slice(0, meant.length)}"`;
    }
    return `A VICIdial call ID starts with ${CALL_ID_PREFIX_LIST}; this one starts with "${callId.charAt(0)}"`;
  }
  if (callId.length < CALL_ID_MIN_LENGTH) {
    return `A call ID has ${CALL_ID_MIN_LENGTH} to ${CALL_ID_MAX_LENGTH} characters; this one has ${callId.length}`;
  }
  if (callId.length > CALL_ID_MAX_LENGTH) {
    return `VICIdial stores call IDs of at most ${CALL_ID_MAX_LENGTH} characters, so this one (${callId.length}) can never be found`;
  }
  return undefined;
}

/** One pasted item of a batch, in the order pasted. */
export type BatchItem = { pasted: string; callId: string; problem?: string };

/** The items of pasted batch text: one per line or comma-separated (semicolons and tabs from spreadsheets too). */
export function splitBatchText(text: string): BatchItem[] {
  return text
    .split(/[\r\n,;\t]+/)
    .map((piece) => piece.trim())
    .filter((piece) => normalizeCallId(piece) !== "")
    .map((pasted) => {
      const callId = normalizeCallId(pasted);
      const problem = callIdProblem(callId);
      return problem ? { pasted, callId, problem } : { pasted, callId };
    });
}
