/**
 * VICIdial's view of a phone's SIP registration (phones.peer_status, an ENUM), in words and a
 * colour, and which values mean "not registered": what IT checks first when an agent cannot log in.
 */
export const PEER_STATUSES = ["UNKNOWN", "REGISTERED", "UNREGISTERED", "REACHABLE", "LAGGED", "UNREACHABLE"] as const;
export type PeerStatus = (typeof PEER_STATUSES)[number];

export type SipTone = "green" | "amber" | "red" | "neutral";

export const PEER_STATUS_INFO: Record<PeerStatus, { words: string; tone: SipTone; meaning: string }> = {
  REGISTERED: { words: "Registered", tone: "green", meaning: "The phone has registered with Asterisk" },
  REACHABLE: { words: "Reachable", tone: "green", meaning: "Registered, and it answers Asterisk's checks in time" },
  LAGGED: { words: "Lagged", tone: "amber", meaning: "Registered, but it answers Asterisk's checks too slowly" },
  UNREGISTERED: { words: "Not registered", tone: "red", meaning: "The phone is not registered: agents cannot use it" },
  UNREACHABLE: { words: "Unreachable", tone: "red", meaning: "Asterisk cannot reach the phone" },
  UNKNOWN: { words: "Unknown to VICIdial", tone: "neutral", meaning: "VICIdial has not seen the phone's registration" },
};

/** The phones list's "Not registered" filter: everything but a working registration. */
export const NOT_REGISTERED: readonly PeerStatus[] = ["UNREGISTERED", "UNREACHABLE", "LAGGED", "UNKNOWN"];

export function isPeerStatus(value: string | null | undefined): value is PeerStatus {
  return (PEER_STATUSES as readonly string[]).includes(value ?? "");
}

/** The badge's words: the status, with the round trip when VICIdial measured one. */
export function sipStatusText(peerStatus: string | null | undefined, pingTime: number | null | undefined): { words: string; tone: SipTone; meaning: string } {
  if (!isPeerStatus(peerStatus)) return { words: "unknown", tone: "neutral", meaning: "The dashboard has not read this phone's registration from VICIdial's database" };
  const info = PEER_STATUS_INFO[peerStatus];
  return pingTime === null || pingTime === undefined ? info : { ...info, words: `${info.words} · ${pingTime} ms` };
}
