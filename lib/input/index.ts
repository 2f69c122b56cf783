import type { ApiParameter } from "@/lib/vicidial/parameters";
import { closestStored } from "./closest";
import { didPatternWarning } from "./did-pattern";
import { cleanPhoneNumber, listInWords, PHONE_NUMBER_PARAMETERS, type CleanedNumber } from "./phone-number";

export { closestStored } from "./closest";
export { didPatternWarning } from "./did-pattern";
export { cleanPhoneNumber, listInWords, phoneNumberValue, PHONE_NUMBER_PARAMETERS, type CleanedNumber } from "./phone-number";

/**
 * What the dashboard says about a value typed or pasted for a VICIdial parameter, before it is
 * sent: the cleaned phone number it will send instead, the closest value VICIdial keeps (offered,
 * never applied unasked) and a warning that does not stop the change. The forms, the server
 * actions (through the schemas) and the CSV dry run all take these from here.
 */
export interface InputAdvice {
  cleaned?: CleanedNumber & { message: string };
  suggestion?: string;
  warning?: string;
}

/** A list of DIDs (copy_did's new_dids): each entry is cleaned and judged like one DID pattern. */
function adviseList(raw: string): InputAdvice {
  const entries = raw.split(/[,\r\n]+/).map((entry) => entry.trim()).filter((entry) => entry !== "");
  const advice: InputAdvice = {};
  const removed = new Set<string>();
  const sent = entries.map((entry) => {
    const cleaned = cleanPhoneNumber("new_dids", entry);
    cleaned?.removed.forEach((item) => removed.add(item));
    return cleaned?.value ?? entry;
  });
  if (removed.size > 0) advice.cleaned = { value: sent.join(", "), removed: [...removed], message: `Sent as ${sent.join(", ")}: ${listInWords([...removed])} removed.` };
  const warnings = sent.flatMap((entry) => didPatternWarning(entry) ?? []);
  if (warnings.length > 0) advice.warning = warnings.join(" ");
  return advice;
}

export function adviseInput(api: ApiParameter, raw: string | null | undefined): InputAdvice {
  const value = (raw ?? "").trim();
  if (!value) return {};
  if (api === "new_dids") return adviseList(value);
  const advice: InputAdvice = {};
  const cleaned = cleanPhoneNumber(api, value);
  if (cleaned) advice.cleaned = { ...cleaned, message: `Sent as ${cleaned.value}: ${listInWords(cleaned.removed)} removed.` };
  const sent = cleaned?.value ?? value;
  // Numbers are not guessed at: a letter in a phone number is a mistake only the user can fix.
  if (!PHONE_NUMBER_PARAMETERS.includes(api)) {
    const suggestion = closestStored(api, value);
    if (suggestion) advice.suggestion = suggestion;
  }
  if (api === "did_pattern" || api === "source_did_pattern") {
    const warning = didPatternWarning(sent);
    if (warning) advice.warning = warning;
  }
  return advice;
}
