/** The deep link of one call, safe to paste into a ticket. */
export function callPath(callId: string): string {
  return `/calls/${encodeURIComponent(callId)}`;
}
