import type { CallDirection } from "@/lib/calls/reader/types";

/** The deep link of one call, safe to paste into a ticket. */
export function callPath(callId: string): string {
  return `/calls/${encodeURIComponent(callId)}`;
}

/** The call card of one logged call; the search range goes along for "other calls in the period". */
export function callCardPath(direction: CallDirection, key: string, range?: { from: string; to: string }): string {
  const query = range ? `?${new URLSearchParams({ from: range.from, to: range.to }).toString()}` : "";
  return `/calls/${direction}/${encodeURIComponent(key)}${query}`;
}

/** The dashboard's own address of a recording's audio (never the dialer's). */
export function recordingPath(recordingId: string, download = false): string {
  return `/calls/recordings/${encodeURIComponent(recordingId)}${download ? "?download=1" : ""}`;
}
