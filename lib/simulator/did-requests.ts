// Counts, per DID pattern, the requests that reached the script, by function: how a test proves
// that a DID was sent once, or read back instead of sent again, without reading VICIdial's logs.
import { readParam, type RequestParams } from "./params";

/** pattern → function → requests (copy_did counts once for each DID of its new_dids list). */
export type DidRequestCounts = Record<string, Record<string, number>>;

const DID_FUNCTIONS = new Set(["add_did", "update_did", "copy_did"]);

export function createDidRequestCounter() {
  let counts: DidRequestCounts = {};

  function bump(pattern: string, fn: string) {
    const perFunction = (counts[pattern] ??= {});
    perFunction[fn] = (perFunction[fn] ?? 0) + 1;
  }

  return {
    /** Call for every request that reaches the script, before it runs. */
    count(params: RequestParams) {
      const fn = readParam(params, "function");
      if (!DID_FUNCTIONS.has(fn)) return;
      if (fn === "copy_did") {
        for (const pattern of readParam(params, "new_dids").split(",")) if (pattern !== "") bump(pattern, fn);
      } else {
        const pattern = readParam(params, "did_pattern");
        if (pattern !== "") bump(pattern, fn);
      }
    },
    snapshot(): DidRequestCounts {
      return structuredClone(counts);
    },
    reset() {
      counts = {};
    },
  };
}
