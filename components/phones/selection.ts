/** The form the phone list's row checkboxes belong to (the bulk bar renders it). */
export const PHONE_SELECTION_FORM = "phone-selection";

/** A phone's checkbox value: its key, which takes two fields. */
export function phoneSelectionValue(phone: { serverIp: string; extension: string }): string {
  return JSON.stringify({ serverIp: phone.serverIp, extension: phone.extension });
}
