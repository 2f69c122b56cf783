import type { ApiParameter } from "@/lib/vicidial/parameters";
import { closestStored } from "./closest";
import { didPatternWarning } from "./did-pattern";
import { cleanPhoneNumber, listInWords, type CleanedNumber } from "./phone-number";

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

export function adviseInput(api: ApiParameter, raw: string | null | undefined): InputAdvice {
  const value = (raw ?? "").trim();
  if (!value) return {};
  const advice: InputAdvice = {};
  const cleaned = cleanPhoneNumber(api, value);
  if (cleaned) advice.cleaned = { ...cleaned, message: `Sent as ${cleaned.value}: ${listInWords(cleaned.removed)} removed.` };
  const sent = cleaned?.value ?? value;
  if (!cleaned) {
    const suggestion = closestStored(api, value);
    if (suggestion) advice.suggestion = suggestion;
  }
  if (api === "did_pattern") {
    const warning = didPatternWarning(sent);
    if (warning) advice.warning = warning;
  }
  return advice;
}
